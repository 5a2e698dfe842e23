// Spanish (neutral Latin American, addressing the reader as "tú"): the English catalogue
// translated key for key, as whole sentences rather than word for word.
import type { Alternative, CountedThing, Money } from "@/domain/issues";
import { formatsFor } from "@/lib/format";
import { describeIssue, pluralFor, type Messages } from "@/i18n/messages";

const plural = pluralFor("es");
const number = (n: number) => n.toLocaleString("es");
const format = formatsFor("es", { free: "Gratis", currencyDisplay: "narrowSymbol" });
const money = (m: Money) => format.money(m.minor, m.currency);
const minutesText = (n: number) => plural(n, { one: `${n} minuto`, other: `${number(n)} minutos` });
const alt = (a: Alternative) => `${a.tier} (${money(a.price)})`;

/** An order's status as it reads after "Este pedido está…". */
const orderStatus = (status: string) =>
  ({
    pending: "pendiente de pago",
    paid: "pagado",
    cancelled: "cancelado",
    expired: "vencido",
    refunded: "reembolsado",
    partially_refunded: "reembolsado en parte",
  })[status] ?? status.replace(/_/g, " ");
/** An event's status as it reads after "Este evento está…". */
const eventStatus: Record<string, string> = { draft: "en borrador", published: "publicado", cancelled: "cancelado", archived: "archivado" };
/** What moving an event to a status is called, after "no se puede…". */
const eventChange: Record<string, string> = { draft: "pasar a borrador", published: "publicar", cancelled: "cancelar", archived: "archivar" };

const counted: Record<CountedThing, string> = {
  capacity: "la capacidad",
  event_max_per_order: "el máximo de entradas por pedido",
  quota: "el cupo",
  min_per_order: "el mínimo por pedido",
  max_per_order: "el máximo por pedido",
  position: "la posición",
  weeks: "el número de semanas",
  hold_orders_limit: "el máximo de pedidos sin pagar por comprador",
  hold_tickets_limit: "el máximo de entradas sin pagar por comprador",
  tickets_per_membership: "las entradas de socio por membresía",
};

const missing = {
  event: "No encontramos ese evento.",
  tier: "No encontramos ese tipo de entrada.",
  order: "No encontramos ese pedido.",
  ticket: "No encontramos esa entrada.",
  ticket_code: "Esta entrada no tiene código QR: todavía no está pagada o fue cancelada.",
  person: "No encontramos a esa persona.",
  token: "No encontramos ese token.",
  email: "No encontramos ese correo.",
  member: "Esa persona no está en la lista de socios, o ya no lo está.",
  checkout: "No encontramos esa sesión de pago.",
  page: "No encontramos esa página.",
  address: "No encontramos lo que buscas.",
  outbox_message: "Ese mensaje no está en la bandeja de salida.",
  outbox_content: "Este mensaje no tiene nada que mostrar.",
  attachment: "Ese archivo adjunto no existe.",
  dev_tool: "No se encontró.",
};

const nextSteps = {
  events_list: "Vuelve a la lista de eventos.",
  event_moved: "Puede que se haya movido: consulta la lista de eventos.",
  address_or_events: "Revisa la dirección o empieza desde la lista de eventos.",
  check_address: "Revisa la dirección.",
  order_email: "Revisa el enlace de tu correo.",
  ticket_email: "Revisa el enlace del correo de tu entrada.",
  back_to_event: "Vuelve al evento.",
  members_list: "Vuelve a la lista de socios.",
  restart_checkout: "Vuelve a empezar desde la página del evento.",
  ticket_page: "Abre la página de la entrada para ver los detalles.",
};

const fields: Messages["fields"] = {
  required: "Completa este campo.",
  invalid: "Revisa este valor.",
  too_short: ({ min }) => plural(min, { one: `Usa ${number(min)} carácter o más.`, other: `Usa ${number(min)} caracteres o más.` }),
  too_long: ({ max }) => plural(max, { one: `Usa ${number(max)} carácter o menos.`, other: `Usa ${number(max)} caracteres o menos.` }),
  too_few: ({ min }) => `Elige al menos ${number(min)}.`,
  too_many: ({ max }) => `Elige ${number(max)} como máximo.`,
  at_least: ({ min }) => `Escribe ${number(min)} o más.`,
  at_most: ({ max }) => `Escribe ${number(max)} o menos.`,
  email_invalid: "Escribe un correo electrónico con la forma nombre@ejemplo.org.",
  format_invalid: "Revisa el formato de este valor.",
  not_allowed: "Elige una de las opciones.",
  your_name_required: "Escribe tu nombre.",
  attendee_name_required: "Escribe el nombre del asistente.",
  your_email_required: "Escribe tu correo electrónico.",
  attendee_email_required: "Escribe el correo electrónico del asistente.",
  your_email_invalid: "Escribe tu correo electrónico con la forma nombre@ejemplo.org.",
  attendee_email_invalid: "Escribe el correo electrónico del asistente con la forma nombre@ejemplo.org.",
  tier_required: "Elige un tipo de entrada.",
  tickets_required: "Elige al menos una entrada.",
  quantity_required: "Elige cuántas entradas quieres y luego presiona Continuar.",
  tickets_too_many: ({ max }) => plural(max, { one: `Elige ${max} entrada como máximo.`, other: `Elige ${max} entradas como máximo.` }),
  tier_not_sold: "Ese tipo de entrada no se vende para este evento. Elige uno en la página del evento.",
  tier_not_on_sale_yet: ({ tier }) => `Las entradas ${tier} todavía no están a la venta.`,
  tier_no_longer_on_sale: ({ tier }) => `Las entradas ${tier} ya no están a la venta.`,
  order_too_many_people: ({ max }) => plural(max, { one: `Puedes inscribir a ${max} persona como máximo en un pedido.`, other: `Puedes inscribir hasta ${max} personas en un pedido.` }),
  tier_max_per_order: ({ max, tier }) => plural(max, { one: `Elige como máximo ${max} entrada ${tier} por pedido.`, other: `Elige como máximo ${max} entradas ${tier} por pedido.` }),
  tier_min_per_order: ({ min, tier }) => plural(min, { one: `Elige al menos ${min} entrada ${tier}.`, other: `Elige al menos ${min} entradas ${tier}.` }),
  declaration_required: ({ statement, instead }) => {
    if (statement && instead) return `Marca la casilla para confirmar: “${statement}”, o elige en su lugar la entrada ${alt(instead)}.`;
    if (statement) return `Marca la casilla para confirmar: “${statement}”.`;
    if (instead) return `Marca la casilla para confirmar, o elige en su lugar la entrada ${alt(instead)}.`;
    return "Marca la casilla para confirmar.";
  },
  membership_required: ({ instead }) =>
    instead
      ? `Escribe un número de socio o el correo electrónico que figura en la lista de socios, o elige en su lugar la entrada ${alt(instead)}.`
      : "Escribe un número de socio o el correo electrónico que figura en la lista de socios.",
  membership_not_found: ({ instead }) =>
    instead ? `No encontramos esa membresía. Revísala o elige en su lugar la entrada ${alt(instead)}.` : "No encontramos esa membresía. Revísala.",
  membership_used_twice: "Cada membresía sirve para una sola entrada por pedido.",
  membership_already_used: ({ max, instead }) =>
    `${plural(max, { one: "Esta membresía ya se usó para una entrada de socio a este evento, y cada membresía puede comprar una.", other: `Esta membresía ya se usó para ${max} entradas de socio a este evento, el máximo que puede comprar cada membresía.` })}${instead ? ` Elige en su lugar la entrada ${alt(instead)}.` : ""}`,
  access_code_required: "Escribe el código de acceso que te dieron los organizadores.",
  access_code_wrong: "Ese código de acceso no es válido para esta entrada. Revísalo y vuelve a intentarlo.",
  not_sold_online: "Esta entrada no se puede comprar en línea. Comunícate con los organizadores.",
  amount_format: "Escribe el monto con punto decimal, como 8 o 12.50.",
  refund_at_most: ({ max }) => `Escribe un monto de hasta ${money(max)}.`,
  confirm_cancel_paid: "Marca la casilla para confirmar que quieres cancelar todas las entradas de este pedido pagado sin reembolso.",
  attendee_name_length: ({ max }) => `Escribe el nombre del asistente (hasta ${max} caracteres).`,
  contact_name_required: "Escribe un nombre de contacto.",
  attendee_names_required: "Escribe al menos el nombre de un asistente, uno por línea.",
  attendee_names_too_many: ({ max }) => plural(max, { one: `Agrega ${max} persona a la vez.`, other: `Agrega hasta ${max} personas a la vez.` }),
  attendee_name_too_long: ({ max }) => `Cada nombre puede tener hasta ${max} caracteres.`,
  role_required: "Elige un rol.",
  staff_email_taken: "Alguien con ese correo electrónico ya tiene acceso.",
  token_name_required: "Ponle un nombre al token (qué lo va a usar).",
  slug_format: "Usa letras minúsculas, números y guiones.",
  slug_taken: ({ by }) =>
    by
      ? `Esa dirección web ya la usa “${by}”. Elige otra, o déjala en blanco para crearla a partir del título.`
      : "Esa dirección web ya está en uso. Elige otra, o déjala en blanco para crearla a partir del título.",
  capacity_below_taken: ({ sold, held }) =>
    plural(sold, {
      one: `Hay ${sold} lugar vendido y ${held} reservados, así que la capacidad no puede ser menor que ${sold + held}. Déjala en blanco para no poner límite.`,
      other: `Hay ${sold} lugares vendidos y ${held} reservados, así que la capacidad no puede ser menor que ${sold + held}. Déjala en blanco para no poner límite.`,
    }),
  quota_below_taken: ({ sold, held }) =>
    plural(sold, {
      one: `Hay ${sold} entrada vendida y ${held} reservadas, así que el cupo no puede ser menor que ${sold + held}. Déjalo en blanco para no poner cupo.`,
      other: `Hay ${sold} entradas vendidas y ${held} reservadas, así que el cupo no puede ser menor que ${sold + held}. Déjalo en blanco para no poner cupo.`,
    }),
  whole_number: ({ what, example }) => `Escribe ${counted[what]} como número entero, por ejemplo ${example}.`,
  price_format: "Escribe el precio con punto decimal, como 8 o 12.50.",
  time_format: "Escribe una hora en formato de 24 horas, como 10:30.",
  date_format: "Escribe una fecha real con la forma 2027-01-09.",
  datetime_format: "Escribe una fecha y una hora, como 2027-01-09 10:30, o déjalo en blanco.",
  agenda_invalid: ({ problems }) => {
    const said = problems.map((p) => {
      if (p.problem === "too_many_lines") return "usa 100 líneas o menos";
      if (p.problem === "beyond_main") return `la línea ${p.line} no corresponde a ningún punto del programa principal (las líneas se emparejan en orden)`;
      if (p.problem === "no_time") return `la línea ${p.line} debe empezar con una hora, como 10:30, y luego el título`;
      if (p.problem === "title_too_long") return `línea ${p.line}: usa 200 caracteres o menos para el título`;
      return `línea ${p.line}: usa 500 caracteres o menos para el detalle`;
    });
    const shown = said.slice(0, 3).join("; ");
    return said.length > 3
      ? plural(said.length - 3, { one: `Revisa el programa: ${shown}; y ${said.length - 3} problema más.`, other: `Revisa el programa: ${shown}; y ${said.length - 3} problemas más.` })
      : `Revisa el programa: ${shown}.`;
  },
  title_required: "Escribe el título del evento.",
  venue_name_required: "Escribe el nombre del lugar.",
  venue_address_required: "Escribe la dirección del lugar.",
  timezone_required: "Elige una zona horaria de la lista.",
  date_required: "Escribe la fecha del evento.",
  start_time_required: "Escribe la hora de inicio del evento.",
  end_time_required: "Escribe la hora de cierre del evento.",
  max_per_order_required: "Escribe el máximo de entradas que puede tener un pedido, como 10.",
  weeks_required: "Escribe cuántas semanas quieres adelantar las fechas, como 52.",
  currency_invalid: "Escribe un código de moneda de tres letras que use centavos, como USD o EUR.",
  reference_prefix_format: "Usa de 2 a 5 letras mayúsculas, como HRD, o déjalo en blanco.",
  time_skipped: "Esa hora no existe ese día (hay cambio de horario). Elige otra.",
  end_before_start: "La hora de cierre debe ser posterior a la de inicio.",
  doors_after_start: "Las puertas deben abrir a la hora de inicio o antes.",
  sales_end_before_start: "La venta debe cerrar después de abrir.",
  sales_end_after_event: "La venta debe cerrar antes de que termine el evento.",
  sales_start_after_event: "La venta debe abrir antes de que termine el evento.",
  tier_name_required: "Escribe el nombre del tipo de entrada, como Socio o Tarifa reducida.",
  price_required: "Escribe el precio, o 0 para una entrada gratuita.",
  eligibility_required: "Elige quién puede comprar este tipo de entrada.",
  declaration_text_required: "Escribe la declaración que marcan los compradores, como “Soy estudiante”.",
  access_code_to_give: "Escribe el código de acceso que vas a entregar.",
  access_code_short: ({ min }) => `Usa al menos ${min} caracteres para que nadie adivine el código.`,
  min_above_max: "El mínimo por pedido no puede ser mayor que el máximo por pedido.",
  csv_empty: "La lista está vacía. Elige un archivo CSV o pega la lista.",
  csv_columns_unknown: "No pudimos saber qué columna es cuál. Pon en la primera línea el nombre de cada columna: correo, número de socio, nombre.",
  csv_too_many_rows: ({ rows, max }) => `La lista tiene ${number(rows)} filas; sube como máximo ${number(max)} a la vez.`,
  nonce_required: "Envía un nonce único por escaneo (de 8 a 100 caracteres).",
};

