import type { Child } from "hono/jsx";

const mark = (i: number) => `\u0000${i}\u0000`;

/**
 * A catalogue sentence with markup in place of some parameters ("Your tickets are on their
 * way to <strong>…</strong>"): the sentence stays whole in the catalogue, and the markup goes
 * where its parameter falls in each language's word order.
 */
export function rich<P extends object>(entry: (params: P) => string, params: { [K in keyof P]: P[K] | Child }): Child {
  const marks: Child[] = [];
  const said: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || typeof value !== "object") said[key] = value;
    else {
      said[key] = mark(marks.length);
      marks.push(value as Child);
    }
  }
  const parts = entry(said as P).split(/\u0000(\d+)\u0000/);
  return <>{parts.map((part, i) => (i % 2 ? marks[Number(part)] : part))}</>;
}
