import { logIn, startStore, type Store } from "./harness"
import { addCondition, choose, clearToasts, eventually, expectedVipGermans, parseCsv, pick, readDownload } from "./segments"
import { chooseOption, classByCode, confirmPrompt, createClass, linkedClassId, pickCountry, removeClasses } from "./tax-classes"

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

  it("changes the default group on the settings page and puts it back to the plugin option", async () => {
    const { page } = store
    const setting = page.getByTestId("customer-suite-setting-default_group")
    await setting.scrollIntoViewIfNeeded()
    await setting.getByRole("combobox").click()
    await page.getByRole("option", { name: "General", exact: true }).click()
    await setting.getByRole("button", { name: "Save" }).click()
    await setting.getByText("Changed here").waitFor()
    const [general] = await store.sql<{ id: string }>("select id from customer_group where name = 'General' and deleted_at is null")
    const stored = await store.sql<{ values: Record<string, unknown> }>(
      "select \"values\" from customer_suite_setting where capability = 'customer_groups' and deleted_at is null"
    )
    expect(stored[0].values).toEqual({ default_group: general.id })
    await store.screenshot("04b-settings-default-group")

    await setting.getByRole("combobox").click()
    await page.getByRole("option", { name: "Plugin option (medusa-config.ts)" }).click()
    await setting.getByRole("button", { name: "Save" }).click()
    await setting.getByText("Changed here").waitFor({ state: "detached" })
    const after = await store.sql<{ values: Record<string, unknown> }>(
      "select \"values\" from customer_suite_setting where capability = 'customer_groups' and deleted_at is null"
    )
    expect(after[0].values).toEqual({})
  })

  describe("segments", () => {
    const NAME = "VIP Germans over 500 EUR in 90 days"
    let segmentId = ""
    let expected: { id: string; email: string }[] = []

    it("lists the seeded segments under Customers", async () => {
      const { page, baseUrl } = store
      await page.goto(`${baseUrl}/app/customers`)
      await page.getByRole("link", { name: "Segments", exact: true }).click()
      await page.waitForURL("**/app/customer-segments")
      const list = page.getByTestId("segments-list")
      await list.locator("table tbody tr", { hasText: "VIP spenders" }).waitFor()
      const [{ count }] = await store.sql<{ count: string }>(
        "select count(*) from customer_segment where deleted_at is null"
      )
      expect(await list.locator("table tbody tr").count()).toBe(Number(count))
      // The status filter: no seeded segment is inactive.
      await page.goto(`${baseUrl}/app/customer-segments?status=inactive`)
      await list.getByText("No results").waitFor()
      await page.goto(`${baseUrl}/app/customer-segments`)
      await list.locator("table tbody tr").first().waitFor()
      await store.screenshot("05-segments-list")
    })

    it("builds VIP Germans who spent over 500 EUR in the last 90 days in the builder, with a live preview", async () => {
      const { page, baseUrl } = store
      expected = await expectedVipGermans(store)
      expect(expected.length).toBeGreaterThan(0)
      const started = Date.now()

      await page.goto(`${baseUrl}/app/customer-segments`)
      await page.getByTestId("segments-create").click()
      await page.waitForURL("**/app/customer-segments/create")
      await page.getByTestId("segment-name-input").fill(NAME)

      const root = page.getByTestId("segment-rule-root")
      const group = await addCondition(page, root, "group", "customer_groups")
      await pick(page, group, "VIP", "VIP", "VIP")
      const country = await addCondition(page, root, "countr", "countries")
      await pick(page, country, "Germ", /^Germany\b/, "Germany")
      const spent = await addCondition(page, root, "spent", "amount_spent")
      await choose(page, spent.getByTestId("segment-condition-operator"), "is more than")
      await spent.getByLabel("Amount", { exact: true }).fill("500")
      await choose(page, spent.getByLabel("When"), "since")
      await spent.getByTestId("segment-condition-value-since-amount").fill("90")

      const count = page.getByTestId("segment-preview-count")
      await eventually(async () => expect(Number((await count.innerText()).replace(/\D/g, ""))).toBe(expected.length), 30_000)
      console.log(`built the example segment in the builder in ${((Date.now() - started) / 1000).toFixed(1)} s (browser automation)`)
      await store.screenshot("06-segment-builder")
    })

    it("shows a missing value and the API's validation errors next to the condition they name", async () => {
      const { page } = store
      const root = page.getByTestId("segment-rule-root")
      const orders = await addCondition(page, root, "orders", "number_of_orders")
      await choose(page, orders.getByTestId("segment-condition-operator"), "is between")
      // Saving with an empty value is stopped in the page.
      await page.getByTestId("segment-save").click()
      await orders.getByTestId("segment-condition-error").getByText("Enter a value.").waitFor()
      expect(page.url()).toMatch(/\/customer-segments\/create$/)
      // A value the API refuses: its message, on this condition.
      await orders.getByLabel("From", { exact: true }).fill("5")
      await orders.getByLabel("To", { exact: true }).fill("2")
      await orders.getByTestId("segment-condition-error").getByText(/smaller value first/).waitFor()
      await store.screenshot("07-segment-builder-error")
      await orders.getByRole("button", { name: "Remove condition" }).click()
      await eventually(async () => expect(await page.getByTestId("segment-condition").count()).toBe(3))
      const count = page.getByTestId("segment-preview-count")
      await eventually(async () => expect(Number((await count.innerText()).replace(/\D/g, ""))).toBe(expected.length), 30_000)
    })

    it("switches to text and back without losing anything, and shows syntax errors at their line and column", async () => {
      const { page } = store
      const [vip] = await store.sql<{ id: string }>("select id from customer_group where name = 'VIP' and deleted_at is null")
      await page.getByTestId("segment-mode-text").click()
      const query = page.getByTestId("segment-query")
      await eventually(async () =>
        expect(await query.inputValue()).toBe(
          `customer_groups CONTAINS '${vip.id}' AND countries CONTAINS 'de' AND amount_spent > 500 EUR SINCE -90d`
        )
      )
      const text = await query.inputValue()
      // A broken query: the error names where.
      await query.fill(`${text}\nAND`)
      const error = page.getByTestId("segment-query-error")
      await error.waitFor()
      await expect(error.innerText()).resolves.toMatch(/Line 2, column 4/)
      await store.screenshot("08-segment-text-error")
      await query.fill(text)
      await page.getByTestId("segment-query-ok").getByText("The rule is valid.").waitFor()

      await page.getByTestId("segment-mode-builder").click()
      const conditions = page.getByTestId("segment-condition")
      await eventually(async () => expect(await conditions.count()).toBe(3))
      expect(await conditions.evaluateAll((els) => els.map((e) => e.getAttribute("data-attribute")))).toEqual([
        "customer_groups",
        "countries",
        "amount_spent",
      ])
      await conditions.nth(0).getByText("VIP").waitFor()
      await conditions.nth(1).getByText("Germany").waitFor()
      expect(await conditions.nth(2).getByLabel("Amount", { exact: true }).inputValue()).toBe("500")
      expect(await conditions.nth(2).getByTestId("segment-condition-value-since-amount").inputValue()).toBe("90")
      // And once more to text: the same query.
      await page.getByTestId("segment-mode-text").click()
      await eventually(async () => expect(await query.inputValue()).toBe(text))
      await page.getByTestId("segment-mode-builder").click()
      await eventually(async () => expect(await conditions.count()).toBe(3))
    })

    it("saves, refreshes and shows the members", async () => {
      const { page } = store
      await page.getByTestId("segment-save").click()
      await page.waitForURL(/\/app\/customer-segments\/cseg_[A-Za-z0-9]+$/)
      segmentId = page.url().split("/").pop()!
      await page.getByTestId("segment-name").getByText(NAME).waitFor()
      const memberCount = page.getByTestId("segment-detail-member-count")
      await eventually(async () => expect(await memberCount.innerText()).toBe(String(expected.length)))
      const links = page.getByTestId("segment-members").getByTestId("segment-member-link")
      await eventually(async () => expect(await links.count()).toBe(Math.min(expected.length, 10)))
      await page.getByTestId("segment-rule-summary").getByText("Germany").waitFor()

      // A refresh by hand: its progress, then its result in the history.
      await clearToasts(page)
      await page.getByTestId("segment-refresh").click()
      await page.getByTestId("segment-run-status").getByText("Succeeded").waitFor()
      await eventually(async () => expect(await page.getByTestId("segment-runs").locator("tbody tr").count()).toBeGreaterThanOrEqual(2))
      await store.screenshot("09-segment-detail")
    })

    it("exports every member as CSV, matching the API", async () => {
      const { page, baseUrl } = store
      await clearToasts(page)
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("segment-export").click()])
      const rows = parseCsv(await readDownload(await download.path()))
      expect(rows[0]).toEqual(["id", "email", "first_name", "last_name", "has_account", "source", "matched_at"])
      const response = await page.request.get(`${baseUrl}/admin/customer-segments/${segmentId}/customers?limit=200`)
      expect(response.ok()).toBe(true)
      const api = (await response.json()) as { customers: { id: string; email: string }[]; count: number }
      expect(rows.length - 1).toBe(api.count)
      expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(api.customers.map((c) => c.id).sort())
      expect(rows.slice(1).map((r) => r[1]).sort()).toEqual(expected.map((c) => c.email).sort())
    })

    it("shows the segment on a member's customer page, with why", async () => {
      const { page } = store
      await page.getByTestId("segment-members").getByTestId("segment-member-link").first().click()
      await page.waitForURL(/\/app\/customers\/cus_/)
      const widget = page.getByTestId("customer-suite-customer-segments")
      const row = widget.locator(`[data-segment-id="${segmentId}"]`)
      await row.waitFor()
      await row.getByTestId("customer-segment-why").click()
      const explanation = row.getByTestId("customer-segment-explanation")
      await explanation.waitFor()
      const conditions = explanation.getByTestId("customer-segment-condition")
      await eventually(async () => expect(await conditions.count()).toBe(3))
      expect(await conditions.evaluateAll((els) => els.map((e) => e.getAttribute("data-held")))).toEqual(["true", "true", "true"])
      await expect(explanation.innerText()).resolves.toMatch(/Customer's value: .*€/)
      await widget.scrollIntoViewIfNeeded()
      await store.screenshot("10-customer-segments-widget")
    })

    it("says on a managed customer group which segment keeps it in sync", async () => {
      const { page, baseUrl } = store
      const [vip] = await store.sql<{ id: string; customer_group_id: string }>(
        "select id, customer_group_id from customer_segment where name = 'VIP spenders' and deleted_at is null"
      )
      await page.goto(`${baseUrl}/app/customer-groups/${vip.customer_group_id}`)
      const widget = page.getByTestId("customer-suite-group-segment")
      await widget.getByRole("link", { name: "VIP spenders" }).waitFor()
      await widget.scrollIntoViewIfNeeded()
      await store.screenshot("11-customer-group-widget")
      await widget.getByRole("link", { name: "VIP spenders" }).click()
      await page.waitForURL(`**/app/customer-segments/${vip.id}`)
    })

    it("opens the saved rule in the editor", async () => {
      const { page, baseUrl } = store
      await page.goto(`${baseUrl}/app/customer-segments/${segmentId}`)
      await page.getByTestId("segment-edit").click()
      await page.waitForURL(`**/app/customer-segments/${segmentId}/edit`)
      const conditions = page.getByTestId("segment-condition")
      await eventually(async () => expect(await conditions.count()).toBe(3))
      await conditions.nth(1).getByText("Germany").waitFor()
      await eventually(async () =>
        expect(Number((await page.getByTestId("segment-preview-count").innerText()).replace(/\D/g, ""))).toBe(expected.length)
      )
      await store.screenshot("12-segment-edit")
    })

    it("adds a customer to a static segment and removes them from the customer page", async () => {
      const { page, baseUrl } = store
      const [customer] = expected
      await page.goto(`${baseUrl}/app/customer-segments/create`)
      await page.getByTestId("segment-name-input").fill("Hand-picked for the newsletter")
      await choose(page, page.locator("#segment-kind"), "Static")
      await page.getByTestId("segment-save").click()
      await page.waitForURL(/\/app\/customer-segments\/cseg_[A-Za-z0-9]+$/)
      const staticId = page.url().split("/").pop()!
      const members = page.getByTestId("segment-members")
      await members.getByText("No members").waitFor()

      await page.getByTestId("segment-add-members").click()
      const drawer = page.getByRole("dialog")
      await drawer.getByRole("searchbox").fill(customer.email)
      await drawer.locator("label", { hasText: customer.email }).getByRole("checkbox").click()
      await drawer.getByRole("button", { name: "Add 1 customer" }).click()
      await members.getByText(customer.email).waitFor()
      expect(await page.getByTestId("segment-detail-member-count").innerText()).toBe("1")
      await store.screenshot("13-static-segment")

      await page.goto(`${baseUrl}/app/customers/${customer.id}`)
      const row = page.getByTestId("customer-suite-customer-segments").locator(`[data-segment-id="${staticId}"]`)
      await row.getByRole("button", { name: "Remove" }).click()
      await row.waitFor({ state: "detached" })
      expect(
        await store.sql("select id from customer_segment_membership where segment_id = $1 and deleted_at is null", [staticId])
      ).toHaveLength(0)
    })

    it("deletes the segment after confirmation", async () => {
      const { page, baseUrl } = store
      await page.goto(`${baseUrl}/app/customer-segments/${segmentId}`)
      await clearToasts(page)
      await page.getByTestId("segment-delete").click()
      const dialog = page.getByRole("alertdialog")
      await dialog.waitFor()
      await dialog.getByRole("button", { name: "Delete" }).click()
      await page.waitForURL("**/app/customer-segments")
      await eventually(async () =>
        expect(await store.sql("select id from customer_segment where id = $1 and deleted_at is null", [segmentId])).toHaveLength(0)
      )
    })
  })

  describe("tax classes", () => {
    const CUSTOMER = { type: "customer" as const, name: "Trade exempt", code: "trade-exempt" }
    const PRODUCT = { type: "product" as const, name: "Books reduced", code: "books-reduced" }
    // A seeded group and product that the demo seed gives no tax class.
    const GROUP = "Retailer"
    const PRODUCT_HANDLE = "mechanical-keyboard"
    let customerClassId = ""
    let productClassId = ""

    const matrixRows = () => store.page.getByTestId("tax-matrix").getByTestId("tax-matrix-row")

    it("lists Tax classes under Settings and creates a customer and a product class", async () => {
      const { page, baseUrl } = store
      await removeClasses(store, [CUSTOMER, PRODUCT])
      await page.goto(`${baseUrl}/app/settings`)
      const link = page.getByRole("link", { name: "Tax classes" })
      await link.waitFor()
      await link.click()
      await page.waitForURL("**/app/settings/tax-classes")
      await page.getByRole("heading", { name: "Tax classes", level: 1 }).waitFor()

      // The seeded classes are listed, the default marked.
      const seeded = await store.sql<{ type: string; code: string; is_default: boolean }>(
        "select type, code, is_default from tax_class where deleted_at is null order by type, code"
      )
      for (const type of ["customer", "product"] as const) {
        const rows = page.getByTestId(`tax-classes-${type}`).getByTestId("tax-class-row")
        const expected = seeded.filter((c) => c.type === type)
        await eventually(async () => expect(await rows.count()).toBe(expected.length), 15_000)
        expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-code")).sort())).toEqual(expected.map((c) => c.code).sort())
        const defaults = expected.filter((c) => c.is_default).map((c) => c.code)
        expect(await rows.filter({ has: page.getByTestId("tax-class-default") }).evaluateAll((els) => els.map((e) => e.getAttribute("data-code")))).toEqual(defaults)
      }

      const customerRow = await createClass(page, "customer", { name: CUSTOMER.name, expectedCode: CUSTOMER.code, description: "Registered trade buyers" })
      await customerRow.getByText(CUSTOMER.name).waitFor()
      await customerRow.getByText("Registered trade buyers").waitFor()
      const productRow = await createClass(page, "product", { name: PRODUCT.name, expectedCode: PRODUCT.code, description: "Printed books" })
      await productRow.getByText(PRODUCT.name).waitFor()

      const customer = await classByCode(store, "customer", CUSTOMER.code)
      const product = await classByCode(store, "product", PRODUCT.code)
      expect(customer).toMatchObject({ name: CUSTOMER.name, description: "Registered trade buyers", is_default: false })
      expect(product).toMatchObject({ name: PRODUCT.name, description: "Printed books", is_default: false })
      customerClassId = customer!.id
      productClassId = product!.id
      await store.screenshot("14-tax-classes")

      // Editing keeps the code it was given and saves the new description.
      await clearToasts(page)
      await customerRow.getByRole("button", { name: `Edit ${CUSTOMER.name}` }).click()
      const drawer = page.getByTestId("tax-class-drawer")
      await drawer.waitFor()
      expect(await drawer.getByLabel("Name", { exact: true }).inputValue()).toBe(CUSTOMER.name)
      expect(await drawer.getByLabel("Code", { exact: true }).inputValue()).toBe(CUSTOMER.code)
      await drawer.getByLabel(/^Description/).fill("Registered trade buyers (VAT id checked)")
      await drawer.getByTestId("tax-class-save").click()
      await drawer.waitFor({ state: "detached" })
      await customerRow.getByText("Registered trade buyers (VAT id checked)").waitFor()
      expect(await classByCode(store, "customer", CUSTOMER.code)).toMatchObject({ id: customerClassId, description: "Registered trade buyers (VAT id checked)" })
    })

    it("shows the API's refusal of a 150 % rate next to the rate field, then adds an exempt row for Germany", async () => {
      const { page } = store
      await clearToasts(page)
      await page.getByTestId("tax-matrix-add").click()
      const drawer = page.getByTestId("tax-rate-drawer")
      await drawer.waitFor()
      await chooseOption(page, drawer.getByTestId("tax-rate-customer_class_id"), CUSTOMER.name)
      await chooseOption(page, drawer.getByTestId("tax-rate-product_class_id"), PRODUCT.name)
      await pickCountry(page, drawer.getByTestId("tax-rate-country"), "Germ", /^Germany\b/, "Germany")
      await drawer.getByLabel("Rate (%)").fill("150")
      await drawer.getByTestId("tax-rate-save").click()
      const error = drawer.getByTestId("tax-field-rate").getByTestId("tax-field-error-rate")
      await error.waitFor()
      expect(await error.innerText()).toBe("must be a percentage from 0 to 100")
      await store.screenshot("15a-tax-rate-error")
      expect(await store.sql("select id from tax_class_rate where customer_class_id = $1 and deleted_at is null", [customerClassId])).toHaveLength(0)

      // Exempt instead: the rate field goes, and the row is stored.
      await drawer.getByTestId("tax-rate-exempt").click()
      await drawer.getByTestId("tax-field-rate").waitFor({ state: "detached" })
      await drawer.getByLabel(/^Tax code/).fill("DE-TRADE")
      await drawer.getByLabel(/^Tax name/).fill("Trade exempt (books)")
      await drawer.getByTestId("tax-rate-save").click()
      await drawer.waitFor({ state: "detached" })

      const stored = await store.sql<Record<string, unknown>>(
        `select customer_class_id, product_class_id, country_code, province_code, rate, is_exempt, code, name
           from tax_class_rate where customer_class_id = $1 and deleted_at is null`,
        [customerClassId]
      )
      expect(stored).toEqual([
        {
          customer_class_id: customerClassId,
          product_class_id: productClassId,
          country_code: "de",
          province_code: null,
          rate: null,
          is_exempt: true,
          code: "DE-TRADE",
          name: "Trade exempt (books)",
        },
      ])

      // Filtered by the new customer class: only this row, with its classes and country by name.
      await chooseOption(page, page.getByTestId("tax-matrix-filter-customer_class"), CUSTOMER.name)
      await page.waitForURL(`**/app/settings/tax-classes?customer_class=${customerClassId}`)
      await eventually(async () => expect(await matrixRows().count()).toBe(1), 15_000)
      const cells = await matrixRows().first().locator("td").allInnerTexts()
      expect(cells.slice(0, 7).map((c) => c.trim())).toEqual([CUSTOMER.name, PRODUCT.name, "Germany", "—", "Exempt", "DE-TRADE", "Trade exempt (books)"])
      // The page scrolls inside the layout, not the window: bring the matrix to the top for the screenshot.
      await clearToasts(page)
      await page.getByTestId("tax-matrix").evaluate((el) => el.scrollIntoView({ block: "start" }))
      await store.screenshot("15-tax-class-matrix")

      // Editing the row: a rate instead of exempt (the classes and the country stay).
      await clearToasts(page)
      await matrixRows().first().getByRole("button", { name: "Edit row" }).click()
      const edit = page.getByTestId("tax-rate-drawer")
      await edit.waitFor()
      expect(await edit.getByTestId("tax-rate-customer_class_id").isDisabled()).toBe(true)
      expect(await edit.getByTestId("tax-rate-country").isDisabled()).toBe(true)
      await edit.getByTestId("tax-rate-exempt").click()
      await edit.getByLabel("Rate (%)").fill("5.5")
      await edit.getByTestId("tax-rate-save").click()
      await edit.waitFor({ state: "detached" })
      await matrixRows().first().getByTestId("tax-matrix-rate").getByText("5.5%").waitFor()
      expect(
        await store.sql("select rate, is_exempt, country_code from tax_class_rate where customer_class_id = $1 and deleted_at is null", [customerClassId])
      ).toEqual([{ rate: 5.5, is_exempt: false, country_code: "de" }])

      // The country filter narrows the seeded rows the same way the API does.
      await page.getByTestId("tax-matrix").getByRole("button", { name: "Clear all" }).click()
      await pickCountry(page, page.getByTestId("tax-matrix-filter-country"), "Germ", /^Germany\b/, "Germany")
      const [{ count: german }] = await store.sql<{ count: string }>(
        "select count(*) from tax_class_rate where country_code = 'de' and deleted_at is null"
      )
      await eventually(async () => expect(await matrixRows().count()).toBe(Math.min(Number(german), 50)), 15_000)
      await matrixRows().filter({ hasText: CUSTOMER.name }).waitFor()
    })

    it("gives a customer group the new class in its widget, and back to the default", async () => {
      const { page, baseUrl } = store
      const [group] = await store.sql<{ id: string }>("select id from customer_group where name = $1 and deleted_at is null", [GROUP])
      expect(await linkedClassId(store, "customer", group.id)).toBeNull()
      const [fallback] = await store.sql<{ name: string }>("select name from tax_class where type = 'customer' and is_default and deleted_at is null")

      await page.goto(`${baseUrl}/app/customer-groups/${group.id}`)
      const widget = page.getByTestId("customer-suite-group-tax-class")
      await widget.waitFor()
      const current = widget.getByTestId("customer-suite-group-tax-class-current")
      await current.getByText(fallback ? `Default class: ${fallback.name}` : "No class, and no default class is set.").waitFor()

      await chooseOption(page, widget.getByTestId("customer-suite-group-tax-class-select"), CUSTOMER.name)
      await widget.getByTestId("customer-suite-group-tax-class-save").click()
      await current.getByText(CUSTOMER.name, { exact: true }).waitFor()
      await current.getByText(CUSTOMER.code, { exact: true }).waitFor()
      await eventually(async () => expect(await linkedClassId(store, "customer", group.id)).toBe(customerClassId))
      // The API agrees with the table.
      const response = await page.request.get(`${baseUrl}/admin/customer-groups/${group.id}/tax-class`)
      expect(((await response.json()) as { tax_class: { id: string } | null }).tax_class?.id).toBe(customerClassId)
      await widget.scrollIntoViewIfNeeded()
      await store.screenshot("16-group-tax-class-widget")

      await chooseOption(page, widget.getByTestId("customer-suite-group-tax-class-select"), fallback ? `Use the default (${fallback.name})` : "Use the default")
      await widget.getByTestId("customer-suite-group-tax-class-save").click()
      await current.getByText(/^(Default class: |No class)/).waitFor()
      await eventually(async () => expect(await linkedClassId(store, "customer", group.id)).toBeNull())
    })

    it("gives a product the new class in its widget, and back to the default", async () => {
      const { page, baseUrl } = store
      const [product] = await store.sql<{ id: string }>("select id from product where handle = $1 and deleted_at is null", [PRODUCT_HANDLE])
      expect(await linkedClassId(store, "product", product.id)).toBeNull()
      const [fallback] = await store.sql<{ name: string }>("select name from tax_class where type = 'product' and is_default and deleted_at is null")

      await page.goto(`${baseUrl}/app/products/${product.id}`)
      const widget = page.getByTestId("customer-suite-product-tax-class")
      await widget.waitFor()
      const current = widget.getByTestId("customer-suite-product-tax-class-current")
      await current.getByText(fallback ? `Default class: ${fallback.name}` : "No class, and no default class is set.").waitFor()

      await chooseOption(page, widget.getByTestId("customer-suite-product-tax-class-select"), PRODUCT.name)
      await widget.getByTestId("customer-suite-product-tax-class-save").click()
      await current.getByText(PRODUCT.name, { exact: true }).waitFor()
      await eventually(async () => expect(await linkedClassId(store, "product", product.id)).toBe(productClassId))
      await widget.scrollIntoViewIfNeeded()
      await store.screenshot("17-product-tax-class-widget")

      await chooseOption(page, widget.getByTestId("customer-suite-product-tax-class-select"), fallback ? `Use the default (${fallback.name})` : "Use the default")
      await widget.getByTestId("customer-suite-product-tax-class-save").click()
      await current.getByText(/^(Default class: |No class)/).waitFor()
      await eventually(async () => expect(await linkedClassId(store, "product", product.id)).toBeNull())
    })

    it("refuses to delete a class the matrix uses, with the API's reason; deletes the row, then both classes", async () => {
      const { page, baseUrl } = store
      await page.goto(`${baseUrl}/app/settings/tax-classes`)
      const customerRow = page.getByTestId("tax-classes-customer").locator(`[data-tax-class-id="${customerClassId}"]`)
      await customerRow.waitFor()

      await clearToasts(page)
      await customerRow.getByRole("button", { name: `Delete ${CUSTOMER.name}` }).click()
      await confirmPrompt(page)
      const toast = page.locator("[data-sonner-toast]", { hasText: `${CUSTOMER.name} was not deleted` })
      await toast.getByText("1 tax class rate(s) use this class; delete them first").waitFor()
      expect(await classByCode(store, "customer", CUSTOMER.code)).not.toBeNull()

      await page.goto(`${baseUrl}/app/settings/tax-classes?customer_class=${customerClassId}`)
      await eventually(async () => expect(await matrixRows().count()).toBe(1), 15_000)
      await clearToasts(page)
      await matrixRows().first().getByRole("button", { name: "Delete row" }).click()
      await confirmPrompt(page)
      await page.getByTestId("tax-matrix").getByText("No results").waitFor()
      expect(await store.sql("select id from tax_class_rate where customer_class_id = $1 and deleted_at is null", [customerClassId])).toHaveLength(0)

      for (const [type, c] of [["customer", CUSTOMER], ["product", PRODUCT]] as const) {
        await clearToasts(page)
        const row = page.getByTestId(`tax-classes-${type}`).locator(`[data-code="${c.code}"]`)
        await row.getByRole("button", { name: `Delete ${c.name}` }).click()
        await confirmPrompt(page)
        await row.waitFor({ state: "detached" })
        expect(await classByCode(store, type, c.code)).toBeNull()
      }
    })
  })
})
