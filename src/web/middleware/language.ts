import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { detectFromCookie, detectFromHeader, detectFromQuery, type DetectorOptions } from "hono/language";
import type { AppEnv } from "@/env";
import { defaultLocale, locales, localeFrom } from "@/i18n";

/** The cookie that remembers a reader's choice of language. */
export const languageCookie = "lang";

const detectorOptions: DetectorOptions = {
  order: ["querystring", "cookie", "header"],
  lookupFromHeaderKey: "accept-language",
  lookupFromPathIndex: 0,
  ignoreCase: true,
  supportedLanguages: [...locales],
  fallbackLanguage: defaultLocale,
  lookupQueryString: "lang",
  lookupCookie: languageCookie,
  // Remembering is done below, only for an explicit choice: a cookie set from every
  // Accept-Language would make every public page uncacheable.
  caches: false,
};

/**
 * Chooses the reader's language with Hono's detectors: `?lang=` (remembered in a cookie),
 * then the remembered choice, then Accept-Language ("es-PE", "es-419" and "es" all give
 * Spanish). Unknown or malformed values are passed over silently. When none of them names
 * one of our languages, `c.var.locale` is the default until a page knows better (an event
 * page prefers the event's main language: see `preferLanguage`).
 */
export const chooseLanguage = () =>
  createMiddleware<AppEnv>(async function chooseLanguage(c, next) {
    const fromQuery = localeFrom(detectFromQuery(c, detectorOptions));
    if (fromQuery && getCookie(c, languageCookie) !== fromQuery) {
      setCookie(c, languageCookie, fromQuery, { path: "/", sameSite: "Lax", secure: new URL(c.req.url).protocol === "https:", httpOnly: true, maxAge: 365 * 24 * 3600 });
    }
    const chosen = fromQuery ?? localeFrom(detectFromCookie(c, detectorOptions)) ?? localeFrom(detectFromHeader(c, detectorOptions));
    c.set("locale", chosen ?? defaultLocale);
    c.set("localeChosen", chosen !== undefined);
    await next();
  });
