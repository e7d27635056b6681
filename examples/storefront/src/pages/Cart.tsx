import { Placement } from "../blocks"
import { formatMoney } from "../money"
import { Link } from "../router"
import { useShop } from "../shop"

/** The cart with Medusa's own numbers: each line's tax lines (code and rate, from the tax-class provider) and totals. */
export function Cart() {
  const { cart, region, customer, updateLine, setCountry } = useShop()
  const currency = cart?.currency_code
  const items = [...(cart?.items ?? [])].sort((a, b) => (a.created_at ?? "").toString().localeCompare((b.created_at ?? "").toString()) || a.id.localeCompare(b.id))

  return (
    <div className="cart" data-testid="cart-page" data-cart-id={cart?.id ?? ""}>
      <h1>Cart</h1>
      {/* Guests' cart banner: the server reads the guest segments from this cart. */}
      <Placement placement="cart-banner" limit={1} cartId={cart?.id} className="banner" />
      {!items.length && (
        <p>
          Your cart is empty. <Link to="/">Browse products</Link>
        </p>
      )}
      {cart && items.length > 0 && (
        <>
          <label className="ship-to">
            Ship to{" "}
            <select data-testid="ship-to" value={cart.shipping_address?.country_code ?? ""} onChange={(e) => void setCountry(e.target.value)}>
              {(region?.countries ?? [])
                .slice()
                .sort((a, b) => (a.iso_2 ?? "").localeCompare(b.iso_2 ?? ""))
                .map((c) => (
                  <option key={c.iso_2} value={c.iso_2 ?? ""}>
                    {c.display_name ?? c.iso_2}
                  </option>
                ))}
            </select>
          </label>
          <table className="lines">
            <thead>
              <tr>
                <th>Item</th>
                <th>Unit price</th>
                <th>Quantity</th>
                <th>Tax</th>
                <th>Total</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const taxLines = item.tax_lines ?? []
                return (
                  <tr
                    key={item.id}
                    data-testid="cart-line"
                    data-variant-id={item.variant_id ?? ""}
                    data-unit-price={item.unit_price}
                    data-tax-total={item.tax_total}
                    data-tax-codes={taxLines.map((t) => t.code).join(",")}
                    data-tax-rates={taxLines.map((t) => t.rate).join(",")}
                  >
                    <td>
                      {item.product_title} <small>{item.variant_title}</small>
                    </td>
                    <td>{formatMoney(item.unit_price, currency)}</td>
                    <td>
                      <button type="button" aria-label="One less" onClick={() => void updateLine(item.id, item.quantity - 1)}>
                        −
                      </button>{" "}
                      {item.quantity}{" "}
                      <button type="button" aria-label="One more" onClick={() => void updateLine(item.id, item.quantity + 1)}>
                        +
                      </button>
                    </td>
                    <td data-testid="cart-line-tax">
                      {taxLines.length
                        ? taxLines.map((t) => (
                            <span key={t.id ?? t.code} className="tax-line">
                              {t.code} {Number(t.rate)}%
                            </span>
                          ))
                        : "none"}{" "}
                      <small>({formatMoney(item.tax_total, currency)})</small>
                    </td>
                    <td>{formatMoney(item.total, currency)}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          <dl className="totals" data-testid="cart-totals" data-subtotal={cart.item_subtotal} data-tax-total={cart.tax_total} data-total={cart.total}>
            <dt>Items</dt>
            <dd>{formatMoney(cart.item_subtotal, currency)}</dd>
            <dt>Taxes{cart.items?.[0]?.is_tax_inclusive ? " (included)" : ""}</dt>
            <dd data-testid="cart-tax-total">{formatMoney(cart.tax_total, currency)}</dd>
            <dt>Total</dt>
            <dd>{formatMoney(cart.total, currency)}</dd>
          </dl>
          {customer && <p className="muted">Prices and taxes for {customer.email}.</p>}
        </>
      )}
    </div>
  )
}
