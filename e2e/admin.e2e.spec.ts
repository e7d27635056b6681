import { addToCart, customerWithAccount, exchangeCode, resetAssistanceSettings, setConsent, storeApi, STOREFRONT_URL } from "./assistance"
import { removeSources, sendSignedBatch } from "./audiences"
import { logIn, startStore, type Store } from "./harness"
import { basePriceEur, blockId, customerTargetedBy, groupMemberWithAccount, open, openFirstProduct, signIn, startStorefront, wholesalePrice, type Storefront } from "./storefront"
import { basePrice, confirm, listPrices, moneyInPage, pickOption, removeRules } from "./group-pricing"
import { addCondition, choose, clearToasts, eventually, expectedVipGermans, expectToastClearOf, parseCsv, pick, readDownload } from "./segments"
import { describeAccountSecurity, expectNowOnlineAfterStorefrontSignIn } from "./account-security"
import { describeContentBlocks } from "./content-blocks"
import { describeCustomerGrid } from "./customer-grid"
import { chooseOption, classByCode, confirmPrompt, createClass, linkedClassId, pickCountry, removeClasses } from "./tax-classes"

// beforeAll migrates, seeds (minutes), builds the dashboard and starts Medusa.
jest.setTimeout(2_700_000)

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
    // An editor since login as customer has its settings in the admin: the value is the field's.
    await expect(assistance.getByLabel("Code lifetime (seconds)").inputValue()).resolves.toBe("60")
    const segments = page.getByTestId("customer-suite-capability-segments")
    await expect(segments.innerText()).resolves.toMatch(/Enabled/)
    // The refresh schedule in words, in UTC, with the cron it comes from.
    const schedule = segments.getByTestId("customer-suite-setting-refresh_schedule")
    await schedule.getByTestId("customer-suite-schedule-words").getByText("Every hour, on the hour (UTC)", { exact: true }).waitFor()
    await schedule.getByText("0 * * * *", { exact: true }).waitFor()
    await segments.getByTestId("customer-suite-setting-abandoned_after_minutes").getByText("60 minutes", { exact: true }).waitFor()
    await store.screenshot("04-settings-customer-suite")
  })

  it("changes the default group on the settings page and puts it back to the plugin option", async () => {
    const { page } = store
    const setting = page.getByTestId("customer-suite-setting-default_group")
    await setting.scrollIntoViewIfNeeded()
    await setting.getByRole("combobox").click()
    // The plugin option says what it stands for (medusa-config.ts sets no default group here).
    await page.getByRole("option", { name: "Plugin option (medusa-config.ts): No group", exact: true }).waitFor()
    await page.getByRole("option", { name: "General", exact: true }).click()
    await clearToasts(page)
    await setting.getByRole("button", { name: "Save" }).click()
    await setting.getByText("Changed here").waitFor()
    // The toast covers neither this Save button nor the login-as-customer form's buttons.
    const assistanceForm = page.getByTestId("customer-suite-assistance-settings")
    await expectToastClearOf(page, "Setting saved", [
      setting.getByRole("button", { name: "Save" }),
      assistanceForm.getByRole("button", { name: "Cancel" }),
      page.getByTestId("customer-suite-assistance-save"),
    ])
    const [general] = await store.sql<{ id: string }>("select id from customer_group where name = 'General' and deleted_at is null")
    const stored = await store.sql<{ values: Record<string, unknown> }>(
      "select \"values\" from customer_suite_setting where capability = 'customer_groups' and deleted_at is null"
    )
    expect(stored[0].values).toEqual({ default_group: general.id })
    await store.screenshot("04b-settings-default-group")

    await setting.getByRole("combobox").click()
    await page.getByRole("option", { name: "Plugin option (medusa-config.ts): No group" }).click()
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

    it("follows a facts backfill on the segments page: progress and time left, cancel, rebuild to the end", async () => {
      const { page, baseUrl } = store
      // A run held by "another instance" (its lease holds 10 minutes), a quarter done at 50 customers/s.
      await store.sql("DELETE FROM customer_facts_backfill WHERE id = 'cfbf_e2e_running'")
      const [{ id }] = await store.sql<{ id: string }>(
        `INSERT INTO customer_facts_backfill (id, status, trigger, batch_size, customers_estimate, customers_done, orders_done, batches_done, running_ms, lease_until, started_at)
         VALUES ('cfbf_e2e_running', 'running', 'manual', 100, 1000, 250, 400, 3, 5000, now() + interval '10 minutes', now()) RETURNING id`
      )
      await page.goto(`${baseUrl}/app/customer-segments`)
      const panel = page.getByTestId("backfill-panel")
      await panel.getByTestId("backfill-progress").waitFor()
      await expect(panel.getByTestId("backfill-progress").getAttribute("aria-valuenow")).resolves.toBe("25")
      // 750 customers left at 50/s: 15 s.
      await expect(panel.getByTestId("backfill-progress-text").innerText()).resolves.toMatch(/250 of about 1,000 customers \(25 %\) · 50 customers\/s · about 15 sec left/)
      await store.screenshot("05b-segments-backfill-running")
      await panel.getByTestId("backfill-cancel").click()
      await page.waitForSelector('[data-testid="backfill-panel"][data-status="canceled"]')
      const [canceled] = await store.sql<{ status: string }>("SELECT status FROM customer_facts_backfill WHERE id = $1", [id])
      expect(canceled.status).toBe("canceled")

      await panel.getByTestId("backfill-start").click()
      await page.getByRole("button", { name: "Rebuild facts", exact: true }).last().click()
      await page.waitForSelector('[data-testid="backfill-panel"][data-status="succeeded"]', { timeout: 120_000 })
      const [{ customers }] = await store.sql<{ customers: string }>("SELECT count(*) AS customers FROM customer WHERE deleted_at IS NULL")
      await expect(panel.getByTestId("backfill-summary").innerText()).resolves.toContain(`${Number(customers).toLocaleString("en-US")} customers`)
      await store.screenshot("05c-segments-backfill-done")
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
      // The root reads as a sentence; no "Not" toggles.
      await root.getByText("Match", { exact: true }).first().waitFor()
      await expect(root.getByTestId("segment-group-op").first().innerText()).resolves.toBe("all of")
      await root.getByText("the following", { exact: true }).first().waitFor()
      expect(await page.getByRole("button", { name: "Not", exact: true }).count()).toBe(0)
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
      // The page's own message has the API's form: the attribute's label, then what is wrong.
      await orders.getByTestId("segment-condition-error").getByText("Number of orders: enter a value", { exact: true }).waitFor()
      expect(page.url()).toMatch(/\/customer-segments\/create$/)
      // A value the API refuses: its message, on this condition.
      await orders.getByLabel("From", { exact: true }).fill("5")
      await orders.getByLabel("To", { exact: true }).fill("2")
      // The API's message as it comes: no path, no second prefix.
      await orders.getByTestId("segment-condition-error").getByText(/^Number of orders: BETWEEN needs the smaller value first/).waitFor()
      expect(await orders.getByTestId("segment-condition-error").allInnerTexts()).not.toContainEqual(expect.stringMatching(/rule\.|value:/))
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
      // The ids are named as the builder names them.
      const names = page.getByTestId("segment-rule-names")
      await names.locator(`[data-id="${vip.id}"]`).getByText("VIP", { exact: true }).waitFor()
      await store.screenshot("08a-segment-text")
      // A broken query: the error names where, and the preview shows no count of an earlier text.
      await query.fill(`${text}\nAND`)
      const error = page.getByTestId("segment-query-error")
      await error.waitFor()
      await expect(error.innerText()).resolves.toMatch(/Line 2, column 4/)
      await page.getByTestId("segment-preview-invalid").getByText("Fix the rule to see a preview.").waitFor()
      expect(await page.getByTestId("segment-preview-count").count()).toBe(0)
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

    it("reads negations as sentences in the builder, and keeps every NOT through text and back", async () => {
      const { page } = store
      const query = page.getByTestId("segment-query")
      const conditions = page.getByTestId("segment-condition")
      await page.getByTestId("segment-mode-text").click()
      await eventually(async () => expect(await query.inputValue()).toContain("customer_groups CONTAINS"))
      const original = await query.inputValue()
      await query.fill(
        "NOT (countries CONTAINS 'at' OR number_of_orders BETWEEN 1 AND 2) AND NOT email = 'nobody@example.com' AND NOT number_of_orders > 100"
      )
      await page.getByTestId("segment-query-ok").getByText("The rule is valid.").waitFor()
      await page.getByTestId("segment-mode-builder").click()
      const group = page.getByTestId("segment-rule-group")
      await group.waitFor()
      await expect(group.getByTestId("segment-group-op").innerText()).resolves.toBe("none of")
      await expect(group.getAttribute("aria-label")).resolves.toBe("None of the following")
      await eventually(async () => expect(await conditions.count()).toBe(4))
      const operator = (attribute: string, nth = 0) =>
        page.locator(`[data-testid="segment-condition"][data-attribute="${attribute}"]`).nth(nth).getByTestId("segment-condition-operator")
      await expect(operator("email").innerText()).resolves.toBe("is not")
      await expect(operator("number_of_orders", 1).innerText()).resolves.toBe("is not more than")
      await store.screenshot("08b-segment-builder-negations")
      // Text → builder → text keeps the NOTs as they were written.
      await page.getByTestId("segment-mode-text").click()
      await eventually(async () => expect(await query.inputValue()).toMatch(/^NOT \(.*\) AND NOT email = .* AND NOT number_of_orders > 100$/))
      const printed = await query.inputValue()
      await page.getByTestId("segment-mode-builder").click()
      await eventually(async () => expect(await conditions.count()).toBe(4))
      await page.getByTestId("segment-mode-text").click()
      await eventually(async () => expect(await query.inputValue()).toBe(printed))
      // Back to the segment being built.
      await query.fill(original)
      await page.getByTestId("segment-query-ok").getByText("The rule is valid.").waitFor()
      await page.getByTestId("segment-mode-builder").click()
      await eventually(async () => expect(await conditions.count()).toBe(3))
      await eventually(async () =>
        expect(Number((await page.getByTestId("segment-preview-count").innerText()).replace(/\D/g, ""))).toBe(expected.length), 30_000
      )
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
      // The rule's text, with the names of its ids.
      await expect(page.getByTestId("segment-query-text").innerText()).resolves.toContain("customer_groups CONTAINS 'cusgroup_")
      await page.getByTestId("segment-rule-names").getByText("VIP", { exact: true }).waitFor()

      // A refresh by hand: its progress, then its result in the history.
      await clearToasts(page)
      await page.getByTestId("segment-refresh").click()
      await page.getByTestId("segment-run-status").getByText("Succeeded").waitFor()
      // Its toast leaves the header's buttons free.
      await expectToastClearOf(page, /Refresh finished/, ["segment-refresh", "segment-export", "segment-edit", "segment-delete"].map((id) => page.getByTestId(id)))
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
      // At the top of the page: above the group's own section (and so above Metadata and JSON).
      const heading = page.getByRole("heading", { name: "VIP spenders", level: 1 })
      await heading.waitFor()
      const [note, title] = [await widget.boundingBox(), await heading.boundingBox()]
      expect(note!.y).toBeLessThan(title!.y)
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

    it("builds a segment on that segment's members, picked by name, and refuses to delete the segment it reads", async () => {
      const { page, baseUrl } = store
      await page.goto(`${baseUrl}/app/customer-segments/create`)
      await page.getByTestId("segment-name-input").fill("Readers of VIP Germans")
      const root = page.getByTestId("segment-rule-root")
      const member = await addCondition(page, root, "segm", "segments")
      await pick(page, member, "VIP Germans", NAME, NAME)
      const count = page.getByTestId("segment-preview-count")
      await eventually(async () => expect(Number((await count.innerText()).replace(/\D/g, ""))).toBe(expected.length), 30_000)
      await page.getByTestId("segment-mode-text").click()
      await eventually(async () => expect(await page.getByTestId("segment-query").inputValue()).toBe(`segments CONTAINS '${segmentId}'`))
      await page.getByTestId("segment-mode-builder").click()
      await page.getByTestId("segment-save").click()
      await page.waitForURL(/\/app\/customer-segments\/cseg_[A-Za-z0-9]+$/)
      const readerId = page.url().split("/").pop()!
      await eventually(async () => expect(await page.getByTestId("segment-detail-member-count").innerText()).toBe(String(expected.length)))
      await page.getByTestId("segment-rule-summary").getByText(NAME).waitFor()
      await store.screenshot("12b-segment-of-segment")
      // The segment it reads is not deleted while it does.
      const refused = await page.request.delete(`${baseUrl}/admin/customer-segments/${segmentId}`)
      expect(refused.status()).toBe(400)
      expect(((await refused.json()) as { message: string }).message).toContain("Readers of VIP Germans")
      expect((await page.request.delete(`${baseUrl}/admin/customer-segments/${readerId}`)).status()).toBe(200)
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
      await drawer.waitFor({ state: "detached" })
      expect(await page.getByTestId("segment-detail-member-count").innerText()).toBe("1")
      // A static segment is never refreshed: it says how it gets members instead.
      await expect(page.getByTestId("segment-membership").innerText()).resolves.toMatch(/^Added by hand or through the API/)
      await expect(page.getByTestId("segment-detail").innerText()).resolves.not.toMatch(/Not refreshed yet|No refreshes yet|Refresh history/)
      expect(await page.getByTestId("segment-refresh").count()).toBe(0)
      await clearToasts(page)
      await store.screenshot("13-static-segment")

      await page.goto(`${baseUrl}/app/customers/${customer.id}`)
      const row = page.getByTestId("customer-suite-customer-segments").locator(`[data-segment-id="${staticId}"]`)
      await row.getByRole("button", { name: "Remove" }).click()
      await row.waitFor({ state: "detached" })
      expect(
        await store.sql("select id from customer_segment_membership where segment_id = $1 and deleted_at is null", [staticId])
      ).toHaveLength(0)
      // Leave nothing behind for a run on a reused database (E2E_REUSE_DB=1).
      expect((await page.request.delete(`${baseUrl}/admin/customer-segments/${staticId}`)).status()).toBe(200)
    })

    it("says a segment over the cart alone is decided per cart, at request time", async () => {
      const { page, baseUrl } = store
      const [guests] = await store.sql<{ id: string }>(
        "select id from customer_segment where name = 'Guests with a big outerwear cart' and deleted_at is null"
      )
      await page.goto(`${baseUrl}/app/customer-segments/${guests.id}`)
      await page.getByTestId("segment-detail-member-count").getByText("Per cart", { exact: true }).waitFor()
      await expect(page.getByTestId("segment-membership").innerText()).resolves.toMatch(/^Decided per cart, at request time/)
      const members = page.getByTestId("segment-members")
      await members.getByText("Decided per cart", { exact: true }).waitFor()
      await members.getByText(/store API decides per cart/).waitFor()
      // No empty table, no export of members that are never stored.
      expect(await members.locator("table").count()).toBe(0)
      expect(await page.getByTestId("segment-export").count()).toBe(0)
      expect(await page.getByTestId("segment-runs").count()).toBe(0)
      await store.screenshot("13b-per-cart-segment")
      // In the list too.
      await page.goto(`${baseUrl}/app/customer-segments`)
      const row = page.getByTestId("segments-list").locator("tbody tr", { hasText: "Guests with a big outerwear cart" })
      await row.getByTestId("segment-member-count").getByText("Per cart").waitFor()
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

  describe("audiences", () => {
    const SOURCE = "E2E CDP"

    it("lists the seeded source and audience; creates a source whose secret, shown once, signs a batch the webhook takes", async () => {
      const { page, baseUrl } = store
      await removeSources(store, [SOURCE])
      await page.goto(`${baseUrl}/app/customers`)
      await page.getByRole("link", { name: "Audiences", exact: true }).click()
      await page.waitForURL("**/app/audiences")
      const sources = page.getByTestId("audience-sources")
      await sources.getByTestId("audience-source-row").filter({ hasText: "Demo CDP" }).waitFor()
      const [seeded] = await store.sql<{ member_count: number }>(
        "select member_count from audience where external_id = 'demo-high-intent' and deleted_at is null"
      )
      const row = page.getByTestId("audiences-list").locator("tbody tr", { hasText: "demo-high-intent" })
      await row.getByTestId("audience-member-count").getByText(String(seeded.member_count), { exact: true }).waitFor()
      await store.screenshot("27-audiences")

      await page.getByTestId("audience-source-create").click()
      await page.locator("#audience-source-name").fill(SOURCE)
      await page.getByTestId("audience-source-save").click()
      const secret = (await page.getByTestId("audience-source-secret").innerText()).trim()
      expect(secret).toMatch(/^cssk_[A-Za-z0-9_-]{43}$/)
      await store.screenshot("28-audience-secret")
      await page.getByTestId("audience-source-secret-done").click()
      await page.getByTestId("audience-source-secret").waitFor({ state: "detached" })
      // Shown once: neither the page nor the API has it afterwards.
      expect(await page.content()).not.toContain(secret)
      const [source] = await store.sql<{ id: string }>("select id from audience_source where name = $1 and deleted_at is null", [SOURCE])

      const [customer] = await store.sql<{ email: string }>("select email from customer where has_account and deleted_at is null order by email limit 1")
      const sent = await sendSignedBatch(store, source.id, secret, {
        batch_id: "e2e-1",
        audience: { id: "e2e-buyers", name: "E2E buyers" },
        add: [{ email: customer.email.toUpperCase() }, { email: "nobody@e2e.example" }],
        remove: [],
      })
      expect(sent).toMatchObject({ status: 200, body: { batch: { added: 1, unknown: { count: 1 } } } })
      expect((await sendSignedBatch(store, source.id, "cssk_wrong", { batch_id: "e2e-2", audience: { id: "x", name: "X" } })).status).toBe(401)
      await page.reload()
      await page.getByTestId("audiences-list").locator("tbody tr", { hasText: "E2E buyers" }).getByTestId("audience-member-count").getByText("1", { exact: true }).waitFor()
    })

    it("opens an audience: members, the batch with its unknown member, and the customer-group mirror", async () => {
      const { page } = store
      await page.getByTestId("audiences-list").getByRole("link", { name: "E2E buyers" }).click()
      const detail = page.getByTestId("audience-detail")
      await detail.waitFor()
      await page.getByTestId("audience-members").locator("tbody tr").first().waitFor()
      expect(await page.getByTestId("audience-members").locator("tbody tr").count()).toBe(1)
      const batch = page.getByTestId("audience-batch").first()
      await batch.getByText("e2e-1", { exact: true }).waitFor()
      await batch.getByText("1 unknown", { exact: true }).waitFor()
      await batch.getByText("Unknown: nobody@e2e.example").waitFor()

      await page.getByTestId("audience-group-toggle").click()
      await page.getByRole("link", { name: "Open the customer group" }).waitFor()
      const [group] = await store.sql<{ id: string; members: string }>(
        `select g.id, (select count(*) from customer_group_customer l where l.customer_group_id = g.id and l.deleted_at is null) as members
           from customer_group g where g.name = 'E2E buyers' and g.deleted_at is null`
      )
      expect(Number(group.members)).toBe(1)
      await store.screenshot("29-audience-detail")

      // Deleting the source (after confirmation) takes its audiences and the group mirroring one.
      await page.getByRole("link", { name: "Audiences", exact: true }).first().click()
      await page.waitForURL("**/app/audiences")
      const row = page.getByTestId("audience-source-row").filter({ hasText: SOURCE })
      await row.getByRole("button", { name: "Delete" }).click()
      await confirmPrompt(page, "Delete")
      await row.waitFor({ state: "detached" })
      expect(await page.getByTestId("audiences-list").locator("tbody tr", { hasText: "E2E buyers" }).count()).toBe(0)
      expect(await store.sql("select id from customer_group where id = $1 and deleted_at is null", [group.id])).toEqual([])
    })
  })

  describe("group pricing", () => {
    const GROUP = "VIP"
    const NAME = "VIP: 10% off, 20% from 5 items"
    let groupId = ""
    let ruleId = ""
    let priceListId = ""

    it("lists Group pricing under Customers, the seeded rule told in words", async () => {
      const { page, baseUrl } = store
      await removeRules(store, [NAME])
      const [group] = await store.sql<{ id: string }>("select id from customer_group where name = $1 and deleted_at is null", [GROUP])
      groupId = group.id

      await page.goto(`${baseUrl}/app/customers`)
      await page.getByRole("link", { name: "Group pricing", exact: true }).click()
      await page.waitForURL("**/app/group-pricing")
      const list = page.getByTestId("group-pricing-list")
      // The seeded rule, in words, with its group's name.
      const [seeded] = await store.sql<{ name: string; percentage: number; group: string }>(
        `select r.name, r.percentage, g.name as group from group_price_rule r join customer_group g on g.id = r.customer_group_id
          where r.deleted_at is null and r.name = 'Wholesale: 15% off everything'`
      )
      const row = list.locator("tbody tr", { hasText: seeded.name })
      await row.getByTestId("group-pricing-row-adjustment").getByText(`${seeded.percentage}% off`, { exact: true }).waitFor()
      await row.getByTestId("group-pricing-row-group").getByText(seeded.group, { exact: true }).waitFor()
      await row.getByText("All products", { exact: true }).waitFor()
      const [{ count }] = await store.sql<{ count: string }>("select count(*) from group_price_rule where deleted_at is null")
      await eventually(async () => expect(await list.locator("tbody tr").count()).toBe(Math.min(Number(count), 20)), 15_000)
      // The status filter, kept in the URL.
      const [{ inactive }] = await store.sql<{ inactive: string }>(
        "select count(*) as inactive from group_price_rule where deleted_at is null and status = 'inactive'"
      )
      await page.goto(`${baseUrl}/app/group-pricing?status=inactive`)
      if (Number(inactive) === 0) {
        await list.getByText("No results").waitFor()
      } else {
        await eventually(async () => expect(await list.locator("tbody tr").count()).toBe(Math.min(Number(inactive), 20)), 15_000)
      }
      await page.goto(`${baseUrl}/app/group-pricing`)
      await list.locator("tbody tr").first().waitFor()
      await store.screenshot("18-group-pricing-list")
    })

    it("refuses a percentage of 150 next to its field, live and on save", async () => {
      const { page } = store
      await page.getByTestId("group-pricing-create").click()
      await page.waitForURL("**/app/group-pricing/create")
      await page.getByTestId("group-pricing-name").fill(NAME)
      await pickOption(page, page.getByTestId("group-pricing-group"), GROUP, GROUP)
      await page.getByTestId("group-pricing-percentage").fill("150")
      const error = page.getByTestId("group-pricing-error-percentage")
      // From the live preview's validation…
      await error.getByText("must be a percentage above 0, up to 100").waitFor()
      await page.getByTestId("group-pricing-preview-invalid").waitFor()
      // …and from the save, which is refused.
      await clearToasts(page)
      await page.getByTestId("group-pricing-save").click()
      await page.locator("[data-sonner-toast]", { hasText: "The rule was not saved" }).waitFor()
      await error.getByText("must be a percentage above 0, up to 100").waitFor()
      expect(page.url()).toMatch(/\/group-pricing\/create$/)
      expect(await store.sql("select id from group_price_rule where name = $1 and deleted_at is null", [NAME])).toHaveLength(0)
    })

    it("previews 10% off with a tier from 5 items: base, group and tier prices as computed from the price tables", async () => {
      const { page } = store
      await page.getByTestId("group-pricing-percentage").fill("10")
      await page.getByTestId("group-pricing-error-percentage").waitFor({ state: "detached" })
      await page.getByTestId("group-pricing-add-tier").click()
      const tier = page.getByTestId("group-pricing-tier").first()
      await tier.getByTestId("group-pricing-tier-min").fill("5")
      await tier.getByTestId("group-pricing-tier-percentage").fill("20")

      const prices = page.getByTestId("group-pricing-preview").getByTestId("group-pricing-preview-price")
      // The preview follows the form: wait for the tier to be in it.
      await eventually(async () => expect(await prices.first().getByTestId("group-pricing-preview-tiers").innerText()).toMatch(/^from 5: /), 30_000)
      const plain = page.locator('[data-testid="group-pricing-preview-price"][data-rules=""]')
      expect(await plain.count()).toBeGreaterThan(0)
      for (const row of (await plain.all()).slice(0, 4)) {
        const variantId = (await row.getAttribute("data-variant-id"))!
        const currency = (await row.getAttribute("data-currency"))!
        const base = await basePrice(store, variantId, currency)
        const round = (value: number) => Math.round(value * 100) / 100
        expect(await row.getByTestId("group-pricing-preview-base").innerText()).toBe(await moneyInPage(page, base, currency))
        expect(await row.getByTestId("group-pricing-preview-group").innerText()).toBe(await moneyInPage(page, round(base * 0.9), currency))
        expect(await row.getByTestId("group-pricing-preview-tiers").innerText()).toBe(`from 5: ${await moneyInPage(page, round(base * 0.8), currency)}`)
      }
      const [{ products }] = await store.sql<{ products: string }>(
        `select count(distinct v.product_id) as products from product_variant v join product p on p.id = v.product_id
          where v.deleted_at is null and p.deleted_at is null`
      )
      await page.getByTestId("group-pricing-preview-counts").getByText(new RegExp(`^${products} products,`)).waitFor()
      await clearToasts(page)
      // The tiers, the schedule and the preview's first rows in one picture.
      await page.getByTestId("group-pricing-tiers").evaluate((el) => el.scrollIntoView({ block: "start" }))
      await store.screenshot("19-group-pricing-form")
    })

    it("saves, and the detail page tells the rule and what the sync wrote, checked in the price list", async () => {
      const { page } = store
      await page.getByTestId("group-pricing-save").click()
      await page.waitForURL(/\/app\/group-pricing\/gpr_[A-Za-z0-9]+$/)
      ruleId = page.url().split("/").pop()!
      const [stored] = await store.sql<{ price_list_id: string; percentage: number; tiers: unknown; customer_group_id: string }>(
        "select price_list_id, percentage, tiers, customer_group_id from group_price_rule where id = $1 and deleted_at is null",
        [ruleId]
      )
      expect(stored).toMatchObject({ percentage: 10, tiers: [{ min_quantity: 5, percentage: 20 }], customer_group_id: groupId })
      priceListId = stored.price_list_id
      expect(priceListId).toMatch(/^plist_/)

      const detail = page.getByTestId("group-pricing-detail")
      await detail.getByTestId("group-pricing-detail-name").getByText(NAME).waitFor()
      await detail.getByTestId("group-pricing-detail-sentence").getByText(`Members of ${GROUP} get 10% off on all products.`).waitFor()
      await detail.getByTestId("group-pricing-detail-tiers").getByText("From 5 items: 20% off").waitFor()
      await detail.getByTestId("group-pricing-detail-group").getByText(GROUP, { exact: true }).waitFor()

      // VIP has no other rule: every variant is this rule's, two prices (up to 4 items, from 5) per base price.
      const inList = await listPrices(store, priceListId)
      const [{ variants }] = await store.sql<{ variants: string }>("select count(*) as variants from product_variant where deleted_at is null")
      expect(inList.filter((p) => p.min_quantity === null)).toHaveLength(inList.length / 2)
      const sync = page.getByTestId("group-pricing-sync")
      await sync.getByTestId("group-pricing-sync-totals").getByText(`${inList.length} prices for ${variants} variants`).waitFor()
      await sync.getByTestId("group-pricing-sync-changes").getByText(`${inList.length} created, 0 updated, 0 deleted`).waitFor()
      expect(await sync.getByTestId("group-pricing-synced-at").innerText()).not.toBe("Never")
      await clearToasts(page)
      await store.screenshot("20-group-pricing-detail")
    })

    it("resyncs: the list already matches the rule, nothing is written", async () => {
      const { page } = store
      const before = await listPrices(store, priceListId)
      await clearToasts(page)
      await page.getByTestId("group-pricing-resync").click()
      await page.locator("[data-sonner-toast]", { hasText: "Resynced: 0 created, 0 updated, 0 deleted" }).waitFor()
      await page.getByTestId("group-pricing-sync-changes").getByText("0 created, 0 updated, 0 deleted").waitFor()
      expect((await listPrices(store, priceListId)).length).toBe(before.length)
    })

    it("lists the rule on the customer group's page, with a link that creates one for the group", async () => {
      const { page, baseUrl } = store
      await page.goto(`${baseUrl}/app/customer-groups/${groupId}`)
      const widget = page.getByTestId("customer-suite-group-pricing")
      const row = widget.locator(`[data-rule-id="${ruleId}"]`)
      await row.getByRole("link", { name: NAME }).waitFor()
      await row.getByText("10% off · All products").waitFor()
      await row.getByText("Active", { exact: true }).waitFor()
      const rules = await store.sql("select id from group_price_rule where customer_group_id = $1 and deleted_at is null", [groupId])
      expect(await widget.getByTestId("customer-suite-group-pricing-rule").count()).toBe(rules.length)
      await widget.scrollIntoViewIfNeeded()
      await store.screenshot("21-group-pricing-widget")

      await widget.getByTestId("customer-suite-group-pricing-create").click()
      await page.waitForURL(`**/app/group-pricing/create?customer_group_id=${groupId}`)
      await page.getByTestId("group-pricing-group").getByText(GROUP, { exact: true }).waitFor()
    })

    it("says on the managed price list which rule keeps it and that edits there are undone", async () => {
      const { page, baseUrl } = store
      await page.goto(`${baseUrl}/app/group-pricing/${ruleId}`)
      await page.getByTestId("group-pricing-price-list").click()
      await page.waitForURL(`**/app/price-lists/${priceListId}`)
      const notice = page.getByTestId("customer-suite-price-list-managed")
      await notice.getByTestId("customer-suite-price-list-managed-rule").getByText(NAME).waitFor()
      await notice.getByText("changes made here are undone by the rule's next resync").waitFor()
      // In sight when the page opens (the side column, under Configuration).
      expect(await notice.isVisible()).toBe(true)
      const box = await notice.boundingBox()
      expect(box && box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height)
      await store.screenshot("22-price-list-managed")
      // A list nobody manages has no notice.
      const [other] = await store.sql<{ id: string; title: string }>(
        "select id, title from price_list where deleted_at is null and (metadata is null or metadata->>'managed_by' is null) limit 1"
      )
      if (other) {
        await page.goto(`${baseUrl}/app/price-lists/${other.id}`)
        await page.getByText(other.title, { exact: true }).first().waitFor()
        expect(await notice.count()).toBe(0)
      }
      await page.goto(`${baseUrl}/app/price-lists/${priceListId}`)
      await notice.getByTestId("customer-suite-price-list-managed-rule").click()
      await page.waitForURL(`**/app/group-pricing/${ruleId}`)
    })

    it("edits the rule in a form that holds what was saved; the list's prices follow", async () => {
      const { page } = store
      await page.getByTestId("group-pricing-edit").click()
      await page.waitForURL(`**/app/group-pricing/${ruleId}/edit`)
      expect(await page.getByTestId("group-pricing-name").inputValue()).toBe(NAME)
      await page.getByTestId("group-pricing-group").getByText(GROUP, { exact: true }).waitFor()
      expect(await page.getByTestId("group-pricing-percentage").inputValue()).toBe("10")
      const tier = page.getByTestId("group-pricing-tier")
      expect(await tier.count()).toBe(1)
      expect(await tier.getByTestId("group-pricing-tier-min").inputValue()).toBe("5")
      expect(await tier.getByTestId("group-pricing-tier-percentage").inputValue()).toBe("20")

      await page.getByTestId("group-pricing-percentage").fill("12")
      await page.getByTestId("group-pricing-save").click()
      await page.waitForURL(`**/app/group-pricing/${ruleId}`)
      await page.getByTestId("group-pricing-detail-adjustment").getByText("12% off", { exact: true }).waitFor()
      // A variant's price in the list, against its base price.
      const [variant] = await store.sql<{ variant_id: string }>(
        `select link.variant_id from price p join product_variant_price_set link on link.price_set_id = p.price_set_id and link.deleted_at is null
          where p.price_list_id = $1 and p.deleted_at is null and p.currency_code = 'eur' limit 1`,
        [priceListId]
      )
      const base = await basePrice(store, variant.variant_id, "eur")
      const amounts = await store.sql<{ amount: string; min_quantity: string | null }>(
        `select p.amount, p.min_quantity from price p join product_variant_price_set link on link.price_set_id = p.price_set_id and link.deleted_at is null
          where p.price_list_id = $1 and p.deleted_at is null and p.currency_code = 'eur' and link.variant_id = $2 order by p.min_quantity nulls first`,
        [priceListId, variant.variant_id]
      )
      expect(amounts.map((a) => [Number(a.amount), a.min_quantity === null ? null : Number(a.min_quantity)])).toEqual([
        [Math.round(base * (1 - 12 / 100) * 100) / 100, null],
        [Math.round(base * (1 - 20 / 100) * 100) / 100, 5],
      ])
    })

    it("deletes the rule after a confirmation, and its price list with it", async () => {
      const { page } = store
      await clearToasts(page)
      await page.getByTestId("group-pricing-delete").click()
      await confirm(page, "Delete")
      await page.waitForURL("**/app/group-pricing")
      await page.getByTestId("group-pricing-list").locator("tbody tr").first().waitFor()
      expect(await page.getByTestId("group-pricing-list").getByText(NAME).count()).toBe(0)
      expect(await store.sql("select id from group_price_rule where id = $1 and deleted_at is null", [ruleId])).toHaveLength(0)
      expect(await store.sql("select id from price_list where id = $1 and deleted_at is null", [priceListId])).toHaveLength(0)
    })
  })

  describe("login as customer", () => {
    let customer: { id: string; email: string }
    let code = ""
    let token = ""
    let sessionId = ""
    const REASON = "Helping with an order by phone (e2e)"

    beforeAll(async () => {
      customer = await customerWithAccount(store)
      await resetAssistanceSettings(store.page, store.baseUrl)
    })

    afterAll(async () => {
      // Off again, as the settings test above expects on the next run.
      await resetAssistanceSettings(store.page, store.baseUrl).catch(() => undefined)
      await setConsent(store, customer.email, false).catch(() => undefined)
    })

    it("turns login as customer on in the settings page, with a storefront URL", async () => {
      const { page, baseUrl } = store
      await page.goto(`${baseUrl}/app/settings/customer-suite`)
      const section = page.getByTestId("customer-suite-capability-assistance")
      const enabled = section.getByTestId("customer-suite-assistance-setting-enabled").getByRole("switch")
      await enabled.waitFor()
      await expect(section.innerText()).resolves.toMatch(/Disabled/)
      await enabled.click()
      await section.getByLabel("Storefront URL").fill("not a url")
      await clearToasts(page)
      await section.getByTestId("customer-suite-assistance-save").click()
      // The API's message shows under its field.
      const urlError = section.getByTestId("customer-suite-assistance-error-storefront_url")
      await urlError.waitFor()
      // As the API wrote it, without its path.
      await expect(urlError.innerText()).resolves.toMatch(/^must be an absolute URL containing \{code\}/)
      await section.getByLabel("Storefront URL").fill(STOREFRONT_URL)
      await section.getByTestId("customer-suite-assistance-save").click()
      await eventually(async () => expect(await section.innerText()).toMatch(/Login as customer[\s\S]*Enabled/), 20_000)
      await urlError.waitFor({ state: "detached" })
      const [row] = await store.sql<{ values: Record<string, unknown> }>(`select "values" from customer_suite_setting where capability = 'assistance'`)
      expect(row.values).toMatchObject({ enabled: true, storefront_url: STOREFRONT_URL })
    })

    it("starts a session from the customer's page once the customer allowed it, showing the code once", async () => {
      const { page, baseUrl } = store
      await setConsent(store, customer.email, true)
      await page.goto(`${baseUrl}/app/customers/${customer.id}`)
      const widget = page.getByTestId("customer-suite-customer-assistance")
      await widget.waitFor()
      await eventually(async () => expect(await widget.getByTestId("customer-assistance-consent").innerText()).toMatch(/Allowed[\s\S]*since/), 20_000)
      await widget.scrollIntoViewIfNeeded()
      await store.screenshot("23-customer-assistance-widget")

      await clearToasts(page)
      await widget.getByTestId("customer-assistance-start").click()
      const drawer = page.getByTestId("customer-assistance-drawer")
      await drawer.waitFor()
      await drawer.getByLabel("Reason").fill(REASON)
      await drawer.getByTestId("customer-assistance-submit").click()
      const shown = drawer.getByTestId("customer-assistance-code")
      await shown.waitFor()
      code = (await shown.innerText()).trim()
      expect(code).toMatch(/^[2-9A-Z]{10}$/)
      await expect(drawer.getByTestId("customer-assistance-countdown").innerText()).resolves.toMatch(/Expires in \d+:\d\d/)
      await expect(drawer.getByTestId("customer-assistance-link").getAttribute("href")).resolves.toBe(STOREFRONT_URL.replace("{code}", code))
      await expect(drawer.getByTestId("customer-assistance-link").getAttribute("target")).resolves.toBe("_blank")
      await store.screenshot("24-assistance-code")

      // Shown once: closed, the drawer forgets it; the widget shows the open session.
      await drawer.getByRole("button", { name: "Done" }).click()
      await drawer.waitFor({ state: "detached" })
      const open = widget.getByTestId("customer-assistance-open-session")
      await open.waitFor()
      await expect(open.innerText()).resolves.toMatch(/Waiting for the code/)
      expect(await page.getByText(code).count()).toBe(0)
      const [session] = await store.sql<{ id: string; reason: string }>(
        `select id, reason from assistance_session where customer_id = $1 and deleted_at is null order by created_at desc limit 1`,
        [customer.id]
      )
      expect(session.reason).toBe(REASON)
      sessionId = session.id
    })

    it("exchanges the code on the storefront and shops as the customer", async () => {
      const exchanged = await exchangeCode(store, code)
      expect(exchanged.status).toBe(200)
      expect(exchanged.body.assistance_session.id).toBe(sessionId)
      token = exchanged.body.token
      const me = await storeApi<{ customer: { id: string } }>(store, "/store/customers/me", { token })
      expect(me.body.customer.id).toBe(customer.id)
      await addToCart(store, token)
    })

    it("lists the session in the assistance log with its actions, and shows its timeline", async () => {
      const { page, baseUrl } = store
      const log = page.getByTestId("assistance-log")
      const row = log.locator("tbody tr", { hasText: REASON }).filter({ hasText: "Active" })
      // Actions are logged after the response: reload until both changes are counted.
      await eventually(async () => {
        await page.goto(`${baseUrl}/app/assistance-log?customer_id=${customer.id}`)
        await row.first().waitFor({ timeout: 10_000 })
        expect(Number(await row.first().getByTestId("assistance-row-actions").innerText())).toBeGreaterThanOrEqual(2)
      })
      // The customer's email is fetched after the rows.
      await eventually(async () => expect(await row.first().innerText()).toContain(customer.email), 10_000)
      await expect(row.first().innerText()).resolves.toMatch(/Active/)
      await page.getByTestId("assistance-log-customer-filter").waitFor()
      await store.screenshot("25-assistance-log")

      await row.first().click()
      await page.waitForURL(`**/app/assistance-log/${sessionId}`)
      const timeline = page.getByTestId("assistance-session-timeline")
      await timeline.getByTestId("assistance-action").first().waitFor()
      const routes = await timeline.getByTestId("assistance-action").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-route")))
      expect(routes).toEqual(expect.arrayContaining(["/store/carts", "/store/carts/:id/line-items"]))
      // Each action in words, and what its ids are.
      const words = await timeline.getByTestId("assistance-action-words").allInnerTexts()
      expect(words).toEqual(expect.arrayContaining(["Created a cart", "Added an item to the cart"]))
      const adding = timeline.locator('[data-testid="assistance-action"][data-route="/store/carts/:id/line-items"]').first()
      await adding.locator('[data-testid="assistance-action-record"][data-kind="cart"]').getByText("Cart", { exact: true }).waitFor()
      await adding.locator('[data-testid="assistance-action-record"][data-kind="variant"]').getByText("Product variant", { exact: true }).waitFor()
      await expect(page.getByTestId("assistance-session-facts").innerText()).resolves.toContain(REASON)
      await store.screenshot("26-assistance-session")
    })

    it("ends the session from the admin: the storefront token is refused", async () => {
      const { page } = store
      await clearToasts(page)
      await page.getByTestId("assistance-session-end").click()
      await confirmPrompt(page, "End session")
      await eventually(async () => expect(await page.getByTestId("assistance-session-state").innerText()).toMatch(/Ended by an admin/), 20_000)
      expect(await page.getByTestId("assistance-session-end").count()).toBe(0)
      const [row] = await store.sql<{ status: string; end_reason: string }>(`select status, end_reason from assistance_session where id = $1`, [sessionId])
      expect(row).toEqual({ status: "ended", end_reason: "ended_by_admin" })
      await eventually(async () => expect((await storeApi(store, "/store/customers/me", { token })).status).toBe(401), 15_000)
    })
  })
  describe("the example storefront (examples/storefront)", () => {
    let front: Storefront

    beforeAll(async () => {
      front = await startStorefront(store)
    })

    afterAll(async () => {
      await front?.stop()
    })

    it("shows a guest the products with their prices in the Europe region, and the default home hero", async () => {
      const page = await front.shopper()
      const events = page.waitForResponse((r) => r.url().includes("/store/content-blocks/events") && r.request().method() === "POST")
      await open(page, `${front.url}/`)
      const cards = page.getByTestId("product-card")
      await cards.first().waitFor()
      // The first card's price: the store API's calculated price of the product's cheapest variant in EUR.
      const [europe] = await store.sql<{ id: string }>(`select id from region where currency_code = 'eur' and deleted_at is null`)
      const productId = (await cards.first().getAttribute("data-product-id"))!
      const api = await storeApi<{ products: { variants: { calculated_price: { calculated_amount: number } | null }[] }[] }>(
        store,
        `/store/products?id=${productId}&region_id=${europe.id}&fields=id,*variants.calculated_price`
      )
      const cheapest = Math.min(...api.body.products[0].variants.filter((v) => v.calculated_price).map((v) => v.calculated_price!.calculated_amount))
      const price = cards.first().getByTestId("price")
      expect(Number(await price.getAttribute("data-amount"))).toBe(cheapest)
      expect(await price.getAttribute("data-currency")).toBe("eur")

      const hero = page.locator('[data-placement="home-hero"][data-state="loaded"] [data-content-block-id]')
      await hero.first().waitFor()
      expect(await hero.count()).toBe(1)
      expect(await hero.getAttribute("data-content-block-id")).toBe(await blockId(store, "Home hero"))
      // Its impression was sent through the events route.
      expect((await events).status()).toBe(200)
      await front.screenshot(page, "40-storefront-guest-home")
    })

    it("lists a customer who just signed in on the storefront under Now online, with the badge on their page", async () => {
      await expectNowOnlineAfterStorefrontSignIn(store, front)
    })

    it("shows a VIP customer the VIP home hero", async () => {
      const vip = await customerTargetedBy(store, "VIP home hero")
      const page = await front.shopper()
      await signIn(page, front.url, vip.email)
      await open(page, `${front.url}/`)
      const hero = page.locator('[data-placement="home-hero"][data-state="loaded"] [data-content-block-id]')
      await hero.first().waitFor()
      expect(await hero.getAttribute("data-content-block-id")).toBe(await blockId(store, "VIP home hero"))
      await front.screenshot(page, "41-storefront-vip-home")
    })

    it("shows a guest whose cart passes 100 EUR the cart banner, and not before", async () => {
      const page = await front.shopper()
      await open(page, `${front.url}/`)
      const { amount } = await openFirstProduct(page)
      expect(amount).toBeGreaterThan(0)
      const bannerId = await blockId(store, "Big guest cart banner")
      const banner = page.locator(`[data-placement="cart-banner"] [data-content-block-id="${bannerId}"]`)
      if (amount < 100) {
        await page.getByTestId("add-to-cart").click()
        await page.getByTestId("cart-line").first().waitFor()
        await page.locator('[data-placement="cart-banner"][data-state="empty"]').waitFor()
        expect(await banner.count()).toBe(0)
        await page.goBack()
        await page.getByTestId("product-price").getByTestId("price").waitFor()
      }
      // Well over 100 EUR, with or without the VAT the prices include.
      await page.getByTestId("quantity").fill(String(Math.ceil(150 / amount)))
      await page.getByTestId("add-to-cart").click()
      await page.getByTestId("cart-line").first().waitFor()
      expect(Number(await page.getByTestId("cart-totals").getAttribute("data-subtotal"))).toBeGreaterThan(100)
      await banner.waitFor()
      await front.screenshot(page, "42-storefront-guest-cart-banner")
    })

    it("shows a Wholesale member the group price on the product and in the cart, with no tax", async () => {
      const member = await groupMemberWithAccount(store, "Wholesale")
      const page = await front.shopper()
      await signIn(page, front.url, member.email)
      await open(page, `${front.url}/`)
      await page.getByTestId("product-card").first().waitFor()
      const { variantId, amount } = await openFirstProduct(page)
      const group = await wholesalePrice(store, variantId)
      const base = await basePriceEur(store, variantId)
      expect(group).toBeLessThan(base)
      expect(amount).toBe(group)
      const price = page.getByTestId("product-price")
      await price.getByTestId("group-price-label").waitFor()
      expect(Number(await price.getByTestId("original-price").getAttribute("data-amount"))).toBe(base)
      await front.screenshot(page, "43-storefront-wholesale-product")

      await page.getByTestId("add-to-cart").click()
      const line = page.locator(`[data-testid="cart-line"][data-variant-id="${variantId}"]`)
      await line.waitFor()
      expect(Number(await line.getAttribute("data-unit-price"))).toBe(group)
      // The tax-class provider's exemption for the Wholesale customer class, as Medusa's cart holds it.
      expect(await line.getAttribute("data-tax-codes")).toBe("EXEMPT")
      expect(Number(await line.getAttribute("data-tax-rates"))).toBe(0)
      expect(await line.getAttribute("data-tax-total")).toBe("0")
      expect(Number(await line.getAttribute("data-unit-price"))).toBe(group)
      expect(await page.getByTestId("cart-totals").getAttribute("data-tax-total")).toBe("0")
      expect(Number(await page.getByTestId("cart-totals").getAttribute("data-total"))).toBe(group)
      await line.getByTestId("cart-line-tax").getByText("EXEMPT 0%").waitFor()
      const cartId = (await page.getByTestId("cart-page").getAttribute("data-cart-id"))!
      const [cart] = await store.sql<{ customer_id: string }>(`select customer_id from cart where id = $1`, [cartId])
      expect(cart.customer_id).toBe(member.id)
      await front.screenshot(page, "44-storefront-wholesale-cart")
    })

    describe("shopping assistance", () => {
      let customer: { id: string; email: string }

      beforeAll(async () => {
        const on = await front.adminApi("/admin/customer-suite/settings", {
          method: "POST",
          body: { assistance: { enabled: true, storefront_url: `${front.url}/account/assist?code={code}` } },
        })
        expect(on.status).toBe(200)
        // Another customer than the admin test's, starting without consent.
        customer = await groupMemberWithAccount(store, "General", 1)
        await setConsent(store, customer.email, false)
      })

      afterAll(async () => {
        // Off again, as the settings test expects on the next run.
        await front.adminApi("/admin/customer-suite/settings", {
          method: "POST",
          body: { reset: ["enabled", "consent", "code_ttl_seconds", "session_ttl_minutes", "storefront_url", "require_reason", "denied_actions"].map((k) => `assistance.${k}`) },
        })
      })

      it("lets the customer allow assistance with the switch on the account page", async () => {
        const page = await front.shopper()
        await signIn(page, front.url, customer.email)
        const toggle = page.getByTestId("assistance-consent-switch")
        await expect(toggle.isChecked()).resolves.toBe(false)
        await eventually(async () => expect(await toggle.isEnabled()).toBe(true))
        await toggle.click()
        await eventually(async () => expect(await toggle.isChecked()).toBe(true))
        const answer = await front.adminApi<{ assistance_consent: { allowed: boolean } }>(`/admin/customers/${customer.id}/assistance-consent`)
        expect(answer.body.assistance_consent.allowed).toBe(true)
        await front.screenshot(page, "45-storefront-account-consent")
      })

      it("opens the admin's assistance link on the storefront and shows the banner until the session is ended", async () => {
        const started = await front.adminApi<{ assistance_session: { id: string }; link: string | null }>(
          `/admin/customers/${customer.id}/assistance-sessions`,
          { method: "POST", body: { reason: "Storefront e2e" } }
        )
        expect(started.status).toBe(201)
        expect(started.body.link).toMatch(new RegExp(`^${front.url}/account/assist\\?code=`))
        const page = await front.shopper()
        await page.goto(started.body.link!)
        const banner = page.getByTestId("assistance-banner")
        await banner.waitFor()
        expect(await banner.getAttribute("data-session-id")).toBe(started.body.assistance_session.id)
        await expect(banner.innerText()).resolves.toContain(customer.email)
        expect(new URL(page.url()).pathname).toBe("/")
        await page.getByTestId("product-card").first().waitFor()
        await front.screenshot(page, "46-storefront-assisted-banner")

        await banner.getByTestId("assistance-end").click()
        await banner.waitFor({ state: "detached" })
        await page.getByTestId("sign-in-link").waitFor()
        const [row] = await store.sql<{ status: string }>(`select status from assistance_session where id = $1`, [started.body.assistance_session.id])
        expect(row.status).toBe("ended")
      })
    })
  })

  describeContentBlocks(() => store)
  describeAccountSecurity(() => store)
  describeCustomerGrid(() => store)
})
