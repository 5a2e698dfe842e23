import { Hono } from "hono";
import type { HtmlEscapedString } from "hono/utils/html";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { DomainError } from "@/domain/errors";
import { validate } from "@/lib/validate";
import { requirePermission, signedIn, type SignedIn } from "@/web/middleware/auth";
import type { ServiceDeps } from "@/domain/deps";
import { applyImport, deleteMember, listMembers, planImport, type ImportMode } from "@/domain/members/members";
import { csvHash, decodeCsvBytes, MAX_MEMBER_ROWS, normaliseCsvText, parseMembersCsv } from "@/domain/members/members-csv";
import { MembersPage } from "@/web/admin/members/members-page";
import { MembersPreviewPage } from "@/web/admin/members/members-preview-page";
import { errorMessage, fieldMessage, type Messages } from "@/i18n";
import { messagesOf } from "@/web/shared/i18n";

const MAX_UPLOAD_BYTES = 5_000_000;
const manageMembers = requirePermission("manage_members");
const idParam = z.object({ id: z.string().regex(/^[a-z]{2,8}_[0-9a-z]{16}$/) });
const listQuery = z.object({ q: z.string().max(254).default(""), page: z.coerce.number().int().min(1).max(100_000).catch(1) });

type PageValues = SignedIn & { deps: ServiceDeps };

/** The members list page, searched and paged, with a notice or an upload's refusal. */
async function listPage(v: PageValues, extra: { q?: string; page?: number; notice?: string | undefined; uploadError?: string; pasted?: string } = {}) {
  const q = extra.q ?? "";
  const list = await listMembers(v.deps.d1, { q, page: extra.page ?? 1 });
  return <MembersPage {...signedIn(v)} list={list} q={q} notice={extra.notice} uploadError={extra.uploadError} pasted={extra.pasted} />;
}

/**
 * What an upload would change, to confirm; or, when the text is not a members list, the list
 * page again with the reason (and the status to answer with).
 */
async function previewPage(v: PageValues, m: Messages, csv: string, mode: string, error?: string): Promise<{ page: HtmlEscapedString | Promise<HtmlEscapedString>; status: 200 | 422 }> {
  const parsed = parseMembersCsv(csv);
  if ("error" in parsed) return { page: await listPage(v, { uploadError: fieldMessage(parsed.error, m), pasted: csv.length < 100_000 ? csv : "" }), status: 422 };
  const plan = await planImport(v.deps.d1, parsed.accepted);
  const text = normaliseCsvText(csv);
  return { page: <MembersPreviewPage {...signedIn(v)} m={m} parsed={parsed} plan={plan} csv={text} hash={await csvHash(text)} mode={mode} error={error} />, status: error ? 422 : 200 };
}

/** The notice after a change, from the redirect's query, in the reader's language. */
const doneText = (q: URLSearchParams, m: Messages): string | undefined => {
  const num = (k: string) => {
    const value = Number(q.get(k) ?? 0);
    return Number.isSafeInteger(value) && value >= 0 ? value : 0;
  };
  if (q.get("done") === "deleted") return m.team.members.deleted;
  if (q.get("done") !== "imported") return undefined;
  return m.team.members.imported({
    mode: q.get("mode") === "replace" ? "replace" : "add",
    added: num("added"),
    updated: num("updated"),
    unchanged: num("unchanged"),
    removed: num("removed"),
    skipped: num("skipped"),
    rejected: num("rejected"),
  });
};

/** The members list: search, upload (preview, then confirm), delete one. Each needs manage_members. */
export const adminMemberRoutes = new Hono<AppEnv>()
  .get("/members", manageMembers, validate("query", listQuery), async (c) => {
    const { q, page } = c.req.valid("query");
    return c.html(await listPage(c.var, { q, page, notice: doneText(new URL(c.req.url).searchParams, messagesOf(c)) }));
  })
  // Step 1: read the file (or pasted text) and show what would happen.
  .post(
    "/members/preview",
    manageMembers,
    validate("form", z.object({ file: z.union([z.instanceof(File), z.string()]).optional(), csv: z.string().max(MAX_UPLOAD_BYTES).default("") })),
    async (c) => {
      const { file, csv } = c.req.valid("form");
      if (file instanceof File && file.size > MAX_UPLOAD_BYTES) {
        return c.html(await listPage(c.var, { uploadError: messagesOf(c).team.members.tooLarge({ megabytes: MAX_UPLOAD_BYTES / 1_000_000, max: MAX_MEMBER_ROWS }) }), 413);
      }
      const text = file instanceof File && file.size > 0 ? decodeCsvBytes(new Uint8Array(await file.arrayBuffer())) : csv;
      const { page, status } = await previewPage(c.var, messagesOf(c), text, "add");
      return c.html(page, status);
    },
  )
  // Step 2: the same text comes back with its hash; it is parsed again here, never trusted as rows.
  .post(
    "/members/import",
    manageMembers,
    validate("form", z.object({ csv: z.string().max(MAX_UPLOAD_BYTES * 2), hash: z.string().regex(/^[0-9a-f]{64}$/), mode: z.string().default("") })),
    async (c) => {
      const { csv, hash, mode } = c.req.valid("form");
      if ((await csvHash(csv)) !== hash) {
        return c.html(await listPage(c.var, { uploadError: messagesOf(c).team.members.changed }), 422);
      }
      if (mode !== "add" && mode !== "replace") {
        const { page, status } = await previewPage(c.var, messagesOf(c), csv, "", messagesOf(c).team.members.chooseMode);
        return c.html(page, status);
      }
      const parsed = parseMembersCsv(csv);
      if ("error" in parsed) return c.html(await listPage(c.var, { uploadError: fieldMessage(parsed.error, messagesOf(c)) }), 422);
      let result;
      try {
        result = await applyImport(c.var.deps, c.var.staff.id, parsed, mode satisfies ImportMode);
      } catch (err) {
        if (err instanceof DomainError && err.code === "conflict") {
          const { page, status } = await previewPage(c.var, messagesOf(c), csv, mode, errorMessage(err, messagesOf(c)));
          return c.html(page, status);
        }
        throw err;
      }
      const params = new URLSearchParams({ done: "imported", ...Object.fromEntries(Object.entries(result).map(([k, v]) => [k, String(v)])) });
      return c.redirect(`/admin/members?${params}`, 303);
    },
  )
  .post("/members/:id/delete", manageMembers, validate("param", idParam), validate("form", z.object({ q: z.string().max(254).default(""), page: z.string().max(8).default("1") })), async (c) => {
    await deleteMember(c.var.deps, c.var.staff.id, c.req.valid("param").id);
    const { q, page } = c.req.valid("form");
    return c.redirect(`/admin/members?${new URLSearchParams({ done: "deleted", ...(q ? { q } : {}), page })}`, 303);
  });
