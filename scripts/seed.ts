/**
 * Demo data for the development store: `npx medusa exec ./scripts/seed.ts`.
 *
 * Idempotent: every record is looked up by a stable key (name, handle, email,
 * SKU, or `metadata.demo_seq` on orders) and only what is missing is created,
 * so a second run takes seconds and creates nothing twice (it only fulfils
 * orders that have passed the three-day mark since the last run). People, orders and dates
 * come from fixed-seed PRNGs, so every run plans the same data.
 *
 * Products get a picture drawn here (scripts/lib/product-tile.ts) and stored
 * through the file module (uploadFilesWorkflow; the local provider serves it
 * under /static). Orders go through createOrderWorkflow (pricing, tax lines
 * and totals are Medusa's own), followed by an `order.placed` event; some are
 * canceled, the others paid (system payment provider, captured), those older
 * than three days fulfilled (manual provider) and the older ones completed, each
 * through its workflow; then everything is back-dated over the last two years.
 * Then the segment facts are rebuilt (the back-dating moved order dates) and a
 * few segments are created and filled, one of them mirrored into a customer
 * group that a native promotion (code VIP10) targets. Content blocks follow
 * (a hero for everybody and one for VIPs, a "we miss you" banner with the
 * WEMISSYOU code for lapsed customers, a cart banner for guest carts over
 * €100) with four days of impressions and clicks. An audience source
 * "Demo CDP" pushes one audience ("High intent") before the segments.
 *
 * Progress goes to stdout as short "[seed +12.3s] …" lines (the demo runs the
 * seed with Medusa's log level at "warn"). With DEMO_SEED_SUMMARY=<file>, the
 * seed also writes what the demo's banner prints as JSON to that file.
 */
