import { z } from "@medusajs/framework/zod"
import { createSelectParams } from "@medusajs/medusa/api/utils/validators"

/** Messages name their field: Medusa shows a refinement's message as written. */
const id = (field: string) => z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, { message: `${field}: must be an id (letters, digits, _ and -)` })
const percentage = (field: string) =>
  z.number().refine((v) => Number.isFinite(v) && v > 0 && v <= 100, { message: `${field}: must be a percentage above 0, up to 100` })
const amounts = (field: string) =>
  z
    .record(z.string(), z.number())
    .superRefine((value, ctx) => {
      for (const [currency, amount] of Object.entries(value)) {
        if (!/^[a-z]{3}$/.test(currency)) {
          ctx.addIssue({ code: "custom", message: `${field}: "${currency}" is not a lower-case ISO 4217 currency code, e.g. eur` })
        } else if (!Number.isFinite(amount) || amount < 0 || amount > 1e9) {
          ctx.addIssue({ code: "custom", message: `${field}.${currency}: must be an amount from 0, in the currency's main unit` })
        }
      }
      if (Object.keys(value).length > 50) {
        ctx.addIssue({ code: "custom", message: `${field}: at most 50 currencies` })
      }
    })
const date = (field: string) =>
  z
    .union([z.string(), z.date()])
    .refine((v) => !Number.isNaN(new Date(v).getTime()), { message: `${field}: must be an ISO 8601 date-time` })
    .transform((v) => new Date(v).toISOString())

/** A tier's values are checked in checkTiers, so that messages name the tier (tiers.1.percentage). */
const tier = z
  .object({
    min_quantity: z.number(),
    percentage: z.number().optional(),
    amounts: z.record(z.string(), z.number()).optional(),
  })
  .strict()

const fields = {
  name: z.string().trim().refine((v) => v.length >= 1 && v.length <= 255, { message: "name: must be 1 to 255 characters" }),
  customer_group_id: id("customer_group_id"),
  adjustment_type: z.enum(["percentage", "fixed_off", "fixed_price"]),
  percentage: percentage("percentage").nullable(),
  amounts: amounts("amounts").nullable(),
  scope_type: z.enum(["all", "products", "collections", "categories", "types"]),
  scope_ids: z.array(id("scope_ids")).max(1000).nullable(),
  tiers: z.array(tier).max(20).nullable(),
  priority: z.number().refine((v) => Number.isInteger(v) && v >= 0 && v <= 1000, { message: "priority: must be a whole number from 0 to 1000" }),
  starts_at: date("starts_at").nullable(),
  ends_at: date("ends_at").nullable(),
  status: z.enum(["active", "inactive"]),
  metadata: z.record(z.string(), z.unknown()).nullable(),
}

type Shape = {
  adjustment_type?: "percentage" | "fixed_off" | "fixed_price"
  percentage?: number | null
  amounts?: Record<string, number> | null
  tiers?: { min_quantity: number; percentage?: number; amounts?: Record<string, number> }[] | null
}
/**
 * Tiers ascend and deepen: each tier's min_quantity is above the previous one
 * and its adjustment is at least as good for the buyer (a higher percentage,
 * a larger amount off, a lower fixed price), in every currency it names.
 */
function checkTiers(rule: Shape, ctx: z.RefinementCtx) {
  const tiers = rule.tiers ?? []
  let previous: { percentage?: number | null; amounts?: Record<string, number> | null } = rule
  let previousMin = 1
  tiers.forEach((t, i) => {
    if (!Number.isInteger(t.min_quantity) || t.min_quantity < 2 || t.min_quantity > 1_000_000) {
      ctx.addIssue({ code: "custom", message: `tiers.${i}.min_quantity: must be a whole number from 2` })
    }
    if (t.percentage !== undefined && !(Number.isFinite(t.percentage) && t.percentage > 0 && t.percentage <= 100)) {
      ctx.addIssue({ code: "custom", message: `tiers.${i}.percentage: must be a percentage above 0, up to 100` })
    }
    for (const [currency, amount] of Object.entries(t.amounts ?? {})) {
      if (!/^[a-z]{3}$/.test(currency)) {
        ctx.addIssue({ code: "custom", message: `tiers.${i}.amounts: "${currency}" is not a lower-case ISO 4217 currency code, e.g. eur` })
      } else if (!Number.isFinite(amount) || amount < 0 || amount > 1e9) {
        ctx.addIssue({ code: "custom", message: `tiers.${i}.amounts.${currency}: must be an amount from 0, in the currency's main unit` })
      }
    }
    if (t.min_quantity <= previousMin) {
      ctx.addIssue({ code: "custom", message: `tiers.${i}.min_quantity: must be above ${previousMin}` })
    }
    if (rule.adjustment_type === "percentage" && t.percentage !== undefined && previous.percentage != null && t.percentage < previous.percentage) {
      ctx.addIssue({ code: "custom", message: `tiers.${i}.percentage: must be at least ${previous.percentage} (tiers get better with quantity)` })
    }
    if (rule.adjustment_type && rule.adjustment_type !== "percentage") {
      for (const [currency, amount] of Object.entries(t.amounts ?? {})) {
        const before = previous.amounts?.[currency]
        const worse = before !== undefined && (rule.adjustment_type === "fixed_off" ? amount < before : amount > before)
        if (worse) {
          ctx.addIssue({ code: "custom", message: `tiers.${i}.amounts.${currency}: must be ${rule.adjustment_type === "fixed_off" ? "at least" : "at most"} ${before} (tiers get better with quantity)` })
        }
      }
    }
    previous = t
    previousMin = t.min_quantity
  })
}

