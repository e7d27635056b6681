import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { desiredPrices, type RuleForPricing, type Tier } from "./compute"
import { loadBasePrices, variantIdsInScope, type Scope } from "./load"

export type PreviewRow = {
  product_id: string
  product_title: string
  variant_id: string
  variant_title: string | null
  prices: { currency_code: string; rules: Record<string, string>; base: number | null; group: number | null; tiers: { min_quantity: number; amount: number }[] }[]
}

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

export async function previewGroupPrices(
  container: MedusaContainer,
  rule: PreviewRule,
  opts: { limit: number; product_ids?: string[] }
): Promise<{ products: number; variants: number; rows: PreviewRow[] }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const inScope = await variantIdsInScope(container, rule)
  if (!inScope.length) {
    return { products: 0, variants: 0, rows: [] }
  }
  const inScopeSet = new Set(inScope)
  const { data: variants } = await query.graph({
    entity: "variant",
    fields: ["id", "title", "product.id", "product.title"],
    filters: { id: inScope.slice(0, 5000), ...(opts.product_ids?.length ? { product_id: opts.product_ids } : {}) },
  })
  const productIds = [...new Set(variants.map((v: any) => v.product?.id as string))].sort().slice(0, opts.limit)
  const shown = variants.filter((v: any) => productIds.includes(v.product?.id) && inScopeSet.has(v.id))
  const bases = await loadBasePrices(container, shown.map((v: any) => v.id))
  const full = { ...rule, id: "preview", customer_group_id: "preview", priority: 0, status: "active" as const }
  const rows: PreviewRow[] = []
  for (const base of bases) {
    const variant = shown.find((v: any) => v.id === base.variant_id) as any
    const desired = desiredPrices(full, [base])
    const cells = new Map<string, PreviewRow["prices"][number]>()
    const cellOf = (currency_code: string, rules: Record<string, string>) => {
      const key = `${currency_code}|${JSON.stringify(Object.entries(rules).sort())}`
      if (!cells.has(key)) {
        const baseAmount = base.prices.find((p) => p.currency_code === currency_code && JSON.stringify(Object.entries(p.rules).sort()) === JSON.stringify(Object.entries(rules).sort()))?.amount
        cells.set(key, { currency_code, rules, base: baseAmount ?? null, group: null, tiers: [] })
      }
      return cells.get(key)!
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
  return { products: new Set(variants.map((v: any) => v.product?.id)).size, variants: inScope.length, rows }
}
