import { viewInLanguage, type EventView as PlainEventView, type LocalizedEventView } from "@/domain/events/public-event";
import type { LocalizedTier } from "@/domain/events/translations";
import { Badge, EventWhen, PlacesLeft, TimeFact, availabilityText } from "@/web/public/event-parts";
import { rich } from "@/web/public/rich";
import { useLocale, useMessages } from "@/web/shared/i18n";
import { InLanguage } from "@/web/shared/in-language";
import { Layout } from "@/web/shared/layout";
import type { VoucherLook } from "@/domain/vouchers/reveal";
import { JoinWaitlistLink, VoucherForm, VoucherPrice } from "@/web/public/voucher-parts";

type EventView = LocalizedEventView;

/** Who a tier is for, in the words a buyer needs (the declaration in its own language). */
export function Eligibility(props: { tier: Pick<LocalizedTier, "eligibility" | "declarationText" | "textLang"> }) {
  const words = useMessages().public.eligibility;
  const { tier } = props;
  switch (tier.eligibility) {
    case "declaration":
      return tier.declarationText ? (
        <>{rich(words.declarationWith, { text: <InLanguage lang={tier.textLang.declarationText}>{tier.declarationText}</InLanguage> })}</>
      ) : (
        <>{words.declaration}</>
      );
    case "member_list":
      return <>{words.member_list}</>;
    case "access_code":
      return <>{words.access_code}</>;
    default:
      return <>{words.open}</>;
  }
}

function StatusNotice(props: { view: EventView; now: Date }) {
  const m = useMessages();
  const words = m.public.eventPage;
  const { event } = props.view;
  if (event.status === "cancelled") {
    return (
      <p class="notice notice-cancelled" role="status">
        <Badge kind="cancelled">{m.public.badges.cancelled}</Badge> {words.cancelled}
      </p>
    );
  }
  if (event.status === "archived" || props.now >= event.endsAt) {
    return (
      <p class="notice notice-past" role="status">
        <Badge kind="past">{m.public.badges.past}</Badge> {words.past}
      </p>
    );
  }
  if (props.view.soldOut) {
    return (
      <p class="notice notice-sold-out" role="status">
        <Badge kind="sold-out">{m.public.badges.soldOut}</Badge> {words.soldOut}
        {props.view.waitlistOpen && ` ${m.waitlistPublic.eventPage.soldOutWithList}`}
      </p>
    );
  }
  return null;
}

/** `/events/:slug`: everything a visitor needs to decide and register. */
/** How many of a tier one order may take now (0 when it is not on sale). */
function maxChoice(view: EventView, tierView: EventView["tiers"][number]): number {
  if (tierView.state !== "on_sale") return 0;
  const limits = [view.event.maxPerOrder, tierView.tier.maxPerOrder, tierView.available].filter((n): n is number => n !== null);
  return Math.max(0, Math.min(...limits));
}

function QuantitySelect(props: { view: EventView; tierView: EventView["tiers"][number]; selected: number }) {
  const { tier } = props.tierView;
  const words = useMessages().public.eventPage;
  const max = maxChoice(props.view, props.tierView);
  if (max === 0) return <span class="visually-hidden">{words.notAvailable}</span>;
  return (
    <>
      <label for={`qty-${tier.id}`} class="visually-hidden">
        {rich(words.quantityOf, { tier: <InLanguage lang={tier.textLang.name}>{tier.name}</InLanguage> })}
      </label>
      <select id={`qty-${tier.id}`} name={`qty.${tier.id}`}>
        {Array.from({ length: max + 1 }, (_, n) => (
          <option value={String(n)} selected={n === props.selected}>
            {n}
          </option>
        ))}
      </select>
    </>
  );
}

