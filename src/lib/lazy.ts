/**
 * An object made on first use. Building a Prisma client costs about 10 ms in workerd and a
 * Stripe client a little, so requests that never touch them (cached pages, the door's raw-SQL
 * path) should not pay for them.
 */
export function lazy<T extends object>(make: () => T): T {
  let value: T | undefined;
  const target = () => (value ??= make());
  return new Proxy({} as T, {
    get: (_, prop) => {
      const v = Reflect.get(target(), prop);
      return typeof v === "function" ? v.bind(target()) : v;
    },
    has: (_, prop) => Reflect.has(target(), prop),
  });
}
