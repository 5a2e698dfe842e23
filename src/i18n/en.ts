// English: the catalogue every other language translates. Keys are named for meaning; values
// are whole sentences, built from typed parameters where they vary.
import type { Alternative, CountedThing, Money } from "@/domain/issues";
import { formatsFor } from "@/lib/format";
import { describeIssue, pluralFor, type Messages } from "@/i18n/messages";

const plural = pluralFor("en");
const number = (n: number) => n.toLocaleString("en-GB");
const format = formatsFor("en-GB", { free: "Free" });
const money = (m: Money) => format.money(m.minor, m.currency);
const minutesText = (n: number) => plural(n, { one: `${n} minute`, other: `${number(n)} minutes` });
const alt = (a: Alternative) => `${a.tier} (${money(a.price)})`;

const orderStatus = (status: string) => status.replace(/_/g, " ");
const eventStatus: Record<string, string> = { draft: "a draft", published: "published", cancelled: "cancelled", archived: "archived" };

const counted: Record<CountedThing, string> = {
  capacity: "the capacity",
  event_max_per_order: "the most tickets per order",
  quota: "the quota",
  min_per_order: "the least per order",
  max_per_order: "the most per order",
  position: "the position",
  weeks: "the number of weeks",
  hold_orders_limit: "the most unpaid orders per buyer",
  hold_tickets_limit: "the most unpaid tickets per buyer",
  tickets_per_membership: "the member tickets per membership",
};

const missing = {
  event: "We could not find that event.",
  tier: "We could not find that ticket tier.",
  order: "We could not find that order.",
  ticket: "We could not find that ticket.",
  ticket_code: "This ticket has no QR code: it is not paid yet or has been cancelled.",
  person: "We could not find that person.",
  token: "We could not find that token.",
  email: "We could not find that email.",
  member: "That member is not on the list (any more).",
  checkout: "We could not find that checkout.",
  page: "We could not find that page.",
  address: "We could not find that.",
  outbox_message: "No such message in the outbox.",
  outbox_content: "This message has nothing to show.",
  attachment: "No such attachment.",
  dev_tool: "Not found.",
};

const nextSteps = {
  events_list: "Go back to the list of events.",
  event_moved: "It may have moved: see the list of events.",
  address_or_events: "Check the address, or start from the list of events.",
  check_address: "Check the address.",
  order_email: "Check the link in your email.",
  ticket_email: "Check the link in your ticket email.",
  back_to_event: "Go back to the event.",
  members_list: "Go back to the members list.",
  restart_checkout: "Start again from the event page.",
  ticket_page: "Open the ticket page for details.",
};

