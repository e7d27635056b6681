import { z } from "@medusajs/framework/zod"
import { createSelectParams } from "@medusajs/medusa/api/utils/validators"

/** Messages name their field: Medusa shows a refinement's message as written. */
const text = (field: string, max: number) =>
  z
    .string()
    .trim()
    .refine((v) => v.length >= 1 && v.length <= max, { message: `${field}: must be 1 to ${max} characters` })
const type = z.enum(["customer", "product"])
const offset = z.coerce.number().int().min(0).max(10_000_000).default(0)
const limit = z.coerce.number().int().min(1).max(200).default(50)

export type AdminGetTaxClassParamsType = z.infer<typeof AdminGetTaxClassParams>
export const AdminGetTaxClassParams = createSelectParams().strict()

export type AdminGetTaxClassesParamsType = z.infer<typeof AdminGetTaxClassesParams>
export const AdminGetTaxClassesParams = createSelectParams()
  .extend({ type: type.optional(), q: z.string().max(255).optional(), offset, limit })
  .strict()

export type AdminCreateTaxClassType = z.infer<typeof AdminCreateTaxClass>
export const AdminCreateTaxClass = z
  .object({
    type,
    name: text("name", 255),
    code: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { message: "code: lower-case letters, digits, _ and -, up to 64" }),
    description: z.string().max(2000).nullish(),
    is_default: z.boolean().optional(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict()

export type AdminUpdateTaxClassType = z.infer<typeof AdminUpdateTaxClass>
export const AdminUpdateTaxClass = AdminCreateTaxClass.omit({ type: true }).partial().strict()

export type AdminEmptyParamsType = z.infer<typeof AdminEmptyParams>
export const AdminEmptyParams = z.object({}).strict()

export type AdminSetTaxClassType = z.infer<typeof AdminSetTaxClass>
/** `{ tax_class_id }` gives the group or product that class; `null` removes its class (the default applies). */
export const AdminSetTaxClass = z
  .object({
    tax_class_id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,100}$/, { message: "tax_class_id: must be an id (letters, digits, _ and -), or null" })
      .nullable(),
  })
  .strict()
