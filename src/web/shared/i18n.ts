// The reader's catalogue, for routes (`messagesOf(c)`) and for views anywhere in the tree
// (`useMessages()`), which read the request through Hono's context storage so that no
// component has to pass the catalogue down by hand.
import type { Context } from "hono";
import { getContext } from "hono/context-storage";
import type { AppEnv } from "@/env";
import { localeFrom, messagesFor, type Locale, type Messages } from "@/i18n";

/** The catalogue for the person making this request. */
export function messagesOf(c: Context): Messages {
  return messagesFor((c as Context<AppEnv>).var.locale);
}

/** The reader's language. */
export function localeOf(c: Context): Locale {
  return localeFrom((c as Context<AppEnv>).var.locale) ?? "en";
}

/**
 * A page about one event speaks the event's main language to a reader who named none.
 * Call before rendering.
 */
export function preferLanguage(c: Context<AppEnv>, main: string): void {
  const locale = localeFrom(main);
  if (!c.var.localeChosen && locale) c.set("locale", locale);
}

/** The request being rendered (views only: it exists while a request is handled). */
export function useRequest(): Context<AppEnv> {
  return getContext<AppEnv>();
}

/** The reader's catalogue, inside a view. */
export function useMessages(): Messages {
  return messagesOf(getContext<AppEnv>());
}

/** The reader's language, inside a view. */
export function useLocale(): Locale {
  return localeOf(getContext<AppEnv>());
}