import fs from "node:fs"
import scryptKdf from "scrypt-kdf"
import type { CreateOrderDTO, ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, FeatureFlag, MedusaError, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  cancelOrderWorkflow, completeOrderWorkflow, createApiKeysWorkflow, createCollectionsWorkflow,
  createCustomerAccountWorkflow, createCustomerGroupsWorkflow, createCustomersWorkflow, createInventoryLevelsWorkflow,
  createOrderWorkflow, createProductCategoriesWorkflow, createProductsWorkflow, createProductTypesWorkflow,
  createRegionsWorkflow, createSalesChannelsWorkflow, createShippingOptionsWorkflow, createShippingProfilesWorkflow,
  createStockLocationsWorkflow, createTaxRegionsWorkflow, createUserAccountWorkflow,
  linkCustomersToCustomerGroupWorkflow, linkSalesChannelsToApiKeyWorkflow, linkSalesChannelsToStockLocationWorkflow,
  createPromotionsWorkflow, updateStoresWorkflow, updateTaxRegionsWorkflow,
  createOrderPaymentCollectionWorkflow, markPaymentCollectionAsPaid, createReservationsWorkflow,
  createOrderFulfillmentWorkflow, uploadFilesWorkflow, updateProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import { renderProductTile } from "./lib/product-tile"
import { TAX_CLASS_MODULE } from "../src/modules/tax_class"
import type TaxClassModuleService from "../src/modules/tax_class/service"
import { createTaxClassRateWorkflow, createTaxClassWorkflow, setTaxClassLinkWorkflow } from "../src/workflows/tax-classes"
import { GROUP_PRICING_MODULE } from "../src/modules/group_pricing"
import type GroupPricingModuleService from "../src/modules/group_pricing/service"
import { createGroupPriceRuleWorkflow } from "../src/workflows/group-pricing"
import { SHOPPING_ASSISTANCE_MODULE } from "../src/modules/shopping_assistance"
import type ShoppingAssistanceModuleService from "../src/modules/shopping_assistance/service"
import { recordAssistanceConsentWorkflow } from "../src/workflows/shopping-assistance"
import { CUSTOMER_SEGMENT_MODULE } from "../src/modules/customer_segment"
import { PERSONALIZATION_MODULE } from "../src/modules/personalization"
import type PersonalizationModuleService from "../src/modules/personalization/service"
import { createContentBlocksWorkflow, recordContentBlockEventsWorkflow, type ContentBlockInput } from "../src/workflows/content-blocks"
import type CustomerSegmentModuleService from "../src/modules/customer_segment/service"
import {
  createCustomerSegmentsWorkflow, refreshCustomerSegmentWorkflow,
  type CreateCustomerSegmentInput,
} from "../src/workflows/customer-segments"
import { backfillNow } from "../src/workflows/customer-segments/utils/backfill-runner"
import { applyAudienceBatchWorkflow, createAudienceSourcesWorkflow } from "../src/workflows/audiences"

const REGISTERED_CUSTOMERS = 272
const GUEST_CUSTOMERS = 36
const ORDER_TARGET = 1050
const CONCURRENCY = 4
const PASSWORD = "supersecret"
const SALES_CHANNEL = "Default Sales Channel"
const API_KEY_TITLE = "Demo storefront"
const STOCK_LOCATION = "Main warehouse"
const FULFILLMENT_SET = "Main warehouse delivery"
const DAY = 24 * 60 * 60 * 1000

// ---------------------------------------------------------------- reference data

const REGIONS = [
  { name: "Europe", currency_code: "eur", is_tax_inclusive: true, countries: ["de", "fr", "it", "es", "nl", "be", "at"] },
  { name: "United States", currency_code: "usd", is_tax_inclusive: false, countries: ["us"] },
]
const VAT: Record<string, number> = { de: 19, fr: 20, it: 22, es: 21, nl: 21, be: 21, at: 20, us: 0 }
const US_STATE_TAX: Record<string, number> = {
  "us-ca": 7.25, "us-ny": 4, "us-tx": 6.25, "us-wa": 6.5, "us-il": 6.25, "us-fl": 6, "us-ma": 6.25, "us-co": 2.9,
}
const SHIPPING = [
  { name: "Standard shipping", code: "standard", description: "Delivered in 2-4 business days.", eur: 4.95, usd: 5.95 },
  { name: "Express shipping", code: "express", description: "Delivered next business day.", eur: 12.95, usd: 14.95 },
]
const CUSTOMER_GROUPS = ["General", "Wholesale", "Retailer", "VIP"]
const CATEGORIES = ["Tops", "Bottoms", "Outerwear", "Home & Living", "Electronics"]
/** The product pictures' background, per category. */
const CATEGORY_COLORS: Record<string, string> = {
  Tops: "#3b6e8f", Bottoms: "#5e4b7a", Outerwear: "#2f5d50", "Home & Living": "#b5653a", Electronics: "#3a3f58",
}
const COLLECTIONS = ["Essentials", "Autumn / Winter", "Spring / Summer", "Home Office"]
const TYPES = ["Apparel", "Home", "Electronics"]

type Options = Record<string, string[]>
type ProductSeed = [title: string, category: string, collection: string, type: string, eur: number, options: Options]
const SIZES: Options = { Size: ["S", "M", "L", "XL"] }
const WAIST: Options = { Waist: ["30", "32", "34", "36"] }
const PRODUCTS: ProductSeed[] = [
  ["Classic Cotton T-Shirt", "Tops", "Essentials", "Apparel", 19.95, SIZES],
  ["Organic Crew Neck Tee", "Tops", "Spring / Summer", "Apparel", 24.95, { Color: ["White", "Black", "Sage"] }],
  ["Merino Wool Sweater", "Tops", "Autumn / Winter", "Apparel", 89, SIZES],
  ["Oxford Button-Down Shirt", "Tops", "Essentials", "Apparel", 59, { Size: ["M", "L"], Color: ["White", "Blue"] }],
  ["Linen Summer Shirt", "Tops", "Spring / Summer", "Apparel", 49, { Color: ["Sand", "White", "Sky"] }],
  ["Heavyweight Hoodie", "Tops", "Autumn / Winter", "Apparel", 69, SIZES],
  ["Striped Breton Top", "Tops", "Spring / Summer", "Apparel", 39, { Size: ["S", "M", "L"] }],
  ["Slim Fit Chinos", "Bottoms", "Essentials", "Apparel", 59, WAIST],
  ["Relaxed Selvedge Jeans", "Bottoms", "Essentials", "Apparel", 99, WAIST],
  ["Jogger Sweatpants", "Bottoms", "Essentials", "Apparel", 45, SIZES],
  ["Linen Drawstring Shorts", "Bottoms", "Spring / Summer", "Apparel", 35, { Size: ["S", "M", "L"] }],
  ["Corduroy Trousers", "Bottoms", "Autumn / Winter", "Apparel", 79, { Waist: ["30", "32", "34"] }],
  ["Waxed Cotton Jacket", "Outerwear", "Autumn / Winter", "Apparel", 189, { Size: ["M", "L", "XL"] }],
  ["Quilted Puffer Vest", "Outerwear", "Autumn / Winter", "Apparel", 99, SIZES],
  ["Lightweight Rain Shell", "Outerwear", "Spring / Summer", "Apparel", 129, { Color: ["Black", "Olive", "Yellow"] }],
  ["Wool Blend Overcoat", "Outerwear", "Autumn / Winter", "Apparel", 249, { Size: ["M", "L"], Color: ["Camel", "Charcoal"] }],
  ["Fleece Zip Jacket", "Outerwear", "Autumn / Winter", "Apparel", 79, { Color: ["Navy", "Grey"] }],
  ["Stoneware Coffee Mug", "Home & Living", "Home Office", "Home", 14.95, { Color: ["Ivory", "Charcoal", "Terracotta"] }],
  ["Linen Duvet Cover", "Home & Living", "Autumn / Winter", "Home", 129, { Size: ["Single", "Double", "King"] }],
  ["Merino Throw Blanket", "Home & Living", "Autumn / Winter", "Home", 89, { Color: ["Oatmeal", "Grey"] }],
  ["Scented Soy Candle", "Home & Living", "Essentials", "Home", 24, { Scent: ["Fig", "Cedar", "Amber"] }],
  ["Cotton Bath Towel Set", "Home & Living", "Essentials", "Home", 49, { Color: ["White", "Sand", "Slate"] }],
  ["Ceramic Table Lamp", "Home & Living", "Home Office", "Home", 119, { Color: ["White", "Black"] }],
  ["Oak Desk Organizer", "Home & Living", "Home Office", "Home", 39, { Finish: ["Natural Oak", "Black Oak"] }],
  ["Wireless Noise-Cancelling Headphones", "Electronics", "Home Office", "Electronics", 249, { Color: ["Black", "Silver"] }],
  ["True Wireless Earbuds", "Electronics", "Spring / Summer", "Electronics", 129, { Color: ["Black", "White"] }],
  ["Portable Bluetooth Speaker", "Electronics", "Spring / Summer", "Electronics", 79, { Color: ["Black", "Blue", "Red"] }],
  ["USB-C Charging Hub", "Electronics", "Home Office", "Electronics", 59, { Ports: ["4-port", "7-port"] }],
  ["Mechanical Keyboard", "Electronics", "Home Office", "Electronics", 139, { Switch: ["Red", "Brown", "Blue"] }],
  ["Ergonomic Wireless Mouse", "Electronics", "Home Office", "Electronics", 49, { Color: ["Graphite", "Off-white"] }],
  ["Smart LED Desk Light", "Electronics", "Home Office", "Electronics", 89, { Color: ["White", "Black"] }],
  ["Fast Wireless Charger", "Electronics", "Essentials", "Electronics", 39, { Color: ["Black", "White"] }],
]

const FIRST_NAMES = (
  "Anna,Lukas,Sophie,Maximilian,Lea,Jonas,Camille,Louis,Chloé,Hugo,Manon,Lucas,Giulia,Marco,Francesca," +
  "Alessandro,Chiara,Matteo,Lucía,Javier,Carmen,Pablo,Elena,Diego,Emma,Daan,Sanne,Bram,Fleur,Thijs,Noah," +
  "Olivia,Liam,Ava,Ethan,Mia,James,Harper,Benjamin,Amelia,Elif,Mehmet,Aisha,Omar,Priya,Arjun,Mei,Hiroshi," +
  "Yuki,Zofia,Jakub,Ingrid,Lars,Freya,Mateo,Valentina,Nina,Felix,Clara,Julien"
).split(",")
const LAST_NAMES = (
  "Müller,Schmidt,Schneider,Fischer,Weber,Wagner,Martin,Bernard,Dubois,Lefèvre,Moreau,Laurent,Rossi,Russo," +
  "Ferrari,Esposito,Bianchi,Romano,García,Fernández,López,Martínez,Sánchez,Romero,de Jong,Jansen,de Vries," +
  "van Dijk,Bakker,Visser,Peeters,Janssens,Maes,Gruber,Huber,Bauer,Smith,Johnson,Williams,Brown,Davis,Miller," +
  "Wilson,Moore,Taylor,Anderson,Nguyen,Kim,Patel,Yilmaz,Kowalski,Nowak,Andersson,Hansen,Silva,Costa,Novak," +
  "Horvat,O'Brien,Murphy"
).split(",")

/** Per country: order weight, phone prefix, streets, "city:postal[:province]" entries. */
type CountryData = { weight: number; phone: string; streets: string; cities: string; numberFirst?: boolean }
const COUNTRIES: Record<string, CountryData> = {
  de: { weight: 22, phone: "+49", streets: "Hauptstraße|Bahnhofstraße|Gartenweg|Schillerstraße|Lindenallee",
    cities: "Berlin:10115|Hamburg:20095|München:80331|Köln:50667|Frankfurt am Main:60311|Leipzig:04109" },
  fr: { weight: 13, phone: "+33", numberFirst: true,
    streets: "Rue de la Paix|Avenue Victor Hugo|Rue du Faubourg|Boulevard Voltaire|Rue des Lilas",
    cities: "Paris:75011|Lyon:69002|Marseille:13001|Toulouse:31000|Bordeaux:33000|Lille:59000" },
  it: { weight: 10, phone: "+39", streets: "Via Roma|Via Garibaldi|Corso Vittorio Emanuele|Via Dante|Via Mazzini",
    cities: "Roma:00184|Milano:20121|Torino:10121|Bologna:40121|Firenze:50122|Napoli:80133" },
  es: { weight: 10, phone: "+34", streets: "Calle Mayor|Gran Vía|Calle de Alcalá|Avenida Diagonal|Calle Real",
    cities: "Madrid:28013|Barcelona:08001|Valencia:46001|Sevilla:41001|Bilbao:48001|Málaga:29001" },
  nl: { weight: 10, phone: "+31", streets: "Kerkstraat|Prinsengracht|Dorpsstraat|Stationsweg|Molenstraat",
    cities: "Amsterdam:1016 GV|Rotterdam:3011 AD|Utrecht:3511 AX|Den Haag:2511 BT|Eindhoven:5611 AZ" },
  be: { weight: 6, phone: "+32", streets: "Rue Neuve|Meir|Veldstraat|Avenue Louise|Steenstraat",
    cities: "Bruxelles:1000|Antwerpen:2000|Gent:9000|Liège:4000|Brugge:8000" },
  at: { weight: 6, phone: "+43", streets: "Mariahilfer Straße|Landstraße|Herrengasse|Getreidegasse|Annenstraße",
    cities: "Wien:1070|Graz:8010|Linz:4020|Salzburg:5020|Innsbruck:6020" },
  us: { weight: 23, phone: "+1", numberFirst: true,
    streets: "Main Street|Oak Avenue|Maple Drive|Park Place|Elm Street|Sunset Boulevard",
    cities: "New York:10001:us-ny|Brooklyn:11201:us-ny|Los Angeles:90012:us-ca|San Francisco:94103:us-ca|" +
      "Austin:78701:us-tx|Houston:77002:us-tx|Seattle:98101:us-wa|Chicago:60601:us-il|Miami:33131:us-fl|" +
      "Boston:02108:us-ma|Denver:80202:us-co|Portland:97201:us-or" },
}

// ---------------------------------------------------------------- helpers

/** mulberry32: a tiny deterministic PRNG returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
type Rng = () => number
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1))
function weighted<T>(rng: Rng, entries: [T, number][]): T {
  let r = rng() * entries.reduce((sum, [, w]) => sum + w, 0)
  for (const [value, w] of entries) if ((r -= w) < 0) return value
  return entries[entries.length - 1][0]
}
const slug = (s: string) =>
  s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")
const usdPrice = (eur: number) => Math.round((Math.ceil(eur * 1.1) - 0.05) * 100) / 100

/** Runs fn over items with at most `limit` calls in flight. */
async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0
  const worker = async () => { while (next < items.length) await fn(items[next++]) }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

/** Finds records by a key, creates the missing ones, and returns key → id. */
async function ensureByKey<T extends { id: string }>(
  keys: string[], keyOf: (record: T) => string, list: () => Promise<T[]>, create: (missing: string[]) => Promise<unknown>
): Promise<Map<string, string>> {
  let records = await list()
  const missing = keys.filter((k) => !records.some((r) => keyOf(r) === k))
  if (missing.length) {
    await create(missing)
    records = await list()
  }
  return new Map(records.map((r) => [keyOf(r), r.id]))
}

function cartesian(options: Options): Record<string, string>[] {
  return Object.entries(options).reduce<Record<string, string>[]>(
    (acc, [title, values]) => acc.flatMap((combo) => values.map((v) => ({ ...combo, [title]: v }))),
    [{}]
  )
}
const skuOf = (title: string, combo: Record<string, string>) =>
  [title, ...Object.values(combo)].map(slug).join("-").toUpperCase()
const allSkus = () => PRODUCTS.flatMap(([title, , , , , options]) => cartesian(options).map((c) => skuOf(title, c)))

/** A Postgres array literal, so knex does not expand the list into separate bindings. */
const pgArray = (values: string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`

// ---------------------------------------------------------------- deterministic plans

type Address = {
  first_name: string; last_name: string; address_1: string; city: string; postal_code: string
  province?: string; country_code: string; phone?: string
}
type CustomerPlan = {
  email: string; first_name: string; last_name: string; phone?: string
  registered: boolean; saveAddresses: boolean; addresses: Address[]; groups: string[]; signupAt: Date; weight: number
}
type OrderPlan = {
  seq: number; customer: CustomerPlan; address: Address; at: Date; lines: { sku: string; quantity: number }[]
  shipping: (typeof SHIPPING)[number]; fate: "pending" | "completed" | "canceled"
}

function planAddress(rng: Rng, first_name: string, last_name: string, country: string, phone?: string): Address {
  const data = COUNTRIES[country]
  const [city, postal_code, province] = pick(rng, data.cities.split("|")).split(":")
  const street = pick(rng, data.streets.split("|"))
  const number = int(rng, 1, data.numberFirst ? 480 : 120)
  const address_1 = data.numberFirst ? `${number}${country === "fr" ? "," : ""} ${street}` : `${street} ${number}`
  const address = { first_name, last_name, address_1, city, postal_code, country_code: country, phone }
  return province ? { ...address, province } : address
}

function planCustomers(now: number): CustomerPlan[] {
  const rng = mulberry32(20240611)
  const countryWeights = Object.entries(COUNTRIES).map(([cc, d]) => [cc, d.weight] as [string, number])
  const plans: CustomerPlan[] = []
  for (let i = 0; i < REGISTERED_CUSTOMERS + GUEST_CUSTOMERS; i++) {
    const registered = i < REGISTERED_CUSTOMERS
    const first_name = pick(rng, FIRST_NAMES)
    const last_name = pick(rng, LAST_NAMES)
    const country = weighted(rng, countryWeights)
    const phone = rng() < 0.6 ? `${COUNTRIES[country].phone} ${int(rng, 100, 999)} ${int(rng, 1000000, 9999999)}` : undefined
    const addresses = [planAddress(rng, first_name, last_name, country, phone)]
    if (registered && rng() < 0.35) {
      // A second address, half the time abroad (a holiday home, a partner's flat, the office).
      const other = rng() < 0.5 ? country : weighted(rng, countryWeights)
      addresses.push(planAddress(rng, first_name, last_name, other, phone))
    }
    const groups: string[] = []
    if (rng() < 0.4) {
      groups.push(weighted(rng, [["General", 40], ["Retailer", 25], ["Wholesale", 20], ["VIP", 15]]))
      if (rng() < 0.25) groups.push(pick(rng, CUSTOMER_GROUPS.filter((g) => g !== groups[0])))
    }
    const activity = 0.3 + Math.pow(rng(), 3) * 6
    plans.push({
      email: `${slug(first_name)}.${slug(last_name)}+${i + 1}@example.com`,
      first_name, last_name, phone, registered, addresses, groups,
      saveAddresses: registered && rng() < 0.9,
      signupAt: new Date(now - (45 + Math.pow(rng(), 0.6) * 760) * DAY),
      weight: (registered ? activity : 0.9) * (groups.includes("VIP") ? 2 : 1),
    })
  }
  return plans
}

function planOrders(customers: CustomerPlan[], skus: string[], now: number): OrderPlan[] {
  const rng = mulberry32(19870304)
  const byWeight = customers.map((c) => [c, c.weight] as [CustomerPlan, number])
  const plans: OrderPlan[] = []
  for (let seq = 1; seq <= ORDER_TARGET; seq++) {
    const customer = weighted(rng, byWeight)
    const address = customer.addresses.length > 1 && rng() < 0.25 ? customer.addresses[1] : customer.addresses[0]
    const from = Math.max(customer.signupAt.getTime(), now - 730 * DAY)
    const at = new Date(from + rng() * (now - DAY - from))
    const lineCount = weighted(rng, [[1, 45], [2, 30], [3, 17], [4, 8]])
    const chosen = new Set<string>()
    while (chosen.size < lineCount) chosen.add(pick(rng, skus))
    const lines = [...chosen].map((sku) => ({ sku, quantity: weighted(rng, [[1, 80], [2, 15], [3, 5]]) }))
    const shipping = rng() < 0.8 ? SHIPPING[0] : SHIPPING[1]
    const ageDays = (now - at.getTime()) / DAY
    const roll = rng()
    const fate = roll < 0.05 ? "canceled" : ageDays > 21 && roll < 0.7 ? "completed" : "pending"
    plans.push({ seq, customer, address, at, lines, shipping, fate })
  }
  return plans
}

/**
 * A few recent, large orders by VIP customers living in Germany, so the
 * admin's example segment ("VIP Germans who spent over €500 in the last
 * 90 days") has members. Appended after the random orders, which stay as
 * they were.
 */
function planRecentVipOrders(customers: CustomerPlan[], now: number): OrderPlan[] {
  const big = ["Wool Blend Overcoat", "Wireless Noise-Cancelling Headphones"].map(
    (title) => allSkus().sort().find((sku) => sku.startsWith(`${skuOf(title, {})}-`))!
  )
  return customers
    .filter((c) => c.registered && c.groups.includes("VIP") && c.addresses[0].country_code === "de")
    .slice(0, 6)
    .map((customer, k) => ({
      seq: ORDER_TARGET + 1 + k,
      customer,
      address: customer.addresses[0],
      at: new Date(now - (6 + 11 * k) * DAY),
      lines: big.map((sku) => ({ sku, quantity: 1 + (k % 2) })),
      shipping: SHIPPING[0],
      fate: "pending" as const,
    }))
}

// ---------------------------------------------------------------- phases

type Linked = { id: string } | null
type Ctx = { container: MedusaContainer; started: number }
type Setup = {
  salesChannelId: string; stockLocationId: string; shippingProfileId: string; shippingOptionIds: Map<string, string>
  regionByCountry: Map<string, { id: string; currency: string }>
}

/** One short progress line on stdout, whatever Medusa's log level. */
function phaseLog(ctx: Ctx, message: string) {
  process.stdout.write(`[seed +${((Date.now() - ctx.started) / 1000).toFixed(1)}s] ${message}\n`)
}

async function seedStore(ctx: Ctx): Promise<{ salesChannelId: string; apiKeyToken: string }> {
  const { container } = ctx
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let [channel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: SALES_CHANNEL })
  if (!channel) {
    const input = { salesChannelsData: [{ name: SALES_CHANNEL }] }
    channel = (await createSalesChannelsWorkflow(container).run({ input })).result[0]
  }

  // EUR prices are VAT-inclusive, as European shops show them; USD prices exclude sales tax.
  const [store] = await container.resolve(Modules.STORE).listStores({}, { relations: ["supported_currencies"] })
  const currencies = (store.supported_currencies ?? []).map((c) => `${c.currency_code}:${c.is_default}`).sort()
  const pricing = container.resolve(Modules.PRICING)
  const [eurPreference] = await pricing.listPricePreferences({ attribute: "currency_code", value: ["eur"] })
  const upToDate = currencies.join() === "eur:true,usd:false" && store.default_sales_channel_id === channel.id
  if (!upToDate || !eurPreference?.is_tax_inclusive) {
    const eur = { currency_code: "eur", is_default: true, is_tax_inclusive: true }
    const supported_currencies = [eur, { currency_code: "usd" }]
    await updateStoresWorkflow(container).run({
      input: { selector: { id: store.id }, update: { supported_currencies, default_sales_channel_id: channel.id } },
    })
  }

  let [apiKey] = await container.resolve(Modules.API_KEY).listApiKeys({ title: API_KEY_TITLE, type: "publishable" })
  if (!apiKey) {
    const input = { api_keys: [{ title: API_KEY_TITLE, type: "publishable" as const, created_by: "" }] }
    apiKey = (await createApiKeysWorkflow(container).run({ input })).result[0]
  }
  const { data: [keyLinks] } = await query.graph({
    entity: "api_key", fields: ["id", "sales_channels.id"], filters: { id: apiKey.id },
  })
  if (!keyLinks?.sales_channels?.some((sc: Linked) => sc?.id === channel.id)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: apiKey.id, add: [channel.id] } })
  }
  phaseLog(ctx, `store: EUR (default) + USD, "${SALES_CHANNEL}", publishable key "${API_KEY_TITLE}"`)
  return { salesChannelId: channel.id, apiKeyToken: apiKey.token }
}

async function seedRegionsAndTaxes(ctx: Ctx): Promise<Setup["regionByCountry"]> {
  const { container } = ctx
  const regionService = container.resolve(Modules.REGION)
  const taxService = container.resolve(Modules.TAX)

  const listOurs = async () => (await regionService.listRegions({}, { relations: ["countries"], take: null }))
    .filter((r) => REGIONS.some((ours) => ours.name === r.name))
  let regions = await listOurs()
  const missing = REGIONS.filter((r) => !regions.some((e) => e.name === r.name))
  if (missing.length) {
    await createRegionsWorkflow(container).run({
      input: { regions: missing.map((r) => ({ ...r, payment_providers: ["pp_system_default"] })) },
    })
    regions = await listOurs()
  }
  const regionByCountry: Setup["regionByCountry"] = new Map()
  for (const region of regions) {
    for (const c of region.countries ?? []) regionByCountry.set(c.iso_2, { id: region.id, currency: region.currency_code })
  }

  const countryCodes = Object.keys(VAT)
  const taxRegions = await taxService.listTaxRegions({ country_code: countryCodes }, { take: null })
  const parents = taxRegions.filter((t) => !t.province_code)
  const newCountries = countryCodes.filter((cc) => !parents.some((t) => t.country_code === cc))
  if (newCountries.length) {
    const { result } = await createTaxRegionsWorkflow(container).run({
      input: newCountries.map((cc) => ({
        country_code: cc,
        provider_id: "tp_system",
        default_tax_rate: cc === "us"
          ? { rate: 0, code: "us-default", name: "No state sales tax" }
          : { rate: VAT[cc], code: `${cc}-vat`, name: `${cc.toUpperCase()} VAT` },
      })),
    })
    parents.push(...result)
  }
  // US states are sub-regions of "us"; sub-regions take no provider of their own.
  const usParent = parents.find((t) => t.country_code === "us")!
  const newStates = Object.keys(US_STATE_TAX).filter((p) => !taxRegions.some((t) => t.province_code === p))
  if (newStates.length) {
    await createTaxRegionsWorkflow(container).run({
      input: newStates.map((province_code) => ({
        country_code: "us", province_code, parent_id: usParent.id,
        default_tax_rate: { rate: US_STATE_TAX[province_code], code: `${province_code}-sales-tax`, name: "Sales tax" },
      })),
    })
  }
  phaseLog(ctx, `regions: ${missing.length} created; tax regions: ${newCountries.length + newStates.length} created`)
  return regionByCountry
}

type FulfillmentSetup = Pick<Setup, "stockLocationId" | "shippingProfileId" | "shippingOptionIds">
async function seedFulfillment(ctx: Ctx, salesChannelId: string): Promise<FulfillmentSetup> {
  const { container } = ctx
  const fulfillmentService = container.resolve(Modules.FULFILLMENT)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  let [location] = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({ name: STOCK_LOCATION })
  if (!location) {
    const address = { address_1: "Havenstraat 12", city: "Rotterdam", postal_code: "3024 SG", country_code: "NL" }
    const input = { locations: [{ name: STOCK_LOCATION, address }] }
    location = (await createStockLocationsWorkflow(container).run({ input })).result[0]
  }
  let [profile] = await fulfillmentService.listShippingProfiles({ type: "default" })
  if (!profile) {
    const input = { data: [{ name: "Default Shipping Profile", type: "default" }] }
    profile = (await createShippingProfilesWorkflow(container).run({ input })).result[0]
  }

  // One service zone per region, each with a standard and an express option.
  let [set] = await fulfillmentService.listFulfillmentSets({ name: FULFILLMENT_SET }, { relations: ["service_zones"] })
  if (!set) {
    const service_zones = REGIONS.map((r) => ({
      name: r.name, geo_zones: r.countries.map((country_code) => ({ type: "country" as const, country_code })),
    }))
    set = await fulfillmentService.createFulfillmentSets({ name: FULFILLMENT_SET, type: "shipping", service_zones })
  }

  const fields = ["id", "sales_channels.id", "fulfillment_sets.id", "fulfillment_providers.id"]
  const { data: [links] } = await query.graph({ entity: "stock_location", fields, filters: { id: location.id } })
  const locationRef = { [Modules.STOCK_LOCATION]: { stock_location_id: location.id } }
  if (!links?.sales_channels?.some((sc: Linked) => sc?.id === salesChannelId)) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [salesChannelId] } })
  }
  if (!links?.fulfillment_providers?.some((p: Linked) => p?.id === "manual_manual")) {
    await link.create({ ...locationRef, [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" } })
  }
  if (!links?.fulfillment_sets?.some((fs: Linked) => fs?.id === set.id)) {
    await link.create({ ...locationRef, [Modules.FULFILLMENT]: { fulfillment_set_id: set.id } })
  }

  const zones = set.service_zones ?? []
  const zoneFilter = { service_zone: { id: zones.map((z) => z.id) } }
  const existing = await fulfillmentService.listShippingOptions(zoneFilter, { take: null })
  const toCreate = zones.flatMap((zone) =>
    SHIPPING.filter((s) => !existing.some((o) => o.service_zone_id === zone.id && o.name === s.name)).map((s) => ({
      name: s.name,
      price_type: "flat" as const,
      provider_id: "manual_manual",
      service_zone_id: zone.id,
      shipping_profile_id: profile.id,
      type: { label: s.name.split(" ")[0], description: s.description, code: s.code },
      prices: [{ currency_code: "eur", amount: s.eur }, { currency_code: "usd", amount: s.usd }],
      rules: [
        { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
        { attribute: "is_return", value: "false", operator: "eq" as const },
      ],
    }))
  )
  const created = toCreate.length ? (await createShippingOptionsWorkflow(container).run({ input: toCreate })).result : []
  const shippingOptionIds = new Map<string, string>()
  for (const option of [...existing, ...created]) {
    const zone = zones.find((z) => z.id === option.service_zone_id)
    if (zone) shippingOptionIds.set(`${zone.name}|${option.name}`, option.id)
  }
  phaseLog(ctx, `fulfillment: "${STOCK_LOCATION}", ${created.length} shipping options created`)
  return { stockLocationId: location.id, shippingProfileId: profile.id, shippingOptionIds }
}

async function seedCatalog(ctx: Ctx, setup: Pick<Setup, "salesChannelId" | "stockLocationId" | "shippingProfileId">) {
  const { container } = ctx
  const productService = container.resolve(Modules.PRODUCT)
  const inventoryService = container.resolve(Modules.INVENTORY)

  const categoryIds = await ensureByKey(CATEGORIES.map(slug), (c) => c.handle,
    () => productService.listProductCategories({ handle: CATEGORIES.map(slug) }),
    (missing) => createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: CATEGORIES.filter((c) => missing.includes(slug(c)))
          .map((name) => ({ name, handle: slug(name), is_active: true })),
      },
    }))
  const collectionIds = await ensureByKey(COLLECTIONS.map(slug), (c) => c.handle,
    () => productService.listProductCollections({ handle: COLLECTIONS.map(slug) }),
    (missing) => createCollectionsWorkflow(container).run({
      input: {
        collections: COLLECTIONS.filter((c) => missing.includes(slug(c))).map((title) => ({ title, handle: slug(title) })),
      },
    }))
  const typeIds = await ensureByKey(TYPES, (t) => t.value, () => productService.listProductTypes({}, { take: null }),
    (missing) => createProductTypesWorkflow(container).run({
      input: { product_types: missing.map((value) => ({ value })) },
    }))

  const existing = await productService.listProducts({ handle: PRODUCTS.map(([t]) => slug(t)) }, { take: null })
  const missing = PRODUCTS.filter(([title]) => !existing.some((p) => p.handle === slug(title)))
  if (missing.length) {
    await createProductsWorkflow(container).run({
      input: {
        products: missing.map(([title, category, collection, type, eur, options]) => ({
          title,
          handle: slug(title),
          description: `${title} from our ${collection} collection: thoughtfully made, built to last.`,
          status: ProductStatus.PUBLISHED,
          category_ids: [categoryIds.get(slug(category))!],
          collection_id: collectionIds.get(slug(collection))!,
          type_id: typeIds.get(type)!,
          options: Object.entries(options).map(([optionTitle, values]) => ({ title: optionTitle, values })),
          variants: cartesian(options).map((combo) => ({
            title: Object.values(combo).join(" / "),
            sku: skuOf(title, combo),
            options: combo,
            manage_inventory: true,
            prices: [{ currency_code: "eur", amount: eur }, { currency_code: "usd", amount: usdPrice(eur) }],
          })),
          sales_channels: [{ id: setup.salesChannelId }],
          shipping_profile_id: setup.shippingProfileId,
        })),
      },
    })
  }

  // Products ship with the default profile (fulfilments check it); earlier seeds linked none.
  const { data: profileLinks } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product", fields: ["id", "shipping_profile.id"], filters: { handle: PRODUCTS.map(([t]) => slug(t)) },
  })
  const unprofiled = (profileLinks as { id: string; shipping_profile?: Linked }[])
    .filter((p) => p.shipping_profile?.id !== setup.shippingProfileId)
  if (unprofiled.length) {
    await updateProductsWorkflow(container).run({
      input: { products: unprofiled.map((p) => ({ id: p.id, shipping_profile_id: setup.shippingProfileId })) },
    })
  }

  // Plenty of stock at the warehouse, so no order ever fails for inventory.
  const skus = allSkus()
  const variants = await productService.listProductVariants({ sku: skus }, { select: ["id", "sku"], take: null })
  const items = await inventoryService.listInventoryItems({ sku: skus }, { select: ["id"], take: null })
  const levels = await inventoryService.listInventoryLevels(
    { location_id: setup.stockLocationId, inventory_item_id: items.map((i) => i.id) }, { take: null })
  const withoutLevel = items.filter((i) => !levels.some((l) => l.inventory_item_id === i.id))
  if (withoutLevel.length) {
    const inventory_levels = withoutLevel.map((i) => ({
      inventory_item_id: i.id, location_id: setup.stockLocationId, stocked_quantity: 1_000_000,
    }))
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels } })
  }
  phaseLog(ctx, `catalog: ${missing.length} of ${PRODUCTS.length} products created (${variants.length} variants), ` +
    `${withoutLevel.length} inventory levels created, ${unprofiled.length} products given the shipping profile`)
  return new Map(variants.map((v) => [v.sku!, v.id]))
}

/**
 * A picture for every seeded product that has none: a tile in its category's
 * colour with its name, drawn here, uploaded through the file module
 * (uploadFilesWorkflow: with the local provider the file lands in static/ and
 * Medusa serves it under /static) and set as the thumbnail and only image.
 */
async function seedProductImages(ctx: Ctx) {
  const { container } = ctx
  const products = await container.resolve(Modules.PRODUCT).listProducts(
    { handle: PRODUCTS.map(([title]) => slug(title)) }, { select: ["id", "handle", "thumbnail"], take: null })
  const missing = products.filter((p) => !p.thumbnail)
  if (missing.length) {
    const seedOf = new Map(PRODUCTS.map((seed) => [slug(seed[0]), seed]))
    const fileName = (handle: string) => `demo-product-${handle}.png`
    const files = missing.map((product) => {
      const [title, category] = seedOf.get(product.handle)!
      // Neighbours in a category differ a little in shade.
      const shade = PRODUCTS.filter(([, c]) => c === category).findIndex(([t]) => t === title) % 3
      const tile = renderProductTile({ title, caption: category, color: CATEGORY_COLORS[category], shade: shade * 0.1 })
      return { filename: fileName(product.handle), mimeType: "image/png", content: tile.toString("base64"), access: "public" as const }
    })
    const { result: uploaded } = await uploadFilesWorkflow(container).run({ input: { files } })
    // The provider prefixes the name (the local one with a timestamp): match on its end.
    const urlOf = (handle: string) => uploaded.find((file) => file.url.endsWith(fileName(handle)))?.url
    await updateProductsWorkflow(container).run({
      input: {
        products: missing.map((product) => {
          const url = urlOf(product.handle)
          if (!url) throw new Error(`The upload of ${fileName(product.handle)} returned no URL`)
          return { id: product.id, thumbnail: url, images: [{ url }] }
        }),
      },
    })
  }
  phaseLog(ctx, `product images: ${missing.length} drawn and uploaded` +
    (missing.length ? ` (e.g. ${(await container.resolve(Modules.PRODUCT).retrieveProduct(missing[0].id)).thumbnail})` : ""))
}

async function seedCustomers(ctx: Ctx, plans: CustomerPlan[]): Promise<Map<string, string>> {
  const { container } = ctx
  const customerService = container.resolve(Modules.CUSTOMER)
  const authService = container.resolve(Modules.AUTH)
  const listCustomers = async () => new Map((await customerService.listCustomers(
    { email: plans.map((p) => p.email) }, { select: ["id", "email"], take: null })).map((c) => [c.email!, c.id]))
  const existing = await listCustomers()
  const profile = (p: CustomerPlan) => ({ email: p.email, first_name: p.first_name, last_name: p.last_name, phone: p.phone })

  // Guests: customer records without an account, in one batch.
  const guests = plans.filter((p) => !p.registered && !existing.has(p.email))
  if (guests.length) {
    const input = { customersData: guests.map((p) => ({ ...profile(p), has_account: false })) }
    await createCustomersWorkflow(container).run({ input })
  }

  // Registered: an emailpass identity plus createCustomerAccountWorkflow, as storefront sign-up does.
  const registered = plans.filter((p) => p.registered && !existing.has(p.email))
  if (registered.length) {
    const identityByEmail = new Map<string, string>()
    const identities = await authService.listAuthIdentities({ provider_identities: { provider: "emailpass" } },
      { relations: ["provider_identities"], take: null })
    for (const identity of identities) {
      const entityId = identity.provider_identities?.find((pi) => pi.provider === "emailpass")?.entity_id
      if (entityId) identityByEmail.set(entityId, identity.id)
    }
    const withoutIdentity = registered.filter((p) => !identityByEmail.has(p.email))
    if (withoutIdentity.length) {
      // The format EmailPassAuthService.hashPassword produces and isPasswordMatch_ verifies:
      // a scrypt-kdf key, base64-encoded. One hash serves everyone (same password).
      const hash = (await scryptKdf.kdf(PASSWORD, { logN: 15, r: 8, p: 1 })).toString("base64")
      const created = await authService.createAuthIdentities(withoutIdentity.map((p) => ({
        provider_identities: [{ provider: "emailpass", entity_id: p.email, provider_metadata: { password: hash } }],
      })))
      created.forEach((identity, i) => identityByEmail.set(withoutIdentity[i].email, identity.id))
    }
    await mapLimit(registered, CONCURRENCY, async (p) => {
      const addresses = (p.saveAddresses ? p.addresses : []).map((a, i) => ({
        ...a, address_name: i === 0 ? "Home" : "Other", is_default_shipping: i === 0, is_default_billing: i === 0,
      }))
      await createCustomerAccountWorkflow(container).run({
        input: { authIdentityId: identityByEmail.get(p.email)!, customerData: { ...profile(p), addresses } },
      })
    })
  }

  const customerIds = await listCustomers()
  // Move freshly created customers back to their planned sign-up date.
  const rows = plans.filter((p) => customerIds.has(p.email))
  await container.resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(
    `UPDATE customer c SET created_at = v.at, updated_at = v.at
       FROM unnest(?::text[], ?::timestamptz[]) AS v(id, at)
      WHERE c.id = v.id AND c.created_at > v.at + interval '1 day'`,
    [pgArray(rows.map((p) => customerIds.get(p.email)!)), pgArray(rows.map((p) => p.signupAt.toISOString()))]
  )
  phaseLog(ctx, `customers: ${registered.length} registered + ${guests.length} guests created (${customerIds.size} total)`)
  return customerIds
}

async function seedCustomerGroups(ctx: Ctx, plans: CustomerPlan[], customerIds: Map<string, string>) {
  const { container } = ctx
  await ensureByKey(CUSTOMER_GROUPS, (g) => g.name!,
    () => container.resolve(Modules.CUSTOMER).listCustomerGroups({}, { take: null }),
    (missing) => createCustomerGroupsWorkflow(container).run({ input: { customersData: missing.map((name) => ({ name })) } }))
  const { data: groups } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer_group", fields: ["id", "name", "customers.id"], filters: { name: CUSTOMER_GROUPS },
  })
  let added = 0
  for (const group of groups) {
    const members = new Set((group.customers ?? []).map((c: Linked) => c?.id))
    const add = plans.filter((p) => p.groups.includes(group.name!))
      .map((p) => customerIds.get(p.email)!).filter((id) => !members.has(id))
    if (add.length) await linkCustomersToCustomerGroupWorkflow(container).run({ input: { id: group.id, add } })
    added += add.length
  }
  phaseLog(ctx, `customer groups: ${CUSTOMER_GROUPS.join(", ")}; ${added} memberships added`)
}

async function seedAdminUser(ctx: Ctx) {
  const { container } = ctx
  const email = process.env.DEMO_ADMIN_EMAIL ?? "admin@medusa-test.com"
  const password = process.env.DEMO_ADMIN_PASSWORD ?? PASSWORD
  if ((await container.resolve(Modules.USER).listUsers({ email })).length) {
    phaseLog(ctx, `admin user ${email} exists`)
    return
  }
  // As `medusa user -e … -p …` does: an emailpass identity registered through the auth
  // module, a user (super admin role when RBAC is on), the identity pointed at the user.
  const roles: string[] = []
  if (FeatureFlag.isFeatureEnabled("rbac")) {
    const superAdmin = await container.resolve(Modules.RBAC).listRbacRoles({ id: "role_super_admin" })
    roles.push(...superAdmin.map((r) => r.id))
  }
  const { authIdentity, error } = await container.resolve(Modules.AUTH).register("emailpass", { body: { email, password } })
  if (error || !authIdentity) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Could not register admin ${email}: ${error}`)
  }
  await createUserAccountWorkflow(container).run({ input: { authIdentityId: authIdentity.id, userData: { email, roles } } })
  phaseLog(ctx, `admin user ${email} created`)
}

