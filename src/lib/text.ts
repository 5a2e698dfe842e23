// Control, format and bidi-override characters: invisible, and a way to make a name display
// as something else. Tabs and newlines become spaces; the rest are removed.
const invisible = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** A person's name or similar one-line text: NFC, no invisible characters, single spaces, trimmed. */
export function cleanLine(value: string): string {
  return value.normalize("NFC").replace(/[\t\n\r]+/g, " ").replace(invisible, "").replace(/\s{2,}/g, " ").trim();
}

/** Email addresses compare trimmed and case-insensitively (plus-addressing is kept as is). */
export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

/** Membership numbers compare trimmed, without inner spaces, and case-insensitively. */
export function normaliseMembershipNumber(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

// Letters that carry no combining mark to strip, written as their plain Latin spelling.
const unmarked: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };

/** Text as search compares it: lower case, accents removed, spaces single ("Núñez" → "nunez"). */
export function foldForSearch(value: string): string {
  return cleanLine(value)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => unmarked[c] ?? c);
}

/**
 * A row's search column: each part folded, one per line, so a query (which never holds a line
 * break) only matches within one part. Compared with `instr()`, which has no pattern limit.
 */
export function searchText(...parts: Array<string | null | undefined>): string {
  return parts.map((p) => foldForSearch(p ?? "")).join("\n");
}
