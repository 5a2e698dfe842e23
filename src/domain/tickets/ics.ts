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
 * never splitting a UTF-8 character.
 */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > 75) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n");
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
