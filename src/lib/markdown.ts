import MarkdownIt from "markdown-it";

// html: false escapes any raw HTML in the source instead of passing it through, and
// markdown-it's link validation drops javascript:, vbscript: and data: URLs (but images).
const md = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: false });

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = String(token.attrGet("href") ?? "");
  if (/^https?:\/\//i.test(href)) token.attrSet("rel", "noopener noreferrer");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Organiser-written Markdown to HTML that is safe to put in a page as is. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
