import { defaultCountries } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { createSelectParams } from "@medusajs/medusa/api/utils/validators"

const COUNTRIES = new Set(defaultCountries.map((c) => c.alpha2.toLowerCase()))

/** Messages name their field: Medusa shows a refinement's message as written. */
const idOf = (field: string) =>
  z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, { message: `${field}: must be an id (letters, digits, _ and -)` })

export type AdminGetTaxClassRateParamsType = z.infer<typeof AdminGetTaxClassRateParams>
export const AdminGetTaxClassRateParams = createSelectParams().strict()

export type AdminGetTaxClassRatesParamsType = z.infer<typeof AdminGetTaxClassRatesParams>
export const AdminGetTaxClassRatesParams = createSelectParams()
  .extend({
    customer_class_id: idOf("customer_class_id").optional(),
    product_class_id: idOf("product_class_id").optional(),
    country_code: z
      .string()
      .regex(/^[A-Za-z]{2}$/, { message: "country_code: must be an ISO 3166-1 alpha-2 code" })
      .transform((c) => c.toLowerCase())
      .optional(),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict()

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

export type AdminCreateTaxClassRateType = z.infer<typeof AdminCreateTaxClassRate>
export const AdminCreateTaxClassRate = z
  .object(rateFields)
  .strict()
  .superRefine((row, ctx) => {
    checkRow(row, ctx)
    if (!row.is_exempt && (row.rate === undefined || row.rate === null)) {
      ctx.addIssue({ code: "custom", path: ["rate"], message: "rate: give a rate (0 to 100), or is_exempt: true" })
    }
  })

export type AdminUpdateTaxClassRateType = z.infer<typeof AdminUpdateTaxClassRate>
export const AdminUpdateTaxClassRate = z
  .object({ rate: rateFields.rate, is_exempt: rateFields.is_exempt, code: rateFields.code, name: rateFields.name })
  .strict()
