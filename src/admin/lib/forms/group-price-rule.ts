import { z } from "zod"
import type { AdminCreateGroupPriceRuleBody, AdminGroupPriceRule, AdminPreviewGroupPriceRuleBody, Amounts } from "../../../types/http"
import { ADJUSTMENT_TYPES, RULE_STATUSES, SCOPE_TYPES } from "../types/group-pricing"

/**
 * The group pricing form: what its inputs hold (text, as typed), the zod
 * schema that turns them into the rule the API takes, and the part of it a
 * preview can use. Only what the page can tell alone is checked (a name, a
 * group, numbers that are numbers, a quantity per tier); ranges and
 * consistency are the API's to judge, and its messages land on the same fields.
 */

/** A tier as the API takes it. */
type TierBody = NonNullable<AdminCreateGroupPriceRuleBody["tiers"]>[number]

/** The rule's fields a preview needs (no group, no window: prices as if in force); the hook adds how many products to show. */
export type GroupPriceRulePreviewInput = Omit<AdminPreviewGroupPriceRuleBody, "limit">

/** Per currency, the amount as typed; a currency left empty is not in the rule. */
const amountsText = z.record(z.string(), z.string())

export const groupPriceRuleFormSchema = z
  .object({
    name: z.string(),
    customer_group_id: z.string(),
    adjustment_type: z.enum(ADJUSTMENT_TYPES),
    percentage: z.string(),
    amounts: amountsText,
    scope_type: z.enum(SCOPE_TYPES),
    scope_ids: z.array(z.string()),
    tiers: z.array(z.object({ min_quantity: z.string(), percentage: z.string(), amounts: amountsText })),
    priority: z.string(),
    /** `datetime-local` values (the browser's time zone), "" for none. */
    starts_at: z.string(),
    ends_at: z.string(),
    status: z.enum(RULE_STATUSES),
  })
  .transform((form, ctx): AdminCreateGroupPriceRuleBody => {
    const fail = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message })
    const number = (text: string, path: (string | number)[]) => {
      const value = parseNumber(text)
      if (value === undefined) {
        fail(path, NUMBER)
      }
      return value ?? null
    }
    const amounts = (text: Record<string, string>, path: (string | number)[]) =>
      readAmounts(text, (currency) => fail([...path, currency], NUMBER))

    const name = form.name.trim()
    if (!name) {
      fail(["name"], "customerSuite.groupPricing.form.nameRequired")
    }
    if (!form.customer_group_id) {
      fail(["customer_group_id"], "customerSuite.groupPricing.form.groupRequired")
    }
    const byPercentage = form.adjustment_type === "percentage"
    const tiers = form.tiers.map((tier, i): TierBody => {
      const min = parseNumber(tier.min_quantity)
      if (min === null || min === undefined) {
        fail(["tiers", i, "min_quantity"], min === null ? "customerSuite.groupPricing.form.quantityRequired" : NUMBER)
      }
      if (!byPercentage) {
        return { min_quantity: min ?? 0, amounts: amounts(tier.amounts, ["tiers", i, "amounts"]) }
      }
      const percentage = number(tier.percentage, ["tiers", i, "percentage"])
      return percentage === null ? { min_quantity: min ?? 0 } : { min_quantity: min ?? 0, percentage }
    })
    const date = (value: string, field: "starts_at" | "ends_at") => {
      const iso = fromLocalInput(value)
      if (iso === undefined) {
        fail([field], "customerSuite.groupPricing.form.dateInvalid")
      }
      return iso ?? null
    }
    return {
      name,
      customer_group_id: form.customer_group_id,
      adjustment_type: form.adjustment_type,
      percentage: byPercentage ? number(form.percentage, ["percentage"]) : null,
      amounts: byPercentage ? null : amounts(form.amounts, ["amounts"]),
      scope_type: form.scope_type,
      scope_ids: form.scope_type === "all" ? null : form.scope_ids,
      tiers: tiers.length ? tiers : null,
      priority: number(form.priority, ["priority"]) ?? 0,
      starts_at: date(form.starts_at, "starts_at"),
      ends_at: date(form.ends_at, "ends_at"),
      status: form.status,
    }
  })

export type GroupPriceRuleForm = z.input<typeof groupPriceRuleFormSchema>
export type TierForm = GroupPriceRuleForm["tiers"][number]

const NUMBER = "customerSuite.groupPricing.form.numberInvalid"

export const emptyTier = (): TierForm => ({ min_quantity: "", percentage: "", amounts: {} })

const text = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value))

const amountsToText = (amounts: Amounts | null | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(amounts ?? {}).map(([currency, amount]) => [currency, String(amount)]))

