import type { HttpTypes } from "@medusajs/types"

/** What a product card and page need: variants with the price calculated for this shopper (region, customer group). */
export const PRODUCT_FIELDS = "id,title,handle,thumbnail,description,*variants,*variants.calculated_price"

export type VariantPrice = {
  amount: number
  original: number
  currency: string
  /** A price list applies (for a Wholesale member: the group price). */
  priceListId: string | null
  priceListType: string | null
}

export function variantPrice(variant: HttpTypes.StoreProductVariant | undefined): VariantPrice | null {
  const price = variant?.calculated_price
  if (!price || price.calculated_amount === null || price.calculated_amount === undefined || !price.currency_code) {
    return null
  }
  const calculated = price.calculated_price as { price_list_id?: string | null; price_list_type?: string | null } | undefined
  return {
    amount: Number(price.calculated_amount),
    original: Number(price.original_amount ?? price.calculated_amount),
    currency: price.currency_code,
    priceListId: calculated?.price_list_id ?? null,
    priceListType: calculated?.price_list_type ?? null,
  }
}

/** The lowest price among the variants (the card's "from"). */
export function lowestPrice(product: HttpTypes.StoreProduct): VariantPrice | null {
  const prices = (product.variants ?? []).map(variantPrice).filter((p): p is VariantPrice => p !== null)
  return prices.sort((a, b) => a.amount - b.amount)[0] ?? null
}
