import { formatMoney } from "./money"
import type { VariantPrice } from "./products"

/** A price; with a price list applied and lower than the base price, shown as the shopper's group price. */
export function Price({ price, signedIn }: { price: VariantPrice | null; signedIn: boolean }) {
  if (!price) {
    return <span className="price price-none">Not sold in this region</span>
  }
  // A "sale" list keeps the base price as the original; an "override" list (a fixed group price) replaces it.
  const reduced = price.priceListId !== null && (price.amount < price.original || price.priceListType === "override")
  return (
    <span className="price" data-testid="price" data-amount={price.amount} data-currency={price.currency} data-price-list-id={price.priceListId ?? ""}>
      {reduced && signedIn && <span className="price-label" data-testid="group-price-label">Your group price</span>}
      {reduced && !signedIn && <span className="price-label">Sale</span>}
      <span className="price-amount">{formatMoney(price.amount, price.currency)}</span>
      {reduced && price.original > price.amount && (
        <s className="price-original" data-testid="original-price" data-amount={price.original}>
          {formatMoney(price.original, price.currency)}
        </s>
      )}
    </span>
  )
}
