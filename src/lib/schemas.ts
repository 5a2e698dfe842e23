import { z } from "zod";

/** Event slugs: lower-case letters, digits and single hyphens. */
export const slugSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and hyphens.");

export const slugParam = z.object({ slug: slugSchema });
