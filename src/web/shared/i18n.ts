import type { Context } from "hono";
import { messagesFor, type Messages } from "@/i18n";

/**
 * The catalogue for the person making this request. English only for now; choosing by
 * `?lang=`, a remembered choice, then Accept-Language comes with the second language.
 */
export function messagesOf(_c: Context): Messages {
  return messagesFor("en");
}
