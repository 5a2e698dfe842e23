import type {
  AgendaItem, Answer, ApiToken, AttendeeMessage, AuditEntry, CheckIn, Event, LoginToken, Member, Order, Organisation, OutboxEmail, Question, RateLimit, Session, Staff,
  StaffEvent, StripeEvent, Ticket, TicketType, Voucher, WaitlistEntry,
} from "@/generated/prisma/client";

/** The keys of `T` whose values are dates. */
type DateKeys<T> = { [K in keyof T]-?: NonNullable<T[K]> extends Date ? K : never }[keyof T];

/** Every date column of a model: a missing one fails the type check. */
const dateColumns = <T>(columns: Record<DateKeys<T>, true>) => Object.keys(columns);

/**
 * The date columns of the models that raw D1 reads return (Prisma keeps DateTime in SQLite
 * as ISO text, lib/sql-time), so a row read with one D1 batch has the same shape as Prisma's.
 */
const dates = {
  Event: dateColumns<Event>({ startsAt: true, endsAt: true, doorsOpenAt: true, salesStartAt: true, salesEndAt: true, createdAt: true, updatedAt: true, soldOutNotifiedAt: true, retentionRemindedAt: true, personalDataErasedAt: true, refundUntil: true }),
  TicketType: dateColumns<TicketType>({ salesStartAt: true, salesEndAt: true, createdAt: true, updatedAt: true, soldOutNotifiedAt: true }),
  AgendaItem: dateColumns<AgendaItem>({ startsAt: true }),
  Ticket: dateColumns<Ticket>({ checkedInAt: true, createdAt: true, updatedAt: true }),
  Order: dateColumns<Order>({ holdExpiresAt: true, createdAt: true, paidAt: true, cancelledAt: true, updatedAt: true, erasedAt: true }),
  OutboxEmail: dateColumns<OutboxEmail>({ nextAttemptAt: true, createdAt: true, sentAt: true }),
  WaitlistEntry: dateColumns<WaitlistEntry>({ offeredAt: true, offerExpiresAt: true, createdAt: true, updatedAt: true }),
  Voucher: dateColumns<Voucher>({ validFrom: true, validUntil: true, createdAt: true, updatedAt: true }),
  CheckIn: dateColumns<CheckIn>({ createdAt: true }),
  Member: dateColumns<Member>({ createdAt: true }),
  Staff: dateColumns<Staff>({ createdAt: true, disabledAt: true }),
  StaffEvent: dateColumns<StaffEvent>({}),
  Session: dateColumns<Session>({ expiresAt: true, createdAt: true }),
  LoginToken: dateColumns<LoginToken>({ expiresAt: true, usedAt: true, createdAt: true }),
  ApiToken: dateColumns<ApiToken>({ createdAt: true, lastUsedAt: true, revokedAt: true }),
  RateLimit: dateColumns<RateLimit>({ windowStart: true }),
  StripeEvent: dateColumns<StripeEvent>({ receivedAt: true }),
  AuditEntry: dateColumns<AuditEntry>({ createdAt: true }),
  Question: dateColumns<Question>({ retiredAt: true, createdAt: true, updatedAt: true }),
  Answer: dateColumns<Answer>({ createdAt: true }),
  Organisation: dateColumns<Organisation>({ updatedAt: true }),
  AttendeeMessage: dateColumns<AttendeeMessage>({ createdAt: true }),
};

type Models = {
  Event: Event; TicketType: TicketType; AgendaItem: AgendaItem; Ticket: Ticket; Order: Order; OutboxEmail: OutboxEmail; WaitlistEntry: WaitlistEntry; Voucher: Voucher;
  CheckIn: CheckIn; Member: Member; Staff: Staff; StaffEvent: StaffEvent; Session: Session; LoginToken: LoginToken; ApiToken: ApiToken; RateLimit: RateLimit;
  StripeEvent: StripeEvent; AuditEntry: AuditEntry; Question: Question; Answer: Answer; Organisation: Organisation; AttendeeMessage: AttendeeMessage;
};

/** The keys of `T` whose values are booleans. */
type BooleanKeys<T> = { [K in keyof T]-?: NonNullable<T[K]> extends boolean ? K : never }[keyof T];
const booleanColumns = <T>(columns: Record<BooleanKeys<T>, true>) => Object.keys(columns);

/** Boolean columns, which SQLite keeps as 0 and 1. */
const booleans: Partial<Record<keyof Models, string[]>> = {
  Event: booleanColumns<Event>({ notifyDailySummary: true, notifySoldOut: true, waitlistEnabled: true, waitlistPaused: true }),
  TicketType: booleanColumns<TicketType>({ hidden: true }),
  Question: booleanColumns<Question>({ required: true, atDoor: true }),
};

/** A row of `model` as D1 returns it (`SELECT *`), with its dates as Date, as Prisma would give it. */
export function storedRow<M extends keyof Models>(model: M, row: Record<string, unknown>): Models[M] {
  const out: Record<string, unknown> = { ...row };
  for (const column of dates[model]) {
    const value = out[column];
    out[column] = value === null || value === undefined ? null : new Date(typeof value === "number" ? value : String(value));
  }
  for (const column of booleans[model] ?? []) if (column in out) out[column] = Boolean(out[column]);
  return out as Models[M];
}

/** The first row `statement` reads, as `model` (see storedRow), or null when it reads none. */
export async function firstStored<M extends keyof Models>(model: M, statement: D1PreparedStatement): Promise<Models[M] | null> {
  const row = await statement.first<Record<string, unknown>>();
  return row ? storedRow(model, row) : null;
}
