import { z } from "@medusajs/framework/zod"
import { defaultCountries } from "@medusajs/framework/utils"

const COUNTRIES = new Set(defaultCountries.map((c) => c.alpha2.toLowerCase()))

/** Messages name their field: Medusa shows a refinement's message as written. */
const text = (field: string, max: number) =>
  z
    .string()
    .trim()
    .refine((v) => v.length >= 1 && v.length <= max, { message: `${field}: must be 1 to ${max} characters` })
const idOf = (field: string) =>
  z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, { message: `${field}: must be an id (letters, digits, _ and -)` })
const type = z.enum(["customer", "product"])
const offset = z.coerce.number().int().min(0).max(10_000_000).default(0)
const limit = z.coerce.number().int().min(1).max(200).default(50)

export const AdminGetTaxClassesParams = z
  .object({ type: type.optional(), q: z.string().max(255).optional(), offset, limit })
  .strict()
export type AdminGetTaxClassesParamsType = z.infer<typeof AdminGetTaxClassesParams>

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
export type AdminCreateTaxClassType = z.infer<typeof AdminCreateTaxClass>

export const AdminUpdateTaxClass = AdminCreateTaxClass.omit({ type: true }).partial().strict()
export type AdminUpdateTaxClassType = z.infer<typeof AdminUpdateTaxClass>

export const AdminGetTaxClassRatesParams = z
  .object({
    customer_class_id: idOf("customer_class_id").optional(),
    product_class_id: idOf("product_class_id").optional(),
    country_code: z.string().regex(/^[A-Za-z]{2}$/, { message: "country_code: must be an ISO 3166-1 alpha-2 code" }).optional(),
    offset,
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict()
export type AdminGetTaxClassRatesParamsType = z.infer<typeof AdminGetTaxClassRatesParams>

const rateFields = {
  customer_class_id: idOf("customer_class_id"),
  product_class_id: idOf("product_class_id"),
  country_code: z
    .string()
    .transform((c) => c.toLowerCase())
    .refine((c) => COUNTRIES.has(c), { message: "country_code: must be an ISO 3166-1 alpha-2 country code, e.g. de" }),
  province_code: z
    .string()
    .transform((c) => c.toLowerCase())
    .refine((c) => /^[a-z]{2}-[a-z0-9]{1,3}$/.test(c), { message: "province_code: must look like us-ca (country, dash, subdivision)" })
    .nullish(),
  rate: z
    .number()
    .refine((r) => Number.isFinite(r) && r >= 0 && r <= 100, { message: "rate: must be a percentage from 0 to 100" })
    .nullish(),
  is_exempt: z.boolean().optional(),
  code: z.string().max(64).nullish(),
  name: z.string().max(255).nullish(),
}

/** A matrix row: a rate, or exempt; a province belongs to its country. */
const checkRow = <T extends { country_code?: string; province_code?: string | null; rate?: number | null; is_exempt?: boolean }>(
  row: T,
  ctx: z.RefinementCtx
) => {
  if (row.province_code && row.country_code && !row.province_code.startsWith(`${row.country_code}-`)) {
    ctx.addIssue({ code: "custom", path: ["province_code"], message: `province_code: must be in ${row.country_code} (${row.country_code}-…)` })
  }
}

export const AdminCreateTaxClassRate = z
  .object(rateFields)
  .strict()
  .superRefine((row, ctx) => {
    checkRow(row, ctx)
    if (!row.is_exempt && (row.rate === undefined || row.rate === null)) {
      ctx.addIssue({ code: "custom", path: ["rate"], message: "rate: give a rate (0 to 100), or is_exempt: true" })
    }
  })
export type AdminCreateTaxClassRateType = z.infer<typeof AdminCreateTaxClassRate>

export const AdminUpdateTaxClassRate = z
  .object({ rate: rateFields.rate, is_exempt: rateFields.is_exempt, code: rateFields.code, name: rateFields.name })
  .strict()
export type AdminUpdateTaxClassRateType = z.infer<typeof AdminUpdateTaxClassRate>

export const AdminEmptyParams = z.object({}).strict()

/** `{ tax_class_id }` gives the group or product that class; `null` removes its class (the default applies). */
export const AdminSetTaxClass = z
  .object({
    tax_class_id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,100}$/, { message: "tax_class_id: must be an id (letters, digits, _ and -), or null" })
      .nullable(),
  })
  .strict()
export type AdminSetTaxClassType = z.infer<typeof AdminSetTaxClass>
