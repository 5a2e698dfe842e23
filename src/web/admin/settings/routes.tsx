import { Hono } from "hono";
import type { AppEnv } from "@/env";
import { DomainError } from "@/domain/errors";
import { getOrganisation, saveOrganisation, type OrganisationInput } from "@/domain/correspondence/organisation";
import { fieldMessages } from "@/i18n";
import { requirePermission, signedIn } from "@/web/middleware/auth";
import { readForm } from "@/web/shared/form-body";
import { messagesOf } from "@/web/shared/i18n";
import { SettingsPage } from "@/web/admin/settings/settings-page";

const manageSettings = requirePermission("manage_settings");
const fieldNames = ["name", "address", "charityNumber", "companyNumber", "vatStatus", "vatNumber", "vatRate"] as const;

/** "20", "5.5": basis points as the form shows a percentage. */
const percent = (basisPoints: number) => String(basisPoints / 100);

/** The organisation's settings for receipts: owners only; every change audited. */
export const adminSettingsRoutes = new Hono<AppEnv>()
  .get("/settings", manageSettings, async (c) => {
    const org = await getOrganisation(c.var.deps);
    const values: OrganisationInput = { ...org, vatRate: percent(org.vatRateBasisPoints) };
    return c.html(<SettingsPage {...signedIn(c.var)} values={values} saved={c.req.query("done") === "saved"} />);
  })
  .post("/settings", manageSettings, async (c) => {
    const body = await readForm(c);
    const values = Object.fromEntries(fieldNames.map((k) => [k, typeof body[k] === "string" ? body[k].slice(0, 2000) : ""])) as OrganisationInput;
    try {
      await saveOrganisation(c.var.deps, c.var.staff.id, values);
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== "invalid") throw err;
      const m = messagesOf(c);
      return c.html(<SettingsPage {...signedIn(c.var)} values={values} errors={fieldMessages(err.fields, m)} problem={m.pages.formProblem} />, 422);
    }
    return c.redirect("/admin/settings?done=saved", 303);
  });
