import type { Amounts, GroupPriceRule, GroupPriceRuleInput, PreviewInput, PriceTier } from "./group-pricing"

/**
 * The group pricing form's model, with no React in it: what the inputs hold
 * (text, as typed), the rule they make, the part of it a preview can use,
 * and the API's messages sorted onto the fields they name.
 */

export const ADJUSTMENT_TYPES = ["percentage", "fixed_off", "fixed_price"] as const
export type AdjustmentType = (typeof ADJUSTMENT_TYPES)[number]

export const SCOPE_TYPES = ["all", "products", "collections", "categories", "types"] as const
export type ScopeType = (typeof SCOPE_TYPES)[number]

export const RULE_STATUSES = ["active", "inactive"] as const
export type RuleStatus = (typeof RULE_STATUSES)[number]

export type TierDraft = { key: string; min_quantity: string; percentage: string; amounts: Record<string, string> }

export type RuleDraft = {
  name: string
  customer_group_id: string
  adjustment_type: AdjustmentType
  percentage: string
  amounts: Record<string, string>
  scope_type: ScopeType
  scope_ids: string[]
  tiers: TierDraft[]
  priority: string
  /** `datetime-local` values (the browser's time zone), "" for none. */
  starts_at: string
  ends_at: string
  status: RuleStatus
}

/** Field path → message (ours: i18n keys; the API's: its English text). */
export type FieldErrors = Record<string, string>

let keys = 0
export const newKey = () => `tier-${++keys}`

export const emptyTier = (): TierDraft => ({ key: newKey(), min_quantity: "", percentage: "", amounts: {} })

export const emptyDraft = (customerGroupId = ""): RuleDraft => ({
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
})

const pad = (n: number) => String(n).padStart(2, "0")

/** An ISO date-time as a `datetime-local` value in the browser's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) {
    return ""
  }
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) {
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

const amountsText = (amounts: Amounts | null | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(amounts ?? {}).map(([currency, amount]) => [currency, String(amount)]))

export function draftFromRule(rule: GroupPriceRule): RuleDraft {
  return {
    name: rule.name,
    customer_group_id: rule.customer_group_id,
    adjustment_type: rule.adjustment_type,
    percentage: rule.percentage === null ? "" : String(rule.percentage),
    amounts: amountsText(rule.amounts),
    scope_type: rule.scope_type,
    scope_ids: rule.scope_type === "all" ? [] : [...(rule.scope_ids ?? [])],
    tiers: (rule.tiers ?? []).map((tier) => ({
      key: newKey(),
      min_quantity: String(tier.min_quantity),
      percentage: tier.percentage === null || tier.percentage === undefined ? "" : String(tier.percentage),
      amounts: amountsText(tier.amounts),
    })),
    priority: String(rule.priority),
    starts_at: toLocalInput(rule.starts_at),
    ends_at: toLocalInput(rule.ends_at),
    status: rule.status,
  }
}

const NUMBER = "customerSuite.groupPricing.form.numberInvalid"

/** The amounts typed per currency; a currency left empty is not in the rule. */
function readAmounts(text: Record<string, string>, path: string, errors: FieldErrors): Amounts {
  const amounts: Amounts = {}
  for (const [currency, value] of Object.entries(text)) {
    const amount = parseNumber(value)
    if (amount === undefined) {
      errors[`${path}.${currency}`] = NUMBER
    } else if (amount !== null) {
      amounts[currency] = amount
    }
  }
  return amounts
}

/**
 * The rule the form describes, or the fields to fix first. Only what the
 * page can tell alone is checked here (a name, a group, numbers that are
 * numbers, a quantity per tier); ranges and consistency are the API's to
 * judge, and its messages land on the same fields.
 */
export function draftToInput(draft: RuleDraft): { input: GroupPriceRuleInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const name = draft.name.trim()
  if (!name) {
    errors.name = "customerSuite.groupPricing.form.nameRequired"
  }
  if (!draft.customer_group_id) {
    errors.customer_group_id = "customerSuite.groupPricing.form.groupRequired"
  }
  const byPercentage = draft.adjustment_type === "percentage"
  let percentage: number | null = null
  let amounts: Amounts | null = null
  if (byPercentage) {
    const value = parseNumber(draft.percentage)
    if (value === undefined) {
      errors.percentage = NUMBER
    } else {
      percentage = value
    }
  } else {
    amounts = readAmounts(draft.amounts, "amounts", errors)
  }
  const tiers: PriceTier[] = draft.tiers.map((tier, i) => {
    const min = parseNumber(tier.min_quantity)
    if (min === null) {
      errors[`tiers.${i}.min_quantity`] = "customerSuite.groupPricing.form.quantityRequired"
    } else if (min === undefined) {
      errors[`tiers.${i}.min_quantity`] = NUMBER
    }
    const out: PriceTier = { min_quantity: min ?? 0 }
    if (byPercentage) {
      const value = parseNumber(tier.percentage)
      if (value === undefined) {
        errors[`tiers.${i}.percentage`] = NUMBER
      } else if (value !== null) {
        out.percentage = value
      }
    } else {
      out.amounts = readAmounts(tier.amounts, `tiers.${i}.amounts`, errors)
    }
    return out
  })
  const priority = parseNumber(draft.priority)
  if (priority === undefined) {
    errors.priority = NUMBER
  }
  const startsAt = fromLocalInput(draft.starts_at)
  const endsAt = fromLocalInput(draft.ends_at)
  if (startsAt === undefined) {
    errors.starts_at = "customerSuite.groupPricing.form.dateInvalid"
  }
  if (endsAt === undefined) {
    errors.ends_at = "customerSuite.groupPricing.form.dateInvalid"
  }
  if (Object.keys(errors).length) {
    return { input: null, errors }
  }
  return {
    input: {
      name,
      customer_group_id: draft.customer_group_id,
      adjustment_type: draft.adjustment_type,
      percentage,
      amounts,
      scope_type: draft.scope_type,
      scope_ids: draft.scope_type === "all" ? null : draft.scope_ids,
      tiers: tiers.length ? tiers : null,
      priority: priority ?? 0,
      starts_at: startsAt ?? null,
      ends_at: endsAt ?? null,
      status: draft.status,
    },
    errors,
  }
}