type SeededOrders = Map<number, { id: string; status: string }>

async function listSeededOrders(ctx: Ctx): Promise<SeededOrders> {
  const { rows } = await ctx.container.resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(
    `SELECT id, status, (metadata->>'demo_seq')::int AS seq FROM "order"
      WHERE metadata->>'demo_seed' = 'true' AND deleted_at IS NULL`
  )
  return new Map((rows as { id: string; status: string; seq: number }[]).map((r) => [r.seq, r]))
}

async function seedOrders(
  ctx: Ctx, setup: Setup, plans: OrderPlan[], variantIds: Map<string, string>, customerIds: Map<string, string>
): Promise<number> {
  const { container } = ctx
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const before = await listSeededOrders(ctx)
  const missing = plans.filter((p) => !before.has(p.seq))
  let done = 0
  await mapLimit(missing, CONCURRENCY, async (plan) => {
    const country = plan.address.country_code
    const region = setup.regionByCountry.get(country)!
    const zone = REGIONS.find((r) => r.countries.includes(country))!.name
    const eur = region.currency === "eur"
    // Items carry only variant and quantity: the workflow prices them (with the
    // customer's groups), fills in product data and computes the tax lines.
    const input = {
      region_id: region.id,
      customer_id: customerIds.get(plan.customer.email)!,
      email: plan.customer.email,
      sales_channel_id: setup.salesChannelId,
      status: "pending",
      currency_code: region.currency,
      shipping_address: plan.address,
      billing_address: plan.address,
      items: plan.lines.map((l) => ({ variant_id: variantIds.get(l.sku)!, quantity: l.quantity })),
      shipping_methods: [{
        name: plan.shipping.name,
        amount: eur ? plan.shipping.eur : plan.shipping.usd,
        is_tax_inclusive: eur,
        shipping_option_id: setup.shippingOptionIds.get(`${zone}|${plan.shipping.name}`),
      }],
      metadata: { demo_seed: true, demo_seq: plan.seq },
    }
    const { result: order } = await createOrderWorkflow(container).run({ input: input as unknown as CreateOrderDTO })
    // createOrderWorkflow emits nothing; a storefront checkout would announce the order.
    await eventBus.emit({ name: "order.placed", data: { id: order.id } })
    if (++done % 250 === 0) phaseLog(ctx, `orders: ${done}/${missing.length} created`)
  })
  phaseLog(ctx, `orders: ${missing.length} created`)

  const seeded = await listSeededOrders(ctx)
  const pendingWithFate = (fate: OrderPlan["fate"]) =>
    plans.filter((p) => p.fate === fate && seeded.get(p.seq)?.status === "pending").map((p) => seeded.get(p.seq)!.id)
  const toCancel = pendingWithFate("canceled")
  await mapLimit(toCancel, CONCURRENCY, async (order_id) => {
    await cancelOrderWorkflow(container).run({ input: { order_id } })
  })
  phaseLog(ctx, `orders: ${toCancel.length} canceled`)

  // Paid at checkout, fulfilled within three days, completed (the older ones) after that.
  const live = plans.filter((p) => p.fate !== "canceled" && seeded.has(p.seq))
  const shipped = live.filter((p) => p.fate === "completed" || Date.now() - p.at.getTime() > 3 * DAY)
  await settleOrders(ctx, setup, live.map((p) => seeded.get(p.seq)!.id), new Set(shipped.map((p) => seeded.get(p.seq)!.id)))
  const toComplete = pendingWithFate("completed")
  for (let i = 0; i < toComplete.length; i += 100) {
    await completeOrderWorkflow(container).run({ input: { orderIds: toComplete.slice(i, i + 100) } })
  }
  phaseLog(ctx, `orders: ${toComplete.length} completed`)

  await backdateOrders(ctx, plans, seeded)
  return seeded.size
}

