// Prisma's schema engine compiled to WebAssembly: computes migration SQL from schema files
// with no database and no native binary (the CLI's native engine cannot be downloaded on
// machines that reach only the npm registry). Internal Prisma API: versions are pinned exactly
// in package.json; see FACTS.md.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);

/** A SQLite adapter factory that is never asked to run SQL: diffs between schema files need none. */
const refuse = () => Promise.reject(new Error("this schema engine has no database"));
const noConnection = {
  provider: "sqlite",
  adapterName: "no-database",
  queryRaw: refuse,
  executeRaw: refuse,
  executeScript: refuse,
  startTransaction: refuse,
  dispose: () => Promise.resolve(),
};
const noDatabase = {
  provider: "sqlite",
  adapterName: "no-database",
  connect: async () => noConnection,
  connectToShadowDb: async () => noConnection,
};

let engineClass;
async function loadEngine() {
  engineClass ??= instantiate();
  return engineClass;
}

async function instantiate() {
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(bgPath);
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= { set_message() {} };
  const bytes = await readFile(join(dirname(bgPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bg.SchemaEngine;
}

/**
 * SQL that takes a SQLite database from the `from` datamodel (or from nothing when `from` is
 * null) to the `to` datamodel. Returns "" when they are the same.
 * @param {{ path: string, content: string } | null} from
 * @param {{ path: string, content: string }} to
 */
export async function diffSql(from, to) {
  const SchemaEngine = await loadEngine();
  const engine = await SchemaEngine.new(
    { datamodels: [[to.path, to.content]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(noDatabase),
  );
  const target = (file) => ({ tag: "schemaDatamodel", files: [file] });
  const result = await engine.diff({
    from: from ? target(from) : { tag: "empty" },
    to: target(to),
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = result.stdout ?? "";
  return /^\s*(--.*\n?\s*)*$/.test(sql) && !/;/.test(sql) ? "" : sql;
}