/**
 * What a preview can show for the form as it is: null until the adjustment
 * (and a scope other than all) is given. Tiers still being typed are left
 * out, so they never show as the base price.
 */
export function draftToPreview(draft: RuleDraft): PreviewInput | null {
  const byPercentage = draft.adjustment_type === "percentage"
  const percentage = byPercentage ? parseNumber(draft.percentage) : null
  if (byPercentage && (percentage === null || percentage === undefined)) {
    return null
  }
  const amounts = byPercentage ? null : readAmounts(draft.amounts, "amounts", {})
  if (amounts && !Object.keys(amounts).length) {
    return null
  }
  if (draft.scope_type !== "all" && !draft.scope_ids.length) {
    return null
  }
  const tiers: PriceTier[] = []
  for (const tier of draft.tiers) {
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
      const tierAmounts = readAmounts(tier.amounts, "", {})
      if (Object.keys(tierAmounts).length) {
        tiers.push({ min_quantity: min, amounts: tierAmounts })
      }
    }
  }
  return {
    adjustment_type: draft.adjustment_type,
    percentage: percentage ?? null,
    amounts,
    scope_type: draft.scope_type,
    scope_ids: draft.scope_type === "all" ? null : draft.scope_ids,
    tiers: tiers.length ? tiers : null,
  }
}

/**
 * The API's 400 message, by field. Ours name the field first
 * ("tiers.1.min_quantity: must be above 10"); Medusa's request validation
 * names it in quotes with commas ("Field 'tiers, 0, min_quantity' is
 * required"). Several messages come joined by "; ". What names no field is
 * kept under "_".
 */
export function parseFieldErrors(message: string): FieldErrors {
  const errors: FieldErrors = {}
  const body = message.replace(/^Invalid request:\s*/, "")
  for (const part of body.split(/;\s+(?=[a-z_][\w.]*:\s|Value for field|Field '|Expected|Unrecognized)/i)) {
    const text = part.trim()
    if (!text) {
      continue
    }
    const ours = /^([a-z_][\w.]*):\s*(.*)$/is.exec(text)
    const medusa = /field '([\w., ]+)'/i.exec(text)
    const field = ours ? ours[1] : medusa ? medusa[1].split(/,\s*/).join(".") : "_"
    const shown = ours ? ours[2] : text
    errors[field] = errors[field] ? `${errors[field]}; ${shown}` : shown
  }
  return errors
}

/** The messages for a field and the paths under it ("tiers.0" → "tiers.0", "tiers.0.percentage", …). */
export function errorsUnder(errors: FieldErrors, path: string): string[] {
  return Object.entries(errors)
    .filter(([field]) => field === path || field.startsWith(`${path}.`))
    .map(([, message]) => message)
}

/** Fields the form shows an error next to; anything else is shown above the buttons. */
export function isPlacedField(field: string, draft: Pick<RuleDraft, "tiers" | "adjustment_type">): boolean {
  if (["name", "customer_group_id", "percentage", "amounts", "scope_type", "scope_ids", "priority", "starts_at", "ends_at", "status"].includes(field)) {
    return true
  }
  if (/^amounts\.[a-z]{3}$/.test(field)) {
    return draft.adjustment_type !== "percentage"
  }
  // "tiers", "tiers.min_quantity" (no index) and "tiers.<i>[.…]" of a row that is shown.
  const tier = /^tiers(?:\.(\d+))?(?:\..*)?$/.exec(field)
  return !!tier && (tier[1] === undefined || Number(tier[1]) < draft.tiers.length)
}

export const RULE_STATES = ["active", "inactive", "scheduled", "ended"] as const
export type RuleState = (typeof RULE_STATES)[number]

/** Whether a rule is in force at `now`, will be, was, or is switched off. */
export function ruleState(rule: Pick<GroupPriceRule, "status" | "starts_at" | "ends_at">, now: Date): RuleState {
  if (rule.status !== "active") {
    return "inactive"
  }
  if (rule.ends_at && new Date(rule.ends_at) <= now) {
    return "ended"
  }
  if (rule.starts_at && new Date(rule.starts_at) > now) {
    return "scheduled"
  }
  return "active"
}
