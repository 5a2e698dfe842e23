import type { Context } from "hono";
import type { BodyData } from "hono/utils/body";
import { HTTPException } from "hono/http-exception";

/**
 * The request's form fields (`all: true` keeps repeated fields as arrays). A body that cannot be
 * read as a form (a broken multipart body, a missing boundary) is a 400 answered by onError with
 * the catalogue's sentence, never a 500.
 */
export async function readForm(c: Context, options: { all: true }): Promise<BodyData<{ all: true }>>;
export async function readForm(c: Context): Promise<BodyData>;
export async function readForm(c: Context, options?: { all: true }): Promise<BodyData<{ all: true }> | BodyData> {
  try {
    return options ? await c.req.parseBody(options) : await c.req.parseBody();
  } catch (cause) {
    throw new HTTPException(400, { cause });
  }
}
