/**
 * The customers grid in chromium (issue 16): filter by group and account,
 * page by keyset, save a view (filters, columns, sort), get it back after a
 * reload and as the default on a bare visit, add every customer the filter
 * matches to a group in bulk and watch the progress reach done (checked
 * through Medusa's own customers API), export the filter's customers and
 * compare the CSV with the API's rows. Registered by admin.e2e.spec.ts,
 * which owns the store.
 */
import type { Page } from "playwright-core"
import type { AdminBulkActionResponse, AdminCustomerGridResponse, AdminCustomerGridViewsResponse, CustomerGridRow } from "../src/types/http/customer-grid"
import { logIn, type Store } from "./harness"
import { clearToasts, eventually, parseCsv, readDownload } from "./segments"
import { chooseOption } from "./tax-classes"

/** A seeded group (the "VIP spenders" segment's) with more registered members than one page (keyset pages, "select all matching"). */
const GROUP = "VIP spenders"
const VIEW = "E2E VIP spenders with accounts"
const TARGET_GROUP = "E2E grid bulk"
const PAGE_SIZE = 50

/** The admin API with the browser's session (the dashboard's own cookie). */
async function api<T>(store: Store, path: string, init: { method?: "GET" | "POST" | "DELETE"; body?: unknown } = {}): Promise<T> {
  const url = `${store.baseUrl}${path}`
  const request = store.page.request
  const response =
    init.method === "POST" ? await request.post(url, { data: init.body ?? {} }) : init.method === "DELETE" ? await request.delete(url) : await request.get(url)
  if (!response.ok()) {
    throw new Error(`${init.method ?? "GET"} ${path}: ${response.status()} ${await response.text()}`)
  }
  return (await response.json()) as T
}

/** Every row the grid API answers for a query, page after page (its default order unless the query sorts). */
async function apiRows(store: Store, query: string): Promise<{ rows: CustomerGridRow[]; count: number; estimate: boolean }> {
  const rows: CustomerGridRow[] = []
  let cursor: string | null = null
  let first: AdminCustomerGridResponse | null = null
  do {
    const page: AdminCustomerGridResponse = await api<AdminCustomerGridResponse>(
      store,
      `/admin/customer-suite/customers?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`
    )
    first ??= page
    rows.push(...page.customers)
    cursor = page.next_cursor
  } while (cursor)
  return { rows, count: first.count ?? -1, estimate: first.count_is_estimate }
}

/** The ids of the rows the grid shows now, once it is no longer loading. */
async function shownIds(page: Page) {
  const grid = page.getByTestId("customer-grid")
  await eventually(async () => expect(await grid.getAttribute("aria-busy")).toBe("false"), 30_000)
  return grid.getByTestId("customer-grid-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-customer-id")))
}

const headers = (page: Page) => page.getByTestId("customer-grid-table").locator("thead th").allInnerTexts()