type SettleOrder = {
  id: string; total: number
  items: { id: string; quantity: number; variant_id: string | null }[]
  payment_collections?: ({ id: string; status: string } | null)[]
  fulfillments?: Linked[]
}

/**
 * Orders (`orderIds`) are paid, and those in `toFulfil` fulfilled, as a shop does:
 * - a payment collection for the order's total (createOrderPaymentCollectionWorkflow),
 *   paid with the system provider pp_system_default — a session, authorised,
 *   then captured (markPaymentCollectionAsPaid, the admin's "Mark as paid");
 * - stock reservations for its items at the warehouse (createReservationsWorkflow:
 *   createOrderWorkflow reserves nothing, and a fulfilment takes its items from
 *   reservations), then one fulfilment of every item by the manual provider
 *   (createOrderFulfillmentWorkflow, which also takes the stock out).
 * Orders already paid or fulfilled (a rerun) are left as they are.
 */
async function settleOrders(ctx: Ctx, setup: Setup, orderIds: string[], toFulfil: Set<string>) {
  const { container } = ctx
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const inventory = container.resolve(Modules.INVENTORY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "total", "items.id", "items.quantity", "items.variant_id", "payment_collections.id",
      "payment_collections.status", "fulfillments.id"],
    filters: { id: orderIds },
  })
  const orders = data as unknown as SettleOrder[]
  const unpaid = orders.filter((o) => !(o.payment_collections ?? []).some((pc) => pc?.status === "completed"))
  const unfulfilled = orders.filter((o) => toFulfil.has(o.id) && !(o.fulfillments ?? []).some(Boolean))

  const { data: variants } = await query.graph({
    entity: "product_variant", fields: ["id", "inventory_items.inventory_item_id"],
    filters: { id: [...new Set(unfulfilled.flatMap((o) => o.items.map((i) => i.variant_id!)))] },
  })
  const inventoryItemOf = new Map((variants as { id: string; inventory_items?: { inventory_item_id: string }[] }[])
    .map((v) => [v.id, v.inventory_items?.[0]?.inventory_item_id]))

  let paid = 0
  let fulfilled = 0
  const report = () => phaseLog(ctx, `orders: ${paid}/${unpaid.length} paid, ${fulfilled}/${unfulfilled.length} fulfilled`)
  for (let i = 0; i < orders.length; i += 100) {
    const chunk = orders.slice(i, i + 100)
    const fulfilNow = unfulfilled.filter((o) => chunk.includes(o))
    // Reservations for a hundred orders in one run; items reserved by an interrupted run are not reserved twice.
    const reserved = new Set((await inventory.listReservationItems(
      { line_item_id: fulfilNow.flatMap((o) => o.items.map((item) => item.id)) }, { select: ["line_item_id"], take: null }
    )).map((r) => r.line_item_id))
    const reservations = fulfilNow.flatMap((o) => o.items.filter((item) => !reserved.has(item.id)).map((item) => ({
      line_item_id: item.id, inventory_item_id: inventoryItemOf.get(item.variant_id!)!,
      location_id: setup.stockLocationId, quantity: item.quantity,
    })))
    if (reservations.length) {
      await createReservationsWorkflow(container).run({ input: { reservations } })
    }
    await mapLimit(chunk, CONCURRENCY, async (order) => {
      if (unpaid.includes(order)) {
        // A collection an interrupted run created but did not pay is paid now, not doubled.
        let collectionId = order.payment_collections?.find((pc) => pc?.status === "not_paid")?.id
        if (!collectionId) {
          const { result } = await createOrderPaymentCollectionWorkflow(container).run({
            input: { order_id: order.id, amount: order.total },
          })
          collectionId = result[0].id
        }
        await markPaymentCollectionAsPaid(container).run({
          input: { order_id: order.id, payment_collection_id: collectionId },
        })
        paid++
      }
      if (fulfilNow.includes(order)) {
        await createOrderFulfillmentWorkflow(container).run({
          input: {
            order_id: order.id, location_id: setup.stockLocationId, no_notification: true,
            items: order.items.map((item) => ({ id: item.id, quantity: item.quantity })),
          },
        })
        fulfilled++
      }
    })
    if (i + 100 < orders.length && (paid || fulfilled)) report()
  }
  report()
}

