// A language's catalogue for node-side (browser) tests, loaded by a computed path: the
// catalogues' types reach the Workers runtime's (through the domain), which this program does
// not load. Only the few words the browser tests look for are typed here.
type Fn<P> = (params: P) => string;

export type BrowserWords = {
  locale: string;
  public: {
    eventPage: { quantityOf: Fn<{ tier: string }>; continue: string };
    registration: { yourName: string; yourEmail: string; membership: string; continueToPayment: string; paymentCancelled: string };
    order: { paymentReceived: string };
  };
  mail: { ticketsSubject: Fn<{ event: string }>; tickets: { facts: { doors: string; starts: string; venue: string }; qrAlt: Fn<{ name: string }> } };
  reminders: { email: { subject: Fn<{ event: string }> }; preview: { button: string; sent: Fn<{ email: string }>; subject: Fn<{ subject: string }>; sampleName: string } };
  correspondence: { receipt: { link: string; heading: string; totalPaid: string } };
  waitlistPublic: {
    eventPage: { voucherLabel: string; voucherButton: string; voucherApplied: Fn<{ code: string }>; withVoucher: Fn<{ price: string; code: string }>; soldOutWithList: string };
    join: { name: string; email: string; places: string; submit: string; doneTitle: string };
    voucher: { label: string };
    offer: { unusableTitle: string };
  };
  waitlistMail: { offer: { subject: Fn<{ event: string }> } };
};

export type EmulatorWords = {
  labels: { card_number: string; expiry: string; cvc: string; name: string };
  pay: Fn<{ total: string }>;
  cancel: string;
  problems: { declined: string };
};

export async function catalogueFor(lang: "en" | "es"): Promise<BrowserWords> {
  const module = (await import(/* @vite-ignore */ `../../../src/i18n/${lang}.ts`)) as Record<string, BrowserWords>;
  return module[lang]!;
}

export async function emulatorWordsFor(lang: "en" | "es"): Promise<EmulatorWords> {
  const path = "../../../src/dev/stripe-emulator/words.ts";
  const module = (await import(/* @vite-ignore */ path)) as Record<string, EmulatorWords>;
  return module[lang]!;
}
