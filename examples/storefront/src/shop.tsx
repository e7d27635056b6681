import Medusa from "@medusajs/js-sdk"
import type { HttpTypes } from "@medusajs/types"
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react"
import {
  createCustomerSuiteClient,
  type CustomerSuiteClient,
  type StoreCurrentAssistanceSession,
  type StoreCustomerSuiteConfig,
} from "../../../src/client"
import type { StorefrontConfig } from "./config"

/**
 * The shop's state: the sdk and the plugin's client built from /config.json,
 * the region, the signed-in customer, the cart and an assisted session.
 */
const CART_KEY = "mcs_cart_id"
const REGION_KEY = "mcs_region_id"
const ANON_KEY = "mcs_anonymous_id"
/** Medusa's default cart fields, and each line's totals (tax included) beside its tax lines. */
const CART_QUERY = { fields: "+items.total,+items.subtotal,+items.tax_total" }

type Shop = {
  config: StorefrontConfig
  sdk: Medusa
  suite: CustomerSuiteClient
  regions: HttpTypes.StoreRegion[]
  region: HttpTypes.StoreRegion | null
  setRegionId: (id: string) => void
  customer: HttpTypes.StoreCustomer | null
  cart: HttpTypes.StoreCart | null
  assisted: StoreCurrentAssistanceSession | null
  /** The store's settings for storefronts (GET /store/customer-suite/config); null until read, or when it could not be. */
  suiteConfig: StoreCustomerSuiteConfig | null
  /** Who the shopper is for content-block events when they have no cart. */
  anonymousId: string
  ready: boolean
  addToCart: (variantId: string, quantity: number) => Promise<void>
  updateLine: (lineId: string, quantity: number) => Promise<void>
  setCountry: (countryCode: string) => Promise<void>
  signIn: (email: string, password: string) => Promise<void>
  signOut: () => Promise<void>
  /** Ends every session of the customer on every device (this one included). */
  signOutEverywhere: () => Promise<void>
  /** Creates an account and signs in; a refused password rejects with the server's message. */
  register: (details: { email: string; password: string; first_name?: string; last_name?: string }) => Promise<void>
  redeemAssistanceCode: (code: string) => Promise<void>
  endAssistance: () => Promise<void>
  refresh: () => Promise<void>
}

const ShopContext = createContext<Shop | null>(null)

export function useShop() {
  const shop = useContext(ShopContext)
  if (!shop) {
    throw new Error("useShop outside ShopProvider")
  }
  return shop
}

function anonymousId() {
  let id = localStorage.getItem(ANON_KEY)
  if (!id) {
    id = crypto.randomUUID()
    localStorage.setItem(ANON_KEY, id)
  }
  return id
}

/** The country a new cart ships to: the region's first in alphabetical order, Germany in Europe. */
function defaultCountry(region: HttpTypes.StoreRegion) {
  const codes = (region.countries ?? []).map((c) => c.iso_2 ?? "").filter(Boolean).sort()
  return codes.includes("de") ? "de" : codes[0]
}