export const es: Messages = {
  locale: "es",
  languageName: "Español",
  ogLocale: "es_LA",
  format,
  layout: {
    siteName: "Entradas para conferencias",
    skipToContent: "Ir al contenido",
    footer: "¿Preguntas sobre un evento? Responde al correo de tu entrada y los organizadores te ayudarán.",
    languages: "Idioma",
    readIn: ({ language }) => `Leer esta página en ${language}`,
  },

  // ── Attendees' pages (src/i18n/areas/public.ts) ──
  public: {
    attendeeLanguage: {
      label: "Idioma del correo con su entrada",
      hint: "Déjalo así para enviarlo en tu idioma.",
      sameAsYours: "El mismo que el tuyo",
    },
    badges: { soldOut: "Agotado", cancelled: "Cancelado", past: "Evento pasado" },
    when: ({ date, start, end, zone }) => `${date}, ${start}–${end} ${zone}`,
    eventList: {
      title: "Próximos eventos",
      description: "Conferencias y eventos en los que puedes registrarte: fechas, lugares y precios.",
      none: "Por ahora no hay eventos abiertos. Vuelve a visitarnos pronto.",
    },
    eventPage: {
      description: ({ date, venue }) => `${date} en ${venue}`,
      cancelled: "Este evento fue cancelado. El registro está cerrado; si tenías una entrada, los organizadores se comunicarán contigo por el reembolso.",
      past: "Este evento ya se realizó. El registro está cerrado.",
      soldOut: "Ya no quedan entradas.",
      tickets: "Entradas",
      noTiers: "Las entradas todavía no están disponibles.",
      tableCaption: "Tipos de entrada, para quién es cada uno, precio y disponibilidad",
      columns: { ticket: "Entrada", price: "Precio", availability: "Disponibilidad", quantity: "Cantidad" },
      notAvailable: "No disponible",
      quantityOf: ({ tier }) => `Cantidad de entradas ${tier}`,
      continue: "Continuar",
      whenHeading: "Cuándo",
      date: "Fecha",
      doorsOpen: "Apertura de puertas",
      starts: "Comienza",
      ends: "Termina",
      whereHeading: "Dónde",
      openMap: "Ver el lugar en un mapa",
      mapService: "(en OpenStreetMap)",
      about: "Sobre este evento",
      programme: "Programa",
      again: {
        heading: "¿Ya te registraste?",
        label: "Enviarme de nuevo mis entradas",
        hint: "Usa el correo con el que te registraste, o el que dieron para ti como asistente.",
        button: "Enviar mis entradas",
      },
    },
    eligibility: {
      declarationWith: ({ text }) => `Confirmas: “${text}”. Lleva un comprobante al evento.`,
      declaration: "Confirmas que cumples los requisitos. Lleva un comprobante al evento.",
      member_list: "Para socios: comprobamos tu correo o número de socio en la lista de socios.",
      access_code: "Necesitas un código de acceso de los organizadores.",
      open: "Abierta a todo el público.",
    },
    availability: {
      on_sale: "A la venta",
      sold_out: "Agotada",
      not_yet_on_sale: "Todavía no está a la venta",
      sales_closed: "Venta cerrada",
      event_cancelled: "Cancelado",
      event_over: "Evento terminado",
      available: "Disponible",
      onlyLeft: ({ count }) => plural(count, { one: `Solo queda ${count}`, other: `Solo quedan ${number(count)}` }),
      left: ({ count }) => plural(count, { one: `${count} disponible`, other: `${number(count)} disponibles` }),
    },
    placesLeft: ({ count }) =>
      count <= 10
        ? plural(count, { one: `Solo queda ${count} lugar para este evento.`, other: `Solo quedan ${number(count)} lugares para este evento.` })
        : `Quedan ${number(count)} lugares para este evento.`,
    ticketsAgain: {
      title: "Revisa tu correo",
      message: "Si ese correo tiene entradas para este evento, te las volvimos a enviar. Deberían llegar en unos minutos; revisa también la carpeta de spam.",
      back: "Volver al evento",
    },
    registration: {
      title: ({ event }) => `Registro para ${event}`,
      errorTitle: ({ event }) => `Error: registro para ${event}`,
      heading: "Registro",
      yourDetails: "Tus datos",
      detailsHint: "Te enviamos las entradas y el recibo por correo.",
      yourName: "Tu nombre",
      yourEmail: "Tu correo electrónico",
      ticketLegend: ({ index, tier, price }) => `Entrada ${index}: ${tier} (${price})`,
      unknownTicket: ({ index }) => `Entrada ${index}: tipo de entrada desconocido`,
      attendeeName: "Nombre completo del asistente",
      attendeeNameHint: "Tal como debe aparecer en la credencial.",
      attendeeEmail: "Correo electrónico del asistente",
      attendeeEmailHint: "También le enviamos a esta persona su propia entrada.",
      membership: "Número de socio o correo de la lista de socios",
      switchTo: ({ tier, price }) => `Cambiar esta entrada a ${tier} (${price})`,
      declarationDefault: "Cumplo los requisitos para esta entrada",
      accessCode: "Código de acceso",
      errorLabels: {
        tickets: "Entradas",
        field: ({ index, field }) =>
          `${{ tier: "Tipo", name: "Nombre", email: "Correo", membership: "Membresía", declaration: "Confirmación", accessCode: "Código de acceso" }[field]} de la entrada ${index}`,
      },
      total: "Total:",
      confirm: "Confirmar registro",
      continueToPayment: "Continuar al pago",
      holdHint: ({ minutes }) => `Guardamos tus lugares durante ${plural(minutes, { one: "1 minuto", other: `${number(minutes)} minutos` })} mientras pagas con Stripe.`,
      paymentCancelled: "Pago cancelado: no se hizo ningún cargo. Tus elecciones siguen abajo.",
      switched: ({ index, tier, price }) => `La entrada ${index} ahora es ${tier} (${price}).`,
    },
    order: {
      title: ({ reference }) => `Pedido ${reference}`,
      registered: "Tu registro está confirmado",
      paymentReceived: "Pago recibido",
      onTheirWay: ({ email }) => `Tus entradas van en camino a ${email}. Cada entrada tiene un código QR que debes mostrar al llegar al evento.`,
      pending: {
        heading: "Esperando la confirmación de tu pago",
        body: "Esto suele tardar unos segundos; esta página se actualiza sola. Te enviamos las entradas por correo en cuanto se confirme.",
      },
      lateRefund: {
        heading: "Te reembolsamos tu pago tardío",
        body: ({ amount }) =>
          `Tu pago llegó después de que se liberaran tus lugares, así que te reembolsamos el monto completo (${amount}) a tu tarjeta. Regístrate de nuevo si todavía quedan lugares.`,
      },
      refunded: {
        heading: "Este pedido fue reembolsado",
        body: ({ amount }) => `Los organizadores reembolsaron ${amount} a tu tarjeta, y las entradas de este pedido quedaron canceladas.`,
      },
      cancelledByOrganisers: {
        heading: "Los organizadores cancelaron este pedido",
        body: ({ paid, refunded }) =>
          `Pagaste ${paid} y los organizadores cancelaron las entradas de este pedido. ${refunded ? `Te reembolsaron ${refunded} de ese monto.` : "Todavía no se ha reembolsado nada."}`,
        contact: "Si tienes preguntas o esperabas un reembolso, comunícate con los organizadores: responde a cualquier correo que te enviamos sobre este pedido.",
      },
      notCompleted: { heading: "Este registro no se completó", body: "No se hizo ningún cargo y los lugares quedaron libres." },
      reference: "Referencia del pedido",
      event: "Evento",
      when: "Cuándo",
      where: "Dónde",
      total: "Total",
      tickets: "Entradas",
      ticketLine: ({ name, tier }) => `${name}: ${tier}`,
      ticketCancelled: "(cancelada)",
      openTicket: "Abrir entrada",
      openTicketFor: ({ name }) => `de ${name}`,
      registerAgain: "Registrarme de nuevo con los mismos datos",
    },
    ticket: {
      title: ({ event }) => `Entrada: ${event}`,
      lead: ({ name, tier }) => `Entrada de ${name} · ${tier}`,
      states: {
        unpaid: {
          heading: "Pago aún no confirmado",
          body: "Esta entrada recibe su código QR en cuanto se confirme tu pago, normalmente en menos de un minuto. Te la enviamos por correo entonces; también puedes recargar esta página.",
        },
        event_cancelled: {
          heading: "Este evento fue cancelado",
          body: "Los organizadores cancelaron el evento, así que esta entrada ya no se puede usar. Responde al correo de tu entrada si tienes alguna pregunta.",
        },
        expired: {
          heading: "Este pedido no se pagó a tiempo",
          body: "Guardamos los lugares por un tiempo y luego se liberaron, así que esta entrada no se puede usar. Puedes registrarte de nuevo desde la página del evento.",
        },
        refunded: {
          heading: "Esta entrada fue reembolsada",
          body: "Su pedido fue reembolsado, así que ya no sirve para entrar al evento. Responde al correo de tu entrada si tienes alguna pregunta.",
        },
        cancelled: {
          heading: "Esta entrada fue cancelada",
          body: "Ya no sirve para entrar al evento. Si crees que es un error, responde al correo de tu entrada y los organizadores te ayudarán.",
        },
      },
      showCode: "Muestra este código al llegar, en tu celular o impreso.",
      details: "Detalles",
      name: "Nombre",
      ticket: "Entrada",
      when: "Cuándo",
      doorsOpen: "Apertura de puertas",
      where: "Dónde",
      reference: "Referencia del pedido",
      addToCalendar: "Agregar al calendario",
      qrImage: "Código QR como imagen",
      eventPage: "Página del evento",
    },
    form: { optional: "(opcional)", errorPrefix: "Error:", problem: ({ field, message }) => `${field}: ${message}` },
  },

  // ── The organiser pages: events, orders, exports (src/i18n/areas/admin.ts) ──
  admin: {
    nav: {
      label: "Páginas de organizadores",
      events: "Eventos",
      members: "Socios",
      staff: "Equipo",
      tokens: "Tokens de API",
      audit: "Registro de actividad",
      signOut: "Cerrar sesión",
      who: ({ email, role }) => `${email} (${role})`,
    },
    errorTitle: ({ title }) => `Error: ${title}`,
    allEvents: "← Todos los eventos",
    eventStatus: { draft: "Borrador", published: "Publicado", cancelled: "Cancelado", archived: "Archivado" },
    past: " · ya pasó",
    seats: ({ sold, held, capacity }) =>
      capacity === null ? `${sold} vendidas, ${held} reservadas, sin límite` : `${sold} vendidas, ${held} reservadas, de ${capacity}`,
    orderStatus: { pending: "pendiente", paid: "pagado", partially_refunded: "reembolsado en parte", refunded: "reembolsado", cancelled: "cancelado", expired: "vencido" },
    ticketStatus: { pending: "pendiente", valid: "válida", cancelled: "cancelada", refunded: "reembolsada", expired: "vencida" },
    orderSource: { online: "en línea", complimentary: "cortesía", door: "en la puerta" },
    eventList: {
      title: "Eventos",
      create: "Crear un evento",
      caption: "Todos los eventos: primero los próximos (el más cercano arriba), luego los pasados",
      empty: "Todavía no hay eventos. Crea uno para empezar: queda como borrador, visible solo aquí, hasta que lo publiques.",
      columns: { event: "Evento", status: "Estado", date: "Fecha", seats: "Lugares", pages: "Páginas" },
      when: ({ date, time, zone }) => `${date}, ${time} ${zone}`,
      edit: { shown: "Editar", hidden: ({ title }) => ` ${title}` },
      preview: { shown: "Vista previa", hidden: ({ title }) => ` de ${title}` },
      dashboard: { shown: "Panel", hidden: ({ title }) => ` de ${title}` },
      publicPage: { shown: "Página pública", hidden: ({ title }) => ` de ${title}` },
    },
    eventPage: {
      create: "Crear un evento",
      createIntro: "El evento se guarda como borrador, visible solo en estas páginas. Luego agrega los tipos de entrada, revisa la vista previa y publícalo.",
      createSubmit: "Crear el evento como borrador",
      editTitle: ({ title }) => `Editar ${title}`,
      previewLink: "Vista previa de la página pública",
      dashboardLink: "Panel: ventas y pedidos",
      publicPage: "Página pública",
      details: "Datos del evento",
      save: "Guardar los datos",
      confirmLabel: "Cancelar",
      weeksLabel: "Duplicar",
      notices: {
        created: "Evento creado como borrador. Ahora agrega sus tipos de entrada, revisa la vista previa y publícalo.",
        saved: "Guardado.",
        published: "Publicado: el evento está en el sitio público y la inscripción está abierta.",
        cancelled: "Cancelado: la inscripción está cerrada y la página pública lo indica. Reembolsa los pedidos pagados desde el panel.",
        archived: "Archivado: la página pública muestra el evento como pasado.",
        duplicated: "Esta es la copia, un nuevo borrador. Revisa sus fechas y datos, y publícala cuando esté lista.",
        tierAdded: "Tipo de entrada agregado.",
        tierSaved: "Tipo de entrada guardado.",
        tierDeleted: "Tipo de entrada eliminado.",
      },
      confirmCancelError: "Marca la casilla para confirmar que quieres cancelar este evento.",
      confirmCancelProblem: "Confirma la cancelación",
    },
    eventForm: {
      labels: {
        title: "Título",
        slug: "Dirección web",
        summary: "Resumen",
        description: "Descripción",
        venueName: "Nombre del lugar",
        venueAddress: "Dirección del lugar",
        timezone: "Zona horaria",
        date: "Fecha",
        doorsOpen: "Apertura de puertas",
        startTime: "Inicio",
        endTime: "Fin",
        capacity: "Capacidad",
        maxPerOrder: "Máximo de entradas por pedido",
        holdOrdersLimit: "Máximo de pedidos sin pagar por comprador",
        holdTicketsLimit: "Máximo de entradas sin pagar por comprador",
        ticketsPerMembership: "Entradas de socio por membresía",
        salesStart: "Inicio de ventas",
        salesEnd: "Cierre de ventas",
        currency: "Moneda",
        referencePrefix: "Prefijo de la referencia del pedido",
        ticketEmailSubject: "Asunto del correo con las entradas",
        agenda: "Programa",
      },
      legends: { about: "Sobre el evento", where: "Dónde", when: "Cuándo", sales: "Entradas y ventas", programme: "Programa" },
      hints: {
        slug: "El final de la dirección pública del evento, /events/… : letras minúsculas, números y guiones. Déjalo en blanco para crearla a partir del título. Si la cambias después de publicar, los enlaces ya compartidos dejan de funcionar.",
        summary: "Una oración para la lista de eventos y las vistas previas de enlaces.",
        description: "Markdown: # para un título, **negrita**, - para una lista, [texto](https://…) para un enlace. El HTML se muestra como texto, no se ejecuta.",
        venueAddress: "En una línea, con el código postal; por ejemplo, 29–31 Tavistock Square, London WC1H 9QU.",
        when: "Las horas son la hora local del lugar, en la zona horaria de abajo.",
        date: "Por ejemplo, 2027-06-12.",
        doorsOpen: "Cuándo empiezan la acreditación y el café; por ejemplo, 10:30.",
        startTime: "Formato de 24 horas; por ejemplo, 11:00.",
        endTime: "Más tarde el mismo día; por ejemplo, 17:00.",
        capacity: ({ taken }) =>
          taken
            ? `Lugares para todo el evento, entre todos los tipos de entrada. Déjalo en blanco si no hay límite. Ya hay ${taken} lugares vendidos o reservados, así que no puede ser menor.`
            : "Lugares para todo el evento, entre todos los tipos de entrada. Déjalo en blanco si no hay límite.",
        maxPerOrder: "Cuántas personas puede inscribir alguien de una vez (de 1 a 50).",
        holdOrdersLimit:
          "Los pedidos que esperan el pago reservan sus lugares. Cuántos puede tener a la vez un comprador (un correo electrónico o una conexión a internet), de 1 a 50. Déjalo en blanco para 3.",
        holdTicketsLimit: "Cuántos lugares pueden reservar juntos los pedidos sin pagar de un comprador (de 1 a 1000). Déjalo en blanco para 20.",
        ticketsPerMembership:
          "Cuántas entradas con precio de socio puede comprar un número de socio o correo de socio para este evento, sumando todos los pedidos (de 1 a 50). Déjalo en blanco para 1.",
        salesStart: "Fecha y hora; por ejemplo, 2027-05-01 09:00. Déjalo en blanco para abrir las ventas en cuanto se publique el evento.",
        salesEnd: "Déjalo en blanco para cerrar las ventas cuando empiece el evento.",
        currency: "Código de tres letras: GBP para libras, EUR para euros.",
        referencePrefix: "De 2 a 5 letras mayúsculas al inicio de las referencias de pedido; por ejemplo, HRD para HRD-7KQ4M. Déjalo en blanco para usar las iniciales del título.",
        ticketEmailSubject: "Déjalo en blanco para usar “Tus entradas para” y el título.",
        agenda:
          "Un punto por línea: la hora, el título y, si quieres, una raya con espacios y un detalle. Por ejemplo: 11:00 Bienvenida — Presidencia del consejo. Las horas son del día del evento. Déjalo vacío si no hay programa.",
      },
    },
    manage: {
      eligibility: { open: "Abierto a todos", declaration: "Declaración", member_list: "Lista de socios", access_code: "Código de acceso" },
      tiersHeading: "Tipos de entrada",
      tiersCaption: "Tipos de entrada con quién puede comprarlos, precio y lugares vendidos, reservados y cupo",
      tiersEmpty: "Todavía no hay tipos de entrada. Agrega al menos uno antes de publicar.",
      addTier: "Agregar un tipo de entrada",
      columns: { tier: "Tipo de entrada", price: "Precio", seats: "Lugares", change: "Cambiar" },
      tierSeats: ({ sold, held, quota }) =>
        quota === null ? `${sold} vendidas, ${held} reservadas, sin cupo` : `${sold} vendidas, ${held} reservadas, cupo de ${quota}`,
      editTier: { shown: "Editar", hidden: ({ name }) => ` el tipo de entrada ${name}` },
      deleteTier: { shown: "Eliminar", hidden: ({ name }) => ` el tipo de entrada ${name} (no se vendió ninguna)` },
      error: "Error: ",
      actionsHeading: "Publicar, cancelar o copiar",
      publishHeading: "Publicar",
      publishBody: ({ link }) =>
        `El evento aparece en la lista pública y en su página, y las entradas salen a la venta (desde la hora de inicio de ventas, si la hay). Necesita al menos un tipo de entrada. Revisa antes la ${link}.`,
      publishLink: "vista previa",
      publishButton: "Publicar este evento y abrir la inscripción",
      cancelHeading: "Cancelar",
      cancelBody: ({ link, sold }) =>
        `La inscripción se cierra de inmediato y la página pública indica que el evento está cancelado. No se puede deshacer. Nadie recibe un reembolso automático: reembolsa los pedidos pagados desde el ${link} del evento${sold > 0 ? ` (hay ${sold} entradas vendidas)` : ""}.`,
      cancelLink: "panel",
      cancelConfirm: ({ title }) => `Sí, cancelar “${title}”`,
      cancelButton: "Cancelar este evento y cerrar la inscripción",
      archiveHeading: "Archivar",
      archiveBody: "Para eventos que ya terminaron: se conservan los registros, la página pública lo muestra como evento pasado y no se puede vender nada más.",
      archiveButton: "Archivar este evento",
      duplicateHeading: "Duplicar",
      duplicateBody:
        "Empieza el evento del próximo año a partir de este: un nuevo borrador con los mismos datos, tipos de entrada (sin ventas) y programa, con todas las fechas adelantadas semanas completas para que caigan el mismo día de la semana.",
      weeksLabel: "Adelantar las fechas (semanas)",
      weeksHint: "52 semanas es un año menos uno o dos días, el mismo día de la semana.",
      duplicateButton: "Duplicar como nuevo borrador",
    },
    preview: {
      banner: "Vista previa — no es pública",
      status: {
        draft: "Esto es un borrador: solo los organizadores con sesión iniciada pueden verlo.",
        published: "Este evento está publicado; esta vista previa muestra la página tal como está ahora.",
        cancelled: "Este evento está cancelado.",
        archived: "Este evento está archivado y el público lo ve como pasado.",
      },
      nothingBought: "Desde esta vista previa no se puede comprar nada.",
      back: ({ title }) => `Volver a editar “${title}”`,
      title: ({ title }) => `Vista previa: ${title}`,
    },
    tierForm: {
      labels: {
        name: "Nombre",
        description: "Descripción",
        price: "Precio",
        quota: "Cupo",
        eligibility: "Quién puede comprar este tipo de entrada",
        declarationText: "Declaración que se confirma",
        accessCode: "Código de acceso",
        salesStart: "Inicio de ventas",
        salesEnd: "Cierre de ventas",
        minPerOrder: "Mínimo por pedido",
        maxPerOrder: "Máximo por pedido",
        sortOrder: "Posición en la lista",
      },
      add: "Agregar un tipo de entrada",
      edit: ({ name }) => `Editar el tipo de entrada ${name}`,
      title: ({ heading, event }) => `${heading} · ${event}`,
      sold: "Vendidas",
      held: "Reservadas",
      heldCount: ({ count }) => `${count} (en pedidos que esperan el pago)`,
      quota: "Cupo",
      noQuota: "ninguno",
      eligibility: {
        open: { label: "Cualquier persona", hint: "Por ejemplo, el precio para no socios." },
        declaration: { label: "Quienes confirman una declaración", hint: "Marcan la declaración de abajo; por ejemplo, “Soy estudiante, no tengo empleo o recibo una pensión”." },
        member_list: { label: "Socios de la lista de socios", hint: "Se comprueba con el correo o el número de socio de la página Socios." },
        access_code: { label: "Quienes tienen un código de acceso", hint: "Para ponentes, voluntarios o invitados: escriben el código de abajo." },
      },
      hints: {
        name: "Como lo ven los compradores; por ejemplo, Socio, Tarifa reducida, No socio.",
        price: ({ currency }) => `En ${currency === "GBP" ? "libras y peniques" : currency}; por ejemplo, 8 o 12.50. Con 0 la entrada es gratuita.`,
        quota: ({ taken }) =>
          taken
            ? `Lo máximo que se puede vender de este tipo de entrada; la capacidad del evento sigue valiendo. Déjalo en blanco si no hay cupo. Hay ${taken} vendidas o reservadas, así que no puede ser menor.`
            : "Lo máximo que se puede vender de este tipo de entrada; la capacidad del evento sigue valiendo. Déjalo en blanco si no hay cupo.",
        declarationText: "Solo para “Quienes confirman una declaración”.",
        accessCodeKept:
          "Solo para “Quienes tienen un código de acceso”. El código se guarda cifrado, así que no se puede mostrar: déjalo en blanco para conservar el código actual o escribe uno nuevo para reemplazarlo.",
        accessCodeNew: ({ min }) => `Solo para “Quienes tienen un código de acceso”: al menos ${min} caracteres. No importan las mayúsculas ni los espacios alrededor.`,
        window: ({ zone }) => `Hora local del lugar (${zone}). Deja ambos en blanco para seguir las fechas de venta del evento.`,
        salesStart: "Por ejemplo, 2027-05-01 09:00.",
        salesEnd: "Por ejemplo, un precio anticipado que termina el 2027-05-31 23:59.",
        minPerOrder: "Déjalo en blanco si no hay mínimo.",
        maxPerOrder: ({ max }) => `Déjalo en blanco para permitir hasta el límite del evento (${max}).`,
        sortOrder: "Los tipos de entrada se listan desde el número más bajo. Déjalo en blanco para mantener su lugar (uno nuevo va al final).",
      },
      windowLegend: "Periodo de venta de este tipo de entrada",
      save: "Guardar el tipo de entrada",
      addButton: "Agregar el tipo de entrada",
    },
    dashboard: {
      title: ({ title }) => `Panel: ${title}`,
      when: ({ date, start, end, zone }) => `${date}, ${start}–${end} ${zone}`,
      status: "estado",
      attendees: "Pedidos y asistentes",
      addRegistration: "Agregar una inscripción de cortesía o con pago en la puerta",
      downloadCsv: "Descargar asistentes (CSV)",
      downloadXlsx: "Descargar asistentes (Excel)",
      downloadTranslated: "Las descargas de arriba nombran sus columnas en inglés, como esperan otras herramientas. Estas las nombran en tu idioma:",
      downloadCsvTranslated: "Descargar asistentes con encabezados en español (CSV)",
      downloadXlsxTranslated: "Descargar asistentes con encabezados en español (Excel)",
      edit: "Editar el evento y los tipos de entrada",
      sales: "Ventas",
      salesCaption: "Entradas vendidas, reservadas y disponibles por tipo de entrada",
      columns: { tier: "Tipo de entrada", sold: "Vendidas", held: "Reservadas (pagando ahora)", quota: "Cupo", checkedIn: "Ingresaron" },
      none: "ninguno",
      event: "Evento",
      unlimited: "sin límite",
      paying: ({ count }) => plural(count, { one: `${count} pedido se está pagando en este momento.`, other: `${count} pedidos se están pagando en este momento.` }),
      money: "Dinero",
      gross: "Bruto",
      refunded: "Reembolsado",
      net: "Neto",
      orders: "Pedidos",
      checkIn: "Ingreso",
      checkedIn: ({ checkedIn, expected }) => `${checkedIn} de ${expected} ya ingresaron.`,
      attention: "Requiere atención",
      failedCaption: "Correos que no se pudieron entregar",
      failedEmpty: "No falló ningún correo.",
      failedColumns: { order: "Pedido", to: "Para", why: "Motivo", action: "Acción" },
      unknown: "desconocido",
      retry: { shown: "Reintentar", hidden: ({ recipient }) => ` el envío a ${recipient}` },
    },
    attendees: {
      title: ({ title }) => `Asistentes: ${title}`,
      heading: "Pedidos y asistentes",
      search: "Buscar asistentes",
      query: "Nombre, correo o referencia del pedido",
      tier: "Tipo de entrada",
      all: "Todos",
      status: "Estado del pedido",
      allButExpired: "Todos menos los vencidos",
      checkedIn: "Ingresó",
      either: "Cualquiera",
      yes: "Sí",
      no: "No",
      submit: "Buscar",
      found: ({ count }) => plural(count, { one: `Se encontró ${count} asistente.`, other: `Se encontraron ${count} asistentes.` }),
      caption: "Asistentes que coinciden con la búsqueda",
      columns: { attendee: "Asistente", ticket: "Entrada", order: "Pedido", buyer: "Comprador", checkedIn: "Ingresó" },
      pages: "Páginas",
      previous: "← Anterior",
      next: "Siguiente →",
      page: ({ page, pages }) => `Página ${page} de ${pages}`,
    },
    order: {
      title: ({ reference }) => `Pedido ${reference}`,
      heading: "Pedido",
      back: ({ title }) => `← Asistentes de ${title}`,
      status: "Estado",
      buyer: "Comprador",
      total: "Total",
      totalRefunded: ({ total, refunded }) => `${total}, de los cuales se reembolsaron ${refunded}`,
      source: "Origen",
      ordered: "Pedido el",
      paid: "Pagado el",
      tickets: "Entradas",
      checkedInAt: ({ when }) => `, ingresó el ${when}`,
      correctName: "Corregir el nombre",
      saveName: "Guardar el nombre",
      cancelTicket: ({ name }) => `Cancelar la entrada de ${name} (sin reembolso)`,
      actions: "Acciones",
      resend: "Volver a enviar las entradas al comprador",
      refundLegend: "Reembolsar con Stripe",
      amount: ({ currency }) => `Monto (${currency})`,
      refundHint: ({ amount }) => `Déjalo en blanco para reembolsar todo lo que queda (${amount}): eso cancela todas las entradas y libera los lugares.`,
      partial: "Para un reembolso parcial, cancela también estas entradas:",
      refund: "Reembolsar",
      cancelUnpaid: "Cancelar este pedido sin pagar y liberar sus lugares",
      cancelPaidLegend: "Cancelar todas las entradas sin reembolso",
      cancelPaidHint: "El comprador recibe un correo que dice que sus entradas están canceladas y que no se reembolsó nada. Para devolver el dinero, haz un reembolso.",
      cancelPaidConfirm: "Quiero cancelar todas las entradas de este pedido y conservar el pago",
      cancelPaidButton: "Cancelar todas las entradas (sin reembolso)",
      history: "Historial",
      historyOrdered: ({ when, source }) => `${when}: pedido (${source})`,
      historyPaid: ({ when }) => `${when}: pagado`,
      historyAction: ({ when, action, who }) => `${when}: ${action}, por ${who}`,
      historyEmail: ({ when, template, recipient, status }) => `${when}: correo “${template}” a ${recipient}: ${status}`,
      emailStatus: { pending: "pendiente", sending: "enviándose", sent: "enviado", failed: "falló" },
      emailTemplates: {
        order_confirmation: "confirmación del pedido",
        attendee_ticket: "entrada del asistente",
        tickets_again: "entradas reenviadas",
        late_payment_refunded: "pago tardío reembolsado",
        payment_failed: "pago rechazado",
        sign_in_link: "enlace para iniciar sesión",
        refund_issued: "reembolso hecho",
        order_cancelled: "pedido cancelado",
        event_reminder: "recordatorio",
        daily_summary: "resumen diario de ventas",
        sold_out: "aviso de entradas agotadas",
      },
      done: {
        renamed: "Nombre corregido.",
        ticket_cancelled: "Entrada cancelada y su lugar liberado.",
        order_cancelled: "Pedido cancelado.",
        refunded: "Reembolso hecho con Stripe; se le envió un correo al comprador.",
        resent: "Las entradas se volverán a enviar por correo.",
        added: "Inscripción agregada; las entradas van en camino por correo.",
      },
    },
    addRegistration: {
      title: ({ title }) => `Agregar una inscripción: ${title}`,
      heading: "Agregar una inscripción",
      intro: "Para invitados, ponentes y personas que pagan en la puerta. Ocupan lugares como cualquier pedido y reciben sus entradas por correo.",
      contactName: "Nombre de contacto",
      contactEmail: "Correo de contacto",
      contactEmailLabel: "Correo de contacto (las entradas llegan aquí)",
      ticketType: "Tipo de entrada",
      attendees: "Asistentes",
      attendeesLabel: "Asistentes, un nombre por línea",
      payment: "Pago",
      complimentary: "Cortesía (gratis)",
      door: "Paga en la puerta (el precio del tipo de entrada)",
      submit: "Agregar la inscripción",
    },
    translationFields: {
      mainLanguage: "Idioma principal",
      mainLanguageHint:
        "El idioma de los campos de este formulario, y el que ven los lectores cuando su idioma no tiene versión. Si lo cambias, los textos se intercambian al guardar: la versión de abajo en el nuevo idioma principal pasa a ser el texto principal (un campo que dejes en blanco conserva su texto actual), y el texto principal actual pasa a ser la versión en el idioma principal anterior. Los textos de las entradas se intercambian de la misma forma. Si el nuevo idioma principal aún no tiene versión, nada se mueve: se entiende que los campos ya están en ese idioma.",
      versionIn: ({ language }) => `Versión en ${language}`,
      versionHint: "Opcional. Si dejas un campo en blanco, los lectores de este idioma verán ahí el texto del idioma principal.",
      fieldIn: ({ field, language }) => `${field} (${language})`,
      event: {
        title: "Título",
        summary: "Resumen",
        description: "Descripción",
        venueName: "Nombre del lugar",
        venueAddress: "Dirección del lugar",
        ticketEmailSubject: "Asunto del correo de las entradas",
        agenda: "Programa",
      },
      agendaHint:
        "Una línea por cada punto del programa principal, en el mismo orden: la hora (opcional, se usa la del programa principal), el título y, si quieres, un guion con espacios y el detalle. Una línea con solo la hora deja ese punto sin traducir.",
      tier: { name: "Nombre", description: "Descripción", declarationText: "Declaración que se confirma" },
      declarationHint: "Solo para “Personas que confirman una declaración”.",
    },
  },

  // ── The organiser pages: staff, tokens, audit, sign-in, members (src/i18n/areas/team.ts) ──
  team: {
    roles: { owner: "propietario", organiser: "organizador", door: "puerta" },
    errorPrefix: "Error: ",
    errorTitle: ({ title }) => `Error: ${title}`,
    signIn: {
      title: "Iniciar sesión",
      intro: "Para organizadores y el equipo de puerta. Te enviamos por correo electrónico un enlace para iniciar sesión; no necesitas contraseña.",
      emailLabel: "Tu correo electrónico",
      send: "Enviarme un enlace para iniciar sesión",
      sentTitle: "Revisa tu correo",
      sent: ({ minutes }) =>
        `Si esa dirección pertenece a una cuenta del equipo, te enviamos un enlace para iniciar sesión. Sirve una sola vez, durante ${plural(minutes, { one: `${number(minutes)} minuto`, other: `${number(minutes)} minutos` })}.`,
      devMailbox: ({ mailbox }) => `Modo de desarrollo: no se envía ningún correo de verdad. Abre el ${mailbox} para encontrar el enlace.`,
      mailboxLink: "buzón de desarrollo",
      confirm: "Iniciar sesión ahora",
    },
    staff: {
      title: "Equipo",
      intro: "Los propietarios administran el equipo; los organizadores gestionan eventos, pedidos, exportaciones y reembolsos; el equipo de puerta solo escanea entradas de los eventos marcados abajo.",
      disabledBadge: "desactivado",
      role: "Rol",
      doorEvents: "Puerta en los eventos",
      disabled: "Desactivado (cierra sus sesiones y revoca sus tokens de API)",
      save: "Guardar",
      addHeading: "Agregar a alguien",
      email: "Correo electrónico",
      name: "Nombre",
      add: "Agregar",
    },
    tokens: {
      title: "Tokens de API",
      intro: ({ header }) => `Un token actúa con el rol de su dueño: envíalo como ${header}. Cuídalo como una contraseña.`,
      createdNotice: "Tu nuevo token se muestra una sola vez; cópialo ahora:",
      caption: "Tokens de API",
      columns: { name: "Nombre", owner: "Dueño", lastUsed: "Último uso", state: "Estado" },
      ownerWithRole: ({ email, role }) => `${email} (${role})`,
      never: "nunca",
      revoked: "revocado",
      revoke: "Revocar",
      empty: "Todavía no hay tokens.",
      createHeading: "Crear un token",
      nameLabel: "Qué lo va a usar",
      nameHint: "Por ejemplo: el sitio web de la asociación, o el escáner de la puerta en la recepción.",
      create: "Crear token",
      signOutHeading: "Cerrar sesión en todas partes",
      signOutEverywhere: "Cerrar mi sesión en todos los dispositivos",
    },
    audit: {
      title: "Registro de actividad",
      caption: "Actividad registrada",
      columns: { who: "Quién", what: "Qué", record: "Elemento", details: "Detalles" },
      entities: { order: "pedido", event: "evento", staff: "miembro del equipo", api_token: "token de API", member: "socio", ticket_type: "tipo de entrada" },
      importModes: { add: "agregar y actualizar", replace: "reemplazar" },
      empty: "Todavía no se registró nada.",
      pages: "Páginas",
      newer: "← Más recientes",
      older: "Más antiguas →",
      pageOf: ({ page, pages }) => `Página ${number(page)} de ${number(pages)}`,
    },
    members: {
      title: "Socios",
      onTheList: ({ count }) =>
        plural(count, {
          one: `${number(count)} socio en la lista. Los tipos de entrada solo para socios aceptan a cualquiera cuyo correo electrónico o número de socio esté aquí.`,
          other: `${number(count)} socios en la lista. Los tipos de entrada solo para socios aceptan a cualquiera cuyo correo electrónico o número de socio esté aquí.`,
        }),
      upload: "Archivo",
      findHeading: "Buscar un socio",
      searchLabel: "Correo electrónico, número de socio o nombre",
      search: "Buscar",
      found: ({ count }) => plural(count, { one: `${number(count)} resultado.`, other: `${number(count)} resultados.` }),
      showEveryone: "Mostrar a todos",
      empty: "La lista de socios está vacía. Súbela abajo.",
      noMatch: ({ q }) => `Ningún socio coincide con “${q}”.`,
      caption: ({ page, pages }) => `Socios: página ${number(page)} de ${number(pages)}`,
      captionMatching: ({ q, page, pages }) => `Socios que coinciden con “${q}”: página ${number(page)} de ${number(pages)}`,
      columns: { email: "Correo electrónico", number: "Número de socio", name: "Nombre", remove: "Quitar" },
      delete: "Eliminar",
      deleteWhom: ({ who }) => `a ${who} de la lista de socios`,
      pages: "Páginas de socios",
      previous: "← Página anterior",
      next: "Página siguiente →",
      pageOf: ({ page, pages }) => `Página ${number(page)} de ${number(pages)}`,
      uploadHeading: "Subir la lista",
      csvColumns: { email: "correo", number: "número de socio", otherNumbers: "“nro de socio”, “número”", name: "nombre" },
      uploadHelp: ({ emailColumn, numberColumn, otherNumberColumns, nameColumn }) =>
        `Un archivo CSV exportado de una hoja de cálculo, cuya primera línea nombre las columnas: ${emailColumn}, ${numberColumn} (o ${otherNumberColumns}) y, si quieres, ${nameColumn}. Sirven comas o punto y coma. Cada socio necesita un correo electrónico o un número de socio. Antes de que cambie nada, verás lo que se leyó y elegirás si agregarlo a la lista o reemplazarla.`,
      fileLabel: "Archivo CSV",
      fileHint: ({ max }) => `Guárdalo desde tu hoja de cálculo como “CSV (delimitado por comas)” o “CSV UTF-8”. Hasta ${number(max)} socios.`,
      pasteLabel: "O pega la lista",
      pasteHint: "Se usa si no eliges ningún archivo. Por ejemplo: correo,número de socio,nombre y después un socio por línea.",
      check: "Revisar la lista",
      nothingYet: "No cambia nada hasta que confirmes en la página siguiente.",
      deleted: "Se quitó al socio de la lista.",
      imported: ({ mode, added, updated, unchanged, removed, skipped, rejected }) => {
        const changes =
          mode === "replace"
            ? `Se reemplazó la lista: ${plural(removed, { one: `${number(removed)} quitado`, other: `${number(removed)} quitados` })}, ${plural(added, { one: `${number(added)} agregado`, other: `${number(added)} agregados` })}`
            : [
                plural(added, { one: `${number(added)} agregado`, other: `${number(added)} agregados` }),
                plural(updated, { one: `${number(updated)} actualizado`, other: `${number(updated)} actualizados` }),
                `${number(unchanged)} ya al día`,
                ...(skipped ? [plural(skipped, { one: `${number(skipped)} omitido`, other: `${number(skipped)} omitidos` })] : []),
              ].join(", ");
        const leftOut = rejected ? plural(rejected, { one: `; se dejó fuera ${number(rejected)} fila rechazada`, other: `; se dejaron fuera ${number(rejected)} filas rechazadas` }) : "";
        return `Lista de socios actualizada. ${changes}${leftOut}.`;
      },
      tooLarge: ({ megabytes, max }) => `Ese archivo pesa más de ${number(megabytes)} MB. Sube como máximo ${number(max)} socios a la vez.`,
      changed: "La lista cambió entre la revisión y la confirmación, así que no se cambió nada. Súbela de nuevo.",
      chooseMode: "Elige cómo aplicar la lista: agregar y actualizar, o reemplazarla.",
    },
    preview: {
      title: "Revisa la lista de socios",
      back: "← Socios",
      summary: ({ accepted, rejected }) =>
        `${plural(accepted, { one: `Se puede usar ${number(accepted)} fila`, other: `Se pueden usar ${number(accepted)} filas` })} y ${plural(rejected, { one: `se dejó fuera ${number(rejected)}`, other: `se dejaron fuera ${number(rejected)}` })}. Todavía no cambió nada.`,
      columnsRead: "Columnas leídas",
      columns: ({ columns, header }) => (header ? columns : `${columns} (sin línea de encabezado: la columna con @ es el correo electrónico)`),
      accepted: "Aceptadas",
      rejected: "Rechazadas",
      addAndUpdate: "Agregar y actualizar",
      addSummary: ({ inserts, updates, unchanged, skipped, staying }) =>
        `${plural(inserts, { one: `${number(inserts)} socio nuevo`, other: `${number(inserts)} socios nuevos` })}, ${plural(updates, { one: `${number(updates)} actualizado`, other: `${number(updates)} actualizados` })}, ${number(unchanged)} ya al día${skipped ? `, ${plural(skipped, { one: `${number(skipped)} omitido`, other: `${number(skipped)} omitidos` })}` : ""}; ${plural(staying, { one: "el otro socio de la lista se queda", other: `los otros ${number(staying)} socios de la lista se quedan` })}.`,
      replace: "Reemplazar",
      replaceSummary: ({ accepted, current }) =>
        `La lista queda exactamente con ${plural(accepted, { one: "el socio", other: `los ${number(accepted)} socios` })} de este archivo; antes se quitan los ${number(current)} que tiene ahora.`,
      leftOutHeading: "Filas que quedan fuera",
      leftOutHelp: "Corrígelas en tu hoja de cálculo y vuelve a subirla, o aplica la lista sin ellas.",
      leftOutCaption: "Filas que quedan fuera, por número de línea en el archivo, con el motivo",
      more: ({ count }) => `… y ${number(count)} más.`,
      problemColumns: { line: "Línea", row: "Fila", reason: "Motivo" },
      rowColumns: { line: "Línea", email: "Correo electrónico", number: "Número de socio", name: "Nombre" },
      toApplyHeading: "Filas que se aplicarán",
      firstRows: ({ shown, total }) => `Las primeras ${number(shown)} de ${number(total)} filas, tal como se guardarán`,
      allRows: "Las filas, tal como se guardarán",
      howToApply: "Cómo aplicarla",
      addHint: "Se agregan los socios nuevos; se actualizan los que ya están en la lista; no se quita a nadie.",
      replaceLabel: "Reemplazar toda la lista",
      replaceHint: ({ current, accepted }) =>
        `Se quita a todos los que están ahora en la lista (${number(current)}); ${plural(accepted, { one: "solo queda el socio de este archivo", other: `solo quedan los ${number(accepted)} socios de este archivo` })}.`,
      apply: "Aplicar a la lista de socios",
      cancel: "Cancelar: subir otro archivo",
      noneUsable: ({ again }) => `No se puede usar ninguna fila. ${again}.`,
      uploadAnother: "Sube otro archivo",
    },
  },

  // ── The door pages and the scanner (src/i18n/areas/door.ts) ──
  door: {
    app: { name: "Escáner de acceso · Entradas para conferencias", shortName: "Acceso", description: "Valida entradas en el acceso, con o sin conexión." },
    layout: { pageTitle: ({ title }) => `${title} · Acceso`, home: "Acceso", organiserPages: "Páginas de organizadores", signOut: "Cerrar sesión" },
    events: {
      title: "Elige un evento",
      heading: "Control de acceso",
      none: "Todavía no formas parte del equipo de acceso de ningún evento. Pide a un organizador que te agregue y vuelve a cargar esta página.",
      intro: "Elige el evento en el que estás registrando asistentes. El escáner sigue funcionando aunque se caiga el wifi.",
      when: ({ date, time }) => `${date}, apertura ${time}`,
      signedInAs: ({ name, email }) => `Sesión iniciada como ${name} (${email}).`,
    },
    scannerPage: {
      starting: "Iniciando el escáner…",
      needsJavaScript: "El escáner necesita JavaScript. Actívalo en la configuración del navegador y vuelve a cargar esta página.",
      scanHeading: "Escanear una entrada",
      cameraView: "Vista de la cámara: mantén el código QR de la entrada dentro del recuadro",
      startCamera: "Encender cámara",
      codeLabel: "Código de la entrada",
      codeHint: ({ example }) => `Un lector de mano escribe aquí. También puedes escribir el código corto impreso junto al código QR, por ejemplo ${example}.`,
      check: "Validar",
      lastScan: "Último escaneo",
      undo: "Deshacer este ingreso",
      problems: "Revisa estos casos",
      countsHeading: "Ingresaron",
      countsOf: ({ checkedIn, expected }) => `${checkedIn} de ${expected}`,
      countsCaption: "Ingresos por tipo de entrada",
      tierColumn: "Tipo de entrada",
      inColumn: "Adentro",
      expectedColumn: "Esperados",
      searchHeading: "Buscar una entrada",
      searchLabel: "Nombre o referencia del pedido",
      search: "Buscar",
      settings: "Configuración",
      deviceLabel: "Nombre de este celular",
      deviceHint: "Lo ve el resto del equipo de acceso cuando una entrada se escanea dos veces.",
      sound: "Sonar y vibrar en cada escaneo",
      hold: "Dejar cada resultado en pantalla hasta tocarlo",
    },
    scanner: {
      title: { admit: "Puede pasar", alreadyCheckedIn: "Ya ingresó", cannotCheckYet: "Aún no se puede validar", notValid: "No válida" },
      refusal: {
        cancelled: "Cancelada: esta entrada o su pedido se canceló.",
        refunded: "Reembolsada: el pedido de esta entrada se reembolsó.",
        event_cancelled: "El evento se canceló: ninguna entrada es válida.",
        expired: "Sin pagar: el pedido venció antes del pago.",
        wrong_event: "Esta entrada es de otro evento.",
        unpaid: "Sin pagar todavía: el pedido sigue esperando el pago.",
        no_list: "Este celular aún no descargó la lista de entradas. Conéctate a internet una vez y vuelve a escanear.",
      },
      invalid: {
        malformed: "Ilegible: no es uno de nuestros códigos de entrada. Escanea de nuevo o escribe el código.",
        bad_signature: "Falsificada: el código fue modificado o inventado.",
        unknown_key: "Falsificada o de otro sistema: no se firmó con nuestra clave.",
        unknown_ticket: "Entrada desconocida: no está en nuestros registros.",
      },
      status: { unpaid: "Sin pagar", expired: "Sin pagar", cancelled: "Cancelada", refunded: "Reembolsada", event_cancelled: "Evento cancelado" },
      proof: { declaration: "Pide el comprobante del descuento", member_list: "Pide la credencial de socio" },
      nameNotOnList: "El nombre no está en la lista de este celular",
      notOnListYet: "Aún no está en la lista de este celular: se vendió después de la última sincronización. La firma es auténtica.",
      checkedInAt: "Ingresó a las {time}.",
      checkedInAtHere: "Ingresó a las {time} en este celular.",
      checkedInAtOn: "Ingresó a las {time} en {device}.",
      resultCheckedIn: "Ingresó a las {time}",
      decidedOffline: "Decidido en este celular (sin conexión); se enviará cuando vuelva la conexión.",
      decidedHere: "Decidido en este celular.",
      nextScanHint: "Toca la pantalla o pulsa Enter o Escape para el siguiente escaneo",
      lastScan: "{time}: {verdict}",
      online: "En línea",
      offline: "Sin conexión",
      listUpdated: "lista actualizada {time}",
      listNever: "nunca",
      waiting: { one: "{count} escaneo pendiente de envío", other: "{count} escaneos pendientes de envío" },
      backOnline: "De nuevo en línea. Se están enviando los escaneos pendientes.",
      wentOffline: "Sin conexión. Los escaneos se validan en este celular y se envían cuando vuelva la conexión.",
      signedOut: "Se cerró tu sesión: vuelve a cargar esta página para iniciar sesión. Mientras tanto, los escaneos se guardan en este celular.",
      serverAnswered: "El servidor respondió {status}.",
      countsFromServer: "Según el servidor a las {time}.",
      countsOnPhone: "Contados en este celular (sin conexión).",
      nothingToUndo: "No hay nada que deshacer.",
      undone: "Deshecho: {name} ya no figura como ingresado.",
      undoneLater: "Deshecho: {name} ya no figura como ingresado. Se avisará al servidor cuando vuelva la conexión.",
      notCheckedIn: "No hay nada que deshacer: {name} no había ingresado.",
      couldNotUndo: "No se pudo deshacer: {problem}",
      aTicket: "una entrada",
      thisTicket: "esta entrada",
      twoDevices: "Ingresó en dos dispositivos: {name}, también a las {time}.",
      twoDevicesOn: "Ingresó en dos dispositivos: {name}, también a las {time} en {device}.",
      offlineNotValid: "Ingresó sin conexión a las {time}, pero no es válida: {name}. {reason}",
      couldNotSendAdmit: "No se pudo enviar el ingreso de {name}: {problem}",
      couldNotSendUndo: "No se pudo enviar la anulación de {name}: {problem}",
      typeTwoLetters: "Escribe al menos dos letras.",
      noneFound: "No se encontraron entradas.",
      found: { one: "Se encontró {count} entrada.", other: "Se encontraron {count} entradas." },
      foundOnPhone: { one: "Se encontró {count} entrada en la lista de este celular (sin conexión: solo nombres).", other: "Se encontraron {count} entradas en la lista de este celular (sin conexión: solo nombres)." },
      noneFoundOnPhone: "No se encontraron entradas en la lista de este celular (sin conexión: solo nombres).",
      notCheckedInYet: "No ingresó",
      admitButton: "Dejar pasar",
      startCamera: "Encender cámara",
      stopCamera: "Apagar cámara",
      startingCamera: "Encendiendo la cámara…",
      holdInFrame: "Mantén el código QR dentro del recuadro.",
      cameraNotAllowed: "No se permitió usar la cámara. Permítela en la configuración del sitio en el navegador o escribe los códigos abajo.",
      noCamera: "No se encontró ninguna cámara. Escribe los códigos abajo o usa un lector de mano.",
      cameraFailed: "La cámara no pudo iniciar. Escribe los códigos abajo o vuelve a cargar la página e inténtalo de nuevo.",
      cameraUnavailable: "Este navegador no puede usar la cámara aquí. Escribe los códigos abajo o usa un lector de mano.",
      signOutUnsent: {
        one: "{count} escaneo todavía no llegó al servidor. ¿Cerrar sesión de todos modos y perderlo?",
        other: "{count} escaneos todavía no llegaron al servidor. ¿Cerrar sesión de todos modos y perderlos?",
      },
      offlineNotOpened: "No tienes conexión y esta página no se abrió antes en este celular. Conéctate una vez y vuelve a intentarlo.",
      defaultDevice: "Acceso",
    },
  },

  // ── Attendee questions: the organiser's question pages, the questions on the registration form, and answers where they are shown (src/i18n/areas/questions.ts) ──
  questions: {
  },

  // ── Attendees' self-service: changing a name or answers, transferring and cancelling tickets, and the event's refund policy (src/i18n/areas/self-service.ts) ──
  selfService: {
  },

  // ── Reminder emails before the day and the organisers' notifications (daily sales summary, sold-out alert) (src/i18n/areas/reminders.ts) ──
  reminders: {
    form: {
      legend: "Recordatorios y avisos",
      labels: {
        reminderHours: "Correo electrónico de recordatorio a quienes tienen entrada",
        notifyDailySummary: "Enviar a los organizadores un resumen diario de ventas",
        notifySoldOut: "Avisar a los organizadores cuando se agoten el evento o un tipo de entrada",
      },
      hints: {
        reminderHours: "Cada persona con entrada vuelve a recibirla, con los horarios, el lugar y qué traer, con esta anticipación.",
        notifyDailySummary: "Se envía cada mañana a las 8:00 (hora de Londres) a cada propietario y organizador, hasta que termine el evento.",
        notifySoldOut: "Se envía una vez cada vez que las entradas pagadas llenan los lugares del evento o el cupo de un tipo de entrada.",
      },
      off: "Sin recordatorio",
      before: ({ hours }) =>
        hours % 24 === 0
          ? plural(hours / 24, { one: "1 día antes", other: `${number(hours / 24)} días antes` })
          : plural(hours, { one: "1 hora antes", other: `${number(hours)} horas antes` }),
    },
    email: {
      subject: ({ event }) => `Recordatorio: se acerca ${event}`,
      heading: "Nos vemos pronto",
      intro: ({ event, date, count }) =>
        plural(count, { one: `Te recordamos que ${event} es el ${date}. Abajo está tu entrada.`, other: `Te recordamos que ${event} es el ${date}. Abajo están tus ${count} entradas.` }),
      preheader: ({ date, time, venue }) => `${date}, ${time}, ${venue}.`,
      map: "Ver el lugar en un mapa",
      mapLine: ({ url }) => `Mapa del lugar: ${url}`,
      bringHeading: "Qué traer",
      bringTickets: ({ count }) =>
        plural(count, { one: "Tu entrada: el código QR de este correo, en tu teléfono o impreso.", other: "Tus entradas: los códigos QR de este correo, en tu teléfono o impresos." }),
      footer: ({ event }) => `Recibes este mensaje porque tienes una entrada para ${event}. Responde a este correo para escribir a los organizadores.`,
    },
    summary: {
      subject: ({ event, date }) => `Resumen de ventas de ${event}, ${date}`,
      heading: ({ event }) => `Ventas hasta ahora de ${event}`,
      sold: ({ sold, capacity }) => (capacity === null ? plural(sold, { one: "1 entrada vendida.", other: `${number(sold)} entradas vendidas.` }) : `${number(sold)} de ${number(capacity)} lugares vendidos.`),
      held: ({ held }) => plural(held, { one: "1 lugar reservado por alguien que está pagando.", other: `${number(held)} lugares reservados por personas que están pagando.` }),
      revenue: ({ amount }) => `Recaudado hasta ahora: ${amount}.`,
      since: ({ count }) => plural(count, { one: "1 entrada vendida desde el resumen de ayer.", other: `${number(count)} entradas vendidas desde el resumen de ayer.` }),
      tierLine: ({ tier, sold, quota }) => (quota === null ? `${tier}: ${number(sold)} vendidas.` : `${tier}: ${number(sold)} de ${number(quota)} vendidas.`),
      tiersHeading: "Por tipo de entrada:",
      action: "Abrir el panel del evento",
      footer: ({ event }) => `Recibes este mensaje porque los organizadores de ${event} pidieron un resumen diario de ventas en su configuración.`,
    },
    soldOut: {
      subjectEvent: ({ event }) => `Se agotaron las entradas de ${event}`,
      subjectTier: ({ event, tier }) => `Se agotaron las entradas ${tier} de ${event}`,
      headingEvent: "Se agotaron las entradas del evento",
      headingTier: ({ tier }) => `Se agotó ${tier}`,
      bodyEvent: ({ event, capacity }) => `Las entradas pagadas ya llenan los ${number(capacity)} lugares de ${event}.`,
      bodyTier: ({ event, tier, quota }) => `Las entradas pagadas ya llenan los ${number(quota)} lugares del tipo de entrada ${tier} de ${event}.`,
      next: "Puedes agregar lugares aumentando la capacidad en la configuración del evento.",
      action: "Abrir el panel del evento",
      footer: ({ event }) => `Recibes este mensaje porque los organizadores de ${event} pidieron avisos de entradas agotadas en su configuración.`,
    },
  },

  // ── Receipts and the organisers' messages to attendees (src/i18n/areas/correspondence.ts) ──
  correspondence: {
  },

  // ── Personal data retention, erasure and the privacy page (src/i18n/areas/privacy.ts) ──
  privacy: {
  },

  // ── The dashboard's pictures (sales, revenue, tiers, arrivals) and the live door counts (src/i18n/areas/insights.ts) ──
  insights: {
  },

  errors: {
    not_found: ({ what, next }) => (next ? `${missing[what]} ${nextSteps[next]}` : missing[what]),
    invalid: ({ reason, issue }) => {
      if (issue) return describeIssue(fields, issue);
      if (reason === "no_tiers") return "Agrega al menos un tipo de entrada antes de publicar: la gente necesita algo en qué inscribirse.";
      if (reason === "event_times") return "El evento debe empezar antes de terminar. Corrige sus horarios y luego publícalo.";
      return "Hay datos que corregir.";
    },
    sold_out: ({ left, tier, reason }) => {
      if (reason === "not_enough_to_add") return "No quedan suficientes lugares para tantas personas. Primero aumenta la capacidad, o agrega menos.";
      if (left === undefined) return "Lo sentimos, esas entradas se acaban de agotar. Vuelve a intentarlo.";
      if (left === 0) return tier ? `Lo sentimos, las entradas ${tier} se agotaron.` : "Lo sentimos, las entradas para este evento se agotaron.";
      if (tier) {
        return plural(left, {
          one: `Solo queda ${left} entrada ${tier}. Elige menos y vuelve a intentarlo.`,
          other: `Solo quedan ${left} entradas ${tier}. Elige menos y vuelve a intentarlo.`,
        });
      }
      return plural(left, { one: `Solo queda ${left} lugar. Elige menos y vuelve a intentarlo.`, other: `Solo quedan ${left} lugares. Elige menos y vuelve a intentarlo.` });
    },
    conflict: (p) => {
      switch (p.reason) {
        case "ticket_not_valid":
          return "Esa entrada ya no es válida, así que no hay nada que cancelar.";
        case "not_paid_online":
          return "Este pedido no se pagó con Stripe, así que no hay nada que reembolsar en línea.";
        case "no_tickets_to_send":
          return "Este pedido no tiene entradas válidas para enviar.";
        case "event_changed":
          return "El evento cambió mientras tanto. Vuelve a cargar la página e inténtalo de nuevo.";
        case "own_owner_access":
          return "No puedes quitarte tu propio acceso de propietario. Pídeselo a otro propietario.";
        case "members_changed":
          return "La lista de socios cambió mientras subías el archivo, así que no se modificó nada. Revisa el archivo otra vez y confirma.";
        case "staff_email_taken":
          return "Alguien con ese correo electrónico ya tiene acceso.";
        case "nonce_reused":
          return "El nonce de este escaneo ya se usó en otro escaneo, así que no se registró nada. Vuelve a escanear: cada escaneo necesita su propio nonce.";
        case "order_not_cancellable":
          return `Este pedido está ${orderStatus(p.status)}, así que no hay nada que cancelar.`;
        case "order_not_refundable":
          return `Este pedido está ${orderStatus(p.status)}: no se puede reembolsar.`;
        case "event_status":
          return `Este evento está ${eventStatus[p.status] ?? p.status}, así que ahora no se puede ${eventChange[p.to] ?? p.to}.`;
        case "tier_ordered":
          return `Ya hay pedidos del tipo de entrada ${p.tier}, así que no se puede eliminar. Para dejar de venderlo, ajusta su cupo a lo vendido o cierra su periodo de venta.`;
      }
    },
    sales_closed: ({ reason }) =>
      ({
        event_cancelled: "Este evento se canceló, así que la inscripción está cerrada.",
        not_open: "La inscripción para este evento no está abierta.",
        closed: "La inscripción para este evento ya cerró.",
        not_yet_open: "La inscripción para este evento todavía no abre.",
      })[reason],
    forbidden: ({ reason }) =>
      ({
        not_on_door_team: "No estás en el equipo de puerta de ese evento. Pídele a un organizador que te agregue.",
        role: "Tu rol no permite hacer esto. Si necesitas acceso, pídeselo a un propietario.",
        form_expired: "Este formulario venció. Vuelve atrás, recarga la página e inténtalo de nuevo.",
        human_check: "No pudimos confirmar que una persona envió esto. Completa la verificación del formulario y vuelve a enviarlo.",
      })[reason],
    unauthorized: ({ reason }) =>
      ({
        bad_api_token: "Ese token de API no es válido. Crea uno en las páginas de organizadores (Tokens).",
        sign_in: "Inicia sesión o envía un token de API: Authorization: Bearer <token>.",
        link_expired: "Este enlace para iniciar sesión venció o ya se usó. Pide uno nuevo.",
      })[reason],
    rate_limited: ({ what, retryAfterSeconds }) => {
      const wait = retryAfterSeconds === undefined ? "una hora" : minutesText(Math.ceil(retryAfterSeconds / 60));
      return {
        sign_in: "Hubo demasiadas solicitudes de inicio de sesión desde aquí. Vuelve a intentarlo en una hora.",
        requests: "Hubo demasiadas solicitudes desde aquí. Vuelve a intentarlo en una hora.",
        holds: `Ya tienes inscripciones sin pagar que reservan lugares para este evento. Págalas, o vuelve a intentarlo en ${wait}, cuando termine su reserva.`,
        guesses: `Hubo demasiados códigos o datos de membresía incorrectos desde aquí. Revísalos y vuelve a intentarlo en ${wait}.`,
      }[what];
    },
    unavailable: ({ reason }) =>
      reason === "human_check"
        ? "No pudimos verificar el formulario en este momento y no se inscribió nada. Vuelve a intentarlo en un minuto."
        : "No pudimos iniciar el pago y no se cobró nada. Vuelve a intentarlo en un minuto.",
  },
  fields,
  http: {
    badRequest: "No pudimos leer lo que se envió: el formulario o el cuerpo JSON están mal formados. Vuelve a enviarlo desde la página, o revisa el cuerpo y el Content-Type de la solicitud.",
    refused: "Solicitud rechazada.",
    internal: ({ requestId }) => `Algo salió mal de nuestro lado. Vuelve a intentarlo en un momento (referencia ${requestId}).`,
    misconfigured: ({ detail }) => `El servidor no está bien configurado. ${detail}.`,
    pageNotFound: "No encontramos esa página. Revisa la dirección o empieza desde la lista de eventos.",
    missingStripeSignature: "Falta el encabezado Stripe-Signature.",
    badStripeSignature: "La firma de Stripe no coincide con este contenido.",
    badStripeEvent: "El contenido no es un objeto de evento de Stripe con un id, un type y un data.object de la forma esperada.",
  },
  config: {
    key_format: ({ setting }) => `Configuración no válida: ${setting} está mal formado (se esperaba <key id>.<base64url key>)`,
    not_ed25519: ({ setting }) => `Configuración no válida: ${setting} no es una clave privada Ed25519 (genera una con npm run keys)`,
    no_offline_stripe: ({ setting }) => `Configuración no válida: falta ${setting} (esta compilación no trae el emulador de Stripe; ejecútala con npm start)`,
    no_offline_turnstile: ({ setting }) =>
      `Configuración no válida: ${setting} es una clave de prueba de Turnstile, y esta compilación no trae un sustituto de Turnstile (ejecútala con npm start)`,
    key_id_clash: ({ setting, keyId }) => `Configuración no válida: ${setting} le da al id de clave ${keyId} una clave distinta de la que ya está en uso`,
  },
  pages: {
    notFoundHeading: "No encontramos la página",
    serverErrorHeading: "Algo salió mal",
    refusedHeading: "No pudimos hacer eso",
    allEvents: "Ver todos los eventos",
    formProblem: "Hay datos que corregir",
    weeksProblem: "Revisa el número de semanas",
    listUnreadable: "No se pudo leer la lista",
    skippedWhenAdding: ({ reason }) => `${reason} Se omite al agregar y actualizar.`,
  },
  mail: {
    // Spanish letters greet with a colon ("Hola, Ana:"); with no name, just "Hola:".
    greeting: ({ name }) => (name.trim() ? `Hola, ${name}:` : "Hola:"),
    tickets: {
      intro: ({ kind, event, count }) => {
        if (kind === "attendee_ticket") return `Tu inscripción en ${event} está confirmada. Aquí tienes tu entrada.`;
        if (kind === "tickets_again")
          return plural(count, { one: `Como pediste, aquí tienes otra vez tu entrada para ${event}.`, other: `Como pediste, aquí tienes otra vez tus ${count} entradas para ${event}.` });
        return plural(count, { one: `Gracias por inscribirte en ${event}. Aquí tienes tu entrada.`, other: `Gracias por inscribirte en ${event}. Aquí tienes tus ${count} entradas.` });
      },
      showAtDoor: "Muestra el código QR en la puerta, en tu celular o impreso.",
      headingAgain: "Tus entradas",
      headingRegistered: "Inscripción confirmada",
      facts: { date: "Fecha", doors: "Apertura de puertas", starts: "Inicio", venue: "Lugar" },
      fact: ({ label, value }) => `${label}: ${value}`,
      ticketOf: ({ index, count }) => `Entrada ${index} de ${count}`,
      ticket: "Entrada",
      ticketLine: ({ index, name, tier }) => (index === null ? `Entrada: ${name}, ${tier}` : `Entrada ${index}: ${name}, ${tier}`),
      qrAlt: ({ name }) => `Código QR de la entrada de ${name}`,
      typedCode: ({ code }) => `Código para escribir en la puerta: ${code}`,
      open: "Abrir esta entrada",
      openLine: ({ url }) => `Ábrela (con su código QR): ${url}`,
      preheader: ({ date, venue }) => `${date}, ${venue}. Muestra el código QR en la puerta.`,
      footer: ({ event }) => `Recibes este correo porque te inscribiste en ${event}. Responde a este correo para comunicarte con los organizadores.`,
      reference: ({ reference, total }) =>
        total
          ? `Referencia del pedido: ${reference} · Total pagado: ${total}. El archivo de calendario adjunto agrega el evento a tu agenda.`
          : `Referencia del pedido: ${reference}. El archivo de calendario adjunto agrega el evento a tu agenda.`,
      referenceLine: ({ reference, total }) => (total ? `Referencia del pedido: ${reference}. Total pagado: ${total}.` : `Referencia del pedido: ${reference}.`),
      replyToReach: "Responde a este correo para comunicarte con los organizadores.",
    },
    actionLine: ({ label, url }) => `${label}: ${url}`,
    ticketsSubject: ({ event }) => `Tus entradas para ${event}`,
    // No name: the greeting then reads just "Hola:".
    anyone: "",
    signIn: {
      subject: "Tu enlace para iniciar sesión",
      heading: "Inicia sesión en las páginas de organizadores",
      body: ({ minutes }) => `Usa el botón de abajo para iniciar sesión. El enlace funciona una sola vez, durante los próximos ${minutesText(minutes)}.`,
      ignore: "Si no pediste iniciar sesión, puedes ignorar este correo: nadie puede entrar sin el enlace.",
      action: "Iniciar sesión",
      footer: "Recibes este correo porque alguien pidió un enlace para iniciar sesión con esta dirección.",
    },
    aboutEvent: ({ event }) => `Sobre ${event}. Responde a este correo para comunicarte con los organizadores.`,
    registerAgain: "Volver a inscribirme",
    lateRefunded: {
      subject: ({ event }) => `Te reembolsamos el pago de ${event}`,
      heading: "Te reembolsamos el pago",
      body: ({ amount, event, reference }) =>
        `Tu pago de ${money(amount)} para ${event} (pedido ${reference}) llegó después de que se liberaran los lugares que te estábamos reservando, así que te lo reembolsamos completo. Los reembolsos suelen llegar a tu tarjeta en 5 a 10 días.`,
      again: "Si todavía hay lugares, puedes volver a inscribirte.",
    },
    refunded: {
      subject: ({ event }) => `Reembolso de ${event}`,
      heading: "Te hicimos un reembolso",
      body: ({ amount, reference }) => `Te reembolsamos ${money(amount)} del pedido ${reference}. Los reembolsos suelen llegar a tu tarjeta en 5 a 10 días.`,
      ticketsStillValid: "Tus demás entradas siguen siendo válidas.",
      ticketsCancelled: "Las entradas de este pedido se cancelaron.",
    },
    paymentFailed: {
      subject: ({ event }) => `Tu pago para ${event} no se completó`,
      heading: "Tu pago no se completó",
      body: ({ reference }) =>
        `Tu banco no completó el pago del pedido ${reference}, así que se liberaron los lugares que te reservábamos y no se cobró nada.`,
      again: "Puedes volver a inscribirte con otro medio de pago.",
    },
    cancelledByOrganiser: {
      subject: ({ event }) => `Se cancelaron tus entradas para ${event}`,
      heading: "Los organizadores cancelaron tu pedido",
      body: ({ amount, event, reference }) => `Los organizadores de ${event} cancelaron el pedido ${reference}, por el que pagaste ${money(amount)}. Sus entradas ya no dan acceso.`,
      notRefunded: "Tu pago no se reembolsó. Si esperabas un reembolso, o crees que es un error, responde a este correo para comunicarte con los organizadores.",
      contact: "Responde a este correo para comunicarte con los organizadores.",
    },
  },
  tickets: {
    proofNote: {
      declaration: "Trae un comprobante de tu tarifa reducida (credencial de estudiante, o comprobante de subsidio o jubilación).",
      member_list: "Trae tu credencial o tu número de socio.",
    },
    qrLabel: "Código QR de la entrada",
    qrLabelFor: ({ name }) => `Código QR de la entrada de ${name}`,
    typedCode: "Si el código no se puede escanear, en la puerta pueden escribir este:",
  },
  ics: {
    ticketFor: ({ name }) => `Entrada de ${name}.`,
    doorsOpenAt: ({ time }) => `Las puertas abren a las ${time}.`,
    yourTicket: ({ url }) => `Tu entrada: ${url}`,
    details: ({ url }) => `Detalles: ${url}`,
  },
  exports: {
    sheet: "Asistentes",
    columns: {
      reference: "Referencia del pedido",
      attendeeName: "Nombre del asistente",
      attendeeEmail: "Correo del asistente",
      ticketType: "Tipo de entrada",
      pricePaid: "Precio pagado",
      currency: "Moneda",
      ticketStatus: "Estado de la entrada",
      checkedInAt: "Hora de ingreso",
      buyerName: "Nombre del comprador",
      buyerEmail: "Correo del comprador",
      eligibilityAnswer: "Respuesta de elegibilidad",
      orderedAt: "Fecha del pedido",
      paidAt: "Fecha de pago",
    },
    inZone: ({ heading, zone }) => `${heading} (hora de ${zone})`,
  },
  audit: {
    actions: {
      registration_added_complimentary: "inscripción de cortesía agregada",
      registration_added_door: "inscripción con pago en la puerta agregada",
      attendee_renamed: "asistente renombrado",
      ticket_cancelled: "entrada cancelada",
      order_cancelled: "pedido cancelado",
      order_refunded: "pedido reembolsado",
      tickets_resent: "entradas reenviadas",
      exported_attendees: "lista de asistentes exportada",
      email_retried: "correo reintentado",
      tier_created: "tipo de entrada creado",
      tier_updated: "tipo de entrada actualizado",
      tier_deleted: "tipo de entrada eliminado",
      event_created: "evento creado",
      event_updated: "evento actualizado",
      event_published: "evento publicado",
      event_cancelled: "evento cancelado",
      event_archived: "evento archivado",
      event_duplicated: "evento duplicado",
      staff_added: "miembro del equipo agregado",
      staff_updated: "miembro del equipo modificado",
      api_token_created: "token de API creado",
      api_token_revoked: "token de API revocado",
      signed_in: "inicio de sesión",
      signed_out_everywhere: "sesión cerrada en todos los dispositivos",
      member_deleted: "socio eliminado",
      members_imported: "lista de socios subida",
    },
    labels: {
      tier: "Tipo de entrada",
      count: "Personas",
      ticketId: "Entrada",
      from: "De",
      to: "A",
      attendee: "Asistente",
      previousStatus: "Estado anterior",
      amountMinor: "Monto",
      totalRefundedMinor: "Total reembolsado",
      currency: "Moneda",
      format: "Formato",
      emailId: "Correo",
      eventId: "Evento",
      name: "Nombre",
      description: "Descripción",
      priceMinor: "Precio",
      quota: "Cupo",
      eligibility: "Quién puede comprar",
      declarationText: "Declaración para marcar",
      salesStartAt: "Apertura de la venta",
      salesEndAt: "Cierre de la venta",
      minPerOrder: "Mínimo por pedido",
      maxPerOrder: "Máximo por pedido",
      sortOrder: "Posición",
      accessCodeChanged: "Código de acceso cambiado",
      mainLanguage: "Idioma principal",
      languages: "Versiones en otros idiomas",
      sold: "Vendidas",
      held: "Reservadas",
      weeks: "Semanas después",
      slug: "Dirección web",
      title: "Título",
      fields: "Cambios",
      summary: "Resumen",
      venueName: "Lugar",
      venueAddress: "Dirección del lugar",
      timezone: "Zona horaria",
      startsAt: "Inicio",
      endsAt: "Fin",
      doorsOpenAt: "Apertura de puertas",
      capacity: "Capacidad",
      referencePrefix: "Prefijo de referencia",
      ticketEmailSubject: "Asunto del correo de entradas",
      agenda: "Programa",
      email: "Correo electrónico",
      role: "Rol",
      eventIds: "Puerta en los eventos",
      disabled: "Acceso desactivado",
      sessions: "Sesiones cerradas",
      membershipNumber: "Número de socio",
      mode: "Modo",
      added: "Agregados",
      updated: "Actualizados",
      unchanged: "Sin cambios",
      removed: "Eliminados",
      skipped: "Omitidos",
      rejected: "Rechazados",
    },
    yes: "sí",
    no: "no",
    none: "ninguno",
    system: "sistema",
    when: ({ zone }) => `Cuándo (hora de ${zone})`,
    count: ({ count, zone }) =>
      plural(count, {
        one: `${number(count)} registro, del más reciente al más antiguo. Las horas corresponden a ${zone}.`,
        other: `${number(count)} registros, del más reciente al más antiguo. Las horas corresponden a ${zone}.`,
      }),
  },
  members: {
    rows: {
      no_key: () => "No tiene correo electrónico ni número de socio.",
      email_invalid: ({ email }) => `“${email}” no es un correo electrónico válido.`,
      number_invalid: () => "El número de socio es demasiado largo o contiene @.",
      same_email: ({ line }) => `Mismo correo electrónico que la línea ${line}.`,
      same_number: ({ line }) => `Mismo número de socio que la línea ${line}.`,
      two_members: () => "El correo pertenece a un socio de la lista y el número de socio a otro.",
      same_member: ({ line }) => `Coincide con el mismo socio que la línea ${line}.`,
    },
    columns: { email: "correo electrónico", number: "número de socio", name: "nombre completo", first: "nombre", last: "apellido" },
  },
};
