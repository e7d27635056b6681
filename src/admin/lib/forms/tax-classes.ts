import { z } from "zod"
import type { AdminCreateTaxClassRateBody, AdminTaxClass, AdminTaxClassRate, AdminUpdateTaxClassBody } from "../../../types/http"

/**
 * The tax class and matrix row drawers: what their inputs hold and the zod
 * schemas that turn them into what the API takes. The API checks ranges and
 * formats; its messages appear by the field they name.
 */

export const taxClassFormSchema = z
  .object({ name: z.string(), code: z.string(), description: z.string(), is_default: z.boolean() })
  .transform(
    (form): Required<Pick<AdminUpdateTaxClassBody, "name" | "code" | "description" | "is_default">> => ({
      name: form.name,
      code: form.code.trim(),
      description: form.description.trim() || null,
      is_default: form.is_default,
    })
  )

export type TaxClassForm = z.input<typeof taxClassFormSchema>

export const taxClassFormValues = (taxClass?: AdminTaxClass): TaxClassForm => ({
  name: taxClass?.name ?? "",
  code: taxClass?.code ?? "",
  description: taxClass?.description ?? "",
  is_default: taxClass?.is_default ?? false,
})

/** "trade exempt" → "trade-exempt": a code suggested from a name (the API's format: a-z, 0-9, _ and -). */
export const suggestCode = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "-")
    .replace(/^[-_]+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "")

/** A percentage as the merchant typed it: "7", "2.5", "19,5"; null when blank or not a number. */
export const parseRate = (text: string): number | null => {
  const trimmed = text.trim().replace(",", ".")
  if (!trimmed || !/^-?\d+(\.\d+)?$/.test(trimmed)) {
    return null
  }
  return Number(trimmed)
}

export const taxClassRateFormSchema = z
  .object({
    customer_class_id: z.string(),
    product_class_id: z.string(),
    country_code: z.string(),
    province_code: z.string(),
    rate: z.string(),
    is_exempt: z.boolean(),
    code: z.string(),
    name: z.string(),
  })
  .transform((form, ctx): AdminCreateTaxClassRateBody => {
    const rate = parseRate(form.rate)
    if (!form.is_exempt && form.rate.trim() && rate === null) {
      ctx.addIssue({ code: "custom", path: ["rate"], message: "customerSuite.taxClasses.matrix.rateNotNumber" })
    }
    return {
      customer_class_id: form.customer_class_id,
      product_class_id: form.product_class_id,
      country_code: form.country_code,
      province_code: form.province_code.trim() || null,
      rate: form.is_exempt ? null : rate,
      is_exempt: form.is_exempt,
      code: form.code.trim() || null,
      name: form.name.trim() || null,
    }
  })

export type TaxClassRateForm = z.input<typeof taxClassRateFormSchema>

export const taxClassRateFormValues = (row?: AdminTaxClassRate): TaxClassRateForm => ({
  customer_class_id: row?.customer_class_id ?? "",
  product_class_id: row?.product_class_id ?? "",
  country_code: row?.country_code ?? "",
  province_code: row?.province_code ?? "",
  rate: row?.rate === null || row?.rate === undefined ? "" : String(row.rate),
  is_exempt: row?.is_exempt ?? false,
  code: row?.code ?? "",
  name: row?.name ?? "",
})