export type AdminCreateGroupPriceRuleType = z.infer<typeof AdminCreateGroupPriceRule>
export const AdminCreateGroupPriceRule = z
  .object({
    ...fields,
    percentage: fields.percentage.optional(),
    amounts: fields.amounts.optional(),
    scope_type: fields.scope_type.default("all"),
    scope_ids: fields.scope_ids.optional(),
    tiers: fields.tiers.optional(),
    priority: fields.priority.default(0),
    starts_at: fields.starts_at.optional(),
    ends_at: fields.ends_at.optional(),
    status: fields.status.default("active"),
    metadata: fields.metadata.optional(),
  })
  .strict()
  .superRefine(checkTiers)

export type AdminUpdateGroupPriceRuleType = z.infer<typeof AdminUpdateGroupPriceRule>
export const AdminUpdateGroupPriceRule = z.object(fields).partial().strict().superRefine(checkTiers)

export type AdminGetGroupPriceRulesParamsType = z.infer<typeof AdminGetGroupPriceRulesParams>
export const AdminGetGroupPriceRulesParams = createSelectParams()
  .extend({
    customer_group_id: id("customer_group_id").optional(),
    status: fields.status.optional(),
    q: z.string().max(255).optional(),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()

export type AdminGroupPricePreviewParamsType = z.infer<typeof AdminGroupPricePreviewParams>
export const AdminGroupPricePreviewParams = z
  .object({ limit: z.coerce.number().int().min(1).max(50).default(5), product_id: z.union([id("product_id"), z.array(id("product_id"))]).optional() })
  .strict()

/** An unsaved rule must be whole to be previewed: the adjustment's value, and each tier's. */
function checkComplete(rule: Shape, ctx: z.RefinementCtx) {
  if (rule.adjustment_type === "percentage" && (rule.percentage === null || rule.percentage === undefined)) {
    ctx.addIssue({ code: "custom", message: "percentage: required for a percentage adjustment (1 to 100)" })
  }
  if (rule.adjustment_type && rule.adjustment_type !== "percentage" && !Object.keys(rule.amounts ?? {}).length) {
    ctx.addIssue({ code: "custom", message: `amounts: required for a ${rule.adjustment_type} adjustment, per currency, e.g. { "eur": 5 }` })
  }
  for (const [i, t] of (rule.tiers ?? []).entries()) {
    if (rule.adjustment_type === "percentage" ? t.percentage === undefined : !Object.keys(t.amounts ?? {}).length) {
      ctx.addIssue({ code: "custom", message: `tiers.${i}: give ${rule.adjustment_type === "percentage" ? "a percentage" : "amounts"}, like the rule's adjustment` })
    }
  }
}

/** A preview of an unsaved rule: the rule's fields (a group is not needed) and how many products to show. */
export type AdminPreviewGroupPriceRuleType = z.infer<typeof AdminPreviewGroupPriceRule>
export const AdminPreviewGroupPriceRule = z
  .object({
    adjustment_type: fields.adjustment_type,
    percentage: fields.percentage.optional(),
    amounts: fields.amounts.optional(),
    scope_type: fields.scope_type.default("all"),
    scope_ids: fields.scope_ids.optional(),
    tiers: fields.tiers.optional(),
    limit: z.number().int().min(1).max(50).default(5),
  })
  .strict()
  .superRefine((rule, ctx) => {
    checkTiers(rule, ctx)
    checkComplete(rule, ctx)
  })

export type AdminGetGroupPriceRuleParamsType = z.infer<typeof AdminGetGroupPriceRuleParams>
export const AdminGetGroupPriceRuleParams = createSelectParams().strict()

export type AdminEmptyBodyType = z.infer<typeof AdminEmptyBody>
export const AdminEmptyBody = z.object({}).strict()
