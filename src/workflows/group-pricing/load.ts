import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ExistingPrice, VariantPrices } from "./compute"

type Query = ReturnType<MedusaContainer["resolve"]> & {
  graph: (config: Record<string, unknown>) => Promise<{ data: any[]; metadata?: { count?: number } }>
}

export type Scope = { scope_type: "all" | "products" | "collections" | "categories" | "types"; scope_ids?: string[] | null }

const PAGE = 1000

/** The ids of the variants a scope covers (every variant for "all"). */
export async function variantIdsInScope(container: MedusaContainer, scope: Scope): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
  if (scope.scope_type === "all") {
    const ids: string[] = []
    for (let skip = 0; ; skip += PAGE) {
      const { data } = await query.graph({ entity: "variant", fields: ["id"], pagination: { skip, take: PAGE, order: { id: "ASC" } } })
      ids.push(...data.map((v) => v.id))
      if (data.length < PAGE) {
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
  return [...new Set(data.flatMap((p) => (p.variants ?? []).map((v: { id: string }) => v.id)))]
}

/** Each variant's base prices (no price list, single-unit), with their price rules. */
export async function loadBasePrices(container: MedusaContainer, variantIds: string[]): Promise<VariantPrices[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
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
    for (const variant of data) {
      if (!variant.price_set?.id) {
        continue
      }
      const prices = (variant.price_set.prices ?? [])
        .filter((p: any) => !p.price_list_id && (p.min_quantity === null || p.min_quantity === undefined || Number(p.min_quantity) <= 1))
        .map((p: any) => ({
          currency_code: p.currency_code,
          amount: Number(p.amount),
          rules: Object.fromEntries((p.price_rules ?? []).map((r: { attribute: string; value: string }) => [r.attribute, r.value])),
        }))
      out.push({ variant_id: variant.id, price_set_id: variant.price_set.id, prices })
    }
  }
  return out
}

/** The prices a price list holds now. */
export async function loadListPrices(container: MedusaContainer, priceListId: string): Promise<ExistingPrice[]> {
  const pricing = container.resolve(Modules.PRICING)
  const prices = await pricing.listPrices({ price_list_id: [priceListId] } as any, { relations: ["price_rules"], take: null })
  return prices.map((p: any) => ({
    id: p.id,
    price_set_id: p.price_set_id,
    currency_code: p.currency_code,
    amount: Number(p.amount),
    min_quantity: p.min_quantity === null || p.min_quantity === undefined ? null : Number(p.min_quantity),
    max_quantity: p.max_quantity === null || p.max_quantity === undefined ? null : Number(p.max_quantity),
    rules: Object.fromEntries((p.price_rules ?? []).map((r: { attribute: string; value: string }) => [r.attribute, r.value])),
  }))
}