/** Moves freshly created orders, and their rows, back to their planned dates. */
async function backdateOrders(ctx: Ctx, plans: OrderPlan[], seeded: SeededOrders) {
  const pg = ctx.container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const rows = plans.filter((p) => seeded.has(p.seq))
  const result = await pg.raw(
    `UPDATE "order" o
        SET created_at = v.at,
            updated_at = LEAST(now(), v.at + CASE o.status WHEN 'completed' THEN interval '6 days'
                                                           WHEN 'canceled' THEN interval '1 day'
                                                           ELSE interval '2 hours' END),
            canceled_at = CASE WHEN o.canceled_at IS NULL THEN NULL ELSE v.at + interval '1 day' END
       FROM unnest(?::text[], ?::timestamptz[]) AS v(id, at)
      WHERE o.id = v.id AND o.created_at > v.at + interval '1 day'`,
    [pgArray(rows.map((p) => seeded.get(p.seq)!.id)), pgArray(rows.map((p) => p.at.toISOString()))]
  )
  const seededOrders = `SELECT id, created_at FROM "order" WHERE metadata->>'demo_seed' = 'true'`
  for (const table of ["order_item", "order_summary", "order_shipping", "order_change"]) {
    await pg.raw(`UPDATE ${table} t SET created_at = o.created_at, updated_at = o.created_at FROM (${seededOrders}) o
                   WHERE t.order_id = o.id AND t.created_at > o.created_at + interval '1 day'`)
  }
  const viaParent = [
    ["order_line_item", "order_item", "item_id"],
    ["order_shipping_method", "order_shipping", "shipping_method_id"],
  ]
  for (const [table, parent, key] of viaParent) {
    await pg.raw(`UPDATE ${table} t SET created_at = p.created_at, updated_at = p.created_at FROM ${parent} p
                   WHERE p.${key} = t.id AND t.created_at > p.created_at + interval '1 day'`)
  }
  // Payments ten minutes after the order, fulfilments a day after (rows not moved yet: later than that).
  const paidAt = `o.created_at + interval '10 minutes'`
  const packedAt = `o.created_at + interval '1 day'`
  const viaCollection = `FROM (${seededOrders}) o JOIN order_payment_collection opc ON opc.order_id = o.id`
  const settlementUpdates = [
    `UPDATE order_payment_collection t SET created_at = ${paidAt}, updated_at = ${paidAt}
       FROM (${seededOrders}) o WHERE t.order_id = o.id AND t.created_at > ${paidAt}`,
    `UPDATE payment_collection t SET created_at = ${paidAt}, updated_at = ${paidAt},
            completed_at = CASE WHEN t.completed_at IS NULL THEN NULL ELSE ${paidAt} END
       ${viaCollection} WHERE t.id = opc.payment_collection_id AND t.created_at > ${paidAt}`,
    `UPDATE payment_session t SET created_at = ${paidAt}, updated_at = ${paidAt},
            authorized_at = CASE WHEN t.authorized_at IS NULL THEN NULL ELSE ${paidAt} END
       ${viaCollection} WHERE t.payment_collection_id = opc.payment_collection_id AND t.created_at > ${paidAt}`,
    `UPDATE payment t SET created_at = ${paidAt}, updated_at = ${paidAt},
            captured_at = CASE WHEN t.captured_at IS NULL THEN NULL ELSE ${paidAt} END
       ${viaCollection} WHERE t.payment_collection_id = opc.payment_collection_id AND t.created_at > ${paidAt}`,
    `UPDATE capture t SET created_at = ${paidAt}, updated_at = ${paidAt}
       ${viaCollection} JOIN payment p ON p.payment_collection_id = opc.payment_collection_id
      WHERE t.payment_id = p.id AND t.created_at > ${paidAt}`,
    `UPDATE order_transaction t SET created_at = ${paidAt}, updated_at = ${paidAt}
       FROM (${seededOrders}) o WHERE t.order_id = o.id AND t.created_at > ${paidAt}`,
    `UPDATE order_fulfillment t SET created_at = ${packedAt}, updated_at = ${packedAt}
       FROM (${seededOrders}) o WHERE t.order_id = o.id AND t.created_at > ${packedAt}`,
    `UPDATE fulfillment t SET created_at = ${packedAt}, updated_at = ${packedAt},
            packed_at = CASE WHEN t.packed_at IS NULL THEN NULL ELSE ${packedAt} END
       FROM (${seededOrders}) o JOIN order_fulfillment ofl ON ofl.order_id = o.id
      WHERE t.id = ofl.fulfillment_id AND t.created_at > ${packedAt}`,
    `UPDATE fulfillment_item t SET created_at = f.created_at, updated_at = f.created_at
       FROM fulfillment f WHERE t.fulfillment_id = f.id AND t.created_at > f.created_at`,
  ]
  for (const sql of settlementUpdates) {
    await pg.raw(sql)
  }
  phaseLog(ctx, `orders: ${result.rowCount ?? 0} back-dated (${seeded.size} seeded orders in total)`)
}

