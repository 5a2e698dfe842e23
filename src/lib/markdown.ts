import { Marked, type Tokens } from "marked";

// Organisers write descriptions (and messages) in Markdown; readers get HTML we trust:
// - raw HTML in the source is shown as text, never passed through;
// - links and images keep only web, mail and phone addresses (no javascript:, vbscript:
//   or data: URLs), and links to other sites open with noopener noreferrer.
// marked (about 15 KiB gzip) replaced markdown-it (about 40 KiB with its entity tables) to
// keep the Worker under its 1 MB target; it has no "typographer", so quotes stay straight.

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The address if it is one we link to, else null. */
function safeUrl(href: string, allow: RegExp): string | null {
  const trimmed = href.trim();
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
  const scheme = /^([^:/?#]+):/.exec(trimmed.replace(/[\u0000-\u0020]/g, ""))?.[1]?.toLowerCase();
  if (scheme !== undefined && !allow.test(scheme)) return null;
  return trimmed;
}

const linkSchemes = /^(https?|mailto|tel)$/;
const imageSchemes = /^https?$/;

const markdown = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      const url = safeUrl(href, linkSchemes);
      if (url === null) return text;
      const external = /^https?:\/\//i.test(url) ? ' rel="noopener noreferrer"' : "";
      return `<a href="${escapeHtml(url)}"${title ? ` title="${escapeHtml(title)}"` : ""}${external}>${text}</a>`;
    },
    image({ href, title, text }: Tokens.Image) {
      const url = safeUrl(href, imageSchemes);
      if (url === null) return escapeHtml(text);
      return `<img src="${escapeHtml(url)}" alt="${escapeHtml(text)}"${title ? ` title="${escapeHtml(title)}"` : ""}>`;
    },
  },
});

/** Organiser-written Markdown to HTML that is safe to put in a page as is. */
export function renderMarkdown(source: string): string {
  return markdown.parse(source, { async: false }) as string;
}
