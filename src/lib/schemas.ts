import * as z from "zod";
import type { FieldCode } from "@/domain/issues";

/** Event slugs: lower-case letters, digits and single hyphens. */
export const slugSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug_format" satisfies FieldCode);

export const slugParam = z.object({ slug: slugSchema });
