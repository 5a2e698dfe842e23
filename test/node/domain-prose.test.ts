import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const domain = join(root, "src", "domain");

/** Three or more words of letters separated by spaces: how a sentence for people looks. */
const PROSE = /[A-Za-z’']+[,.:;!?]? [A-Za-z’']+[,.:;!?]? [A-Za-z’']+/;
/** SQL reads like words too; its upper-case keywords give it away. */
const SQL = /\b(SELECT|INSERT|UPDATE|DELETE|CASE WHEN|WHERE|VALUES|IN|AND|OR|IS NULL)\b/;

/**
 * Literals allowed to stay, each with its reason. Keep this short: a sentence for a person
 * belongs in src/i18n, and the rule returns a code.
 */
const allowed = new Map([
  // Stored in Ticket.eligibilityAnswer beside "complimentary", "declared" and the like:
  // recorded data that existing rows already hold, not a message.
  ["pay at the door", "a stored eligibility answer"],
]);

/** Every string and template literal in a TypeScript source that looks like English prose (comments are not literals). */
export function proseIn(fileName: string, source: string): Array<{ line: number; text: string }> {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: Array<{ line: number; text: string }> = [];
  const visit = (node: ts.Node) => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ${…} ");
    else if (ts.isJsxText(node)) text = node.text;
    if (text !== undefined && PROSE.test(text) && !SQL.test(text) && !allowed.has(text.trim())) {
      found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("the domain speaks in codes", () => {
  it("recognises a sentence, and passes over SQL, codes and comments", () => {
    expect(proseIn("a.ts", 'throw new Error("We could not find that event.");')).toHaveLength(1);
    expect(proseIn("a.ts", "const s = `Only ${n} places are left.`;")).toHaveLength(1);
    expect(proseIn("a.ts", 'db.prepare(`SELECT "id" FROM "Order" WHERE "status" = ?1`);')).toEqual([]);
    expect(proseIn("a.ts", '// We could not find that event.\nthrow new DomainError("not_found", { what: "event" });')).toEqual([]);
  });

  it("has no English prose in any string in src/domain", () => {
    const files = sourcesUnder(domain);
    expect(files.length).toBeGreaterThan(40);
    const offenders = files.flatMap((path) =>
      proseIn(path, readFileSync(path, "utf8")).map(({ line, text }) => `${relative(root, path)}:${line}: ${JSON.stringify(text.slice(0, 80))}`),
    );
    expect(offenders, `Move these sentences to src/i18n and return a code:\n${offenders.join("\n")}`).toEqual([]);
  });
});
