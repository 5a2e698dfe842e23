import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

/**
 * Where words for people are written: the views, the emails, the scanner, the emulator's
 * checkout page. (The emulator's API answers developers in English, as Stripe's does.)
 */
const places = ["src/web", "emails", "src/client/door", "src/dev/stripe-emulator/checkout-page.tsx"];

/** Two or more letters: a word. */
const WORD = /\p{L}{2,}/u;
/** Three or more words separated by spaces: how a sentence looks in a string. */
const PROSE = /[\p{L}’']+[,.:;!?]? [\p{L}’']+[,.:;!?]? [\p{L}’']+/u;
/** Strings that look like words but are code: SQL, CSS declarations, class lists. */
const CODE = [
  /\b(SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES)\b/,
  /^\s*[a-z-]+:\s[^;]*;/,
  /^(?=.*-)[a-z0-9 -]+$/,
];
const isCode = (text: string) => CODE.some((pattern) => pattern.test(text));

/** JSX attributes a person reads (or hears) whatever their value. */
const READ_ATTRIBUTES = new Set(["aria-label", "aria-description", "title", "placeholder", "alt", "label", "legend", "heading", "message", "hint", "description", "summary"]);

/**
 * Literals allowed to stay, each with its reason. Keep this short: words for people belong
 * in the catalogues (src/i18n; the emulator's own dev catalogue).
 */
const allowed = new Map<string, string>([
  // The HTTP header an integration sends: code, the same in every language.
  ["Authorization: Bearer &lt;token&gt;", "an HTTP header"],
  // The service worker's last resort when the door page (which carries the user's words) was
  // never cached on this phone: no catalogue and no language are known there.
  ["You are offline and this page has not been opened on this phone before. Connect once, then try again.", "no catalogue reachable"],
  // A developer's error (thrown, logged), not something door staff read.
  ["The page has no #${…} block: the scanner has no words to say.", "a developer's error"],
]);

/** Every literal a person would read in a view source, with its line. */
export function literalsIn(fileName: string, source: string): Array<{ line: number; text: string }> {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Array<{ line: number; text: string }> = [];
  const report = (node: ts.Node, text: string) => {
    if (!allowed.has(text.trim())) found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (WORD.test(node.text)) report(node, node.text);
    } else if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = node.name.getText(file);
      if (READ_ATTRIBUTES.has(name) && WORD.test(node.initializer.text)) report(node, node.initializer.text);
      return;
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (PROSE.test(node.text) && !isCode(node.text)) report(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join("${…}");
      if (PROSE.test(text) && !isCode(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sourcesUnder(dir: string): string[] {
  if (/\.tsx?$/.test(dir)) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe("views say nothing of their own", () => {
  it("finds text in JSX, in attributes people read, and sentences in strings; passes over codes and comments", () => {
    expect(literalsIn("a.tsx", "const a = <p>Continue</p>;")).toHaveLength(1);
    expect(literalsIn("a.tsx", 'const a = <button aria-label="Close">×</button>;')).toHaveLength(1);
    expect(literalsIn("a.tsx", 'const a = <Layout title="Your tickets" />;')).toHaveLength(1);
    expect(literalsIn("a.ts", "const s = `Only ${n} places are left.`;")).toHaveLength(1);
    expect(literalsIn("a.tsx", 'const a = <p class="tier-table">{m.public.title} · {n}</p>;')).toEqual([]);
    expect(literalsIn("a.tsx", 'const a = <p style="font-family: Segoe UI, Arial, sans-serif;" class={"field radios field-error"} />;')).toEqual([]);
    expect(literalsIn("a.tsx", '// Shows the tickets to the buyer.\nconst a = <input name="email" type="email" autocomplete="email" />;')).toEqual([]);
  });

  it("has no words for people outside the catalogues in any view, email, scanner or emulator page", () => {
    const files = places.flatMap((place) => sourcesUnder(join(root, place)));
    expect(files.length).toBeGreaterThan(60);
    const offenders = files.flatMap((path) =>
      literalsIn(path, readFileSync(path, "utf8")).map(({ line, text }) => `${relative(root, path)}:${line}: ${JSON.stringify(text.slice(0, 80))}`),
    );
    expect(offenders, `Move these words to the catalogues (src/i18n):\n${offenders.join("\n")}`).toEqual([]);
  });
});
