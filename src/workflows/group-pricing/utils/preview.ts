import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { desiredPrices, type RuleForPricing, type Tier } from "../../../modules/group_pricing/compute"
import type { AdminGroupPricePreview, AdminGroupPricePreviewPrice, AdminGroupPricePreviewRow } from "../../../types/http/group-price-rule"
import { loadBasePrices, variantIdsInScope, type Scope } from "./load"

export type PreviewRow = AdminGroupPricePreviewRow

/**
 * What members would pay, for the first `limit` products in the rule's scope
 * (or the given ones): per variant and base price, the base amount, the group
 * price and each tier's price. Reads only; works for unsaved rules.
 */
export type PreviewRule = Pick<RuleForPricing, "adjustment_type" | "percentage" | "amounts" | "tiers"> & Scope

/** A stored rule (JSON columns typed loosely by the model) as the preview takes it. */
export const toPreviewRule = (rule: {
  adjustment_type: RuleForPricing["adjustment_type"]
  percentage?: number | null
  amounts?: unknown
  tiers?: unknown
  scope_type: Scope["scope_type"]
  scope_ids?: unknown
}): PreviewRule => ({
  adjustment_type: rule.adjustment_type,
  percentage: rule.percentage ?? null,
  amounts: (rule.amounts ?? null) as Record<string, number> | null,
  tiers: (rule.tiers ?? null) as Tier[] | null,
  scope_type: rule.scope_type,
  scope_ids: (rule.scope_ids ?? null) as string[] | null,
})

type VariantRow = { id: string; title: string | null; product: { id: string; title: string } }

const rulesKey = (rules: Record<string, string>) => JSON.stringify(Object.entries(rules).sort())

export async function previewGroupPrices(
  container: Pick<MedusaContainer, "resolve">,
  rule: PreviewRule,
  opts: { limit: number; product_ids?: string[] }
): Promise<AdminGroupPricePreview> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const inScope = await variantIdsInScope(container, rule)
  if (!inScope.length) {
    return { products: 0, variants: 0, rows: [] }
  }
  const inScopeSet = new Set(inScope)
  const { data } = await query.graph({
    entity: "variant",
    fields: ["id", "title", "product.id", "product.title"],
    filters: { id: inScope.slice(0, 5000), ...(opts.product_ids?.length ? { product_id: opts.product_ids } : {}) },
  })
  const variants = data as VariantRow[]
  const productIds = [...new Set(variants.map((v) => v.product.id))].sort().slice(0, opts.limit)
  const shown = variants.filter((v) => productIds.includes(v.product.id) && inScopeSet.has(v.id))
  const bases = await loadBasePrices(container, shown.map((v) => v.id))
  const full = { ...rule, id: "preview", customer_group_id: "preview", priority: 0, status: "active" as const }
  const rows: PreviewRow[] = []
  for (const base of bases) {
    const variant = shown.find((v) => v.id === base.variant_id)
    if (!variant) {
      continue
    }
    const desired = desiredPrices(full, [base])
    const cells = new Map<string, AdminGroupPricePreviewPrice>()
    const cellOf = (currency_code: string, rules: Record<string, string>) => {
      const key = `${currency_code}|${rulesKey(rules)}`
      let cell = cells.get(key)
      if (!cell) {
        const baseAmount = base.prices.find((p) => p.currency_code === currency_code && rulesKey(p.rules) === rulesKey(rules))?.amount
        cell = { currency_code, rules, base: baseAmount ?? null, group: null, tiers: [] }
        cells.set(key, cell)
      }
      return cell
    }
    for (const price of base.prices) {
      cellOf(price.currency_code, price.rules)
    }
    for (const price of desired) {
      const cell = cellOf(price.currency_code, price.rules)
      if (price.min_quantity === null) {
        cell.group = price.amount
      } else {
        cell.tiers.push({ min_quantity: price.min_quantity, amount: price.amount })
      }
    }
    rows.push({
      product_id: variant.product.id,
      product_title: variant.product.title,
      variant_id: base.variant_id,
      variant_title: variant.title ?? null,
      prices: [...cells.values()],
    })
  }
  rows.sort((a, b) => a.product_title.localeCompare(b.product_title) || (a.variant_title ?? "").localeCompare(b.variant_title ?? ""))
  return { products: new Set(variants.map((v) => v.product.id)).size, variants: inScope.length, rows }
}
