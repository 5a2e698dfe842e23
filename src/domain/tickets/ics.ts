import type { Event } from "@/generated/prisma/client";
import { formatsFor, type Formats } from "@/lib/format";

// An iCalendar file (RFC 5545) with the event in it, for "Add to calendar".

type IcsEvent = Pick<Event, "id" | "title" | "summary" | "venueName" | "venueAddress" | "timezone" | "startsAt" | "endsAt" | "doorsOpenAt" | "status">;

/** The sentences a calendar file carries, in the reader's language (`Messages["ics"]`). */
export type IcsWords = {
  ticketFor: (p: { name: string }) => string;
  doorsOpenAt: (p: { time: string }) => string;
  yourTicket: (p: { url: string }) => string;
  details: (p: { url: string }) => string;
};

export type IcsOptions = {
  words: IcsWords;
  /** Times in the reader's language (`Messages["format"]`); British English when not given. */
  format?: Pick<Formats, "time">;
  /** The ticket page (with ticketId) or the event page, to link to. */
  url: string;
  /** The attendee, when the file is for one ticket. */
  ticketName?: string;
  /** Makes the UID one per ticket, so two people's files do not replace each other. */
  ticketId?: string;
  /** DTSTAMP: when this file was made. */
  now?: Date;
};

const britishTimes = formatsFor("en-GB", { free: "" });

/** 20270109T110000Z */
function utc(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1),
 * never splitting a UTF-8 character. One pass over the UTF-16 units, sizing each character's
 * UTF-8 from its code unit: 1 octet below U+0080, 2 below U+0800, 4 for a surrogate pair, else 3
 * (a lone surrogate too: it is encoded as U+FFFD).
 */
function fold(line: string): string {
  if (line.length <= 25) return line; // 3 octets per UTF-16 unit at most: it fits
  let out = "";
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length; ) {
    const unit = line.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && (line.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const size = unit < 0x80 ? 1 : unit < 0x800 ? 2 : pair ? 4 : 3;
    if (octets + size > 75) {
      out += line.slice(start, i) + "\r\n ";
      start = i;
      octets = 1;
    }
    octets += size;
    i += pair ? 2 : 1;
  }
  return out + line.slice(start);
}

/** The event as a calendar file: one VEVENT in UTC, CRLF line endings, folded lines. */
export function eventIcs(event: IcsEvent, options: IcsOptions): string {
  const uid = options.ticketId ? `${event.id}.${options.ticketId}@conference-tickets` : `${event.id}@conference-tickets`;
  const { words } = options;
  const format = options.format ?? britishTimes;
  const description = [
    options.ticketName ? words.ticketFor({ name: options.ticketName }) : undefined,
    event.doorsOpenAt ? words.doorsOpenAt({ time: format.time(event.doorsOpenAt, event.timezone) }) : undefined,
    event.summary || undefined,
    options.ticketId ? words.yourTicket({ url: options.url }) : words.details({ url: options.url }),
  ].filter(Boolean);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Conference tickets//Tickets//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `DTSTAMP:${utc(options.now ?? new Date())}`,
    `DTSTART:${utc(event.startsAt)}`,
    `DTEND:${utc(event.endsAt)}`,
    `SUMMARY:${text(event.title)}`,
    `LOCATION:${text(`${event.venueName}, ${event.venueAddress}`)}`,
    `DESCRIPTION:${text(description.join("\n"))}`,
    `URL:${options.url}`,
    `STATUS:${event.status === "cancelled" ? "CANCELLED" : "CONFIRMED"}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}
