import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The layers the code is built in: every SQL statement and Prisma call of an aggregate lives in
// its src/domain/<aggregate>/repo.ts; the rules beside it and the web edge call those
// functions. This test reads the source and names every file that breaks that.

const root = fileURLToPath(new URL("../..", import.meta.url));

const prismaOps = [
  "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "create", "createMany", "createManyAndReturn",
  "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany", "count", "aggregate", "groupBy",
];

const sqlPatterns: Array<[string, RegExp]> = [
  [".prepare(", /\.prepare\s*\(/],
  [".batch(", /\.batch\s*\(/],
  ["$queryRaw", /\$queryRaw/],
  ["$executeRaw", /\$executeRaw/],
  ["Prisma model call", new RegExp(`\\b(?:db|prisma|tx)\\s*\\.\\s*[a-z]\\w*\\s*\\.\\s*(?:${prismaOps.join("|")})\\s*\\(`)],
];

const forbiddenImport = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](hono(?:\/[^"']*)?|@\/web\/[^"']*|@\/dev\/[^"']*)["']/g;

/** Source files under `dir` (relative to the repository, with forward slashes). */
function sourceFiles(dir: string): string[] {
  return (readdirSync(join(root, dir), { recursive: true, encoding: "utf8" }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".d.ts"))
    .map((f) => relative(root, join(root, dir, f)).split("\\").join("/"))
    .sort();
}

/** The code without its comments (block comments, and lines that are only a comment). */
function code(file: string): string {
  return readFileSync(join(root, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n");
}

/**
 * Where SQL may be: each aggregate's repo.ts; orders/seats.ts, the seat-counter statements
 * every order change runs (DESIGN: the only code that takes or frees seats); and batch.ts,
 * the one place a batch of repo statements is run.
 */
const isRepo = (file: string) => /^src\/domain\/[^/]+\/repo\.ts$/.test(file) || file === "src/domain/orders/seats.ts" || file === "src/domain/batch.ts";

/** Each file outside a repo that runs SQL or Prisma, with what it runs. */
function offenders(): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const file of [...sourceFiles("src/domain"), ...sourceFiles("src/web")]) {
    if (isRepo(file)) continue;
    const text = code(file);
    const hits = sqlPatterns.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
    if (hits.length) found[file] = hits;
  }
  return found;
}

/** Each domain file that imports Hono, the web edge or the dev tools, with what it imports. */
function forbiddenImports(): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const file of sourceFiles("src/domain")) {
    const imports = [...code(file).matchAll(forbiddenImport)].map((m) => m[1]!);
    if (imports.length) found[file] = imports;
  }
  return found;
}

describe("layering", () => {
  it("keeps SQL and Prisma calls in the aggregates' repo.ts files", () => {
    expect(offenders(), "move these statements and Prisma calls into src/domain/<aggregate>/repo.ts").toEqual({});
  });

  it("keeps Hono, the web edge and the dev tools out of the domain", () => {
    expect(forbiddenImports(), "src/domain must not import from hono, @/web/ or @/dev/").toEqual({});
  });
});