export function EventPage(props: {
  /** Best with its texts already in the reader's language (the route renders the description from it); a plain view is put in it here. */
  view: EventView | PlainEventView;
  descriptionHtml: string;
  url: string;
  now: Date;
  /** Why the ticket choice came back (e.g. nothing chosen). */
  formError?: string;
  selected?: Record<string, number>;
  /** A voucher code the reader typed (`?voucher=`): valid, it shows its prices and hidden tier. */
  voucher?: VoucherLook | undefined;
}) {
  const m = useMessages();
  const words = m.public.eventPage;
  const locale = useLocale();
  const view: EventView = "textLang" in props.view.event ? (props.view as EventView) : viewInLanguage(props.view as PlainEventView, locale);
  const { event } = view;
  const lang = event.textLang;
  const tz = event.timezone;
  const mapUrl = `https://www.openstreetmap.org/search?query=${encodeURIComponent(event.venueAddress)}`;
  return (
    <Layout
      title={event.title}
      description={event.summary || words.description({ date: m.format.date(event.startsAt, tz), venue: event.venueName })}
      url={props.url}
      ogType="event"
    >
      <article class="event" aria-labelledby="event-title">
        <header class="event-header">
          <h1 id="event-title">
            <InLanguage lang={lang.title}>{event.title}</InLanguage>
          </h1>
          <p class="event-when">
            <EventWhen event={event} />
          </p>
          <p class="event-where">
            <InLanguage lang={lang.venueName}>{event.venueName}</InLanguage>
          </p>
          {event.summary && (
            <p class="event-summary">
              <InLanguage lang={lang.summary}>{event.summary}</InLanguage>
            </p>
          )}
        </header>

        <StatusNotice view={view} now={props.now} />

        <section aria-labelledby="tickets-heading" class="tickets">
          <h2 id="tickets-heading">{words.tickets}</h2>
          {props.formError && (
            <p class="error-message" role="alert" id="tickets-error">
              {props.formError}
            </p>
          )}
          {view.tiers.length === 0 ? (
            <p>{words.noTiers}</p>
          ) : (
            <form method="get" action={`/events/${event.slug}/register`} class="ticket-choice">
            <PlacesLeft view={view} />
            <table class="tier-table">
              <caption class="visually-hidden">{words.tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{words.columns.ticket}</th>
                  <th scope="col">{words.columns.price}</th>
                  <th scope="col">{words.columns.availability}</th>
                  {view.onSale && <th scope="col">{words.columns.quantity}</th>}
                </tr>
              </thead>
              <tbody>
                {view.tiers.map((tierView) => {
                  const { tier, quotaLeft, state } = tierView;
                  return (
                  <tr>
                    <th scope="row">
                      <span class="tier-name">
                        <InLanguage lang={tier.textLang.name}>{tier.name}</InLanguage>
                      </span>
                      {tier.description && (
                        <span class="tier-description">
                          <InLanguage lang={tier.textLang.description}>{tier.description}</InLanguage>
                        </span>
                      )}
                      <span class="tier-eligibility">
                        <Eligibility tier={tier} />
                      </span>
                    </th>
                    <td class="tier-price">
                      {m.format.money(tier.priceMinor, event.currency)}
                      <VoucherPrice voucher={props.voucher?.voucher} tierId={tier.id} priceMinor={tier.priceMinor} currency={event.currency} />
                    </td>
                    <td class={`tier-state tier-state-${state}`}>
                      {availabilityText(m, state, quotaLeft)}
                      {tierView.waitlist && (
                        <>
                          {" "}
                          <JoinWaitlistLink slug={event.slug} tierId={tier.id} tierName={tier.name} />
                        </>
                      )}
                    </td>
                    {view.onSale && (
                      <td class="tier-quantity">
                        <QuantitySelect view={view} tierView={tierView} selected={props.selected?.[tier.id] ?? 0} />
                      </td>
                    )}
                  </tr>
                  );
                })}
              </tbody>
            </table>
            {view.onSale && props.voucher?.voucher && <input type="hidden" name="voucher" value={props.voucher.voucher.code} />}
            {view.onSale && (
              <button type="submit" class="button-primary">
                {words.continue}
              </button>
            )}
            </form>
          )}
        </section>

        {event.status === "published" && props.now < event.endsAt && <VoucherForm slug={event.slug} look={props.voucher} />}

        <section aria-labelledby="when-heading">
          <h2 id="when-heading">{words.whenHeading}</h2>
          <dl class="facts">
            <dt>{words.date}</dt>
            <dd>{m.format.date(event.startsAt, tz)}</dd>
            {event.doorsOpenAt && <TimeFact label={words.doorsOpen} at={event.doorsOpenAt} timeZone={tz} />}
            <TimeFact label={words.starts} at={event.startsAt} timeZone={tz} />
            <TimeFact label={words.ends} at={event.endsAt} timeZone={tz} />
          </dl>
        </section>

        <section aria-labelledby="where-heading">
          <h2 id="where-heading">{words.whereHeading}</h2>
          <address class="venue">
            <strong>
              <InLanguage lang={lang.venueName}>{event.venueName}</InLanguage>
            </strong>
            <br />
            <InLanguage lang={lang.venueAddress}>{event.venueAddress}</InLanguage>
          </address>
          <p class="no-print">
            <a href={mapUrl} rel="noopener noreferrer">
              {words.openMap}
              <span class="visually-hidden"> {words.mapService}</span>
            </a>
          </p>
        </section>

        {props.descriptionHtml && (
          <section aria-labelledby="about-heading" class="description">
            <h2 id="about-heading">{words.about}</h2>
            <div lang={lang.description === m.locale.split("-")[0] ? undefined : lang.description} dangerouslySetInnerHTML={{ __html: props.descriptionHtml }} />
          </section>
        )}

        {event.status !== "draft" && (
          <section aria-labelledby="again-heading" class="tickets-again no-print">
            <h2 id="again-heading">{words.again.heading}</h2>
            <form method="post" action={`/events/${event.slug}/tickets-again`}>
              <label for="again-email">{words.again.label}</label>
              <p class="hint" id="again-email-hint">
                {words.again.hint}
              </p>
              <div class="inline-form">
                <input id="again-email" name="email" type="email" autocomplete="email" required aria-describedby="again-email-hint" />
                <button type="submit" class="button-secondary">
                  {words.again.button}
                </button>
              </div>
            </form>
          </section>
        )}

        {view.agenda.length > 0 && (
          <section aria-labelledby="agenda-heading">
            <h2 id="agenda-heading">{words.programme}</h2>
            <ol class="agenda" role="list">
              {view.agenda.map((item) => (
                <li>
                  <time datetime={item.startsAt.toISOString()}>{m.format.time(item.startsAt, tz)}</time>
                  <div>
                    <span class="agenda-title">
                      <InLanguage lang={item.textLang.title}>{item.title}</InLanguage>
                    </span>
                    {item.detail && (
                      <span class="agenda-detail">
                        <InLanguage lang={item.textLang.detail}>{item.detail}</InLanguage>
                      </span>
                    )}
                  </div>
                </li>
              ))}
            </ol>
          </section>
        )}
      </article>
    </Layout>
  );
}