/** The form's values: a saved rule's, or an empty rule's (for a group, when given). */
export function groupPriceRuleFormValues(rule?: AdminGroupPriceRule, customerGroupId = ""): GroupPriceRuleForm {
  if (!rule) {
    return {
      name: "",
      customer_group_id: customerGroupId,
      adjustment_type: "percentage",
      percentage: "",
      amounts: {},
      scope_type: "all",
      scope_ids: [],
      tiers: [],
      priority: "0",
      starts_at: "",
      ends_at: "",
      status: "active",
    }
  }
  return {
    name: rule.name,
    customer_group_id: rule.customer_group_id,
    adjustment_type: rule.adjustment_type,
    percentage: text(rule.percentage),
    amounts: amountsToText(rule.amounts),
    scope_type: rule.scope_type,
    scope_ids: rule.scope_type === "all" ? [] : [...(rule.scope_ids ?? [])],
    tiers: (rule.tiers ?? []).map((tier) => ({
      min_quantity: String(tier.min_quantity),
      percentage: text(tier.percentage),
      amounts: amountsToText(tier.amounts),
    })),
    priority: String(rule.priority),
    starts_at: toLocalInput(rule.starts_at),
    ends_at: toLocalInput(rule.ends_at),
    status: rule.status,
  }
}

const pad = (n: number) => String(n).padStart(2, "0")

/** An ISO date-time as a `datetime-local` value in the browser's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  const d = iso ? new Date(iso) : null
  if (!d || Number.isNaN(d.getTime())) {
    return ""
  }
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** A `datetime-local` value (local time) as ISO; null when empty, undefined when not a date. */
export function fromLocalInput(value: string): string | null | undefined {
  if (!value.trim()) {
    return null
  }
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}

/** Typed text as a number: null when empty, undefined when not a number. */
export function parseNumber(text: string): number | null | undefined {
  const trimmed = text.trim()
  if (!trimmed) {
    return null
  }
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : undefined
}

/** The amounts typed per currency; a currency left empty is not in the rule, one not a number is reported. */
function readAmounts(text: Record<string, string>, invalid: (currency: string) => void = () => undefined): Amounts {
  const amounts: Amounts = {}
  for (const [currency, value] of Object.entries(text)) {
    const amount = parseNumber(value)
    if (amount === undefined) {
      invalid(currency)
    } else if (amount !== null) {
      amounts[currency] = amount
    }
  }
  return amounts
}

/**
 * What a preview can show for the form as it is: null until the adjustment
 * (and a scope other than all) is given. Tiers still being typed are left
 * out, so they never show as the base price.
 */
export function groupPriceRulePreview(form: GroupPriceRuleForm): GroupPriceRulePreviewInput | null {
  const byPercentage = form.adjustment_type === "percentage"
  const percentage = byPercentage ? parseNumber(form.percentage) : null
  if (byPercentage && (percentage === null || percentage === undefined)) {
    return null
  }
  const amounts = byPercentage ? null : readAmounts(form.amounts)
  if (amounts && !Object.keys(amounts).length) {
    return null
  }
  if (form.scope_type !== "all" && !form.scope_ids.length) {
    return null
  }
  const tiers: TierBody[] = []
  for (const tier of form.tiers) {
    const min = parseNumber(tier.min_quantity)
    if (min === null || min === undefined) {
      continue
    }
    if (byPercentage) {
      const value = parseNumber(tier.percentage)
      if (value !== null && value !== undefined) {
        tiers.push({ min_quantity: min, percentage: value })
      }
    } else {
      const tierAmounts = readAmounts(tier.amounts)
      if (Object.keys(tierAmounts).length) {
        tiers.push({ min_quantity: min, amounts: tierAmounts })
      }
    }
  }
  return {
    adjustment_type: form.adjustment_type,
    percentage: percentage ?? null,
    amounts,
    scope_type: form.scope_type,
    scope_ids: form.scope_type === "all" ? null : form.scope_ids,
    tiers: tiers.length ? tiers : null,
  }
}

/** Fields the form shows an error next to; anything else is shown above the buttons. */
export function isPlacedField(field: string, form: Pick<GroupPriceRuleForm, "tiers" | "adjustment_type">): boolean {
  if (["name", "customer_group_id", "percentage", "amounts", "scope_type", "scope_ids", "priority", "starts_at", "ends_at", "status"].includes(field)) {
    return true
  }
  if (/^amounts\.[a-z]{3}$/.test(field)) {
    return form.adjustment_type !== "percentage"
  }
  // "tiers", "tiers.min_quantity" (no index) and "tiers.<i>[.…]" of a row that is shown.
  const tier = /^tiers(?:\.(\d+))?(?:\..*)?$/.exec(field)
  return !!tier && (tier[1] === undefined || Number(tier[1]) < form.tiers.length)
}
