import type { HttpTypes } from "@medusajs/types"
import { useEffect, useState } from "react"
import { Price } from "../price"
import { PRODUCT_FIELDS, variantPrice } from "../products"
import { useRouter } from "../router"
import { useShop } from "../shop"

export function Product({ handle }: { handle: string }) {
  const { sdk, region, customer, addToCart } = useShop()
  const { navigate } = useRouter()
  const [product, setProduct] = useState<HttpTypes.StoreProduct | null | undefined>(undefined)
  const [variantId, setVariantId] = useState<string>("")
  const [quantity, setQuantity] = useState(1)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!region) {
      return
    }
    let alive = true
    sdk.store.product
      .list({ handle, region_id: region.id, fields: PRODUCT_FIELDS, limit: 1 })
      .then(({ products }) => {
        if (alive) {
          setProduct(products[0] ?? null)
          setVariantId((current) => current || products[0]?.variants?.find((v) => v.calculated_price)?.id || products[0]?.variants?.[0]?.id || "")
        }
      })
      .catch(() => alive && setProduct(null))
    return () => {
      alive = false
    }
  }, [sdk, region, handle, customer?.id])

  if (product === undefined) {
    return <p>Loading…</p>
  }
  if (product === null) {
    return <p>This product does not exist.</p>
  }
  const variant = product.variants?.find((v) => v.id === variantId)
  const price = variantPrice(variant)

  return (
    <div className="product" data-testid="product-page" data-product-id={product.id}>
      {product.thumbnail && <img className="product-image" src={product.thumbnail} alt="" />}
      <div className="product-info">
        <h1>{product.title}</h1>
        <p>{product.description}</p>
        {(product.variants?.length ?? 0) > 1 && (
          <label>
            Variant{" "}
            <select data-testid="variant-select" value={variantId} onChange={(e) => setVariantId(e.target.value)}>
              {product.variants?.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <p className="product-price" data-testid="product-price" data-variant-id={variantId}>
          <Price price={price} signedIn={Boolean(customer)} />
        </p>
        <form
          onSubmit={async (event) => {
            event.preventDefault()
            setBusy(true)
            setError(null)
            try {
              await addToCart(variantId, quantity)
              navigate("/cart")
            } catch (e) {
              setError((e as Error).message)
            } finally {
              setBusy(false)
            }
          }}
        >
          <label>
            Quantity{" "}
            <input data-testid="quantity" type="number" min={1} max={99} value={quantity} onChange={(e) => setQuantity(Math.max(1, Number(e.target.value) || 1))} />
          </label>{" "}
          <button type="submit" disabled={busy || !price} data-testid="add-to-cart">
            Add to cart
          </button>
        </form>
        {error && <p className="error" role="alert">{error}</p>}
      </div>
    </div>
  )
}
