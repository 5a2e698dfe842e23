import type { Messages } from "@/i18n";
import { doorThemeColour } from "@/web/door/door-layout";

/**
 * The door scanner's web app manifest, in one language: the installed app's name and
 * description are the catalogue's; the rest (its id, scope, icons) is the same app in every
 * language, so installing it again in another language replaces it rather than adding one.
 */
export function doorManifest(m: Messages) {
  return {
    name: m.door.app.name,
    short_name: m.door.app.shortName,
    description: m.door.app.description,
    lang: m.locale,
    id: "/door",
    start_url: "/door",
    scope: "/door",
    display: "standalone",
    orientation: "portrait",
    theme_color: doorThemeColour,
    background_color: "#ffffff",
    icons: [
      { src: "/icons/door.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icons/door-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/door-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/door-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
