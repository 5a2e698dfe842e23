import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Whether browser tests can run here. CI installs Debian's Chromium (.ci/run), so there a
 * missing browser is a failure, not a skip.
 */
export const hasBrowser = existsSync(chromiumPath);
if (!hasBrowser && process.env.CI) {
  throw new Error(`Chromium not found at ${chromiumPath}: .ci/run installs it with apt-get install chromium.`);
}

/**
 * Debian's Chromium, headless, with the flags that work as root on a machine with no network.
 * Playwright gives each launch a fresh, empty profile.
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraArgs,
    ],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page and returns its violations. */
export async function axeViolations(page: Page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // @ts-expect-error: axe is the global the script above defined
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v: { id: string; help: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
}
