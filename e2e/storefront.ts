/**
 * The example storefront (examples/storefront) in chromium, against the
 * seeded store of admin.e2e.spec.ts: built with Vite, served by
 * scripts/storefront.mjs on the origin the store's CORS allows
 * (store.storefrontUrl). Expected values come from the database and the API.
 */
import path from "node:path"
import type { BrowserContext, Page } from "playwright-core"
import { runCommand, startProcess, waitForUrl } from "../integration-tests/helpers/processes"
import { setConsent, storeApi } from "./assistance"
import { ADMIN_EMAIL, ADMIN_PASSWORD, artifacts, root, type Store } from "./harness"

const PASSWORD = "supersecret"
const WHOLESALE_RULE = "Wholesale: 15% off everything"

export type Storefront = {
  url: string
  /** A new shopper: a fresh browser context (no token, no cart). */
  shopper: () => Promise<Page>
  screenshot: (page: Page, name: string) => Promise<void>
  adminApi: <T = Record<string, any>>(path: string, init?: { method?: string; body?: unknown }) => Promise<{ status: number; body: T }>
  stop: () => Promise<void>
}

export async function startStorefront(store: Store): Promise<Storefront> {
  const build = await runCommand(path.join(root, "node_modules", ".bin", "vite"), ["build", "--config", "examples/storefront/vite.config.mjs"], { cwd: root, timeoutMs: 300_000 })
  if (build.code !== 0) {
    throw new Error(`storefront build failed:\n${build.output.slice(-4000)}`)
  }
  const [{ token: key }] = await store.sql<{ token: string }>(
    `select token from api_key where type = 'publishable' and revoked_at is null and deleted_at is null order by created_at limit 1`
  )
  const port = new URL(store.storefrontUrl).port
  const server = startProcess("node", ["scripts/storefront.mjs", "--port", port, "--backend", store.baseUrl, "--key", key], { cwd: root })
  await waitForUrl(`${store.storefrontUrl}/config.json`, 30_000, server)

  const login = await fetch(`${store.baseUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  })
  const { token: adminToken } = (await login.json()) as { token: string }
  const contexts: BrowserContext[] = []

  return {
    url: store.storefrontUrl,
    shopper: async () => {
      const context = await store.browser.newContext({ viewport: { width: 1280, height: 900 } })
      contexts.push(context)
      const page = await context.newPage()
      page.setDefaultTimeout(30_000)
      return page
    },
    screenshot: async (page, name) => {
      await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true })
    },
    adminApi: async (p, { method = "GET", body } = {}) => {
      const response = await fetch(`${store.baseUrl}${p}`, {
        method,
        headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await response.text()
      return { status: response.status, body: text ? JSON.parse(text) : {} }
    },
    stop: async () => {
      await Promise.all(contexts.map((c) => c.close().catch(() => undefined)))
      await server.stop()
    },
  }
}

/** Opens the storefront at `path` and waits until it has loaded its config, regions and shopper. */
export async function open(page: Page, url: string) {
  await page.goto(url)
  await page.locator('.app[data-ready="true"]').waitFor()
}

/** Signs in on the storefront's page with the seed's password. */
export async function signIn(page: Page, storefrontUrl: string, email: string) {
  await open(page, `${storefrontUrl}/sign-in`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(PASSWORD)
  await page.getByTestId("sign-in-submit").click()
  await page.getByTestId("account-page").waitFor()
  await page.getByTestId("account-email").getByText(email).waitFor()
}

/** A seeded customer with an email/password login, in a customer group (by name); `skip` picks a later one. */
export async function groupMemberWithAccount(store: Store, group: string, skip = 0) {
  const [row] = await store.sql<{ id: string; email: string }>(
    `select c.id, c.email from customer c
       join customer_group_customer cgc on cgc.customer_id = c.id and cgc.deleted_at is null
       join customer_group g on g.id = cgc.customer_group_id and g.deleted_at is null and g.name = $1
       join provider_identity pi on pi.entity_id = c.email and pi.provider = 'emailpass' and pi.deleted_at is null
      where c.has_account and c.deleted_at is null
      order by c.email limit 1 offset $2`,
    [group, skip]
  )
  return row
}

/** The id of a content block by its seeded name. */
export async function blockId(store: Store, name: string) {
  const rows = await store.sql<{ id: string }>(`select id from content_block where name = $1 and deleted_at is null`, [name])
  if (rows.length !== 1) {
    throw new Error(`expected one content block named "${name}" (the demo seed's), found ${rows.length}`)
  }
  return rows[0].id
}

/**
 * A customer with a login that a block targets: a member of one of its
 * segments or groups, in none of its excluded segments.
 */
export async function customerTargetedBy(store: Store, name: string) {
  const [block] = await store.sql<{ target_segment_ids: string[]; target_group_ids: string[]; exclude_segment_ids: string[] }>(
    `select target_segment_ids, target_group_ids, exclude_segment_ids from content_block where name = $1 and deleted_at is null`,
    [name]
  )
  const [row] = await store.sql<{ id: string; email: string }>(
    `select c.id, c.email from customer c
       join provider_identity pi on pi.entity_id = c.email and pi.provider = 'emailpass' and pi.deleted_at is null
      where c.has_account and c.deleted_at is null
        and (exists (select 1 from customer_segment_membership m where m.customer_id = c.id and m.deleted_at is null and m.segment_id = any($1::text[]))
             or exists (select 1 from customer_group_customer g where g.customer_id = c.id and g.deleted_at is null and g.customer_group_id = any($2::text[])))
        and not exists (select 1 from customer_segment_membership m where m.customer_id = c.id and m.deleted_at is null and m.segment_id = any($3::text[]))
      order by c.email limit 1`,
    [block.target_segment_ids, block.target_group_ids, block.exclude_segment_ids]
  )
  if (!row) {
    throw new Error(`no customer with a login is targeted by "${name}"`)
  }
  return row
}

/** The group price of a variant in EUR: the Wholesale rule's price list, one item (no tier). */
export async function wholesalePrice(store: Store, variantId: string) {
  const rows = await store.sql<{ amount: string }>(
    `select p.amount from group_price_rule r
       join price p on p.price_list_id = r.price_list_id and p.deleted_at is null and p.currency_code = 'eur' and p.min_quantity is null
       join product_variant_price_set link on link.price_set_id = p.price_set_id and link.deleted_at is null and link.variant_id = $2
      where r.name = $1 and r.deleted_at is null`,
    [WHOLESALE_RULE, variantId]
  )
  if (rows.length !== 1) {
    throw new Error(`expected one ${WHOLESALE_RULE} price for ${variantId}, found ${rows.length}`)
  }
  return Number(rows[0].amount)
}

/** The variant's base price in EUR (no price list). */
export async function basePriceEur(store: Store, variantId: string) {
  const [row] = await store.sql<{ amount: string }>(
    `select p.amount from price p join product_variant_price_set link on link.price_set_id = p.price_set_id and link.deleted_at is null
      where link.variant_id = $1 and p.price_list_id is null and p.deleted_at is null and p.currency_code = 'eur' and p.min_quantity is null`,
    [variantId]
  )
  return Number(row.amount)
}

/** Opens the first product of the grid; answers the variant whose price the page shows. */
export async function openFirstProduct(page: Page) {
  await page.getByTestId("product-card").first().locator("a").first().click()
  const price = page.getByTestId("product-price")
  await price.getByTestId("price").waitFor()
  return { variantId: (await price.getAttribute("data-variant-id"))!, amount: Number(await price.getByTestId("price").getAttribute("data-amount")) }
}

export { setConsent, storeApi }