// ---------------------------------------------------------------- segments

const VIP_SEGMENT = "VIP spenders"
const VIP_PROMOTION = "VIP10"

const demoSegments = (outerwearId: string): CreateCustomerSegmentInput[] => [
  {
    name: VIP_SEGMENT,
    description: "Registered customers who spent over 1,000 in either currency. Mirrored into a customer group that the VIP10 promotion targets.",
    applies_to: "registered",
    query: "amount_spent >= 1000 EUR OR amount_spent >= 1100 USD",
    sync_customer_group: true,
  },
  {
    name: "Lapsed customers",
    description: "Bought at least twice, but not in the last six months.",
    query: "number_of_orders >= 2 AND last_order_date < -6m",
  },
  {
    name: "First-time buyers",
    description: "Exactly one order, placed in the last 90 days.",
    query: "number_of_orders = 1 AND last_order_date >= -90d",
  },
  {
    name: "German outerwear fans",
    description: "Customers with a German address who bought outerwear in the last year.",
    query: `countries CONTAINS 'de' AND products_purchased CONTAINS (category: '${outerwearId}', since: -1y)`,
  },
  {
    name: "Guests with a big outerwear cart",
    description: "Guests whose cart holds outerwear worth 150 EUR or more (evaluated on the cart by the store API).",
    applies_to: "guests",
    query: `cart_products CONTAINS (category: '${outerwearId}') AND cart_subtotal >= 150 EUR`,
  },
]

