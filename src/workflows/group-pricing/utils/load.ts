import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ExistingPrice, VariantPrices } from "../../../modules/group_pricing/compute"

export type Scope = { scope_type: "all" | "products" | "collections" | "categories" | "types"; scope_ids?: string[] | null }

type Resolver = Pick<MedusaContainer, "resolve">
type PriceRuleRow = { attribute: string; value: string }
type PriceRow = {
  amount: unknown
  currency_code: string
  min_quantity?: unknown
  price_list_id?: string | null
  price_rules?: PriceRuleRow[] | null
}
type VariantRow = { id: string; price_set?: { id: string; prices?: PriceRow[] | null } | null }
type ProductRow = { id: string; variants?: { id: string }[] | null }

const PAGE = 1000

const rulesOf = (rules: PriceRuleRow[] | null | undefined): Record<string, string> =>
  Object.fromEntries((rules ?? []).map((r) => [r.attribute, r.value]))
const quantity = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value))

/** The ids of the variants a scope covers (every variant for "all"). */
export async function variantIdsInScope(container: Resolver, scope: Scope): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  if (scope.scope_type === "all") {
    const ids: string[] = []
    for (let skip = 0; ; skip += PAGE) {
      const { data } = await query.graph({ entity: "variant", fields: ["id"], pagination: { skip, take: PAGE, order: { id: "ASC" } } })
      const variants = data as { id: string }[]
      ids.push(...variants.map((v) => v.id))
      if (variants.length < PAGE) {
        return ids
      }
    }
  }
  const ids = scope.scope_ids ?? []
  if (!ids.length) {
    return []
  }
  const filters =
    scope.scope_type === "products"
      ? { id: ids }
      : scope.scope_type === "collections"
        ? { collection_id: ids }
        : scope.scope_type === "types"
          ? { type_id: ids }
          : { categories: { id: ids } }
  const { data } = await query.graph({ entity: "product", fields: ["id", "variants.id"], filters })
  return [...new Set((data as ProductRow[]).flatMap((p) => (p.variants ?? []).map((v) => v.id)))]
}

/** Each variant's base prices (no price list, single-unit), with their price rules. */
export async function loadBasePrices(container: Resolver, variantIds: string[]): Promise<VariantPrices[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const out: VariantPrices[] = []
  for (let i = 0; i < variantIds.length; i += 500) {
    const { data } = await query.graph({
      entity: "variant",
      fields: [
        "id",
        "price_set.id",
        "price_set.prices.amount",
        "price_set.prices.currency_code",
        "price_set.prices.min_quantity",
        "price_set.prices.price_list_id",
        "price_set.prices.price_rules.attribute",
        "price_set.prices.price_rules.value",
      ],
      filters: { id: variantIds.slice(i, i + 500) },
    })
    for (const variant of data as VariantRow[]) {
      if (!variant.price_set?.id) {
        continue
      }
      const prices = (variant.price_set.prices ?? [])
        .filter((p) => !p.price_list_id && (quantity(p.min_quantity) ?? 1) <= 1)
        .map((p) => ({ currency_code: p.currency_code, amount: Number(p.amount), rules: rulesOf(p.price_rules) }))
      out.push({ variant_id: variant.id, price_set_id: variant.price_set.id, prices })
    }
  }
  return out
}

/** The prices a price list holds now. */
export async function loadListPrices(container: Resolver, priceListId: string): Promise<ExistingPrice[]> {
  const prices = await container.resolve(Modules.PRICING).listPrices({ price_list_id: [priceListId] }, { relations: ["price_rules"], take: null })
  return prices.map((p) => ({
    id: p.id,
    price_set_id: p.price_set_id ?? "",
    currency_code: p.currency_code ?? "",
    amount: Number(p.amount),
    min_quantity: quantity(p.min_quantity),
    max_quantity: quantity(p.max_quantity),
    rules: Object.fromEntries((p.price_rules ?? []).map((r) => [r.attribute, r.value])),
  }))
}
