import type { EventView } from "@/domain/events/public-event";
import { EventPage } from "@/web/public/event-page";

const statusWords: Record<string, string> = {
  draft: "This is a draft: only signed-in organisers can see it.",
  published: "This event is published; this preview shows the page as it is now.",
  cancelled: "This event is cancelled.",
  archived: "This event is archived and shown to the public as past.",
};

function PreviewBanner(props: { view: EventView }) {
  const { event } = props.view;
  return (
    <div class="preview-banner" role="note" aria-labelledby="preview-banner-title">
      <p id="preview-banner-title" class="preview-banner-title">
        Preview — not public
      </p>
      <p>
        {statusWords[event.status] ?? ""} Nothing can be bought from this preview.{" "}
        <a href={`/admin/events/${event.id}/edit`}>Back to editing “{event.title}”</a>
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
  return withBanner.replace("<head>", '<head><meta name="robots" content="noindex"/>').replace("<title>", "<title>Preview: ");
}
