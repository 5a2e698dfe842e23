import { PrismaD1 } from "@prisma/adapter-d1";
import { PrismaClient } from "@/generated/prisma/client";

/**
 * A Prisma client for a D1 binding. Make one per request (or scheduled run): a client keeps
 * I/O state that workerd does not let another request touch, so sharing one across requests
 * fails as soon as two overlap (e.g. mail sent in waitUntil while the next request runs).
 * The query compiler's WebAssembly is compiled once per isolate by Prisma itself.
 */
export function prismaFor(db: D1Database): PrismaClient {
  return new PrismaClient({ adapter: new PrismaD1(db) });
}
