import { listSlugsStartingWith } from "@/domain/events/repo";

/** "Annual Conference: Human Rights & Development" → "annual-conference-human-rights-and-development". */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= max) return slug || "event";
  const cut = slug.slice(0, max);
  return cut.slice(0, cut.lastIndexOf("-") > 20 ? cut.lastIndexOf("-") : max).replace(/-+$/, "");
}

/** `base`, or `base-2`, `base-3`… : the first that no event uses yet. */
export async function uniqueSlug(d1: D1Database, base: string): Promise<string> {
  const taken = new Set(await listSlugsStartingWith(d1, base));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** "HRD" from "Annual Conference: Human Rights and Development" style titles, for order references. */
export function initialsOf(title: string): string {
  const small = new Set(["a", "an", "and", "the", "of", "for", "in", "on", "at", "to", "with"]);
  const letters = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^A-Za-z]+/)
    .filter((w) => w && !small.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join("")
    .slice(0, 5);
  return letters.length >= 2 ? letters : "REG";
}