export function describeCustomerGrid(getStore: () => Store) {
  describe("customer grid", () => {
    let groupId = ""
    let targetId = ""
    let viewId = ""
    /** The API's rows for the group's members with an account, in the grid's default order. */
    let expected: CustomerGridRow[] = []
    const filterQuery = () => `group_id[]=${groupId}&has_account=true`

    beforeAll(async () => {
      const store = getStore()
      // Run alone (jest -t 'customer grid'), the login test before this one is skipped.
      if (!(await store.page.request.get(`${store.baseUrl}/admin/users/me`)).ok()) {
        await logIn(store)
      }
      const [group] = await store.sql<{ id: string }>("select id from customer_group where name = $1 and deleted_at is null", [GROUP])
      groupId = group.id
      // A new target group and no view left by an earlier run on a kept database.
      for (const old of await store.sql<{ id: string }>("select id from customer_group where name = $1 and deleted_at is null", [TARGET_GROUP])) {
        await api(store, `/admin/customer-groups/${old.id}`, { method: "DELETE" })
      }
      await store.sql("update customer_grid_view set deleted_at = now() where name = $1 and deleted_at is null", [VIEW])
      await api(store, "/admin/customer-suite/grid-views/default", { method: "POST", body: { view_id: null } })
      const created = await api<{ customer_group: { id: string } }>(store, "/admin/customer-groups", { method: "POST", body: { name: TARGET_GROUP } })
      targetId = created.customer_group.id
    })

    afterAll(async () => {
      const store = getStore()
      await api(store, "/admin/customer-suite/grid-views/default", { method: "POST", body: { view_id: null } }).catch(() => undefined)
      if (viewId) {
        await api(store, `/admin/customer-suite/grid-views/${viewId}`, { method: "DELETE" }).catch(() => undefined)
      }
      if (targetId) {
        await api(store, `/admin/customer-groups/${targetId}`, { method: "DELETE" }).catch(() => undefined)
      }
    })

    it("lists the grid under Customers and filters it by group and account, page by page", async () => {
      const store = getStore()
      const { page, baseUrl } = store
      await page.goto(`${baseUrl}/app/customers`)
      await page.getByRole("link", { name: "Customers grid", exact: true }).click()
      await page.waitForURL("**/app/customer-grid")
      await page.getByTestId("customer-grid-row").first().waitFor()
      const [{ count: all }] = await store.sql<{ count: string }>("select count(*) from customer where deleted_at is null")
      // Exact, or the planner's estimate ("about …") when the API judges the table large.
      const total = page.getByTestId("customer-grid").getByText(/^(about )?[\d,]+ customers$/)
      await total.waitFor()
      if (!(await total.innerText()).startsWith("about")) {
        expect(await total.innerText()).toBe(`${Number(all).toLocaleString("en-US")} customers`)
      }

      await page.getByTestId("customer-grid-filters-toggle").click()
      const groups = page.getByTestId("customer-grid-filter-group_id")
      await groups.getByTestId("customer-grid-filter-group_id-open").click()
      const box = page.getByTestId("customer-grid-filter-group_id-search")
      await eventually(async () => {
        if ((await box.inputValue()) !== GROUP) {
          await box.fill(GROUP)
        }
        expect(await box.inputValue()).toBe(GROUP)
      }, 10_000)
      await page.getByRole("option", { name: GROUP, exact: true }).click()
      await page.keyboard.press("Escape")
      await groups.getByText(GROUP, { exact: true }).waitFor()
      await chooseOption(page, page.getByTestId("customer-grid-filter-has_account"), "Yes")
      await page.waitForURL((url) => url.searchParams.getAll("group_id[]").includes(groupId) && url.searchParams.get("has_account") === "true")

      // The API's answer for the same filter, and Medusa's own tables: the same customers.
      const answer = await apiRows(store, filterQuery())
      expected = answer.rows
      const members = await store.sql<{ id: string }>(
        `select c.id from customer c
          where c.deleted_at is null and c.has_account
            and exists (select 1 from customer_group_customer cgc where cgc.customer_id = c.id and cgc.customer_group_id = $1 and cgc.deleted_at is null)`,
        [groupId]
      )
      expect(expected.map((r) => r.id).sort()).toEqual(members.map((m) => m.id).sort())
      expect(answer).toMatchObject({ count: expected.length, estimate: false })
      expect(expected.length).toBeGreaterThan(PAGE_SIZE)

      await eventually(async () => expect(await shownIds(page)).toEqual(expected.slice(0, PAGE_SIZE).map((r) => r.id)), 30_000)
      await page.getByTestId("customer-grid").getByText(`${expected.length} customers`, { exact: true }).waitFor()
      // Keyset pages: Next to the last page, then Previous back to the first; the count stays.
      const pages = Math.ceil(expected.length / PAGE_SIZE)
      for (let n = 1; n < pages; n++) {
        await page.getByTestId("customer-grid-next").click()
        await eventually(async () => expect(await shownIds(page)).toEqual(expected.slice(n * PAGE_SIZE, (n + 1) * PAGE_SIZE).map((r) => r.id)), 30_000)
        await page.getByTestId("customer-grid-page").getByText(`Page ${n + 1}`, { exact: true }).waitFor()
      }
      expect(await page.getByTestId("customer-grid-next").isDisabled()).toBe(true)
      await page.getByTestId("customer-grid").getByText(`${expected.length} customers`, { exact: true }).waitFor()
      for (let n = pages - 1; n > 0; n--) {
        await page.getByTestId("customer-grid-previous").click()
        await eventually(async () => expect(await shownIds(page)).toEqual(expected.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE).map((r) => r.id)), 30_000)
      }
      expect(await page.getByTestId("customer-grid-previous").isDisabled()).toBe(true)
      await store.screenshot("60-customer-grid-filtered")

      // A row opens Medusa's customer page.
      const first = expected[0]
      await page.getByTestId("customer-grid-row").first().getByTestId("customer-grid-row-email").click()
      await page.waitForURL(`**/app/customers/${first.id}`)
      await page.goBack()
      await page.waitForURL((url) => url.pathname.endsWith("/customer-grid") && url.searchParams.get("has_account") === "true")
    })

    it("shows the API's refusal, naming the field, instead of the table", async () => {
      const { page, baseUrl } = getStore()
      await page.goto(`${baseUrl}/app/customer-grid?orders_count[gte]=lots`)
      const error = page.getByTestId("customer-grid-error")
      await error.waitFor()
      expect(await error.innerText()).toContain("orders_count")
      expect(await page.getByTestId("customer-grid-table").count()).toBe(0)
    })

    it("saves a view with its filters, columns and sort, and gets it back after a reload and as the default", async () => {
      const store = getStore()
      const { page, baseUrl } = store
      await page.goto(`${baseUrl}/app/customer-grid?${new URLSearchParams(filterQuery())}`)
      await page.getByTestId("customer-grid-row").first().waitFor()
      // Show the id, hide the last order; sort by email, descending.
      await page.getByTestId("customer-grid-columns").click()
      await page.getByTestId("customer-grid-column-id").click()
      await page.getByTestId("customer-grid-column-last_order_at").click()
      await page.keyboard.press("Escape")
      await page.getByTestId("customer-grid-sort-email").click()
      await page.waitForURL((url) => url.searchParams.get("sort") === "email")
      await page.getByTestId("customer-grid-sort-email").click()
      await page.waitForURL((url) => url.searchParams.get("sort") === "-email")
      const columns = ["id", "email", "first_name", "last_name", "created_at", "groups", "orders_count", "amount_spent"]
      const labels = ["ID", "Email", "First name", "Last name", "Created", "Groups", "Orders", "Amount spent"]
      await eventually(async () => expect((await headers(page)).slice(1)).toEqual(labels), 10_000)
      const byEmail = (await apiRows(store, `${filterQuery()}&sort=-email`)).rows
      await eventually(async () => expect(await shownIds(page)).toEqual(byEmail.slice(0, PAGE_SIZE).map((r) => r.id)), 30_000)

      await page.getByTestId("customer-grid-views").click()
      await page.getByTestId("customer-grid-view-save-new").click()
      const drawer = page.getByTestId("customer-grid-save-view")
      await drawer.getByTestId("customer-grid-view-name").fill(VIEW)
      await drawer.getByTestId("customer-grid-view-shared").click()
      await store.screenshot("61-customer-grid-save-view")
      await drawer.getByTestId("customer-grid-view-save").click()
      await drawer.waitFor({ state: "detached" })
      await eventually(async () => expect(await page.getByTestId("customer-grid-views").innerText()).toContain(VIEW), 10_000)

      const stored = await api<AdminCustomerGridViewsResponse>(store, "/admin/customer-suite/grid-views")
      const view = stored.views.find((v) => v.name === VIEW)
      expect(view).toBeDefined()
      viewId = view!.id
      expect(view).toMatchObject({ shared: true, editable: true, sort: "-email", columns, filters: { group_id: [groupId], has_account: true } })
      expect(new URL(page.url()).searchParams.get("view")).toBe(viewId)

      // A reload keeps everything (the URL holds it).
      await page.reload()
      await page.getByTestId("customer-grid-row").first().waitFor()
      expect((await headers(page)).slice(1)).toEqual(labels)
      await eventually(async () => expect(await shownIds(page)).toEqual(byEmail.slice(0, PAGE_SIZE).map((r) => r.id)), 30_000)

      // Leave the view; choose it again from the menu.
      await page.goto(`${baseUrl}/app/customer-grid?columns=email`)
      await eventually(async () => expect((await headers(page)).slice(1)).toEqual(["Email"]), 30_000)
      await page.getByTestId("customer-grid-views").click()
      await page.locator(`[data-testid="customer-grid-view-option"][data-view-id="${viewId}"]`).click()
      await page.waitForURL((url) => url.searchParams.get("view") === viewId && url.searchParams.get("sort") === "-email")
      await eventually(async () => expect((await headers(page)).slice(1)).toEqual(labels), 10_000)

      // Set as my default: a bare visit opens it.
      await page.getByTestId("customer-grid-views").click()
      await page.getByTestId("customer-grid-view-default").click()
      await eventually(async () => expect((await api<AdminCustomerGridViewsResponse>(store, "/admin/customer-suite/grid-views")).default_view_id).toBe(viewId), 10_000)
      await page.goto(`${baseUrl}/app/customer-grid`)
      await page.waitForURL((url) => url.searchParams.get("view") === viewId && url.searchParams.getAll("group_id[]").includes(groupId))
      await page.getByTestId("customer-grid-filter-group_id").getByText(GROUP, { exact: true }).waitFor()
      expect(await page.getByTestId("customer-grid-filter-has_account").innerText()).toContain("Yes")
      await eventually(async () => expect((await headers(page)).slice(1)).toEqual(labels), 10_000)
      await eventually(async () => expect(await shownIds(page)).toEqual(byEmail.slice(0, PAGE_SIZE).map((r) => r.id)), 30_000)
      await store.screenshot("62-customer-grid-default-view")
    })

    it("adds every customer the filter matches to a group in bulk, with progress to done that a reload keeps", async () => {
      const store = getStore()
      const { page } = store
      await page.getByTestId("customer-grid-select-page").click()
      // The page's rows, then everything the filter matches (sent as the filters, not as ids).
      await page.getByTestId("customer-grid-selected").getByText(`${PAGE_SIZE} selected`, { exact: true }).waitFor()
      await page.getByTestId("customer-grid-select-all").click()
      await page.getByTestId("customer-grid-selected").getByText(`${expected.length} selected`, { exact: true }).waitFor()

      await page.getByTestId("customer-grid-bulk").click()
      await page.getByTestId("customer-grid-bulk-add_to_group").click()
      const dialog = page.getByTestId("customer-grid-bulk-dialog")
      await dialog.waitFor()
      expect(await dialog.getByTestId("customer-grid-bulk-count").innerText()).toContain(`${expected.length} customers`)
      await chooseOption(page, dialog.getByTestId("customer-grid-bulk-target"), TARGET_GROUP)
      await clearToasts(page)
      await dialog.getByTestId("customer-grid-bulk-start").click()
      await dialog.waitFor({ state: "detached" })

      const action = page.getByTestId("customer-grid-bulk-progress").getByTestId("customer-grid-bulk-action").first()
      await action.waitFor()
      const actionId = await action.getAttribute("data-bulk-action-id")
      await eventually(async () => expect(await action.getAttribute("data-status")).toBe("completed"), 180_000)
      expect(await action.getByTestId("customer-grid-bulk-counts").innerText()).toBe(
        `${expected.length} of ${expected.length} processed · ${expected.length} succeeded · 0 failed`
      )
      expect(await action.getByRole("progressbar").getAttribute("aria-valuenow")).toBe(String(expected.length))
      await store.screenshot("63-customer-grid-bulk-done")
      // "All matching" went to the server as the filter, with the user recorded.
      const record = await api<AdminBulkActionResponse>(store, `/admin/customer-suite/bulk-actions/${actionId}`)
      expect(record.bulk_action).toMatchObject({
        action: "add_to_group",
        params: { group_id: targetId },
        selection: { kind: "filters", filters: { group_id: [groupId], has_account: true } },
        total: expected.length,
      })

      // Medusa's own customers API: exactly the filter's customers are in the group.
      const inGroup = await api<{ customers: { id: string }[]; count: number }>(store, `/admin/customers?groups=${targetId}&limit=1000&fields=id`)
      expect(inGroup.customers.map((c) => c.id).sort()).toEqual(expected.map((r) => r.id).sort())

      // The progress is the server's record: a reload shows it again, done.
      await page.reload()
      const again = page.locator(`[data-testid="customer-grid-bulk-action"][data-bulk-action-id="${actionId}"]`)
      await again.waitFor()
      expect(await again.getAttribute("data-status")).toBe("completed")
      // The grid shows the new group on the rows (its facts follow Medusa's membership events).
      await eventually(async () => {
        await page.reload()
        await page.getByTestId("customer-grid-row").first().getByText(TARGET_GROUP, { exact: true }).waitFor({ timeout: 5_000 })
      }, 60_000)
    })

    it("exports the filter's customers with the columns shown, row for row as the API answers", async () => {
      const store = getStore()
      const { page } = store
      await clearToasts(page)
      await page.getByTestId("customer-grid-export").click()
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("customer-grid-export-filtered").click()])
      const rows = parseCsv(await readDownload(await download.path()))
      const [header, ...body] = rows
      expect(header.map((h) => h.toLowerCase().replace(/\s+/g, "_"))).toEqual(["id", "email", "first_name", "last_name", "created_at", "groups", "orders_count", "amount_spent"])
      const api = (await apiRows(store, filterQuery())).rows
      expect(body.length).toBe(api.length)
      const byId = new Map(api.map((r) => [r.id, r]))
      expect(body.map((r) => r[0]).sort()).toEqual([...byId.keys()].sort())
      for (const row of body) {
        const customer = byId.get(row[0])!
        expect([row[1], row[2], row[3], Number(row[6])]).toEqual([customer.email ?? "", customer.first_name ?? "", customer.last_name ?? "", customer.orders_count])
      }
      await page.locator("[data-sonner-toast]", { hasText: `Exported ${api.length} customers` }).first().waitFor()
    })
  })
}
