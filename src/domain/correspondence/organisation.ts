// The organisation's settings that receipts print: name, address, charity and company
// numbers, and VAT. One row; only owners change it (staff/roles: manage_settings).
import { runBatch } from "@/domain/batch";
import type { ServiceDeps } from "@/domain/deps";
import { DomainError } from "@/domain/errors";
import type { FieldIssue } from "@/domain/issues";
import { auditStatement } from "@/domain/staff/audit";
import { findOrganisation, saveOrganisationStatement, type OrganisationRow } from "@/domain/correspondence/repo";

export const vatStatuses = ["not_registered", "registered"] as const;

/** The settings as the form sends them: text, the VAT rate as a percentage ("20" or "5.5"). */
export type OrganisationInput = { name: string; address: string; charityNumber: string; companyNumber: string; vatStatus: string; vatNumber: string; vatRate: string };

const limits = { name: 200, address: 500, charityNumber: 40, companyNumber: 40, vatNumber: 40 } as const;

/** The stored settings, or empty ones (VAT not registered) before an owner saves any. */
export async function getOrganisation(deps: Pick<ServiceDeps, "d1">): Promise<OrganisationRow> {
  const row = await findOrganisation(deps.d1);
  return row ?? { name: "", address: "", charityNumber: "", companyNumber: "", vatStatus: "not_registered", vatNumber: "", vatRateBasisPoints: 2000 };
}

/** Checks the form: every problem at once, as field issues; the settings to store otherwise. */
export function parseOrganisation(input: OrganisationInput): OrganisationRow {
  const issues: Record<string, FieldIssue> = {};
  const text = (key: keyof typeof limits) => {
    const value = input[key].trim();
    if (value.length > limits[key]) issues[key] = { code: "too_long", params: { max: limits[key] } };
    return value;
  };
  const row = { name: text("name"), address: text("address"), charityNumber: text("charityNumber"), companyNumber: text("companyNumber"), vatNumber: text("vatNumber") };
  if (!row.name) issues.name = { code: "required" };
  const vatStatus = (vatStatuses as readonly string[]).includes(input.vatStatus) ? input.vatStatus : "";
  if (!vatStatus) issues.vatStatus = { code: "not_allowed" };
  let vatRateBasisPoints = 2000;
  if (vatStatus === "registered") {
    if (!row.vatNumber) issues.vatNumber = { code: "required" };
    const rate = input.vatRate.trim();
    if (!/^\d{1,2}(\.\d{1,2})?$/.test(rate)) issues.vatRate = { code: "format_invalid" };
    else vatRateBasisPoints = Math.round(Number(rate) * 100);
  }
  if (Object.keys(issues).length) throw new DomainError("invalid", {}, issues);
  return { ...row, vatStatus, vatRateBasisPoints };
}

/** Saves the organisation's settings with its audit entry (what changed), in one batch. */
export async function saveOrganisation(deps: ServiceDeps, staffId: string, input: OrganisationInput): Promise<void> {
  const next = parseOrganisation(input);
  const before = await getOrganisation(deps);
  const fields = (Object.keys(next) as Array<keyof OrganisationRow>).filter((k) => next[k] !== before[k]);
  const now = deps.now();
  await runBatch(deps.d1, [
    saveOrganisationStatement(deps.d1, next, now),
    auditStatement(deps.d1, { staffId, action: "organisation_updated", entity: "organisation", entityId: "org", detail: { fields } }, now),
  ]);
}
