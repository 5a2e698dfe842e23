import type { Child } from "hono/jsx";
import { useMessages } from "@/web/shared/i18n";

/**
 * An organiser's text that may be in another language than the page (a translation not
 * written yet falls back to the event's main language): marked with its own `lang` then, so
 * screen readers pronounce it right. Renders the text bare when it is in the page's language.
 */
export function InLanguage(props: { lang: string; children: Child }) {
  const page = useMessages().locale.split("-")[0];
  return props.lang.split("-")[0] === page ? <>{props.children}</> : <span lang={props.lang}>{props.children}</span>;
}
