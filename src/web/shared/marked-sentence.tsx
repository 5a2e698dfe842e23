import type { Child } from "hono/jsx";

const OPEN = "\u0002";
const CLOSE = "\u0003";
const SLOT = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`);

/**
 * A catalogue sentence with markup inside it (a link, code, bold words): the entry takes each
 * piece as a parameter, so the translation decides where it goes, and the page supplies the
 * markup. `say` is called with a marker for each slot; each marker is then replaced by that
 * slot's markup, and the text around it is escaped as usual.
 */
export function MarkedSentence<K extends string>(props: { say: (params: Record<K, string>) => string; slots: Record<K, Child> }) {
  const markers = Object.fromEntries(Object.keys(props.slots).map((key) => [key, `${OPEN}${key}${CLOSE}`])) as Record<K, string>;
  const parts = props.say(markers).split(SLOT);
  // split() with a capture group alternates text and slot names: text, name, text, name, text.
  return <>{parts.map((part, i) => (i % 2 === 1 ? props.slots[part as K] : part))}</>;
}
