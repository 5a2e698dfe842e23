import { isRole } from "@/domain/staff/roles";
import { messagesFor, type Messages } from "@/i18n";
import { minorDigits } from "@/lib/money";
import { useMessages } from "@/web/shared/i18n";

type AuditWords = Messages["audit"];
/** What the facts need from a catalogue besides the audit words: formats and role names. */
type FactWords = Pick<Messages, "locale" | "format" | "team">;
type Fact = { label: string; value: string };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const humanise = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();

/** What a role is called in `m`'s language (a value that is no role, as it is). */
export function roleName(role: string, m: Pick<Messages, "team">): string {
  return isRole(role) ? m.team.roles[role] : role;
}

/** An amount in minor units as a decimal in `m`'s language ("12.50", "12,50"). */
function decimalText(minor: number, currency: string | undefined, m: FactWords): string {
  const digits = currency ? minorDigits(currency) : 2;
  return new Intl.NumberFormat(m.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(minor / 10 ** digits);
}

/** One detail value for people: yes/no, "none", a time in `timeZone`, an amount, a role, an upload's mode, or a list. */
function valueText(key: string, value: unknown, words: AuditWords, timeZone: string, currency: string | undefined, m: FactWords): string {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return words.none;
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.map((v) => (key === "fields" ? (words.labels as Record<string, string>)[String(v)] ?? humanise(String(v)) : valueText(key, v, words, timeZone, currency, m))).join(", ");
  if (typeof value === "number" && key.endsWith("Minor")) {
    const amount = decimalText(value, currency, m);
    return currency ? `${amount} ${currency}` : amount;
  }
  if (typeof value === "string" && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))) return m.format.dateTime(new Date(value), timeZone);
  if (typeof value === "string" && key === "role") return roleName(value, m);
  if (typeof value === "string" && key === "mode" && Object.hasOwn(m.team.audit.importModes, value)) return m.team.audit.importModes[value as keyof typeof m.team.audit.importModes];
  if (typeof value === "object") return JSON.stringify(value);
  return String(value).replace(/_/g, " ");
}

/**
 * An audit entry's detail (stored JSON) as labelled facts in the catalogue's words; keys the
 * catalogue does not know (older entries) are shown with their own name, never dropped.
 * Times, amounts and roles are said in `m`'s language (English unless given).
 */
export function auditFacts(detail: string, words: AuditWords, timeZone: string, m: FactWords = messagesFor()): Fact[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return detail ? [{ label: words.labels.fields, value: detail }] : [];
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return [];
  const facts = parsed as Record<string, unknown>;
  const currency = typeof facts.currency === "string" ? facts.currency : undefined;
  return Object.entries(facts)
    .filter(([key]) => key !== "currency" || currency === undefined)
    .map(([key, value]) => ({ label: (words.labels as Record<string, string>)[key] ?? humanise(key), value: valueText(key, value, words, timeZone, currency, m) }));
}

/** The facts of an entry as a compact description list (nothing when there are none), in the reader's language. */
export function AuditFacts(props: { detail: string; words?: AuditWords; timeZone: string }) {
  const m = useMessages();
  const facts = auditFacts(props.detail, props.words ?? m.audit, props.timeZone, m);
  if (!facts.length) return null;
  return (
    <dl class="audit-facts">
      {facts.map((f) => (
        <>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </>
      ))}
    </dl>
  );
}

/** What an action is called, in the catalogue's words (its own name if the catalogue lacks it). */
export function actionName(action: string, words: AuditWords): string {
  return (words.actions as Record<string, string>)[action] ?? humanise(action);
}
