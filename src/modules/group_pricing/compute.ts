/**
 * Group pricing, computed: what a rule's price list must hold, given the
 * variants it wins and their base prices; and the difference from what the
 * list holds now. Pure, so the sync, the preview and the tests share it.
 */

export type Adjustment = {
  adjustment_type: "percentage" | "fixed_off" | "fixed_price"
  percentage?: number | null
  amounts?: Record<string, number> | null
}
/** Per currency (lower-case ISO 4217), in the currency's main unit: { eur: 5 }. */
export type Amounts = Record<string, number>
export type Tier = { min_quantity: number; percentage?: number | null; amounts?: Amounts | null }

/** What a sync wrote into a rule's price list (kept on the rule as `sync_summary`). */
export type SyncSummary = { variants: number; prices: number; created: number; updated: number; deleted: number; list_deleted: boolean }

export type RuleForPricing = Adjustment & {
  id: string
  customer_group_id: string
  tiers?: Tier[] | null
  priority: number
  status: "active" | "inactive"
  starts_at?: string | Date | null
  ends_at?: string | Date | null
  created_at?: string | Date | null
}

/** A base price of a variant (no price list), with its price rules (e.g. region_id). */
export type BasePrice = { currency_code: string; amount: number; rules: Record<string, string> }
export type VariantPrices = { variant_id: string; price_set_id: string; prices: BasePrice[] }

export type DesiredPrice = {
  variant_id: string
  price_set_id: string
  currency_code: string
  amount: number
  min_quantity: number | null
  max_quantity: number | null
  rules: Record<string, string>
}
export type ExistingPrice = Omit<DesiredPrice, "variant_id"> & { id: string }

const round = (value: number) => Math.round(value * 100) / 100

/** The adjusted amount, or null when the adjustment has nothing for this currency. Never below 0. */
export function adjust(base: number | null, currency: string, adjustment: Adjustment): number | null {
  switch (adjustment.adjustment_type) {
    case "percentage":
      return base === null ? null : round(Math.max(0, base * (1 - (adjustment.percentage ?? 0) / 100)))
    case "fixed_off": {
      const off = adjustment.amounts?.[currency]
      return base === null || off === undefined ? null : round(Math.max(0, base - off))
    }
    case "fixed_price": {
      const price = adjustment.amounts?.[currency]
      return price === undefined ? null : round(price)
    }
  }
}

/** Whether the rule is in force at `now` (active, started, not ended). */
export function inEffect(rule: RuleForPricing, now: Date): boolean {
  if (rule.status !== "active") {
    return false
  }
  if (rule.ends_at && new Date(rule.ends_at) <= now) {
    return false
  }
  return !rule.starts_at || new Date(rule.starts_at) <= now
}

/** True when `a` beats `b` for a variant both cover: higher priority, then the older rule, then the id. */
export function outranks(a: RuleForPricing, b: RuleForPricing): boolean {
  if (a.priority !== b.priority) {
    return a.priority > b.priority
  }
  const at = a.created_at ? new Date(a.created_at).getTime() : 0
  const bt = b.created_at ? new Date(b.created_at).getTime() : 0
  return at !== bt ? at < bt : a.id < b.id
}

/**
 * The prices of a rule's list: for every base price of every variant it wins
 * (one per currency and price-rule set, e.g. per region), the adjusted price
 * up to the first tier, then one price per tier. A fixed price applies per
 * currency given, regardless of the base prices' rules.
 */
export function desiredPrices(rule: RuleForPricing, variants: VariantPrices[]): DesiredPrice[] {
  const tiers = [...(rule.tiers ?? [])].sort((a, b) => a.min_quantity - b.min_quantity)
  const bands: { adjustment: Adjustment; min: number | null; max: number | null }[] = [
    { adjustment: rule, min: null, max: tiers.length ? tiers[0].min_quantity - 1 : null },
    ...tiers.map((tier, i) => ({
      adjustment: { adjustment_type: rule.adjustment_type, percentage: tier.percentage, amounts: tier.amounts },
      min: tier.min_quantity,
      max: i + 1 < tiers.length ? tiers[i + 1].min_quantity - 1 : null,
    })),
  ]
  const out: DesiredPrice[] = []
  for (const variant of variants) {
    const bases: (BasePrice | { currency_code: string; amount: null; rules: Record<string, string> })[] =
      rule.adjustment_type === "fixed_price"
        ? [...new Set([...Object.keys(rule.amounts ?? {}), ...tiers.flatMap((t) => Object.keys(t.amounts ?? {}))])]
            .filter((c) => variant.prices.some((p) => p.currency_code === c))
            .map((currency_code) => ({ currency_code, amount: null, rules: {} }))
        : variant.prices
    for (const base of bases) {
      for (const band of bands) {
        const amount = adjust(base.amount, base.currency_code, band.adjustment)
        if (amount === null) {
          continue
        }
        out.push({
          variant_id: variant.variant_id,
          price_set_id: variant.price_set_id,
          currency_code: base.currency_code,
          amount,
          min_quantity: band.min,
          max_quantity: band.max,
          rules: base.rules,
        })
      }
    }
  }
  return out
}

const keyOf = (p: { price_set_id: string; currency_code: string; min_quantity: number | null; max_quantity: number | null; rules: Record<string, string> }) =>
  [
    p.price_set_id,
    p.currency_code,
    p.min_quantity ?? "",
    p.max_quantity ?? "",
    Object.entries(p.rules)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${v}`)
      .join("&"),
  ].join("|")

export type PriceDiff = {
  create: DesiredPrice[]
  update: (DesiredPrice & { id: string })[]
  delete: string[]
}

/** What turns `existing` into `desired`: prices to create, to change (by id) and to remove. Same input twice: nothing. */
export function diffPrices(desired: DesiredPrice[], existing: ExistingPrice[]): PriceDiff {
  const byKey = new Map<string, ExistingPrice>()
  const diff: PriceDiff = { create: [], update: [], delete: [] }
  for (const price of existing) {
    const key = keyOf(price)
    if (byKey.has(key)) {
      diff.delete.push(price.id) // a duplicate cell (e.g. added by hand): keep one
    } else {
      byKey.set(key, price)
    }
  }
  const wanted = new Set<string>()
  for (const price of desired) {
    const key = keyOf(price)
    wanted.add(key)
    const current = byKey.get(key)
    if (!current) {
      diff.create.push(price)
    } else if (Number(current.amount) !== price.amount) {
      diff.update.push({ ...price, id: current.id })
    }
  }
  for (const [key, price] of byKey) {
    if (!wanted.has(key)) {
      diff.delete.push(price.id)
    }
  }
  return diff
}