async function seedSegments(ctx: Ctx) {
  const { container } = ctx
  const segments = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  // The order dates were moved after the orders were placed: rebuild the facts from the orders as they are now.
  const backfill = await backfillNow(container)
  phaseLog(ctx, `segment facts: ${backfill.customers_done} customers, ${backfill.orders_done} orders in ${backfill.running_ms} ms (${backfill.status})`)

  const [outerwear] = await container.resolve(Modules.PRODUCT).listProductCategories({ handle: slug("Outerwear") })
  const wanted = demoSegments(outerwear.id)
  const ids = await ensureByKey(wanted.map((w) => w.name), (s) => s.name,
    () => segments.listCustomerSegments({ name: wanted.map((w) => w.name) }, { take: null }),
    (missing) => createCustomerSegmentsWorkflow(container).run({
      input: { segments: wanted.filter((w) => missing.includes(w.name)) },
    }))
  for (const [name, segment_id] of ids) {
    const { result: run } = await refreshCustomerSegmentWorkflow(container).run({ input: { segment_id, trigger: "saved" } })
    phaseLog(ctx, `segment "${name}": ${run.matched} members`)
  }
  // (each refresh also reconciled the VIP segment's managed customer group)
  const vip = await segments.retrieveCustomerSegment(ids.get(VIP_SEGMENT)!)

  const promotions = container.resolve(Modules.PROMOTION)
  if ((await promotions.listPromotions({ code: VIP_PROMOTION })).length === 0) {
    await createPromotionsWorkflow(container).run({
      input: {
        promotionsData: [{
          code: VIP_PROMOTION,
          type: "standard",
          status: "active",
          is_automatic: false,
          application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10 },
          rules: [{ attribute: "customer.groups.id", operator: "in", values: [vip.customer_group_id!] }],
        }],
      },
    })
  }
  phaseLog(ctx, `promotion ${VIP_PROMOTION}: 10% off for the "${VIP_SEGMENT}" group (${vip.customer_group_id})`)
}

// ---------------------------------------------------------------- content blocks

const LAPSED_SEGMENT = "Lapsed customers"
const BIG_GUEST_CART_SEGMENT = "Guest carts over €100"
const WE_MISS_YOU_PROMOTION = "WEMISSYOU"

const demoContentBlocks = (segment: (name: string) => string): ContentBlockInput[] => [
  {
    name: "Home hero",
    placement: "home-hero",
    priority: 0,
    content: "<h2>New season, new essentials</h2><p>Layers for every forecast, delivered across Europe and the US.</p>",
    link_url: "/",
  },
  {
    name: "VIP home hero",
    placement: "home-hero",
    priority: 100,
    target_segment_ids: [segment(VIP_SEGMENT)],
    content: `<h2>Thank you for being a VIP</h2><p>Your code <strong>${VIP_PROMOTION}</strong> takes 10% off every order.</p>`,
    link_url: "/",
  },
  {
    name: "We miss you",
    placement: "home-banner",
    priority: 50,
    shopper_kind: "registered",
    target_segment_ids: [segment(LAPSED_SEGMENT)],
    content: `<h3>We miss you</h3><p>It has been a while. Come back with <strong>${WE_MISS_YOU_PROMOTION}</strong> for 10% off your next order.</p>`,
    link_url: "/",
  },
  {
    name: "Big guest cart banner",
    placement: "cart-banner",
    priority: 10,
    shopper_kind: "guest",
    target_segment_ids: [segment(BIG_GUEST_CART_SEGMENT)],
    content: "<p><strong>Your cart is over €100.</strong> Create an account at checkout to track your order and collect rewards.</p>",
  },
]

/**
 * The demo's content blocks (looked up by name), the WEMISSYOU promotion, a
 * guest segment on the cart's subtotal, and four days of impressions and
 * clicks counted through the same workflow as the store's events (60 demo
 * shoppers a day; once, when the home hero has no counters yet).
 */
async function seedContentBlocks(ctx: Ctx) {
  const { container } = ctx
  const segments = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const personalization = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)

  const guestSegment: CreateCustomerSegmentInput = {
    name: BIG_GUEST_CART_SEGMENT,
    description: "Guests whose cart is worth more than 100 EUR (evaluated on the cart by the store API).",
    applies_to: "guests",
    query: "cart_subtotal > 100 EUR",
  }
  await ensureByKey([BIG_GUEST_CART_SEGMENT], (s) => s.name,
    () => segments.listCustomerSegments({ name: BIG_GUEST_CART_SEGMENT }),
    () => createCustomerSegmentsWorkflow(container).run({ input: { segments: [guestSegment] } }))
  const names = [VIP_SEGMENT, LAPSED_SEGMENT, BIG_GUEST_CART_SEGMENT]
  const segmentIds = new Map((await segments.listCustomerSegments({ name: names }, { take: null })).map((s) => [s.name, s.id]))
  const segment = (name: string) => {
    const id = segmentIds.get(name)
    if (!id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `The demo segment "${name}" is missing`)
    }
    return id
  }

  const promotions = container.resolve(Modules.PROMOTION)
  if ((await promotions.listPromotions({ code: WE_MISS_YOU_PROMOTION })).length === 0) {
    await createPromotionsWorkflow(container).run({
      input: {
        promotionsData: [{
          code: WE_MISS_YOU_PROMOTION,
          type: "standard",
          status: "active",
          is_automatic: false,
          application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10 },
        }],
      },
    })
  }

  const wanted = demoContentBlocks(segment)
  const blockIds = await ensureByKey(wanted.map((b) => b.name), (b) => b.name,
    () => personalization.listContentBlocks({ name: wanted.map((b) => b.name) }, { take: null }),
    (missing) => createContentBlocksWorkflow(container).run({
      input: { content_blocks: wanted.filter((b) => missing.includes(b.name)) },
    }))
  phaseLog(ctx, `content blocks: ${[...blockIds.keys()].map((n) => `"${n}"`).join(", ")}; promotion ${WE_MISS_YOU_PROMOTION}: 10% off`)

  const hero = blockIds.get("Home hero")!
  if ((await personalization.listContentBlockStats({ block_id: hero }, { take: 1 })).length > 0) {
    return
  }
  const vip = blockIds.get("VIP home hero")!
  const missYou = blockIds.get("We miss you")!
  const banner = blockIds.get("Big guest cart banner")!
  let events = 0
  for (let daysAgo = 4; daysAgo >= 1; daysAgo--) {
    const at = new Date(Math.floor(Date.now() / DAY) * DAY - daysAgo * DAY + 12 * 3_600_000)
    for (let i = 0; i < 60; i++) {
      const seen: { block_id: string; type: "impression" | "click"; segment_ids: string[] }[] = []
      const show = (block_id: string, segment_ids: string[], click: boolean) => {
        seen.push({ block_id, type: "impression", segment_ids })
        if (click) {
          seen.push({ block_id, type: "click", segment_ids })
        }
      }
      if (i < 15) {
        show(vip, [segment(VIP_SEGMENT)], (i + daysAgo) % 4 === 0)
      } else {
        show(hero, [], (i + daysAgo) % 9 === 0)
      }
      if (i >= 45) {
        show(missYou, [segment(LAPSED_SEGMENT)], (i + daysAgo) % 5 === 0)
      }
      if (i % 3 === 0 && i >= 15) {
        show(banner, [segment(BIG_GUEST_CART_SEGMENT)], (i + daysAgo) % 6 === 0)
      }
      await recordContentBlockEventsWorkflow(container).run({
        input: { shopper_key: `demo:${daysAgo}:${i}`, events: seen, now: at },
      })
      events += seen.length
    }
  }
  phaseLog(ctx, `content blocks: ${events} impressions and clicks over the last 4 days`)
}

// ---------------------------------------------------------------- audiences from a CDP

const AUDIENCE_SOURCE = "Demo CDP"
const AUDIENCE = { id: "demo-high-intent", name: "High intent" }
const AUDIENCE_BATCH = "demo-high-intent-1"

/**
 * An audience source "Demo CDP" with one audience, "High intent": a few
 * registered customers (by id and by email, as a CDP sends them) and one
 * address no customer has (reported as unknown). Applied by the workflow the
 * webhook runs once a batch's signature is verified; the fixed batch id makes
 * a second run a replay that changes nothing. The source's secret is printed
 * only when the source is created (rotate it in the admin to get a new one).
 * Before the segments: their facts backfill reads the memberships.
 */
async function seedAudiences(ctx: Ctx, plans: CustomerPlan[], customerIds: Map<string, string>) {
  const { container } = ctx
  const service = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
  let [source] = await service.listAudienceSources({ name: AUDIENCE_SOURCE })
  if (!source) {
    const { result } = await createAudienceSourcesWorkflow(container).run({ input: { sources: [{ name: AUDIENCE_SOURCE }] } })
    ;[source] = await service.listAudienceSources({ id: result[0].id })
    phaseLog(ctx, `audience source "${AUDIENCE_SOURCE}" (${source.id}) created; its secret, shown this once: ${result[0].secret}`)
  }
  const chosen = plans.filter((p) => p.registered).slice(0, 8)
  const members = chosen.flatMap((p, i) => {
    const id = customerIds.get(p.email)
    // Half by customer id, half by email (upper case: emails are compared without case).
    return id ? [i % 2 === 0 ? { customer_id: id } : { email: p.email.toUpperCase() }] : []
  })
  const { result } = await applyAudienceBatchWorkflow(container).run({
    input: {
      source_id: source.id,
      batch_id: AUDIENCE_BATCH,
      sent_at: new Date(),
      audience: AUDIENCE,
      add: [...members, { email: "someone.unknown@example.com" }],
      remove: [],
    },
  })
  phaseLog(
    ctx,
    `audience "${AUDIENCE.name}" (${result.audience.id}): ${result.audience.member_count} members` +
      (result.replayed ? " (batch already applied)" : `, ${result.added} added, ${result.unknown.count} unknown`)
  )
}

