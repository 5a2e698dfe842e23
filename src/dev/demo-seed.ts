import type { PrismaClient } from "@/generated/prisma/client";
import { sha256Hex } from "@/lib/hash";
import { newId } from "@/lib/ids";
import { localDate, zonedTimeToUtc } from "@/lib/zoned-time";
import { memberSearchText } from "@/domain/members/repo";
import { agendaTextFields, eventTextFields, tierTextFields, writeTranslations } from "@/domain/events/translations";
import { questionTextFields } from "@/domain/questions/model";

const timezone = "Europe/London";

export const demoStaff = {
  organiser: { email: "organiser@example.org", name: "Dev Organiser", role: "owner" },
  door: { email: "door@example.org", name: "Dev Door", role: "door" },
} as const;

/** Well-known API tokens for the dev accounts; seeded only outside production (the /dev routes). */
export const demoTokens = { organiser: "dev-organiser-token", door: "dev-door-token" } as const;

/** The demo members list: matches for the Member tier. */
export const demoMembers = [
  { email: "member@example.org", membershipNumber: "M1001", name: "Amina Khan" },
  { email: "j.osei@example.org", membershipNumber: "M1002", name: "Joseph Osei" },
  { email: "lucia.nunez@example.org", membershipNumber: "M1003", name: "Lucía Núñez Pérez" },
];

