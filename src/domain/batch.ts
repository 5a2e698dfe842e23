/**
 * Runs statements as one D1 batch: D1 runs a batch as one transaction, so all of it happens or
 * none does. The repos' statement builders are meant to be combined here (a change and its
 * audit row, an order and its emails); the results come back in the same order.
 */
export function runBatch(d1: D1Database, statements: D1PreparedStatement[]): Promise<D1Result[]> {
  return d1.batch(statements);
}
