import type { LocalizedEvent, LocalizedTier } from "@/domain/events/translations";
import { MOST_PLACES } from "@/domain/waitlist/waitlist";
import { AttendeeLanguageField } from "@/web/public/attendee-language";
import { EventWhen } from "@/web/public/event-parts";
import { ErrorSummary, FieldShell, TextField, describedBy, fieldId } from "@/web/shared/form-parts";
import { useMessages } from "@/web/shared/i18n";
import { InLanguage } from "@/web/shared/in-language";
import { Layout } from "@/web/shared/layout";

/** What the join form holds, as typed. */
export type JoinValues = { tier: string; name: string; email: string; places: string; language: string };

/** The event's name and date above a waiting-list page, linking back to the event. */
function EventLine(props: { event: LocalizedEvent }) {
  const { event } = props;
  return (
    <>
      <p class="breadcrumb">
        <a href={`/events/${event.slug}`}>
          ← <InLanguage lang={event.textLang.title}>{event.title}</InLanguage>
        </a>
      </p>
    </>
  );
}

/** The tier to join: named when the link chose it, a select among the joinable tiers otherwise. */
function TierChoice(props: { tiers: LocalizedTier[]; values: JoinValues; fixed: LocalizedTier | undefined; error?: string | undefined }) {
  const words = useMessages().waitlistPublic.join;
  if (props.fixed) {
    return (
      <>
        <p class="lead">{words.forTier({ tier: props.fixed.name })}</p>
        <input type="hidden" name="tier" value={props.fixed.id} />
      </>
    );
  }
  const id = fieldId("tier");
  return (
    <FieldShell name="tier" label={words.tier} error={props.error} required>
      <select id={id} name="tier" aria-invalid={props.error ? "true" : undefined} aria-describedby={describedBy(id, { error: props.error })}>
        {props.tiers.map((tier) => (
          <option value={tier.id} selected={props.values.tier === tier.id}>
            {tier.name}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** `/events/:slug/waitlist`: name, email, places and language, for a sold-out tier's list. */
export function JoinPage(props: {
  event: LocalizedEvent;
  /** The tiers whose list one may join now. */
  tiers: LocalizedTier[];
  values: JoinValues;
  errors: Record<string, string>;
  message?: string | undefined;
  turnstileSiteKey?: string | undefined;
}) {
  const m = useMessages();
  const words = m.waitlistPublic.join;
  const { event, values, errors } = props;
  const fixed = props.tiers.find((t) => t.id === values.tier);
  const placesId = fieldId("places");
  return (
    <Layout title={words.title({ event: event.title })} noindex>
      <EventLine event={event} />
      <h1>{words.heading}</h1>
      <p class="event-when">
        <EventWhen event={event} /> · <InLanguage lang={event.textLang.venueName}>{event.venueName}</InLanguage>
      </p>
      {props.message && <ErrorSummary message={props.message} errors={errors} labels={words.errorLabels} />}
      {props.tiers.length === 0 ? (
        <p class="lead">{words.noneOpen}</p>
      ) : (
        <>
          <p>{words.intro}</p>
          <form method="post" action={`/events/${event.slug}/waitlist`} novalidate class="waitlist-form">
            <TierChoice tiers={props.tiers} values={values} fixed={errors.tier ? undefined : fixed} error={errors.tier} />
            <TextField name="name" label={words.name} value={values.name} error={errors.name} autocomplete="name" required />
            <TextField name="email" label={words.email} type="email" value={values.email} error={errors.email} autocomplete="email" required hint={words.emailHint} />
            <FieldShell name="places" label={words.places} hint={words.placesHint} error={errors.places} required>
              <select id={placesId} name="places" aria-invalid={errors.places ? "true" : undefined} aria-describedby={describedBy(placesId, { hint: words.placesHint, error: errors.places })}>
                {Array.from({ length: MOST_PLACES }, (_, i) => (
                  <option value={String(i + 1)} selected={values.places === String(i + 1)}>
                    {m.format.number(i + 1)}
                  </option>
                ))}
              </select>
            </FieldShell>
            <AttendeeLanguageField name="language" value={values.language} error={errors.language} label={words.language} hint={words.languageHint} />
            {props.turnstileSiteKey && (
              <>
                <div class="cf-turnstile" data-sitekey={props.turnstileSiteKey} />
                <script src="https://challenges.cloudflare.com/turnstile/v0/api.js" async defer />
              </>
            )}
            <button type="submit" class="button-primary">
              {words.submit}
            </button>
            <p class="hint">
              <a href="/privacy">{m.privacy.page.formLink}</a>
            </p>
          </form>
        </>
      )}
    </Layout>
  );
}

/** A waiting-list page with one message (or two) and links onwards: after joining, leaving, or an offer that cannot be used. */
export function WaitlistNotice(props: { event: LocalizedEvent; title: string; lines: string[]; links: Array<{ href: string; label: string }> }) {
  return (
    <Layout title={props.title} noindex>
      <EventLine event={props.event} />
      <h1>{props.title}</h1>
      {props.lines.map((line, i) => (
        <p class={i === 0 ? "lead" : undefined} role={i === 0 ? "status" : undefined}>
          {line}
        </p>
      ))}
      <ul class="links" role="list">
        {props.links.map((link) => (
          <li>
            <a href={link.href}>{link.label}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** `/waitlist/leave/:token`: one button to leave (an open offer is declined with it). */
export function LeavePage(props: { event: LocalizedEvent; tierName: string; token: string; offered: boolean }) {
  const words = useMessages().waitlistPublic.leave;
  return (
    <Layout title={words.title} noindex>
      <EventLine event={props.event} />
      <h1>{words.title}</h1>
      <p class="lead">{words.confirm({ tier: props.tierName, event: props.event.title })}</p>
      {props.offered && <p>{words.offeredNote}</p>}
      <form method="post" action={`/waitlist/leave/${props.token}`}>
        <button type="submit" class="button-primary">
          {words.button}
        </button>
      </form>
      <p>
        <a href={`/events/${props.event.slug}`}>{words.back}</a>
      </p>
    </Layout>
  );
}