/** The first Saturday at least four weeks after `now`, as YYYY-MM-DD in London. */
export function demoEventDate(now: Date): string {
  const day = new Date(`${localDate(now, timezone)}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 28);
  while (day.getUTCDay() !== 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

const description = `Our annual conference brings together researchers, practitioners and campaigners
working where **human rights** and **development** meet.

This year's theme is *accountability in aid*: who answers to the people that development
is meant to serve? Expect a keynote, a panel with time for your questions, and afternoon
workshops in smaller groups.

- Lunch is provided; tell us about dietary needs when you register.
- The venue is step-free, with a hearing loop in the main hall.
- Members and concessions pay less: bring your membership card or proof of concession.

Questions before the day? Write to [events@example.org](mailto:events@example.org).`;

const descriptionEs = `Nuestra conferencia anual reúne a investigadores, profesionales y activistas que
trabajan donde se encuentran los **derechos humanos** y el **desarrollo**.

El tema de este año es *la rendición de cuentas en la ayuda*: ¿quién responde ante las
personas a las que el desarrollo debe servir? Habrá una conferencia magistral, un panel con
tiempo para tus preguntas y, por la tarde, talleres en grupos más pequeños.

- El almuerzo está incluido; cuéntanos al inscribirte si tienes necesidades alimentarias.
- El lugar no tiene escalones y cuenta con bucle magnético en la sala principal.
- Los socios y las personas con tarifa reducida pagan menos: trae tu carné de socio o un comprobante.

¿Tienes preguntas antes del día? Escríbenos a [events@example.org](mailto:events@example.org).`;

/** The demo event's texts in Spanish (its main language is English). */
const demoEventEs = {
  title: "Conferencia anual: Derechos humanos y desarrollo",
  summary: "Una conferencia de un día sobre la rendición de cuentas en la ayuda, en el centro de Londres.",
  description: descriptionEs,
  venueName: "Instituto de Gobernanza Global de UCL",
  venueAddress: "29–31 Tavistock Square, Londres WC1H 9QU",
};

/** Time, title and detail in English, then title and detail in Spanish. */
const demoAgenda = [
  ["10:30", "Registration and coffee", "Collect your badge in the foyer.", "Inscripción y café", "Recoge tu credencial en el vestíbulo."],
  ["11:00", "Welcome", "From the chair of trustees.", "Bienvenida", "A cargo de la presidencia del consejo directivo."],
  ["11:15", "Keynote: accountability in aid", "", "Conferencia magistral: la rendición de cuentas en la ayuda", ""],
  ["12:30", "Lunch", "Vegetarian, vegan and gluten-free options.", "Almuerzo", "Opciones vegetarianas, veganas y sin gluten."],
  ["13:30", "Panel: who answers to whom?", "With time for questions from the floor.", "Panel: ¿quién responde ante quién?", "Con tiempo para preguntas del público."],
  ["15:00", "Workshops", "Three parallel sessions; choose on the day.", "Talleres", "Tres sesiones en paralelo; elige la tuya ese mismo día."],
  ["16:30", "Closing remarks", "", "Palabras de cierre", ""],
] as const;

const demoTiers = [
  {
    name: "Member",
    description: "For members of the society.",
    priceMinor: 800,
    eligibility: "member_list",
    sortOrder: 1,
    translations: writeTranslations({ es: { name: "Socio", description: "Para socios de la asociación." } }, tierTextFields),
  },
  {
    name: "Concession",
    description: "For students, unwaged people and pensioners.",
    priceMinor: 800,
    eligibility: "declaration",
    declarationText: "I am a student, unwaged or receiving a pension",
    sortOrder: 2,
    translations: writeTranslations(
      {
        es: {
          name: "Tarifa reducida",
          description: "Para estudiantes, personas sin empleo y jubilados.",
          declarationText: "Soy estudiante, no tengo empleo o recibo una pensión",
        },
      },
      tierTextFields,
    ),
  },
  {
    name: "Non-member",
    description: "Standard ticket.",
    priceMinor: 1300,
    eligibility: "open",
    sortOrder: 3,
    translations: writeTranslations({ es: { name: "No socio", description: "Entrada general." } }, tierTextFields),
  },
  {
    name: "Press",
    description: "For journalists covering the conference, with the code we sent you.",
    priceMinor: 0,
    quota: 5,
    eligibility: "open",
    sortOrder: 4,
    // Seen and bought only with the PRESS voucher (demoVouchers).
    hidden: true,
    translations: writeTranslations({ es: { name: "Prensa", description: "Para periodistas que cubren la conferencia, con el código que te enviamos." } }, tierTextFields),
  },
];

/** The demo's vouchers: 10% off the Non-member tier for students, and one use of the hidden Press tier. */
const demoVouchers = [
  { code: "STUDENT10", kind: "percent", value: 10, tier: "Non-member", maxUses: null, label: "Students" },
  { code: "PRESS", kind: "unlock", value: 0, tier: "Press", maxUses: 1, label: "Press" },
];

/** The demo's questions: what the description asks people to tell us when they register. */
const demoQuestions = [
  {
    type: "choice",
    label: "Dietary requirements",
    help: "Lunch and refreshments are provided.",
    required: true,
    per: "attendee",
    atDoor: false,
    options: [
      { id: "none", label: "None", details: false, translations: { es: "Ninguno" } },
      { id: "vegetarian", label: "Vegetarian", details: false, translations: { es: "Vegetariano" } },
      { id: "vegan", label: "Vegan", details: false, translations: { es: "Vegano" } },
      { id: "gluten-free", label: "Gluten-free", details: false, translations: { es: "Sin gluten" } },
      { id: "other", label: "Other", details: true, translations: { es: "Otro" } },
    ],
    es: { label: "Requisitos alimentarios", help: "Se ofrecen almuerzo y refrigerios." },
  },
  {
    type: "long_text",
    label: "Access needs",
    help: "For example step-free access or a hearing loop. Door staff will see this.",
    required: false,
    per: "attendee",
    atDoor: true,
    options: [],
    es: { label: "Necesidades de accesibilidad", help: "Por ejemplo, acceso sin escalones o bucle magnético. El personal de la entrada lo verá." },
  },
  {
    type: "text",
    label: "Organisation",
    help: "As it should appear on the badge.",
    required: false,
    per: "attendee",
    atDoor: false,
    options: [],
    es: { label: "Organización", help: "Como debe aparecer en la credencial." },
  },
];

/**
 * Seeds the demo conference of DESIGN.md (modelled on our first user) when the database has
 * no events: three tiers and a hidden Press tier, two vouchers (STUDENT10, PRESS), a members list,
 * a programme, a dev organiser and a door account.
 * Returns false, changing nothing, when events already exist.
 */
export async function seedDemo(db: PrismaClient, now: Date): Promise<boolean> {
  if ((await db.event.count()) > 0) return false;
  const date = demoEventDate(now);
  const at = (time: string) => zonedTimeToUtc(`${date}T${time}`, timezone);
  const eventId = newId("evt");
  const staff = Object.values(demoStaff).map((s) => ({ id: newId("stf"), ...s }));

  // Sequential on purpose: Prisma's D1 adapter runs $transaction calls as separate queries.
  // The event goes last, so a failure part-way leaves no event and the next start seeds again.
  await db.member.deleteMany({ where: { email: { in: demoMembers.map((m) => m.email) } } });
  await db.member.createMany({ data: demoMembers.map((m) => ({ id: newId("mem"), ...m, searchText: memberSearchText(m) })) });
  await db.staff.deleteMany({ where: { email: { in: staff.map((s) => s.email) } } });
  await db.staff.createMany({ data: staff });
  await db.apiToken.deleteMany({ where: { tokenHash: { in: await Promise.all(Object.values(demoTokens).map(sha256Hex)) } } });
  await db.apiToken.createMany({
    data: await Promise.all(
      (Object.keys(demoTokens) as Array<keyof typeof demoTokens>).map(async (who) => ({
        id: newId("tok"),
        name: "dev token (seeded by npm start)",
        tokenHash: await sha256Hex(demoTokens[who]),
        staffId: staff.find((s) => s.email === demoStaff[who].email)!.id,
      })),
    ),
  });
  await db.question.createMany({
    data: demoQuestions.map(({ es, options, ...q }, i) => ({
      id: newId("qst"),
      eventId,
      ...q,
      options: JSON.stringify(options),
      sortOrder: i,
      translations: writeTranslations({ es }, questionTextFields),
    })),
  });
  const tiers = demoTiers.map((tier) => ({ id: newId("tier"), ...tier }));
  await db.voucher.createMany({
    data: demoVouchers.map(({ tier, ...v }) => ({ id: newId("vch"), eventId, ...v, ticketTypeId: tiers.find((t) => t.name === tier)!.id })),
  });
  await db.event.create({
    data: {
      id: eventId,
      slug: `annual-conference-${date.slice(0, 4)}`,
      title: "Annual Conference: Human Rights and Development",
      summary: "A one-day conference on accountability in aid, in central London.",
      description,
      venueName: "UCL Global Governance Institute",
      venueAddress: "29–31 Tavistock Square, London WC1H 9QU",
      timezone,
      doorsOpenAt: at("10:30"),
      startsAt: at("11:00"),
      endsAt: at("17:00"),
      capacity: 120,
      status: "published",
      currency: "GBP",
      maxPerOrder: 10,
      referencePrefix: "HRD",
      mainLanguage: "en",
      translations: writeTranslations({ es: demoEventEs }, eventTextFields),
      // Self-service: a full refund until 7 days before; changes until 24 hours before.
      refundPolicy: "full_until",
      refundUntil: new Date(at("11:00").getTime() - 7 * 24 * 3_600_000),
      changesCutoffHours: 24,
      ticketTypes: { create: tiers },
      agenda: {
        create: demoAgenda.map(([time, title, detail, titleEs, detailEs], i) => ({
          id: newId("agd"),
          startsAt: at(time),
          title,
          detail,
          sortOrder: i,
          translations: writeTranslations({ es: { title: titleEs, detail: detailEs } }, agendaTextFields),
        })),
      },
      doorStaff: { create: staff.filter((s) => s.role === "door").map((s) => ({ staffId: s.id })) },
    },
  });
  return true;
}
