import { Hono } from "hono";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { DomainError } from "@/domain/errors";
import { errorMessage } from "@/i18n";
import { validate } from "@/lib/validate";
import { getAdminEvent } from "@/domain/events/admin-events";
import { orderDetail } from "@/domain/orders/admin-queries";
import { eraseOrderPersonalData, MAX_RETENTION_DAYS, setRetentionDays } from "@/domain/privacy/retention";
import { messagesOf } from "@/web/shared/i18n";
import { requirePermission, signedIn } from "@/web/middleware/auth";
import { AdminLayout } from "@/web/admin/admin-layout";
import { OrderDetailPage } from "@/web/admin/orders/order-detail";
import { RetentionSetting } from "@/web/admin/events/retention-setting";
import { ErrorSummary } from "@/web/shared/form-parts";
import { useMessages } from "@/web/shared/i18n";
import type { StaffIdentity } from "@/domain/staff/roles";
import type { AdminEvent } from "@/domain/events/admin-events";

const idOf = (prefix: string) => z.object({ id: z.string().regex(new RegExp(`^${prefix}_[0-9a-z]{16}$`)) });
const confirmForm = z.object({ confirm: z.string().max(10).optional() });
const retentionForm = z.object({ retentionDays: z.string().max(20).default("") });

/** The retention form sent back with what was wrong. */
function RetentionPage(props: { event: AdminEvent; staff: StaffIdentity; csrfToken: string; value: string; error: string }) {
  const m = useMessages();
  const w = m.privacy.retention;
  return (
    <AdminLayout title={m.admin.errorTitle({ title: props.event.title })} staff={props.staff} csrfToken={props.csrfToken} current="/admin">
      <p class="breadcrumb">
        <a href={`/admin/events/${props.event.id}/edit`}>{props.event.title}</a>
      </p>
      <h1>{w.legend}</h1>
      <ErrorSummary message={m.pages.formProblem} errors={{ retentionDays: props.error }} labels={{ retentionDays: w.label }} />
      <RetentionSetting event={props.event} csrfToken={props.csrfToken} value={props.value} error={props.error} />
    </AdminLayout>
  );
}

/** Organiser actions on personal data: an event's retention period, and a person's erasure request. */
export const adminPrivacyRoutes = new Hono<AppEnv>()
  .post("/events/:id/retention", requirePermission("manage_events"), validate("param", idOf("evt")), validate("form", retentionForm), async (c) => {
    const { id } = c.req.valid("param");
    const raw = c.req.valid("form").retentionDays.trim();
    const days = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
    try {
      await setRetentionDays(c.var.deps, c.var.staff.id, id, days);
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== "invalid") throw err;
      const error = messagesOf(c).privacy.retention.invalid({ max: MAX_RETENTION_DAYS });
      return c.html(<RetentionPage event={await getAdminEvent(c.var.deps.d1, id)} {...signedIn(c.var)} value={raw} error={error} />, 422);
    }
    return c.redirect(`/admin/events/${id}/edit?done=saved`, 303);
  })
  .post("/orders/:id/erase", requirePermission("manage_orders"), validate("param", idOf("ord")), validate("form", confirmForm), async (c) => {
    const { id } = c.req.valid("param");
    const m = messagesOf(c);
    const again = async (error: string, status: 409 | 422) => c.html(<OrderDetailPage detail={await orderDetail(c.var.deps, id)} {...signedIn(c.var)} error={error} />, status);
    if (c.req.valid("form").confirm !== "yes") return again(`${m.privacy.order.confirmProblem} ${m.privacy.order.confirmError}`, 422);
    try {
      await eraseOrderPersonalData(c.var.deps, c.var.staff.id, id);
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== "conflict") throw err;
      return again(errorMessage(err, m), 409);
    }
    return c.redirect(`/admin/orders/${id}`, 303);
  });
