import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM helper shared with scripts/db-diff.mjs, no type declarations
import { diffSql } from "../../scripts/lib/schema-engine.mjs";

const root = join(import.meta.dirname, "..", "..");
const migrationsDir = join(root, "prisma", "migrations");

/** Tables, columns, indexes and foreign keys of a SQLite database, in a comparable form. */
function describeSchema(db: DatabaseSync) {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations' ORDER BY name")
    .all()
    .map((r) => String(r.name));
  return Object.fromEntries(
    tables.map((table) => {
      const q = (pragma: string) => db.prepare(`SELECT * FROM pragma_${pragma}('${table}')`).all();
      const indexes = q("index_list")
        .map((ix) => ({
          name: ix.name,
          unique: ix.unique,
          columns: db.prepare(`SELECT name FROM pragma_index_info('${String(ix.name)}') ORDER BY seqno`).all().map((c) => c.name),
        }))
        .sort((a, b) => String(a.name).localeCompare(String(b.name)));
      const foreignKeys = q("foreign_key_list")
        .map(({ table: to, from, to: column, on_update, on_delete }) => ({ to, from, column, on_update, on_delete }))
        .sort((a, b) => String(a.from).localeCompare(String(b.from)));
      // Sorted: ALTER TABLE appends columns, so their order depends on migration history.
      const columns = q("table_info")
        .map(({ name, type, notnull, dflt_value, pk }) => ({ name, type, notnull, dflt_value, pk }))
        .sort((a, b) => String(a.name).localeCompare(String(b.name)));
      return [table, { columns, indexes, foreignKeys }];
    }),
  );
}

describe("migrations", () => {
  it("build exactly the database that prisma/schema.prisma describes", async () => {
    const files = (await readdir(migrationsDir)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
    expect(files.length).toBeGreaterThan(0);
    const migrated = new DatabaseSync(":memory:");
    for (const file of files) migrated.exec(await readFile(join(migrationsDir, file), "utf8"));

    const schema = await readFile(join(root, "prisma", "schema.prisma"), "utf8");
    const expected = new DatabaseSync(":memory:");
    expected.exec(await diffSql(null, { path: "schema.prisma", content: schema }));

    // If this fails, schema.prisma changed without a migration: run `npm run db:diff -- <name>`.
    expect(describeSchema(migrated)).toEqual(describeSchema(expected));
  });

  it("give the separate emulator Worker's database (wrangler.emulator.toml) exactly the emulator's tables of the schema", async () => {
    const appMigrated = new DatabaseSync(":memory:");
    for (const file of (await readdir(migrationsDir)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort()) {
      appMigrated.exec(await readFile(join(migrationsDir, file), "utf8"));
    }
    const emulatorDir = join(root, "src", "dev", "stripe-emulator", "migrations");
    const emulatorMigrated = new DatabaseSync(":memory:");
    for (const file of (await readdir(emulatorDir)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort()) {
      emulatorMigrated.exec(await readFile(join(emulatorDir, file), "utf8"));
    }
    const emulatorTables = Object.fromEntries(Object.entries(describeSchema(appMigrated)).filter(([table]) => table.startsWith("StripeEmulator")));
    expect(Object.keys(emulatorTables).sort()).toEqual(["StripeEmulatorDelivery", "StripeEmulatorObject"]);
    // If this fails, the emulator's tables changed in schema.prisma: add the same change to src/dev/stripe-emulator/migrations.
    expect(describeSchema(emulatorMigrated)).toEqual(emulatorTables);
    expect(await readFile(join(root, "wrangler.emulator.toml"), "utf8")).toMatch(/^migrations_dir = "src\/dev\/stripe-emulator\/migrations"$/m);
  });

  it("are numbered NNNN_name.sql with no gaps, as wrangler expects", async () => {
    const files = (await readdir(migrationsDir)).filter((f) => f.endsWith(".sql")).sort();
    files.forEach((file, i) => expect(file).toMatch(new RegExp(`^${String(i + 1).padStart(4, "0")}_[a-z0-9_]+\\.sql$`)));
  });
});
