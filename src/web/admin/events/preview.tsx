import type { EventView } from "@/domain/events/public-event";
import { EventPage } from "@/web/public/event-page";
import { useMessages } from "@/web/shared/i18n";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function PreviewBanner(props: { view: EventView }) {
  const { event } = props.view;
  const m = useMessages().admin.preview;
  return (
    <div class="preview-banner" role="note" aria-labelledby="preview-banner-title">
      <p id="preview-banner-title" class="preview-banner-title">
        {m.banner}
      </p>
      <p>
        {m.status[event.status as keyof typeof m.status] ?? ""} {m.nothingBought}{" "}
        <a href={`/admin/events/${event.id}/edit`}>{m.back({ title: event.title })}</a>
      </p>
    </div>
  );
}

/**
 * The public event page exactly as visitors would get it, with a banner at the top of the main
 * content and kept out of search engines. Sales are off (`onSale` is false in the view), so the
 * page has no quantity choice or Continue button.
 */
export async function previewPageHtml(props: { view: EventView; descriptionHtml: string; url: string; now: Date }): Promise<string> {
  const page = String(await (<EventPage view={props.view} descriptionHtml={props.descriptionHtml} url={props.url} now={props.now} />));
  const banner = String(await (<PreviewBanner view={props.view} />));
  const mainOpen = /<main\b[^>]*>/.exec(page);
  const withBanner = mainOpen ? page.replace(mainOpen[0], `${mainOpen[0]}${banner}`) : banner + page;
  // The page's title (already escaped) goes where the catalogue's sentence puts it.
  const mark = "\u0000";
  const [before = "", after = ""] = useMessages().admin.preview.title({ title: mark }).split(mark).map(escapeHtml);
  return withBanner
    .replace("<head>", '<head><meta name="robots" content="noindex"/>')
    .replace(/<title>([^<]*)<\/title>/, (_all, title: string) => `<title>${before}${title}${after}</title>`);
}