export function ShopProvider({ config, children }: { config: StorefrontConfig; children: ReactNode }) {
  const sdk = useMemo(
    () => new Medusa({ baseUrl: config.backend_url, publishableKey: config.publishable_key, auth: { type: "jwt", jwtTokenStorageMethod: "local" } }),
    [config]
  )
  const suite = useMemo(() => createCustomerSuiteClient(sdk), [sdk])
  const [regions, setRegions] = useState<HttpTypes.StoreRegion[]>([])
  const [regionId, setRegionIdState] = useState<string | null>(() => localStorage.getItem(REGION_KEY))
  const [customer, setCustomer] = useState<HttpTypes.StoreCustomer | null>(null)
  const [cart, setCart] = useState<HttpTypes.StoreCart | null>(null)
  const [assisted, setAssisted] = useState<StoreCurrentAssistanceSession | null>(null)
  const [ready, setReady] = useState(false)
  const [suiteConfig, setSuiteConfig] = useState<StoreCustomerSuiteConfig | null>(null)

  const region = regions.find((r) => r.id === regionId) ?? regions.find((r) => r.currency_code === "eur") ?? regions[0] ?? null

  const loadCart = useCallback(async () => {
    const id = localStorage.getItem(CART_KEY)
    if (!id) {
      setCart(null)
      return null
    }
    try {
      const { cart } = await sdk.store.cart.retrieve(id, CART_QUERY)
      setCart(cart)
      return cart
    } catch {
      localStorage.removeItem(CART_KEY)
      setCart(null)
      return null
    }
  }, [sdk])

  const loadCustomer = useCallback(async () => {
    if (!(await sdk.client.getToken())) {
      setCustomer(null)
      setAssisted(null)
      return
    }
    try {
      const { customer } = await sdk.store.customer.retrieve()
      setCustomer(customer)
      const { assistance_session } = await suite.assistance.current().catch(() => ({ assistance_session: null }))
      setAssisted(assistance_session)
    } catch {
      // An expired or ended token: a guest again.
      await sdk.client.clearToken()
      setCustomer(null)
      setAssisted(null)
    }
  }, [sdk, suite])

  const refresh = useCallback(async () => {
    await Promise.all([loadCustomer(), loadCart()])
  }, [loadCustomer, loadCart])

  useEffect(() => {
    let alive = true
    // Without the settings the shop still works, with the plugin's defaults.
    suite.config
      .get()
      .then(({ config }) => alive && setSuiteConfig(config))
      .catch(() => undefined)
    void (async () => {
      const { regions } = await sdk.store.region.list({ fields: "id,name,currency_code,*countries" })
      if (!alive) {
        return
      }
      setRegions(regions)
      await refresh()
      if (alive) {
        setReady(true)
      }
    })()
    return () => {
      alive = false
    }
  }, [sdk, suite, refresh])

  const setRegionId = useCallback(
    (id: string) => {
      localStorage.setItem(REGION_KEY, id)
      setRegionIdState(id)
      // A cart belongs to one region: a new one is made on the next add.
      localStorage.removeItem(CART_KEY)
      setCart(null)
    },
    []
  )

  const ensureCart = useCallback(async () => {
    const existing = cart ?? (await loadCart())
    if (existing) {
      return existing
    }
    if (!region) {
      throw new Error("No region")
    }
    // Created with the customer's token when signed in: the cart is theirs (group prices, tax class).
    const { cart: created } = await sdk.store.cart.create({ region_id: region.id, shipping_address: { country_code: defaultCountry(region) } }, CART_QUERY)
    localStorage.setItem(CART_KEY, created.id)
    setCart(created)
    return created
  }, [cart, loadCart, region, sdk])

  const addToCart = useCallback(
    async (variantId: string, quantity: number) => {
      const target = await ensureCart()
      const { cart } = await sdk.store.cart.createLineItem(target.id, { variant_id: variantId, quantity }, CART_QUERY)
      setCart(cart)
    },
    [ensureCart, sdk]
  )

  const updateLine = useCallback(
    async (lineId: string, quantity: number) => {
      if (!cart) {
        return
      }
      if (quantity <= 0) {
        await sdk.store.cart.deleteLineItem(cart.id, lineId)
        await loadCart()
      } else {
        const { cart: updated } = await sdk.store.cart.updateLineItem(cart.id, lineId, { quantity }, CART_QUERY)
        setCart(updated)
      }
    },
    [cart, loadCart, sdk]
  )

  const setCountry = useCallback(
    async (country_code: string) => {
      if (cart) {
        const { cart: updated } = await sdk.store.cart.update(cart.id, { shipping_address: { country_code } }, CART_QUERY)
        setCart(updated)
      }
    },
    [cart, sdk]
  )

  const signIn = useCallback(
    async (email: string, password: string) => {
      const result = await sdk.auth.login("customer", "emailpass", { email, password })
      if (typeof result !== "string") {
        throw new Error("This sign-in needs another step, which this example does not support.")
      }
      // A guest cart becomes the customer's (their prices and tax class apply); else a new one comes later.
      const cartId = localStorage.getItem(CART_KEY)
      if (cartId) {
        await sdk.store.cart.transferCart(cartId).catch(() => localStorage.removeItem(CART_KEY))
      }
      await refresh()
    },
    [refresh, sdk]
  )

  const forgetCustomer = useCallback(() => {
    localStorage.removeItem(CART_KEY)
    setCart(null)
    setCustomer(null)
    setAssisted(null)
  }, [])

  const signOut = useCallback(async () => {
    await sdk.auth.logout().catch(() => sdk.client.clearToken())
    forgetCustomer()
  }, [forgetCustomer, sdk])

  const signOutEverywhere = useCallback(async () => {
    await suite.sessions.revokeAll()
    // This token was revoked too: nothing left to log out from.
    await sdk.client.clearToken()
    forgetCustomer()
  }, [forgetCustomer, sdk, suite])

  const register = useCallback(
    async ({ email, password, first_name, last_name }: { email: string; password: string; first_name?: string; last_name?: string }) => {
      // The password rules are checked here, by the server: a refusal names each unmet rule.
      const token = await sdk.auth.register("customer", "emailpass", { email, password })
      await sdk.store.customer.create({ email, first_name, last_name }, {}, { authorization: `Bearer ${token}` })
      await signIn(email, password)
    },
    [sdk, signIn]
  )

  const redeemAssistanceCode = useCallback(
    async (code: string) => {
      const { token } = await suite.assistance.exchange(code)
      // From now on the sdk acts as the customer, within the session's limits.
      await sdk.client.setToken(token)
      localStorage.removeItem(CART_KEY)
      setCart(null)
      await refresh()
    },
    [refresh, sdk, suite]
  )

  const endAssistance = useCallback(async () => {
    await suite.assistance.end()
    await sdk.client.clearToken()
    localStorage.removeItem(CART_KEY)
    setCart(null)
    setCustomer(null)
    setAssisted(null)
  }, [sdk, suite])

  const value: Shop = {
    config, sdk, suite, regions, region, setRegionId, customer, cart, assisted, suiteConfig, anonymousId: useMemo(anonymousId, []), ready,
    addToCart, updateLine, setCountry, signIn, signOut, signOutEverywhere, register, redeemAssistanceCode, endAssistance, refresh,
  }
  return <ShopContext.Provider value={value}>{children}</ShopContext.Provider>
}
