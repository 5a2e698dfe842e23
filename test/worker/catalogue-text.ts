// For tests that a page or email speaks one language only: the sentences of a catalogue, and
// a page's readable text, so "none of English's sentences appear in the Spanish page" can
// be checked for any page.
import type { Messages } from "@/i18n";

const placeholder = "\u0001";

/** A parameter object whose every field reads as the placeholder (numbers too, as NaN). */
const anyParams = new Proxy({}, { get: (_t, key) => (key === Symbol.toPrimitive ? () => placeholder : placeholder) });

/**
 * Every fixed piece of text a catalogue can produce, at least `minLength` characters long:
 * plain entries as they are, and the fixed parts between the parameters of entries that take
 * some. Formats and the language's own name are left out.
 */
export function sentencesOf(m: Messages, minLength = 14): Set<string> {
  const out = new Set<string>();
  const add = (text: string) => {
    for (const part of text.split(placeholder)) {
      const trimmed = part.trim();
      // A template with no words of its own ("{time}: {verdict}") is the same in every language.
      const words = trimmed.replace(/\{\w+\}/g, "").replace(/[^\p{L}]/gu, "");
      if (trimmed.length >= minLength && words.length >= 4) out.add(trimmed);
    }
  };
  const walk = (value: unknown) => {
    if (typeof value === "string") add(value);
    else if (typeof value === "function") {
      try {
        const said = value(anyParams);
        if (typeof said === "string") add(said);
      } catch {
        // An entry that needs real parameters (a list, a number to compare): its plain parts are covered elsewhere.
      }
    } else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  const { format: _format, languageName: _name, locale: _locale, ogLocale: _og, ...rest } = m;
  walk(rest);
  return out;
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** What a person reads in `html`: tags, scripts and styles removed, entities decoded, spaces collapsed. */
export function readableText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (all, code: string) => {
      if (code[0] === "#") return String.fromCodePoint(code[1]?.toLowerCase() === "x" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10));
      return entities[code.toLowerCase()] ?? all;
    })
    .replace(/\s+/g, " ");
}

/** The sentences of `sentences` that appear in `text` (an empty list when the text is clean). */
export function sentencesIn(text: string, sentences: Set<string>): string[] {
  const flat = text.replace(/\s+/g, " ");
  return [...sentences].filter((s) => flat.includes(s.replace(/\s+/g, " ")));
}
