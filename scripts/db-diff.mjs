#!/usr/bin/env node
// npm run db:diff -- <name>
// Writes prisma/migrations/NNNN_<name>.sql: the SQL that takes the database from the schema
// of the last migration (prisma/migrations-schema.prisma, kept by this script) to the
// current prisma/schema.prisma. Runs with no database and no native Prisma engine.
// `npm test` fails if the migrations and schema.prisma ever disagree.
import { copyFile, readFile, readdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { diffSql } from "./lib/schema-engine.mjs";

const root = join(import.meta.dirname, "..");
const schemaPath = join(root, "prisma", "schema.prisma");
const snapshotPath = join(root, "prisma", "migrations-schema.prisma");
const migrationsDir = join(root, "prisma", "migrations");

const rawName = process.argv.slice(2).join("_");
const name = rawName.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
if (!name) {
  console.error("Give the migration a name: npm run db:diff -- add_ticket_notes");
  process.exit(2);
}

const to = { path: "schema.prisma", content: await readFile(schemaPath, "utf8") };
const from = existsSync(snapshotPath)
  ? { path: "migrations-schema.prisma", content: await readFile(snapshotPath, "utf8") }
  : null;
const sql = await diffSql(from, to);
if (!sql) {
  console.log("schema.prisma matches the migrations: nothing to write.");
  process.exit(0);
}

const numbers = (await readdir(migrationsDir)).map((f) => /^(\d{4})_.*\.sql$/.exec(f)?.[1]).filter(Boolean).map(Number);
const next = String((numbers.length ? Math.max(...numbers) : 0) + 1).padStart(4, "0");
const file = join(migrationsDir, `${next}_${name}.sql`);
const header = `-- Migration ${next}_${name}: written by \`npm run db:diff\` from prisma/schema.prisma.\n-- Review before committing; wrangler applies it (npm start, npm test, npm run deploy).\n\n`;
await writeFile(file, header + sql);
await copyFile(schemaPath, snapshotPath);
console.log(`Wrote ${file.slice(root.length + 1)}. Apply locally with npm start (or npm run db:migrate:local).`);
