import { logIn, startStore, type Store } from "./harness"

jest.setTimeout(900_000)

describe("the admin dashboard with the plugin, in chromium", () => {
  let store: Store

  beforeAll(async () => {
    store = await startStore()
  })

  afterAll(async () => {
    await store?.stop()
  })

  it("logs in", async () => {
    await logIn(store)
    await store.page.getByRole("link", { name: "Customers" }).first().waitFor()
    await store.screenshot("01-after-login")
  })

  it("opens the customers list, finds a customer and shows the plugin's purchase overview", async () => {
    const { page, baseUrl } = store
    // The customer with the most placed orders, and the facts the widget must show.
    const [expected] = await store.sql<{ id: string; email: string; orders: string }>(
      `select c.id, c.email, count(o.id) as orders
         from customer c join "order" o on o.customer_id = c.id
        where o.status not in ('draft', 'canceled') and o.deleted_at is null and c.deleted_at is null
        group by c.id, c.email order by count(o.id) desc, c.email limit 1`
    )
    expect(Number(expected.orders)).toBeGreaterThan(1)

    await page.goto(`${baseUrl}/app/customers`)
    await page.locator("table tbody tr").first().waitFor()
    expect(await page.locator("table tbody tr").count()).toBeGreaterThan(5)
    await store.screenshot("02-customers-list")

    await page.getByPlaceholder(/search/i).first().fill(expected.email)
    const row = page.locator("table tbody tr", { hasText: expected.email })
    await row.first().waitFor()
    await row.first().click()
    await page.waitForURL(`**/app/customers/${expected.id}`)

    const widget = page.getByTestId("customer-suite-customer-overview")
    await widget.waitFor()
    await widget.getByText("Orders", { exact: true }).waitFor()
    const ordersRow = widget.locator("div.grid", { hasText: "Orders" }).first()
    await expect(ordersRow.innerText()).resolves.toContain(String(Number(expected.orders)))
    await expect(widget.innerText()).resolves.toMatch(/Amount spent\s+\S*\d/)
    await store.screenshot("03-customer-detail")
  })

  it("lists the plugin's settings page under Settings and shows the effective configuration", async () => {
    const { page, baseUrl } = store
    await page.goto(`${baseUrl}/app/settings`)
    const link = page.getByRole("link", { name: "Customer suite" })
    await link.waitFor()
    await link.click()
    await page.waitForURL("**/app/settings/customer-suite")

    await page.getByRole("heading", { name: "Customer suite", level: 1 }).waitFor()
    const sections = page.locator('[data-testid^="customer-suite-capability-"]')
    await sections.first().waitFor()
    expect(await sections.count()).toBe(8)

    const assistance = page.getByTestId("customer-suite-capability-assistance")
    await expect(assistance.innerText()).resolves.toMatch(/Login as customer[\s\S]*Disabled/)
    await expect(assistance.innerText()).resolves.toMatch(/Code ttl seconds\s+60/)
    const segments = page.getByTestId("customer-suite-capability-segments")
    await expect(segments.innerText()).resolves.toMatch(/Enabled/)
    await store.screenshot("04-settings-customer-suite")
  })
})