const fields: Messages["fields"] = {
  required: "Fill in this field.",
  invalid: "Check this value.",
  too_short: ({ min }) => `Use ${number(min)} characters or more.`,
  too_long: ({ max }) => `Use ${number(max)} characters or fewer.`,
  too_few: ({ min }) => `Choose at least ${number(min)}.`,
  too_many: ({ max }) => `Choose ${number(max)} or fewer.`,
  at_least: ({ min }) => `Enter ${number(min)} or more.`,
  at_most: ({ max }) => `Enter ${number(max)} or less.`,
  email_invalid: "Enter an email address in the form name@example.org.",
  format_invalid: "Check the format of this value.",
  not_allowed: "Choose one of the options.",
  your_name_required: "Enter your name.",
  attendee_name_required: "Enter the attendee's name.",
  your_email_required: "Enter your email address.",
  attendee_email_required: "Enter the attendee's email address.",
  your_email_invalid: "Enter your email address in the form name@example.org.",
  attendee_email_invalid: "Enter the attendee's email address in the form name@example.org.",
  tier_required: "Choose a ticket type.",
  tickets_required: "Choose at least one ticket.",
  quantity_required: "Choose how many tickets you want, then press Continue.",
  tickets_too_many: ({ max }) => `Choose ${max} tickets or fewer.`,
  tier_not_sold: "That ticket type is not sold for this event. Choose one from the event page.",
  tier_not_on_sale_yet: ({ tier }) => `${tier} tickets are not on sale yet.`,
  tier_no_longer_on_sale: ({ tier }) => `${tier} tickets are no longer on sale.`,
  order_too_many_people: ({ max }) => `You can register up to ${max} people in one order.`,
  tier_max_per_order: ({ max, tier }) => `Choose up to ${max} ${tier} tickets in one order.`,
  tier_min_per_order: ({ min, tier }) => `Choose at least ${min} ${tier} tickets.`,
  declaration_required: ({ statement, instead }) => {
    if (statement && instead) return `Tick to confirm: “${statement}”, or choose the ${alt(instead)} ticket instead.`;
    if (statement) return `Tick to confirm: “${statement}”.`;
    if (instead) return `Tick to confirm, or choose the ${alt(instead)} ticket instead.`;
    return "Tick to confirm.";
  },
  membership_required: ({ instead }) =>
    instead
      ? `Enter a membership number or the email address on the members list, or choose the ${alt(instead)} ticket instead.`
      : "Enter a membership number or the email address on the members list.",
  membership_not_found: ({ instead }) =>
    instead ? `We could not find that membership. Check it, or choose the ${alt(instead)} ticket instead.` : "We could not find that membership. Check it.",
  membership_used_twice: "Each membership can be used for one ticket in an order.",
  membership_already_used: ({ max, instead }) =>
    `${plural(max, { one: "This membership has already been used for a member ticket to this event, and each membership may buy one.", other: `This membership has already been used for ${max} member tickets to this event, the most each membership may buy.` })}${instead ? ` Choose the ${alt(instead)} ticket instead.` : ""}`,
  access_code_required: "Enter the access code the organisers gave you.",
  access_code_wrong: "That access code is not valid for this ticket. Check it and try again.",
  not_sold_online: "This ticket cannot be bought online. Please contact the organisers.",
  amount_format: "Enter the amount in pounds and pence, like 8 or 12.50.",
  refund_at_most: ({ max }) => `Enter an amount up to ${money(max)}.`,
  confirm_cancel_paid: "Tick the box to confirm that you mean to cancel every ticket on this paid order without a refund.",
  attendee_name_length: ({ max }) => `Enter the attendee's name (up to ${max} characters).`,
  contact_name_required: "Enter a contact name.",
  attendee_names_required: "Enter at least one attendee name, one per line.",
  attendee_names_too_many: ({ max }) => `Add up to ${max} people at a time.`,
  attendee_name_too_long: ({ max }) => `Keep each name to ${max} characters.`,
  role_required: "Choose a role.",
  staff_email_taken: "Someone with that email address already has access.",
  token_name_required: "Name the token (what will use it).",
  slug_format: "Use lower-case letters, digits and hyphens.",
  slug_taken: ({ by }) =>
    by
      ? `That web address is already used by “${by}”. Choose another, or leave it blank to make one from the title.`
      : "That web address is already used. Choose another, or leave it blank to make one from the title.",
  capacity_below_taken: ({ sold, held }) =>
    plural(sold, {
      one: `${sold} seat is sold and ${held} held, so the capacity cannot be below ${sold + held}. Leave it blank for no limit.`,
      other: `${sold} seats are sold and ${held} held, so the capacity cannot be below ${sold + held}. Leave it blank for no limit.`,
    }),
  quota_below_taken: ({ sold, held }) =>
    plural(sold, {
      one: `${sold} ticket is sold and ${held} held, so the quota cannot be below ${sold + held}. Leave it blank for no quota.`,
      other: `${sold} tickets are sold and ${held} held, so the quota cannot be below ${sold + held}. Leave it blank for no quota.`,
    }),
  whole_number: ({ what, example }) => `Enter ${counted[what]} as a whole number, like ${example}.`,
  price_format: "Enter the price in pounds and pence, like 8 or 12.50.",
  time_format: "Enter a time in 24-hour form, like 10:30.",
  date_format: "Enter a real date in the form 2027-01-09.",
  datetime_format: "Enter a date and time, like 2027-01-09 10:30, or leave it blank.",
  agenda_invalid: ({ problems }) => {
    const said = problems.map((p) => {
      if (p.problem === "too_many_lines") return "use 100 lines or fewer";
      if (p.problem === "no_time") return `line ${p.line} must start with a time such as 10:30, then the title`;
      if (p.problem === "title_too_long") return `line ${p.line}: use 200 characters or fewer for the title`;
      return `line ${p.line}: use 500 characters or fewer for the detail`;
    });
    const shown = said.slice(0, 3).join("; ");
    return said.length > 3 ? `Check the programme: ${shown}; and ${said.length - 3} more.` : `Check the programme: ${shown}.`;
  },
  title_required: "Enter the event's title.",
  venue_name_required: "Enter the venue's name.",
  venue_address_required: "Enter the venue's address.",
  timezone_required: "Choose a time zone from the list.",
  date_required: "Enter the date of the event.",
  start_time_required: "Enter the time the event starts.",
  end_time_required: "Enter the time the event ends.",
  max_per_order_required: "Enter the most tickets one order may hold, like 10.",
  weeks_required: "Enter how many weeks to move the dates forward, like 52.",
  currency_invalid: "Enter a three-letter currency code with pence or cents, like GBP or EUR.",
  reference_prefix_format: "Use 2 to 5 capital letters, like HRD, or leave it blank.",
  time_skipped: "That time does not exist on that day (the clocks change). Choose another.",
  end_before_start: "The end time must be after the start time.",
  doors_after_start: "Doors must open at or before the start time.",
  sales_end_before_start: "Sales must close after they open.",
  sales_end_after_event: "Sales must close by the end of the event.",
  sales_start_after_event: "Sales must open before the event ends.",
  tier_name_required: "Enter the tier's name, like Member or Concession.",
  price_required: "Enter the price, or 0 for a free ticket.",
  eligibility_required: "Choose who may buy this tier.",
  declaration_text_required: "Enter the statement buyers tick, like “I am a student”.",
  access_code_to_give: "Enter the access code you will give out.",
  access_code_short: ({ min }) => `Use at least ${min} characters, so the code is not guessed.`,
  min_above_max: "The least per order cannot be more than the most per order.",
  csv_empty: "The list is empty. Choose a CSV file, or paste the list.",
  csv_columns_unknown: "We could not tell which column is which. Make the first line name the columns: email, membership number, name.",
  csv_too_many_rows: ({ rows, max }) => `The list has ${number(rows)} rows; upload at most ${number(max)} at a time.`,
  nonce_required: "Send a unique nonce per scan (8–100 characters).",
};

