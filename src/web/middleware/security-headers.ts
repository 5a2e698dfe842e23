import { secureHeaders } from "hono/secure-headers";

/**
 * Strict headers for every Worker response: scripts and styles only from our own origin,
 * no framing, no MIME sniffing, and referrers kept to our origin.
 */
export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      // Cloudflare Turnstile's widget (only on the registration form, when TURNSTILE_SITE_KEY is set).
      scriptSrc: ["'self'", "https://challenges.cloudflare.com"],
      frameSrc: ["https://challenges.cloudflare.com"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      // Registration forms redirect (through the pay page) to Stripe Checkout, and browsers apply form-action to that redirect.
      formAction: ["'self'", "https://checkout.stripe.com"],
    },
    xFrameOptions: "DENY",
    xContentTypeOptions: "nosniff",
    referrerPolicy: "strict-origin-when-cross-origin",
    strictTransportSecurity: "max-age=31536000; includeSubDomains",
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: { camera: ["self"], microphone: [], geolocation: [] },
    // A route that sets one of these itself (the dev mailbox's email preview) keeps its own.
    overwrite: false,
  });
