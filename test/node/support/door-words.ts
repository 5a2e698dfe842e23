// The scanner's words for a language, as a door page embeds them, for node-side tests of the
// scanner's code. Loaded by a computed path: the catalogues' types reach the Workers runtime's
// (through the domain), which this program does not load; the words' own type is enough.
import type { ScannerCatalogue, ScannerWords } from "../../../src/i18n/areas/door-scanner";

type Catalogue = { locale: string; door: { scanner: ScannerWords } };

export async function scannerWords(lang: "en" | "es"): Promise<ScannerCatalogue> {
  const module = (await import(/* @vite-ignore */ `../../../src/i18n/${lang}.ts`)) as Record<string, Catalogue>;
  const m = module[lang]!;
  return { locale: m.locale, words: m.door.scanner };
}

/** Every text in the words (templates and plural forms included), for "says none of these" checks. */
export function textsOf(words: ScannerWords): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") out.push(value);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(words);
  return out;
}