// ---------------------------------------------------------------- tax classes and group pricing

/** The tax-class provider as registered in medusa-config.ts. */
const TAX_CLASS_PROVIDER = "tp_tax-class_default"
/** Reduced VAT on Home & Living in the EUR countries. */
const REDUCED_VAT: Record<string, number> = { de: 7, fr: 5.5, it: 10, es: 10, nl: 9, be: 6, at: 10 }
const WHOLESALE_RULE = "Wholesale: 15% off everything"

/**
 * Customer classes Retail (default) and Wholesale (exempt in every seeded
 * country, given to the Wholesale group); product classes Taxable goods
 * (default) and Reduced rate (Home & Living, reduced VAT in the EUR
 * countries); the country tax regions computed by the tax-class provider; and
 * the group pricing rule "Wholesale: 15% off everything" (20% from 10 items).
 * After the orders, so the seeded order history keeps its taxes and prices.
 */
async function seedTaxClassesAndGroupPricing(ctx: Ctx) {
  const { container } = ctx
  const taxClasses = container.resolve<TaxClassModuleService>(TAX_CLASS_MODULE)
  const classes = [
    { type: "customer" as const, name: "Retail", code: "retail", is_default: true, description: "Consumers: the region's rates." },
    { type: "customer" as const, name: "Wholesale", code: "wholesale", is_default: false, description: "Registered businesses: tax exempt." },
    { type: "product" as const, name: "Taxable goods", code: "taxable", is_default: true, description: "The standard rate." },
    { type: "product" as const, name: "Reduced rate", code: "reduced", is_default: false, description: "Reduced VAT (home goods)." },
  ]
  const classIds = new Map<string, string>()
  for (const c of classes) {
    const [existing] = await taxClasses.listTaxClasses({ type: c.type, code: c.code })
    classIds.set(c.code, existing?.id ?? (await createTaxClassWorkflow(container).run({ input: c })).result.id)
  }
  const rows = [
    ...Object.keys(VAT).flatMap((country_code) =>
      ["taxable", "reduced"].map((product) => ({
        customer: "wholesale", product, country_code, province_code: null, rate: null, is_exempt: true, code: "EXEMPT", name: "Tax exempt (wholesale)",
      }))
    ),
    ...Object.entries(REDUCED_VAT).map(([country_code, rate]) => ({
      customer: "retail", product: "reduced", country_code, province_code: null, rate, is_exempt: false, code: `${country_code}-vat-reduced`, name: `${country_code.toUpperCase()} reduced VAT`,
    })),
  ]
  const existingRows = await taxClasses.listTaxClassRates({}, { take: null })
  let createdRows = 0
  for (const { customer, product, ...row } of rows) {
    const customer_class_id = classIds.get(customer)!
    const product_class_id = classIds.get(product)!
    if (existingRows.some((r) => r.customer_class_id === customer_class_id && r.product_class_id === product_class_id && r.country_code === row.country_code && !r.province_code)) {
      continue
    }
    await createTaxClassRateWorkflow(container).run({ input: { customer_class_id, product_class_id, ...row } })
    createdRows++
  }

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: groups } = await query.graph({ entity: "customer_group", fields: ["id", "name", "tax_class.id"], filters: { name: "Wholesale" } })
  const wholesale = groups[0] as { id: string; tax_class?: { id: string } | null }
  if (wholesale.tax_class?.id !== classIds.get("wholesale")) {
    await setTaxClassLinkWorkflow(container).run({ input: { owner: "customer_group", id: wholesale.id, tax_class_id: classIds.get("wholesale")! } })
  }
  const [homeCategory] = await container.resolve(Modules.PRODUCT).listProductCategories({ handle: slug("Home & Living") })
  const { data: homeProducts } = await query.graph({
    entity: "product", fields: ["id", "tax_class.id"], filters: { categories: { id: [homeCategory.id] } },
  })
  let linked = 0
  for (const product of homeProducts as { id: string; tax_class?: { id: string } | null }[]) {
    if (product.tax_class?.id !== classIds.get("reduced")) {
      await setTaxClassLinkWorkflow(container).run({ input: { owner: "product", id: product.id, tax_class_id: classIds.get("reduced")! } })
      linked++
    }
  }

  // Country tax regions: the tax-class provider (province regions use their country's).
  const taxService = container.resolve(Modules.TAX)
  const countryRegions = (await taxService.listTaxRegions({ country_code: Object.keys(VAT) }, { take: null })).filter((t) => !t.parent_id)
  const toSwitch = countryRegions.filter((t) => t.provider_id !== TAX_CLASS_PROVIDER)
  if (toSwitch.length) {
    await updateTaxRegionsWorkflow(container).run({ input: toSwitch.map((t) => ({ id: t.id, provider_id: TAX_CLASS_PROVIDER })) })
  }
  phaseLog(ctx, `tax classes: ${createdRows} matrix rows created, ${linked} products given "Reduced rate", ${toSwitch.length} tax regions switched to ${TAX_CLASS_PROVIDER}`)

  const pricing = container.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE)
  if ((await pricing.listGroupPriceRules({ name: WHOLESALE_RULE })).length === 0) {
    const { result } = await createGroupPriceRuleWorkflow(container).run({
      input: {
        name: WHOLESALE_RULE, customer_group_id: wholesale.id, adjustment_type: "percentage", percentage: 15,
        scope_type: "all", tiers: [{ min_quantity: 10, percentage: 20 }], priority: 0, status: "active",
      },
    })
    phaseLog(ctx, `group pricing: "${WHOLESALE_RULE}" → price list ${result?.price_list_id} (${JSON.stringify(result?.sync_summary)})`)
  }
}

// ---------------------------------------------------------------- login as customer

/**
 * Every 7th registered customer allows remote assistance (as they would from
 * their account page: the consent workflow). The demo turns the capability on
 * through its environment (CUSTOMER_SUITE_ASSISTANCE), not here, so a store
 * seeded for tests keeps the plugin's default (off).
 */
async function seedAssistanceConsent(ctx: Ctx, plans: CustomerPlan[], customerIds: Map<string, string>): Promise<string | null> {
  const { container } = ctx
  const service = container.resolve<ShoppingAssistanceModuleService>(SHOPPING_ASSISTANCE_MODULE)
  const chosen = plans.filter((p) => p.registered).filter((_, i) => i % 7 === 0).map((p) => p.email)
  const ids = chosen.map((email) => customerIds.get(email)).filter((id): id is string => !!id)
  const existing = new Set((await service.listAssistanceConsents({ customer_id: ids }, { select: ["customer_id"], take: null })).map((c) => c.customer_id))
  let created = 0
  for (const customer_id of ids.filter((id) => !existing.has(id))) {
    await recordAssistanceConsentWorkflow(container).run({ input: { customer_id, allowed: true } })
    created++
  }
  phaseLog(ctx, `login as customer: ${ids.length} customers allow assistance (${created} recorded now)`)
  return chosen[0] ?? null
}

// ---------------------------------------------------------------- entry point

export default async function seedDemoData({ container }: ExecArgs) {
  const ctx: Ctx = { container, started: Date.now() }
  const now = Date.now()

  const { salesChannelId, apiKeyToken } = await seedStore(ctx)
  const regionByCountry = await seedRegionsAndTaxes(ctx)
  const { stockLocationId, shippingProfileId, shippingOptionIds } = await seedFulfillment(ctx, salesChannelId)
  const setup: Setup = { salesChannelId, stockLocationId, shippingProfileId, regionByCountry, shippingOptionIds }
  const variantIds = await seedCatalog(ctx, setup)
  await seedProductImages(ctx)

  const customerPlans = planCustomers(now)
  const customerIds = await seedCustomers(ctx, customerPlans)
  await seedCustomerGroups(ctx, customerPlans, customerIds)
  await seedAdminUser(ctx)

  const orderPlans = [...planOrders(customerPlans, allSkus().sort(), now), ...planRecentVipOrders(customerPlans, now)]
  const orderCount = await seedOrders(ctx, setup, orderPlans, variantIds, customerIds)
  await seedAudiences(ctx, customerPlans, customerIds)
  await seedSegments(ctx)
  await seedContentBlocks(ctx)
  await seedTaxClassesAndGroupPricing(ctx)
  const assisted = await seedAssistanceConsent(ctx, customerPlans, customerIds)

  phaseLog(ctx, `done: ${PRODUCTS.length} products, ${customerIds.size} customers, ${orderCount} orders`)
  phaseLog(ctx, `publishable API key "${API_KEY_TITLE}": ${apiKeyToken}`)
  if (assisted) {
    phaseLog(ctx, `login as customer: ${assisted} (password ${PASSWORD}) allows assistance`)
  }
  // What the demo's banner shows, so it names the same customer as this log.
  if (process.env.DEMO_SEED_SUMMARY) {
    fs.writeFileSync(process.env.DEMO_SEED_SUMMARY, JSON.stringify({
      publishable_key: apiKeyToken, assisted_customer: assisted, assisted_password: PASSWORD,
    }))
  }
}
