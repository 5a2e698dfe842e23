import { PrismaD1 } from "@prisma/adapter-d1";
import { PrismaClient } from "@/generated/prisma/client";

const clients = new WeakMap<D1Database, PrismaClient>();

/**
 * The Prisma client for a D1 binding, made once per isolate and binding: building a client
 * compiles the query engine's WebAssembly, which is too slow to repeat on every request.
 */
export function prismaFor(db: D1Database): PrismaClient {
  let client = clients.get(db);
  if (!client) {
    client = new PrismaClient({ adapter: new PrismaD1(db) });
    clients.set(db, client);
  }
  return client;
}
