import { Resend } from "resend";
import type { Config } from "@/config";
import type { OutgoingEmail } from "@/domain/mail/message";

export type SendResult = { ok: true; providerId: string } | { ok: false; permanent: boolean; error: string };

/** Where mail goes: Resend, or (with no key, never in production) nowhere but the dev mailbox. */
export type MailTransport = { kind: "resend" | "dev_mailbox"; send(email: OutgoingEmail, idempotencyKey: string): Promise<SendResult> };

const toBase64 = (content: Uint8Array | string) =>
  typeof content === "string" ? btoa(unescape(encodeURIComponent(content))) : btoa(Array.from(content, (b) => String.fromCharCode(b)).join(""));

/** Statuses Resend answers for a message that will never be accepted as it is (bad address, bad content). */
const permanentStatuses = new Set([400, 422]);

/** The transport for this configuration. */
export function mailTransport(config: Config): MailTransport {
  const { resendApiKey, resendBaseUrl, from, replyTo } = config.mail;
  if (!resendApiKey) {
    return { kind: "dev_mailbox", send: async (_email, idempotencyKey) => ({ ok: true, providerId: `dev-mailbox:${idempotencyKey}` }) };
  }
  const resend = new Resend(resendApiKey, resendBaseUrl ? { baseUrl: resendBaseUrl } : undefined);
  return {
    kind: "resend",
    async send(email, idempotencyKey) {
      try {
        const { data, error } = await resend.emails.send(
          {
            from,
            to: email.to,
            ...(replyTo ? { replyTo } : {}),
            subject: email.subject,
            html: email.html,
            text: email.text,
            attachments: email.attachments.map((a) => ({
              filename: a.filename,
              content: toBase64(a.content),
              contentType: a.contentType,
              ...(a.contentId ? { contentId: a.contentId } : {}),
            })),
          },
          { idempotencyKey },
        );
        if (data?.id) return { ok: true, providerId: data.id };
        const status = (error as { statusCode?: number | null } | null)?.statusCode ?? null;
        return { ok: false, permanent: status !== null && permanentStatuses.has(status), error: `${status ?? "no_status"}: ${error?.message ?? "no_id_returned"}` };
      } catch (err) {
        return { ok: false, permanent: false, error: String(err) };
      }
    },
  };
}
