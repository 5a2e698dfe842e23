// The offline checkout page's words, in the languages Stripe Checkout is opened in (the
// session's `locale`). Development only: production code never imports this. Each language is
// one object of the same type, so a missing key fails the type check.

/** What can be wrong with the card form, one sentence each. */
export type CardProblem =
  | "number_missing"
  | "number_digits"
  | "number_not_test"
  | "expiry_missing"
  | "expiry_format"
  | "expiry_past"
  | "cvc"
  | "name_missing"
  | "name_too_long"
  | "email"
  | "declined";

type Fn<P> = (params: P) => string;

export type EmulatorWords = {
  /** BCP 47 tag, for `<html lang>` and money. */
  locale: string;
  banner: { title: string; body: string };
  title: string;
  errorTitle: Fn<{ title: string }>;
  pay: Fn<{ total: string }>;
  errorPrefix: string;
  errorSummary: string;
  yourOrder: string;
  item: string;
  quantity: string;
  amount: string;
  total: string;
  payingAs: Fn<{ email: string }>;
  cardDetails: string;
  testCards: string;
  labels: { email: string; card_number: string; expiry: string; cvc: string; name: string };
  expiryHint: string;
  cvcHint: string;
  cancel: string;
  problems: Record<CardProblem, string>;
  closed: {
    paidTitle: string;
    expiredTitle: string;
    paidHeading: string;
    expiredHeading: string;
    paidBody: Fn<{ total: string }>;
    expiredBody: string;
    continue: string;
    startAgain: string;
  };
};

export const en: EmulatorWords = {
  locale: "en-GB",
  banner: {
    title: "Offline test checkout.",
    body: "This page stands in for Stripe while the app runs without a Stripe account. No real money moves and no card details leave this computer.",
  },
  title: "Offline test checkout",
  errorTitle: ({ title }) => `Error: ${title}`,
  pay: ({ total }) => `Pay ${total}`,
  errorPrefix: "Error: ",
  errorSummary: "The payment did not go through",
  yourOrder: "Your order",
  item: "Item",
  quantity: "Quantity",
  amount: "Amount",
  total: "Total",
  payingAs: ({ email }) => `Paying as ${email}`,
  cardDetails: "Card details",
  testCards: "Test cards: 4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 is declined. Use any future expiry date and any 3-digit CVC.",
  labels: { email: "Email", card_number: "Card number", expiry: "Expiry date (MM / YY)", cvc: "Security code (CVC)", name: "Name on card" },
  expiryHint: "For example 12 / 34",
  cvcHint: "3 digits on the back",
  cancel: "Cancel and go back",
  problems: {
    number_missing: "Enter the card number, for example 4242 4242 4242 4242.",
    number_digits: "Enter the card number using digits only, for example 4242 4242 4242 4242.",
    number_not_test: "This offline checkout only accepts test cards. Use 4242 4242 4242 4242.",
    expiry_missing: "Enter the expiry date as MM / YY, for example 12 / 34.",
    expiry_format: "Enter the expiry date as MM / YY with a month from 01 to 12, for example 12 / 34.",
    expiry_past: "Your card's expiry date is in the past. Check the date or use another card.",
    cvc: "Enter the 3-digit security code (CVC) from the back of the card.",
    name_missing: "Enter the name on the card.",
    name_too_long: "Enter the name on the card in 200 characters or fewer.",
    email: "Enter your email address, for example name@example.com.",
    declined: "Your card was declined. Try another card.",
  },
  closed: {
    paidTitle: "Already paid",
    expiredTitle: "Checkout expired",
    paidHeading: "This checkout is already paid",
    expiredHeading: "This checkout has expired",
    paidBody: ({ total }) => `The payment of ${total} went through. There is nothing more to pay here.`,
    expiredBody: "This checkout was not paid in time, so it has closed. No money was taken. Go back and start again to get a new checkout.",
    continue: "Continue to your order",
    startAgain: "Go back and start again",
  },
};

export const es: EmulatorWords = {
  locale: "es",
  banner: {
    title: "Pago de prueba sin conexión.",
    body: "Esta página reemplaza a Stripe mientras la aplicación funciona sin una cuenta de Stripe. No se mueve dinero real y los datos de tu tarjeta no salen de esta computadora.",
  },
  title: "Pago de prueba sin conexión",
  errorTitle: ({ title }) => `Error: ${title}`,
  pay: ({ total }) => `Pagar ${total}`,
  errorPrefix: "Error: ",
  errorSummary: "El pago no se realizó",
  yourOrder: "Tu pedido",
  item: "Artículo",
  quantity: "Cantidad",
  amount: "Importe",
  total: "Total",
  payingAs: ({ email }) => `Pagas como ${email}`,
  cardDetails: "Datos de la tarjeta",
  testCards:
    "Tarjetas de prueba: 4242 4242 4242 4242 se acepta; 4000 0000 0000 0002 se rechaza. Usa cualquier fecha de vencimiento futura y cualquier CVC de 3 dígitos.",
  labels: {
    email: "Correo electrónico",
    card_number: "Número de tarjeta",
    expiry: "Fecha de vencimiento (MM / AA)",
    cvc: "Código de seguridad (CVC)",
    name: "Nombre en la tarjeta",
  },
  expiryHint: "Por ejemplo, 12 / 34",
  cvcHint: "3 dígitos en el reverso",
  cancel: "Cancelar y volver",
  problems: {
    number_missing: "Escribe el número de la tarjeta, por ejemplo 4242 4242 4242 4242.",
    number_digits: "Escribe el número de la tarjeta solo con dígitos, por ejemplo 4242 4242 4242 4242.",
    number_not_test: "Este pago sin conexión solo acepta tarjetas de prueba. Usa 4242 4242 4242 4242.",
    expiry_missing: "Escribe la fecha de vencimiento como MM / AA, por ejemplo 12 / 34.",
    expiry_format: "Escribe la fecha de vencimiento como MM / AA, con un mes del 01 al 12, por ejemplo 12 / 34.",
    expiry_past: "La fecha de vencimiento de tu tarjeta ya pasó. Revisa la fecha o usa otra tarjeta.",
    cvc: "Escribe el código de seguridad (CVC) de 3 dígitos del reverso de la tarjeta.",
    name_missing: "Escribe el nombre que aparece en la tarjeta.",
    name_too_long: "Escribe el nombre de la tarjeta en 200 caracteres o menos.",
    email: "Escribe tu correo electrónico, por ejemplo nombre@example.com.",
    declined: "Tu tarjeta fue rechazada. Prueba con otra tarjeta.",
  },
  closed: {
    paidTitle: "Ya está pagado",
    expiredTitle: "El pago venció",
    paidHeading: "Este pago ya está hecho",
    expiredHeading: "Este pago venció",
    paidBody: ({ total }) => `El pago de ${total} se realizó. No tienes nada más que pagar aquí.`,
    expiredBody: "Este pago no se hizo a tiempo, así que se cerró. No se cobró nada. Vuelve y empieza de nuevo para obtener un nuevo pago.",
    continue: "Ir a tu pedido",
    startAgain: "Volver y empezar de nuevo",
  },
};

const byLanguage: Record<string, EmulatorWords> = { en, es };

/** The words for a session's `locale` ("es", "es-419"); English for "auto", none or any other. */
export function emulatorWords(locale: string | null | undefined): EmulatorWords {
  const base = (locale ?? "").toLowerCase().split(/[-_]/)[0] ?? "";
  return byLanguage[base] ?? en;
}
