import { Link, useRouter } from "./router"
import { useShop } from "./shop"
import { formatMoney } from "./money"
import { Account } from "./pages/Account"
import { Assist } from "./pages/Assist"
import { Cart } from "./pages/Cart"
import { Home } from "./pages/Home"
import { Product } from "./pages/Product"
import { Register } from "./pages/Register"
import { SignIn } from "./pages/SignIn"

function AssistanceBanner() {
  const { assisted, customer, endAssistance } = useShop()
  const { navigate } = useRouter()
  if (!assisted) {
    return null
  }
  const by = assisted.assisted_by
  const who = by ? [by.first_name, by.last_name].filter(Boolean).join(" ") || by.email : "the shop's team"
  return (
    <div className="assistance-banner" role="status" data-testid="assistance-banner" data-session-id={assisted.id}>
      <span>
        Assisted session: <strong>{who}</strong> is shopping as {customer?.email ?? "you"}
        {assisted.expires_at ? ` until ${new Date(assisted.expires_at).toLocaleTimeString()}` : ""}.
      </span>
      <button
        type="button"
        data-testid="assistance-end"
        onClick={async () => {
          await endAssistance()
          navigate("/")
        }}
      >
        End
      </button>
    </div>
  )
}

function Header() {
  const { regions, region, setRegionId, customer, cart } = useShop()
  const { path } = useRouter()
  const count = (cart?.items ?? []).reduce((n, item) => n + item.quantity, 0)
  return (
    <header className="header">
      <Link to="/" className="logo">
        Customer suite store
      </Link>
      <nav>
        <select aria-label="Region" data-testid="region-select" value={region?.id ?? ""} onChange={(e) => setRegionId(e.target.value)}>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.currency_code.toUpperCase()})
            </option>
          ))}
        </select>
        <Link to="/cart" data-testid="cart-link">
          Cart ({count}){cart?.total ? ` · ${formatMoney(cart.total, cart.currency_code)}` : ""}
        </Link>
        {customer ? (
          <Link to="/account" data-testid="account-link">
            {customer.first_name || customer.email}
          </Link>
        ) : (
          <Link to={path === "/" || path === "/sign-in" || path === "/register" ? "/sign-in" : `/sign-in?return=${encodeURIComponent(path)}`} data-testid="sign-in-link">
            Sign in
          </Link>
        )}
      </nav>
    </header>
  )
}

export function App() {
  const { path } = useRouter()
  const { ready } = useShop()
  const product = /^\/products\/([^/]+)$/.exec(path)
  let page
  if (!ready) {
    page = <p>Loading…</p>
  } else if (path === "/") {
    page = <Home />
  } else if (product) {
    page = <Product handle={decodeURIComponent(product[1])} />
  } else if (path === "/cart") {
    page = <Cart />
  } else if (path === "/sign-in") {
    page = <SignIn />
  } else if (path === "/register") {
    page = <Register />
  } else if (path === "/account") {
    page = <Account />
  } else if (path === "/account/assist") {
    page = <Assist />
  } else {
    page = <p>Page not found.</p>
  }
  return (
    <div className="app" data-ready={ready}>
      <AssistanceBanner />
      <Header />
      <main>{page}</main>
    </div>
  )
}