export const en: Messages = {
  locale: "en-GB",
  languageName: "English",
  ogLocale: "en_GB",
  format,
  layout: {
    siteName: "Conference tickets",
    skipToContent: "Skip to content",
    footer: "Questions about an event? Reply to your ticket email and the organisers will help.",
    languages: "Language",
    readIn: ({ language }) => `Read this page in ${language}`,
  },

  // ── Attendees' pages (src/i18n/areas/public.ts) ──
  public: {
    attendeeLanguage: {
      label: "Language for their ticket email",
      hint: "Leave it as it is to send it in your language.",
      sameAsYours: "Same as yours",
    },
    badges: { soldOut: "Sold out", cancelled: "Cancelled", past: "Past event" },
    when: ({ date, start, end, zone }) => `${date}, ${start}–${end} ${zone}`,
    eventList: {
      title: "Upcoming events",
      description: "Conferences and events you can register for: dates, venues and prices.",
      none: "There are no events open at the moment. Please check back soon.",
    },
    eventPage: {
      description: ({ date, venue }) => `${date} at ${venue}`,
      cancelled: "This event has been cancelled. Registration is closed; if you had a ticket, the organisers will contact you about a refund.",
      past: "This event has taken place. Registration is closed.",
      soldOut: "Every ticket has been taken.",
      tickets: "Tickets",
      noTiers: "Tickets are not available yet.",
      tableCaption: "Ticket types, who each is for, price and availability",
      columns: { ticket: "Ticket", price: "Price", availability: "Availability", quantity: "Quantity" },
      notAvailable: "Not available",
      quantityOf: ({ tier }) => `Number of ${tier} tickets`,
      continue: "Continue",
      whenHeading: "When",
      date: "Date",
      doorsOpen: "Doors open",
      starts: "Starts",
      ends: "Ends",
      whereHeading: "Where",
      openMap: "Open the venue in a map",
      mapService: "(OpenStreetMap)",
      about: "About this event",
      programme: "Programme",
      again: {
        heading: "Already registered?",
        label: "Email me my tickets again",
        hint: "Use the address you registered with, or the one given for you as an attendee.",
        button: "Send my tickets",
      },
    },
    eligibility: {
      declarationWith: ({ text }) => `You confirm: “${text}”. Bring proof to the door.`,
      declaration: "You confirm that you qualify. Bring proof to the door.",
      member_list: "For members: we check your email or membership number against the members list.",
      access_code: "Needs an access code from the organisers.",
      open: "Open to everyone.",
    },
    availability: {
      on_sale: "On sale",
      sold_out: "Sold out",
      not_yet_on_sale: "Not on sale yet",
      sales_closed: "Sales closed",
      event_cancelled: "Cancelled",
      event_over: "Event over",
      available: "Available",
      onlyLeft: ({ count }) => `Only ${number(count)} left`,
      left: ({ count }) => `${number(count)} available`,
    },
    placesLeft: ({ count }) =>
      count <= 10
        ? plural(count, { one: `Only ${count} place left for this event.`, other: `Only ${number(count)} places left for this event.` })
        : `${number(count)} places left for this event.`,
    ticketsAgain: {
      title: "Check your inbox",
      message: "If that address has tickets for this event, we have sent them to it again. They should arrive within a few minutes; check your spam folder too.",
      back: "Back to the event",
    },
    registration: {
      title: ({ event }) => `Register for ${event}`,
      errorTitle: ({ event }) => `Error: Register for ${event}`,
      heading: "Register",
      yourDetails: "Your details",
      detailsHint: "We email the tickets and receipt to you.",
      yourName: "Your name",
      yourEmail: "Your email",
      ticketLegend: ({ index, tier, price }) => `Ticket ${index}: ${tier} (${price})`,
      unknownTicket: ({ index }) => `Ticket ${index}: unknown ticket type`,
      attendeeName: "Attendee's full name",
      attendeeNameHint: "As it should appear on the badge.",
      attendeeEmail: "Attendee's email",
      attendeeEmailHint: "We send this person their own ticket too.",
      membership: "Membership number or email on the members list",
      switchTo: ({ tier, price }) => `Switch this ticket to ${tier} (${price})`,
      declarationDefault: "I qualify for this ticket",
      accessCode: "Access code",
      errorLabels: {
        tickets: "Tickets",
        field: ({ index, field }) =>
          `Ticket ${index} ${{ tier: "type", name: "name", email: "email", membership: "membership", declaration: "confirmation", accessCode: "access code" }[field]}`,
      },
      total: "Total:",
      confirm: "Confirm registration",
      continueToPayment: "Continue to payment",
      holdHint: ({ minutes }) => `Your places are held for ${minutesText(minutes)} while you pay with Stripe.`,
      paymentCancelled: "Payment cancelled: nothing has been charged. Your choices are kept below.",
      switched: ({ index, tier, price }) => `Ticket ${index} is now ${tier} (${price}).`,
    },
    order: {
      title: ({ reference }) => `Order ${reference}`,
      registered: "You’re registered",
      paymentReceived: "Payment received",
      onTheirWay: ({ email }) => `Your tickets are on their way to ${email}. Each ticket has a QR code to show at the door.`,
      pending: {
        heading: "Waiting for your payment to be confirmed",
        body: "This usually takes a few seconds; this page checks again by itself. We email your tickets as soon as it is confirmed.",
      },
      lateRefund: {
        heading: "Your late payment was refunded",
        body: ({ amount }) =>
          `Your payment arrived after your places were released, so ${amount} has been refunded to your card in full. Please register again if places are left.`,
      },
      refunded: {
        heading: "This order was refunded",
        body: ({ amount }) => `The organisers refunded ${amount} to your card, and the tickets on this order are cancelled.`,
      },
      cancelledByOrganisers: {
        heading: "The organisers cancelled this order",
        body: ({ paid, refunded }) =>
          `You paid ${paid}, and the organisers have cancelled the tickets on this order. ${refunded ? `They refunded ${refunded} of it.` : "Nothing has been refunded yet."}`,
        contact: "If you have questions about this, or expected a refund, contact the organisers: reply to any email we sent you about this order.",
      },
      notCompleted: { heading: "This registration was not completed", body: "Nothing has been charged and the places have been released." },
      reference: "Order reference",
      event: "Event",
      when: "When",
      where: "Where",
      total: "Total",
      tickets: "Tickets",
      ticketLine: ({ name, tier }) => `${name}: ${tier}`,
      ticketCancelled: "(cancelled)",
      openTicket: "Open ticket",
      openTicketFor: ({ name }) => `for ${name}`,
      registerAgain: "Register again with the same details",
    },
    ticket: {
      title: ({ event }) => `Ticket: ${event}`,
      lead: ({ name, tier }) => `Ticket for ${name} · ${tier}`,
      states: {
        unpaid: {
          heading: "Payment not confirmed yet",
          body: "This ticket gets its QR code as soon as your payment is confirmed, usually within a minute. We email it to you then; you can also reload this page.",
        },
        event_cancelled: {
          heading: "This event has been cancelled",
          body: "The organisers have cancelled the event, so this ticket can no longer be used. Reply to your ticket email if you have a question.",
        },
        expired: {
          heading: "This order was not paid in time",
          body: "The seats were held for a while and then released, so this ticket cannot be used. You can register again from the event page.",
        },
        refunded: {
          heading: "This ticket has been refunded",
          body: "Its order was refunded, so it can no longer be used to enter the event. Reply to your ticket email if you have a question.",
        },
        cancelled: {
          heading: "This ticket has been cancelled",
          body: "It can no longer be used to enter the event. If you think this is a mistake, reply to your ticket email and the organisers will help.",
        },
      },
      showCode: "Show this code at the entrance, on your phone or printed.",
      details: "Details",
      name: "Name",
      ticket: "Ticket",
      when: "When",
      doorsOpen: "Doors open",
      where: "Where",
      reference: "Order reference",
      addToCalendar: "Add to calendar",
      qrImage: "QR code as an image",
      eventPage: "Event page",
    },
    form: { optional: "(optional)", errorPrefix: "Error:", problem: ({ field, message }) => `${field}: ${message}` },
  },

  // ── The organiser pages: events, orders, exports (src/i18n/areas/admin.ts) ──
  admin: {
  },

  // ── The organiser pages: staff, tokens, audit, sign-in, members (src/i18n/areas/team.ts) ──
  team: {
    roles: { owner: "owner", organiser: "organiser", door: "door" },
    errorPrefix: "Error: ",
    errorTitle: ({ title }) => `Error: ${title}`,
    signIn: {
      title: "Sign in",
      intro: "For organisers and door staff. We email you a link that signs you in; no password needed.",
      emailLabel: "Your email address",
      send: "Email me a sign-in link",
      sentTitle: "Check your email",
      sent: ({ minutes }) => `If that address belongs to a staff account, a sign-in link is on its way. It works once, for ${minutesText(minutes)}.`,
      devMailbox: ({ mailbox }) => `Development: no email is really sent. Open the ${mailbox} to find the link.`,
      mailboxLink: "dev mailbox",
      confirm: "Sign in now",
    },
    staff: {
      title: "Staff",
      intro: "Owners manage staff; organisers run events, orders, exports and refunds; door staff only scan tickets for the events ticked below.",
      disabledBadge: "disabled",
      role: "Role",
      doorEvents: "Door events",
      disabled: "Disabled (signs them out and revokes their API tokens)",
      save: "Save",
      addHeading: "Add someone",
      email: "Email",
      name: "Name",
      add: "Add",
    },
    tokens: {
      title: "API tokens",
      intro: ({ header }) => `A token acts with its owner's role: send it as ${header}. Treat it like a password.`,
      createdNotice: "Your new token is shown once; copy it now:",
      caption: "API tokens",
      columns: { name: "Name", owner: "Owner", lastUsed: "Last used", state: "State" },
      ownerWithRole: ({ email, role }) => `${email} (${role})`,
      never: "never",
      revoked: "revoked",
      revoke: "Revoke",
      empty: "No tokens yet.",
      createHeading: "Create a token",
      nameLabel: "What will use it",
      nameHint: "For example: the society website, or the door scanner on the front desk.",
      create: "Create token",
      signOutHeading: "Sign out everywhere",
      signOutEverywhere: "Sign me out on every device",
    },
    audit: {
      title: "Audit log",
      caption: "Audit entries",
      columns: { who: "Who", what: "What", record: "Record", details: "Details" },
      entities: { order: "order", event: "event", staff: "staff member", api_token: "API token", member: "member", ticket_type: "ticket tier" },
      importModes: { add: "add", replace: "replace" },
      empty: "Nothing has been recorded yet.",
      pages: "Pages",
      newer: "← Newer",
      older: "Older →",
      pageOf: ({ page, pages }) => `Page ${number(page)} of ${number(pages)}`,
    },
    members: {
      title: "Members",
      onTheList: ({ count }) =>
        plural(count, {
          one: `${number(count)} member on the list. Tiers for “Members on the members list” accept anyone whose email address or membership number is here.`,
          other: `${number(count)} members on the list. Tiers for “Members on the members list” accept anyone whose email address or membership number is here.`,
        }),
      upload: "Upload",
      findHeading: "Find a member",
      searchLabel: "Email, membership number or name",
      search: "Search",
      found: ({ count }) => `${number(count)} found.`,
      showEveryone: "Show everyone",
      empty: "The members list is empty. Upload it below.",
      noMatch: ({ q }) => `No member matches “${q}”.`,
      caption: ({ page, pages }) => `Members: page ${number(page)} of ${number(pages)}`,
      captionMatching: ({ q, page, pages }) => `Members matching “${q}”: page ${number(page)} of ${number(pages)}`,
      columns: { email: "Email", number: "Membership number", name: "Name", remove: "Remove" },
      delete: "Delete",
      deleteWhom: ({ who }) => `${who} from the members list`,
      pages: "Pages of members",
      previous: "← Previous page",
      next: "Next page →",
      pageOf: ({ page, pages }) => `Page ${number(page)} of ${number(pages)}`,
      uploadHeading: "Upload the list",
      csvColumns: { email: "email", number: "membership number", otherNumbers: "“member no”, “number”", name: "name" },
      uploadHelp: ({ emailColumn, numberColumn, otherNumberColumns, nameColumn }) =>
        `A CSV file from a spreadsheet, with a first line naming the columns: ${emailColumn}, ${numberColumn} (or ${otherNumberColumns}) and, if you like, ${nameColumn}. Commas or semicolons both work. Each member needs an email address or a membership number. You will see what was read, and choose whether to add to the list or replace it, before anything changes.`,
      fileLabel: "CSV file",
      fileHint: ({ max }) => `Save it from your spreadsheet as “CSV (comma delimited)” or “CSV UTF-8”. Up to ${number(max)} members.`,
      pasteLabel: "Or paste the list",
      pasteHint: "Used when no file is chosen. For example: email,membership number,name — then one member per line.",
      check: "Check the list",
      nothingYet: "Nothing changes until you confirm on the next page.",
      deleted: "Member removed from the list.",
      imported: ({ mode, added, updated, unchanged, removed, skipped, rejected }) => {
        const changes =
          mode === "replace"
            ? `The list was replaced: ${number(removed)} removed, ${number(added)} added`
            : [`${number(added)} added`, `${number(updated)} updated`, `${number(unchanged)} already up to date`, ...(skipped ? [`${number(skipped)} skipped`] : [])].join(", ");
        const leftOut = rejected ? plural(rejected, { one: `; ${number(rejected)} rejected row left out`, other: `; ${number(rejected)} rejected rows left out` }) : "";
        return `Members list updated. ${changes}${leftOut}.`;
      },
      tooLarge: ({ megabytes, max }) => `That file is larger than ${number(megabytes)} MB. Upload at most ${number(max)} members at a time.`,
      changed: "The list changed between checking and confirming, so nothing was changed. Upload it again.",
      chooseMode: "Choose how to apply the list: add and update, or replace it.",
    },
    preview: {
      title: "Check the members list",
      back: "← Members",
      summary: ({ accepted, rejected }) =>
        `${plural(accepted, { one: `${number(accepted)} row`, other: `${number(accepted)} rows` })} can be used and ${plural(rejected, { one: `${number(rejected)} row was`, other: `${number(rejected)} rows were` })} left out. Nothing has changed yet.`,
      columnsRead: "Columns read",
      columns: ({ columns, header }) => (header ? columns : `${columns} (no header line: the column with @ is the email address)`),
      accepted: "Accepted",
      rejected: "Rejected",
      addAndUpdate: "Add and update",
      addSummary: ({ inserts, updates, unchanged, skipped, staying }) =>
        `${plural(inserts, { one: `${number(inserts)} new member`, other: `${number(inserts)} new members` })}, ${number(updates)} updated, ${number(unchanged)} already up to date${skipped ? `, ${number(skipped)} skipped` : ""}; ${plural(staying, { one: "the other member on the list stays", other: `the other ${number(staying)} members on the list stay` })}.`,
      replace: "Replace",
      replaceSummary: ({ accepted, current }) =>
        `The list becomes exactly the ${plural(accepted, { one: `${number(accepted)} member`, other: `${number(accepted)} members` })} in this file; the ${number(current)} on it now are removed first.`,
      leftOutHeading: "Rows left out",
      leftOutHelp: "Correct these in your spreadsheet and upload it again, or apply the list without them.",
      leftOutCaption: "Rows left out, by line number in the file, with the reason",
      more: ({ count }) => `… and ${number(count)} more.`,
      problemColumns: { line: "Line", row: "Row", reason: "Reason" },
      rowColumns: { line: "Line", email: "Email", number: "Membership number", name: "Name" },
      toApplyHeading: "Rows to apply",
      firstRows: ({ shown, total }) => `The first ${number(shown)} of ${number(total)} rows, as they will be stored`,
      allRows: "The rows, as they will be stored",
      howToApply: "How to apply it",
      addHint: "New members are added; members already on the list are updated; nobody is removed.",
      replaceLabel: "Replace the whole list",
      replaceHint: ({ current, accepted }) =>
        `Everyone on the list now (${number(current)}) is removed; only the ${plural(accepted, { one: `${number(accepted)} member`, other: `${number(accepted)} members` })} in this file remain.`,
      apply: "Apply to the members list",
      cancel: "Cancel: upload another file",
      noneUsable: ({ again }) => `No row can be used. ${again}.`,
      uploadAnother: "Upload another file",
    },
  },

  // ── The door pages and the scanner (src/i18n/areas/door.ts) ──
  door: {
    app: { name: "Door scanner · Conference tickets", shortName: "Door", description: "Check tickets in at the door, with or without a connection." },
    layout: { pageTitle: ({ title }) => `${title} · Door`, home: "Door", organiserPages: "Organiser pages", signOut: "Sign out" },
    events: {
      title: "Choose an event",
      heading: "Door check-in",
      none: "You are not on the door team for any event yet. Ask an organiser to add you, then reload this page.",
      intro: "Choose the event you are checking people in for. The scanner keeps working if the Wi-Fi drops.",
      when: ({ date, time }) => `${date}, doors ${time}`,
      signedInAs: ({ name, email }) => `Signed in as ${name} (${email}).`,
    },
    scannerPage: {
      starting: "Starting the scanner…",
      needsJavaScript: "The scanner needs JavaScript. Turn it on in your browser's settings, then reload this page.",
      scanHeading: "Scan a ticket",
      cameraView: "Camera view: hold the ticket's QR code inside the frame",
      startCamera: "Start camera",
      codeLabel: "Ticket code",
      codeHint: ({ example }) => `A handheld scanner types here. You can also type the short code printed with the QR code, such as ${example}.`,
      check: "Check",
      lastScan: "Last scan",
      undo: "Undo this admit",
      problems: "Check these",
      countsHeading: "Checked in",
      countsOf: ({ checkedIn, expected }) => `${checkedIn} of ${expected}`,
      countsCaption: "Checked in by ticket type",
      tierColumn: "Ticket type",
      inColumn: "In",
      expectedColumn: "Expected",
      searchHeading: "Find a ticket",
      searchLabel: "Name or order reference",
      search: "Search",
      settings: "Settings",
      deviceLabel: "This phone's name",
      deviceHint: "Shown to other door staff when a ticket is scanned twice.",
      sound: "Beep and vibrate on each scan",
      hold: "Keep each verdict on screen until tapped",
    },
    scanner: {
      title: { admit: "Admit", alreadyCheckedIn: "Already checked in", cannotCheckYet: "Cannot check yet", notValid: "Not valid" },
      refusal: {
        cancelled: "Cancelled: this ticket or its order was cancelled.",
        refunded: "Refunded: this ticket's order was refunded.",
        event_cancelled: "The event has been cancelled: no tickets admit.",
        expired: "Not paid: the order expired before payment.",
        wrong_event: "This ticket is for another event.",
        unpaid: "Not paid yet: the order is still waiting for payment.",
        no_list: "This phone has not downloaded the ticket list yet. Connect to the internet once, then scan again.",
      },
      invalid: {
        malformed: "Unreadable: this is not one of our ticket codes. Scan again, or type the code.",
        bad_signature: "Forged: the code has been changed or made up.",
        unknown_key: "Forged, or from another system: it was not signed with our key.",
        unknown_ticket: "Unknown ticket: it is not in our records.",
      },
      status: { unpaid: "Not paid", expired: "Not paid", cancelled: "Cancelled", refunded: "Refunded", event_cancelled: "Event cancelled" },
      proof: { declaration: "Check proof of concession", member_list: "Check membership card" },
      nameNotOnList: "Name not on this phone's list",
      notOnListYet: "Not on this phone's list yet: sold after the last sync. The signature is genuine.",
      checkedInAt: "Checked in at {time}.",
      checkedInAtHere: "Checked in at {time} on this phone.",
      checkedInAtOn: "Checked in at {time} on {device}.",
      resultCheckedIn: "Checked in at {time}",
      decidedOffline: "Decided on this phone (offline); it will be sent when the connection is back.",
      decidedHere: "Decided on this phone.",
      nextScanHint: "Tap, Enter or Escape for the next scan",
      lastScan: "{time}: {verdict}",
      online: "Online",
      offline: "Offline",
      listUpdated: "list updated {time}",
      listNever: "never",
      waiting: { one: "{count} scan waiting to send", other: "{count} scans waiting to send" },
      backOnline: "Back online. Waiting scans are being sent.",
      wentOffline: "Offline. Scans are checked on this phone and sent when the connection is back.",
      signedOut: "You are signed out: reload this page to sign in again. Scans are kept on this phone meanwhile.",
      serverAnswered: "The server answered {status}.",
      countsFromServer: "From the server at {time}.",
      countsOnPhone: "Counted on this phone (offline).",
      nothingToUndo: "There is nothing to undo.",
      undone: "Undone: {name} is no longer checked in.",
      undoneLater: "Undone: {name} is no longer checked in. The server will be told when the connection is back.",
      notCheckedIn: "Nothing to undo: {name} was not checked in.",
      couldNotUndo: "Could not undo: {problem}",
      aTicket: "a ticket",
      thisTicket: "this ticket",
      twoDevices: "Admitted on two devices: {name}, also at {time}.",
      twoDevicesOn: "Admitted on two devices: {name}, also at {time} on {device}.",
      offlineNotValid: "Admitted offline at {time}, but not valid: {name}. {reason}",
      couldNotSendAdmit: "Could not send the admit of {name}: {problem}",
      couldNotSendUndo: "Could not send the undo of {name}: {problem}",
      typeTwoLetters: "Type at least two letters.",
      noneFound: "No tickets found.",
      found: { one: "{count} ticket found.", other: "{count} tickets found." },
      foundOnPhone: { one: "{count} ticket found on this phone's list (offline: names only).", other: "{count} tickets found on this phone's list (offline: names only)." },
      noneFoundOnPhone: "No tickets found on this phone's list (offline: names only).",
      notCheckedInYet: "Not checked in",
      admitButton: "Admit",
      startCamera: "Start camera",
      stopCamera: "Stop camera",
      startingCamera: "Starting the camera…",
      holdInFrame: "Hold the QR code inside the frame.",
      cameraNotAllowed: "The camera was not allowed. Allow it in the browser's site settings, or type codes below.",
      noCamera: "No camera found. Type codes below, or use a handheld scanner.",
      cameraFailed: "The camera could not start. Type codes below, or reload the page and try again.",
      cameraUnavailable: "This browser cannot use the camera here. Type codes below, or use a handheld scanner.",
      signOutUnsent: {
        one: "{count} scan has not reached the server yet. Sign out anyway and lose it?",
        other: "{count} scans have not reached the server yet. Sign out anyway and lose them?",
      },
      offlineNotOpened: "You are offline and this page has not been opened on this phone before. Connect once, then try again.",
      defaultDevice: "Door",
    },
  },

  errors: {
    not_found: ({ what, next }) => (next ? `${missing[what]} ${nextSteps[next]}` : missing[what]),
    invalid: ({ reason, issue }) => {
      if (issue) return describeIssue(fields, issue);
      if (reason === "no_tiers") return "Add at least one ticket tier before publishing: people need something to register for.";
      if (reason === "event_times") return "The event must start before it ends. Correct its times, then publish.";
      return "Some details need correcting.";
    },
    sold_out: ({ left, tier, reason }) => {
      if (reason === "not_enough_to_add") return "There are not enough seats left for that many people. Raise the capacity first, or add fewer.";
      if (left === undefined) return "Sorry, those tickets have just sold out. Please try again.";
      if (left === 0) return tier ? `Sorry, ${tier} tickets have sold out.` : "Sorry, this event has sold out.";
      if (tier) {
        return plural(left, {
          one: `Only ${left} ${tier} ticket is left. Choose fewer and try again.`,
          other: `Only ${left} ${tier} tickets are left. Choose fewer and try again.`,
        });
      }
      return plural(left, { one: `Only ${left} place is left. Choose fewer and try again.`, other: `Only ${left} places are left. Choose fewer and try again.` });
    },
    conflict: (p) => {
      switch (p.reason) {
        case "ticket_not_valid":
          return "That ticket is not valid any more, so there is nothing to cancel.";
        case "not_paid_online":
          return "This order was not paid through Stripe, so there is nothing to refund online.";
        case "no_tickets_to_send":
          return "This order has no valid tickets to send.";
        case "event_changed":
          return "The event changed meanwhile. Reload the page and try again.";
        case "own_owner_access":
          return "You cannot remove your own owner access. Ask another owner.";
        case "members_changed":
          return "The members list changed while you were uploading, so nothing was changed. Check the file again and confirm.";
        case "staff_email_taken":
          return "Someone with that email address already has access.";
        case "nonce_reused":
          return "This scan's nonce was already used for a different scan, so nothing was recorded. Scan again: each scan needs a nonce of its own.";
        case "order_not_cancellable":
          return `This order is ${orderStatus(p.status)}, so there is nothing to cancel.`;
        case "order_not_refundable":
          return `This order is ${orderStatus(p.status)}: it cannot be refunded.`;
        case "event_status":
          return `This event is ${eventStatus[p.status] ?? p.status}, so it cannot be ${eventStatus[p.to] ?? p.to} now.`;
        case "tier_ordered":
          return `The ${p.tier} tier has been ordered, so it cannot be deleted. To stop selling it, set its quota to what is sold, or end its sales window.`;
      }
    },
    sales_closed: ({ reason }) =>
      ({
        event_cancelled: "This event has been cancelled, so registration is closed.",
        not_open: "Registration for this event is not open.",
        closed: "Registration for this event has closed.",
        not_yet_open: "Registration for this event has not opened yet.",
      })[reason],
    forbidden: ({ reason }) =>
      ({
        not_on_door_team: "You are not on the door team for that event. Ask an organiser to add you.",
        role: "Your role does not allow this. Ask an owner if you need access.",
        form_expired: "This form has expired. Go back, reload the page and try again.",
        human_check: "We could not confirm that a person sent this. Complete the check on the form and send it again.",
      })[reason],
    unauthorized: ({ reason }) =>
      ({
        bad_api_token: "That API token is not valid. Create one on the organiser pages (Tokens).",
        sign_in: "Sign in, or send an API token: Authorization: Bearer <token>.",
        link_expired: "This sign-in link has expired or has already been used. Ask for a new one.",
      })[reason],
    rate_limited: ({ what, retryAfterSeconds }) => {
      const wait = retryAfterSeconds === undefined ? "an hour" : minutesText(Math.ceil(retryAfterSeconds / 60));
      return {
        sign_in: "Too many sign-in requests from here. Please try again in an hour.",
        requests: "Too many requests from here. Please try again in an hour.",
        holds: `You already have unpaid registrations holding places for this event. Pay for them, or try again in ${wait} when their hold ends.`,
        guesses: `Too many wrong codes or membership details from here. Please check them and try again in ${wait}.`,
      }[what];
    },
    unavailable: ({ reason }) =>
      reason === "human_check"
        ? "We could not check the form just now, and nothing was registered. Please try again in a minute."
        : "We could not start the payment, and nothing has been charged. Please try again in a minute.",
  },
  fields,
  http: {
    badRequest: "We could not read what was sent: the form or JSON body is malformed. Send it again from the page, or check the request's body and Content-Type.",
    refused: "Request refused.",
    internal: ({ requestId }) => `Something went wrong on our side. Please try again in a moment (reference ${requestId}).`,
    misconfigured: ({ detail }) => `The server is not configured correctly. ${detail}.`,
    pageNotFound: "We could not find that page. Check the address, or start from the list of events.",
    missingStripeSignature: "Missing Stripe-Signature header.",
    badStripeSignature: "The Stripe signature does not match this payload.",
    badStripeEvent: "The payload is not a Stripe event object with an id, a type and data.object of the expected shape.",
  },
  config: {
    key_format: ({ setting }) => `Invalid configuration: ${setting} is malformed (expected <key id>.<base64url key>)`,
    not_ed25519: ({ setting }) => `Invalid configuration: ${setting} is not an Ed25519 private key (generate one with npm run keys)`,
    no_offline_stripe: ({ setting }) => `Invalid configuration: ${setting} is missing (this build has no Stripe emulator; run it with npm start)`,
    no_offline_turnstile: ({ setting }) => `Invalid configuration: ${setting} is a Turnstile test key, and this build has no Turnstile stand-in (run it with npm start)`,
    key_id_clash: ({ setting, keyId }) => `Invalid configuration: ${setting} gives key id ${keyId} a different key than the one already in use`,
  },
  pages: {
    notFoundHeading: "Page not found",
    serverErrorHeading: "Something went wrong",
    refusedHeading: "We could not do that",
    allEvents: "See all events",
    formProblem: "Some details need correcting",
    weeksProblem: "Check the number of weeks",
    listUnreadable: "The list could not be read",
    skippedWhenAdding: ({ reason }) => `${reason} Skipped when adding and updating.`,
  },
  mail: {
    greeting: ({ name }) => `Hello ${name},`,
    tickets: {
      intro: ({ kind, event, count }) => {
        if (kind === "attendee_ticket") return `You are registered for ${event}. Here is your ticket.`;
        if (kind === "tickets_again") return plural(count, { one: `As asked, here is your ticket for ${event} again.`, other: `As asked, here are your ${count} tickets for ${event} again.` });
        return plural(count, { one: `Thank you for registering for ${event}. Here is your ticket.`, other: `Thank you for registering for ${event}. Here are your ${count} tickets.` });
      },
      showAtDoor: "Show the QR code at the door, on your phone or printed.",
      headingAgain: "Your tickets",
      headingRegistered: "You're registered",
      facts: { date: "Date", doors: "Doors open", starts: "Starts", venue: "Venue" },
      fact: ({ label, value }) => `${label}: ${value}`,
      ticketOf: ({ index, count }) => `Ticket ${index} of ${count}`,
      ticket: "Ticket",
      ticketLine: ({ index, name, tier }) => (index === null ? `Ticket: ${name}, ${tier}` : `Ticket ${index}: ${name}, ${tier}`),
      qrAlt: ({ name }) => `QR code for ${name}'s ticket`,
      typedCode: ({ code }) => `Code to type at the door: ${code}`,
      open: "Open this ticket",
      openLine: ({ url }) => `Open it (with its QR code): ${url}`,
      preheader: ({ date, venue }) => `${date}, ${venue}. Show the QR code at the door.`,
      footer: ({ event }) => `You receive this because you registered for ${event}. Reply to this email to reach the organisers.`,
      reference: ({ reference, total }) =>
        total
          ? `Order reference ${reference} · Total paid ${total}. The calendar file attached adds the event to your diary.`
          : `Order reference ${reference}. The calendar file attached adds the event to your diary.`,
      referenceLine: ({ reference, total }) => (total ? `Order reference: ${reference}. Total paid: ${total}.` : `Order reference: ${reference}.`),
      replyToReach: "Reply to this email to reach the organisers.",
    },
    actionLine: ({ label, url }) => `${label}: ${url}`,
    ticketsSubject: ({ event }) => `Your tickets for ${event}`,
    anyone: "there",
    signIn: {
      subject: "Your sign-in link",
      heading: "Sign in to the organiser pages",
      body: ({ minutes }) => `Use the button below to sign in. The link works once, for the next ${minutes} minutes.`,
      ignore: "If you did not ask to sign in, you can ignore this email: nobody can sign in without the link.",
      action: "Sign in",
      footer: "You receive this because someone asked for a sign-in link for this address.",
    },
    aboutEvent: ({ event }) => `About ${event}. Reply to this email to reach the organisers.`,
    registerAgain: "Register again",
    lateRefunded: {
      subject: ({ event }) => `Your payment for ${event} has been refunded`,
      heading: "Your payment has been refunded",
      body: ({ amount, event, reference }) =>
        `Your payment of ${money(amount)} for ${event} (order ${reference}) arrived after the places we were holding for you had been released, so we have refunded it in full. Refunds usually reach your card within 5 to 10 days.`,
      again: "If places are still available, you are welcome to register again.",
    },
    refunded: {
      subject: ({ event }) => `Refund for ${event}`,
      heading: "We have refunded you",
      body: ({ amount, reference }) => `We have refunded ${money(amount)} for order ${reference}. Refunds usually reach your card within 5 to 10 days.`,
      ticketsStillValid: "Your remaining tickets are still valid.",
      ticketsCancelled: "The tickets on this order have been cancelled.",
    },
    paymentFailed: {
      subject: ({ event }) => `Your payment for ${event} did not go through`,
      heading: "Your payment did not go through",
      body: ({ reference }) =>
        `Your bank did not complete the payment for order ${reference}, so the places we were holding have been released and nothing has been charged.`,
      again: "You can register again with another payment method.",
    },
    cancelledByOrganiser: {
      subject: ({ event }) => `Your tickets for ${event} have been cancelled`,
      heading: "The organisers cancelled your order",
      body: ({ amount, event, reference }) => `The organisers of ${event} have cancelled order ${reference}, which you paid ${money(amount)} for. Its tickets no longer admit anyone.`,
      notRefunded: "Your payment has not been refunded. If you expected a refund, or think this is a mistake, reply to this email to reach the organisers.",
      contact: "Reply to this email to reach the organisers.",
    },
  },
  tickets: {
    proofNote: {
      declaration: "Bring proof of your concession (student card, or proof of benefits or pension).",
      member_list: "Bring your membership card or number.",
    },
    qrLabel: "Ticket QR code",
    qrLabelFor: ({ name }) => `Ticket QR code for ${name}`,
    typedCode: "If the code will not scan, the door can type this instead:",
  },
  ics: {
    ticketFor: ({ name }) => `Ticket for ${name}.`,
    doorsOpenAt: ({ time }) => `Doors open at ${time}.`,
    yourTicket: ({ url }) => `Your ticket: ${url}`,
    details: ({ url }) => `Details: ${url}`,
  },
  exports: {
    sheet: "Attendees",
    columns: {
      reference: "Order reference",
      attendeeName: "Attendee name",
      attendeeEmail: "Attendee email",
      ticketType: "Ticket type",
      pricePaid: "Price paid",
      currency: "Currency",
      ticketStatus: "Ticket status",
      checkedInAt: "Checked in at",
      buyerName: "Buyer name",
      buyerEmail: "Buyer email",
      eligibilityAnswer: "Eligibility answer",
      orderedAt: "Ordered at",
      paidAt: "Paid at",
    },
    inZone: ({ heading, zone }) => `${heading} (${zone} time)`,
  },
  audit: {
    actions: {
      registration_added_complimentary: "complimentary registration added",
      registration_added_door: "pay-at-the-door registration added",
      attendee_renamed: "attendee renamed",
      ticket_cancelled: "ticket cancelled",
      order_cancelled: "order cancelled",
      order_refunded: "order refunded",
      tickets_resent: "tickets resent",
      exported_attendees: "attendee list exported",
      email_retried: "email retried",
      tier_created: "ticket tier created",
      tier_updated: "ticket tier updated",
      tier_deleted: "ticket tier deleted",
      event_created: "event created",
      event_updated: "event updated",
      event_published: "event published",
      event_cancelled: "event cancelled",
      event_archived: "event archived",
      event_duplicated: "event duplicated",
      staff_added: "staff member added",
      staff_updated: "staff member changed",
      api_token_created: "API token created",
      api_token_revoked: "API token revoked",
      signed_in: "signed in",
      signed_out_everywhere: "signed out everywhere",
      member_deleted: "member deleted",
      members_imported: "members list uploaded",
    },
    labels: {
      tier: "Ticket type",
      count: "People",
      ticketId: "Ticket",
      from: "From",
      to: "To",
      attendee: "Attendee",
      previousStatus: "Status before",
      amountMinor: "Amount",
      totalRefundedMinor: "Refunded in all",
      currency: "Currency",
      format: "Format",
      emailId: "Email",
      eventId: "Event",
      name: "Name",
      description: "Description",
      priceMinor: "Price",
      quota: "Quota",
      eligibility: "Who may buy",
      declarationText: "Statement to tick",
      salesStartAt: "Sales open",
      salesEndAt: "Sales close",
      minPerOrder: "Least per order",
      maxPerOrder: "Most per order",
      sortOrder: "Position",
      accessCodeChanged: "Access code changed",
      sold: "Sold",
      held: "Held",
      weeks: "Weeks later",
      slug: "Web address",
      title: "Title",
      fields: "Changed",
      summary: "Summary",
      venueName: "Venue",
      venueAddress: "Venue address",
      timezone: "Time zone",
      startsAt: "Starts",
      endsAt: "Ends",
      doorsOpenAt: "Doors open",
      capacity: "Capacity",
      referencePrefix: "Reference prefix",
      ticketEmailSubject: "Ticket email subject",
      agenda: "Programme",
      email: "Email address",
      role: "Role",
      eventIds: "Door for events",
      disabled: "Access turned off",
      sessions: "Sessions ended",
      membershipNumber: "Membership number",
      mode: "Mode",
      added: "Added",
      updated: "Updated",
      unchanged: "Unchanged",
      removed: "Removed",
      skipped: "Skipped",
      rejected: "Rejected",
    },
    yes: "yes",
    no: "no",
    none: "none",
    system: "system",
    when: ({ zone }) => `When (${zone} time)`,
    count: ({ count, zone }) =>
      plural(count, { one: `${number(count)} entry, newest first. Times are ${zone} time.`, other: `${number(count)} entries, newest first. Times are ${zone} time.` }),
  },
  members: {
    rows: {
      no_key: () => "No email address or membership number.",
      email_invalid: ({ email }) => `“${email}” is not a valid email address.`,
      number_invalid: () => "The membership number is too long or contains @.",
      same_email: ({ line }) => `Same email address as line ${line}.`,
      same_number: ({ line }) => `Same membership number as line ${line}.`,
      two_members: () => "The email belongs to one member on the list and the membership number to another.",
      same_member: ({ line }) => `Matches the same member as line ${line}.`,
    },
    columns: { email: "email", number: "membership number", name: "name", first: "first name", last: "last name" },
  },
};
