import { describe, expect, it } from "vitest";
import { demoEventDate } from "@/dev/demo-seed";
import { formatMoney } from "@/lib/format";
import { parseMoneyInput } from "@/lib/money";
import { renderMarkdown } from "@/lib/markdown";
import { zonedTimeToUtc } from "@/lib/zoned-time";

describe("zonedTimeToUtc", () => {
  it("converts London wall-clock times in winter and summer", () => {
    expect(zonedTimeToUtc("2027-01-09T10:30", "Europe/London").toISOString()).toBe("2027-01-09T10:30:00.000Z");
    expect(zonedTimeToUtc("2027-07-10T10:30", "Europe/London").toISOString()).toBe("2027-07-10T09:30:00.000Z");
    expect(zonedTimeToUtc("2027-07-10T10:30", "America/New_York").toISOString()).toBe("2027-07-10T14:30:00.000Z");
  });

  it("rejects malformed input", () => {
    expect(() => zonedTimeToUtc("10:30", "Europe/London")).toThrow(RangeError);
  });
});

describe("demo event date", () => {
  it("is a Saturday at least four weeks ahead", () => {
    const now = new Date("2026-11-26T12:00:00Z");
    const date = demoEventDate(now);
    expect(new Date(`${date}T12:00:00Z`).getUTCDay()).toBe(6);
    expect(new Date(`${date}T00:00:00Z`).getTime() - now.getTime()).toBeGreaterThan(27 * 86_400_000);
  });
});

describe("formatMoney", () => {
  it("shows whole pounds without pence, pence when needed, and Free", () => {
    expect(formatMoney(800, "GBP")).toBe("£8");
    expect(formatMoney(1250, "GBP")).toBe("£12.50");
    expect(formatMoney(0, "GBP")).toBe("Free");
  });
});

describe("renderMarkdown", () => {
  it("renders Markdown and escapes HTML", () => {
    const html = renderMarkdown("Hi <b onclick=alert(1)>there</b> *you*");
    expect(html).toContain("<em>you</em>");
    expect(html).toContain("&lt;b onclick=alert(1)&gt;there&lt;/b&gt;");
  });

  it("marks external links noopener, bare addresses included", () => {
    expect(renderMarkdown("[a](https://example.org)")).toContain('rel="noopener noreferrer"');
    expect(renderMarkdown("See https://example.org/x today")).toContain('<a href="https://example.org/x" rel="noopener noreferrer">');
    expect(renderMarkdown("[map](/events/x)")).toContain('<a href="/events/x">map</a>');
  });

  it("drops script and data addresses from links and images, keeping their text", () => {
    for (const href of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "vbscript:x", "data:text/html;base64,PHNjcmlwdD4="]) {
      const html = renderMarkdown(`[click](${href})`);
      expect(html, href).not.toContain("<a");
      expect(html, href).toContain("click");
    }
    expect(renderMarkdown("![logo](data:image/svg+xml;base64,AAAA)")).not.toContain("<img");
    expect(renderMarkdown("![logo](https://example.org/logo.png)")).toContain('<img src="https://example.org/logo.png" alt="logo">');
  });

  it("shows block HTML as text", () => {
    const html = renderMarkdown("<script>alert(1)</script>\n\n<div onmouseover=x>hi</div>");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<div");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("parseMoneyInput", () => {
  it("reads amounts as people type them, in the currency's minor units", () => {
    expect(parseMoneyInput("8", "GBP")).toBe(800);
    expect(parseMoneyInput(" 12.50 ", "GBP")).toBe(1250);
    expect(parseMoneyInput("£8.5", "GBP")).toBe(850);
    expect(parseMoneyInput("€ 1,200", "EUR")).toBe(120_000);
    expect(parseMoneyInput("1200", "JPY")).toBe(1200);
  });

  it("tells blank from nonsense", () => {
    expect(parseMoneyInput("  ", "GBP")).toBeNull();
    for (const bad of ["abc", "8.123", "12,34", "-5", "1234567", "£", "1.5", "8..0"]) {
      expect(parseMoneyInput(bad, bad === "1.5" ? "JPY" : "GBP"), bad).toBeUndefined();
    }
  });
});
