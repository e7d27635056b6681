import type { HttpTypes } from "@medusajs/types"
import { useEffect, useState } from "react"
import { Placement } from "../blocks"
import { Price } from "../price"
import { lowestPrice, PRODUCT_FIELDS } from "../products"
import { Link } from "../router"
import { useShop } from "../shop"

export function Home() {
  const { sdk, region, customer, cart } = useShop()
  const [products, setProducts] = useState<HttpTypes.StoreProduct[] | null>(null)

  useEffect(() => {
    if (!region) {
      return
    }
    let alive = true
    sdk.store.product
      .list({ region_id: region.id, fields: PRODUCT_FIELDS, limit: 24, order: "title" })
      .then(({ products }) => alive && setProducts(products))
      .catch(() => alive && setProducts([]))
    return () => {
      alive = false
    }
    // customer?.id: a customer's group changes the prices.
  }, [sdk, region, customer?.id])

  return (
    <div className="home">
      <Placement placement="home-hero" limit={1} cartId={cart?.id} className="hero" />
      <Placement placement="home-banner" limit={1} cartId={cart?.id} className="banner" />
      <h2>Products</h2>
      {!products && <p>Loading…</p>}
      <ul className="grid" data-testid="product-grid">
        {products?.map((product) => (
          <li key={product.id} className="card" data-testid="product-card" data-product-id={product.id}>
            <Link to={`/products/${product.handle}`}>
              {product.thumbnail ? <img src={product.thumbnail} alt="" onError={(e) => e.currentTarget.classList.add("thumb-missing")} /> : <div className="thumb" />}
              <span className="card-title">{product.title}</span>
            </Link>
            <Price price={lowestPrice(product)} signedIn={Boolean(customer)} />
          </li>
        ))}
      </ul>
    </div>
  )
}
