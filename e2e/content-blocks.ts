/**
 * The content blocks admin in chromium (issue 14 §1 "Admin"): the Content
 * page under Customers, the form with its live preview, the list by
 * placement, "preview as a shopper" for a guest's cart and for a customer,
 * the block on its segment's page, and deleting it. Registered by
 * admin.e2e.spec.ts, which owns the store.
 */
import type { Page } from "playwright-core"
import { storeApi } from "./assistance"
import type { Store } from "./harness"
import { clearToasts, eventually } from "./segments"
import { confirmPrompt } from "./tax-classes"

const NAME = "E2E VIP hero"
const PLACEMENT = "e2e-hero"
const SEGMENT = "VIP spenders"

/** Picks an option by label in one of the form's searchable pickers. */
async function pickIn(page: Page, testId: string, search: string, option: string) {
  await page.getByTestId(`${testId}-open`).click()
  await page.getByTestId(`${testId}-search`).fill(search)
  await page.getByRole("option", { name: new RegExp(option) }).first().click()
  await page.keyboard.press("Escape")
  await page.getByTestId(testId).getByText(option, { exact: true }).waitFor()
}

export function describeContentBlocks(getStore: () => Store) {
  describe("content blocks", () => {
    let blockId = ""
    let segmentId = ""

    beforeAll(async () => {
      const store = getStore()
      await store.sql("update content_block set deleted_at = now() where name = $1 and deleted_at is null", [NAME])
      const [segment] = await store.sql<{ id: string }>("select id from customer_segment where name = $1 and deleted_at is null", [SEGMENT])
      segmentId = segment.id
    })

    it("lists Content under Customers", async () => {
      const { page, baseUrl } = getStore()
      await page.goto(`${baseUrl}/app/customers`)
      await page.getByRole("link", { name: "Content", exact: true }).click()
      await page.waitForURL("**/app/content-blocks")
      await page.getByTestId("content-blocks-list").waitFor()
      await page.getByTestId("content-block-placements").getByText("All placements").waitFor()
      await getStore().screenshot("27-content-blocks-list")
    })

    it("creates a block in the form: the API's refusal next to its field, a live preview of the cleaned HTML, a segment picked by name", async () => {
      const store = getStore()
      const { page } = store
      await page.getByTestId("content-blocks-create").click()
      await page.waitForURL("**/app/content-blocks/create")
      await page.getByTestId("content-block-name").fill(NAME)
      await page.getByTestId("content-block-placement").fill("Home Hero!")
      await page
        .getByTestId("content-block-content")
        .fill('<h2>Hello VIP</h2><p onclick="alert(1)">Welcome back <a href="javascript:alert(2)">here</a></p><script>alert(3)</script>')

      // The live preview: rendered by the API's sanitiser, in a sandboxed frame.
      const frame = page.frameLocator('[data-testid="content-block-preview-frame"]')
      await frame.getByRole("heading", { name: "Hello VIP" }).waitFor()
      const body = await frame.locator("body").innerHTML()
      expect(body).toContain("Welcome back")
      expect(body).not.toMatch(/<script|onclick|javascript:/)
      expect(await page.getByTestId("content-block-preview-frame").getAttribute("sandbox")).toBe("allow-same-origin")

      await pickIn(page, "content-block-segments", "VIP", SEGMENT)
      // Audiences: the picker opens (a list, or a sentence when the backend has no audiences API yet).
      await page.getByTestId("content-block-audiences-open").click()
      await page.getByRole("dialog").or(page.locator("[data-radix-popper-content-wrapper]")).first().waitFor()
      await page.keyboard.press("Escape")
      await page.getByTestId("content-block-priority").fill("5")
      await store.screenshot("28-content-block-form")

      // The placement is the API's to judge: its message sits under the field.
      await page.getByTestId("content-block-save").click()
      await page.getByTestId("content-block-error-placement").waitFor()
      expect(await page.getByTestId("content-block-error-placement").innerText()).toMatch(/lower case|letters|digits/i)
      await page.getByTestId("content-block-placement").scrollIntoViewIfNeeded()
      await store.screenshot("29-content-block-form-error")

      await clearToasts(page)
      await page.getByTestId("content-block-placement").fill(PLACEMENT)
      await page.getByTestId("content-block-save").click()
      await page.waitForURL(/\/app\/content-blocks\/cblock_/)
      blockId = page.url().split("/").pop()!
      await page.getByTestId("content-block-detail-name").getByText(NAME, { exact: true }).waitFor()
      await page.getByTestId("content-block-detail-segments").getByText(SEGMENT, { exact: true }).waitFor()
      await page.getByTestId("content-block-stats").getByTestId("content-block-stats-impressions").waitFor()
      await page.frameLocator('[data-testid="content-block-detail-frame"]').getByRole("heading", { name: "Hello VIP" }).waitFor()

      // What was stored: cleaned, targeting the segment.
      const [row] = await store.sql<{ content: string; target_segment_ids: string[]; priority: number; placement: string }>(
        "select content, target_segment_ids, priority, placement from content_block where id = $1",
        [blockId]
      )
      expect(row.placement).toBe(PLACEMENT)
      expect(row.priority).toBe(5)
      expect(row.target_segment_ids).toEqual([segmentId])
      expect(row.content).not.toMatch(/<script|onclick|javascript:/)
      await store.screenshot("30-content-block-detail")
    })

    it("lists the block under its placement, with its status, schedule and targeting", async () => {
      const store = getStore()
      const { page, baseUrl } = store
      await page.goto(`${baseUrl}/app/content-blocks`)
      await page.getByTestId(`content-block-placement-${PLACEMENT}`).click()
      await page.waitForURL(`**/app/content-blocks?placement=${PLACEMENT}`)
      const list = page.getByTestId("content-blocks-list")
      const row = list.locator("tbody tr", { hasText: NAME })
      await row.waitFor()
      await row.getByText("Active", { exact: true }).waitFor()
      await row.getByTestId("content-block-schedule").getByText("Always", { exact: true }).waitFor()
      expect(await row.getByTestId("content-block-row-targeting").innerText()).toBe("Shoppers in any of 1 segment")
      // Only this placement's blocks: the previous (unfiltered) rows stay on screen while the filtered query loads.
      const [{ count }] = await store.sql<{ count: string }>("select count(*) from content_block where placement = $1 and deleted_at is null", [PLACEMENT])
      await page.locator('[data-testid="content-blocks-list"][aria-busy="false"]').waitFor()
      await eventually(async () => expect(await list.locator("tbody tr").count()).toBe(Number(count)), 15_000)
      await store.screenshot("31-content-blocks-by-placement")
    })

    it("previews as a guest with a cart: the block is not shown, and the failed check says why", async () => {
      const store = getStore()
      const { page, baseUrl } = store
      const [region] = await store.sql<{ id: string }>("select id from region where name = 'Europe' and deleted_at is null")
      const cart = await storeApi<{ cart: { id: string } }>(store, "/store/carts", { method: "POST", body: { region_id: region.id } })
      expect(cart.status).toBe(200)
      await page.goto(`${baseUrl}/app/content-blocks/preview?placement=${PLACEMENT}`)
      await page.getByTestId("content-block-shopper-cart").fill(cart.body.cart.id)
      await page.getByTestId("content-block-shopper-show").click()
      await page.getByTestId("content-block-shopper-kind-badge").getByText("Guest", { exact: true }).waitFor()
      const miss = page.locator(`[data-testid="content-block-preview-miss"][data-block-id="${blockId}"]`)
      await miss.waitFor()
      await miss.locator('[data-check="targeting"][data-ok="false"]').waitFor()
      expect(await miss.getByTestId("content-block-preview-reason").innerText()).toMatch(/^Not shown: /)
      expect(await page.locator(`[data-testid="content-block-preview-match"][data-block-id="${blockId}"]`).count()).toBe(0)
      await store.screenshot("32-content-preview-guest")
    })

    it("previews as a member of the segment: the block is shown, because the customer is in it", async () => {
      const store = getStore()
      const { page, baseUrl } = store
      const [member] = await store.sql<{ id: string; email: string }>(
        `select c.id, c.email from customer_segment_membership m join customer c on c.id = m.customer_id
          where m.segment_id = $1 and m.deleted_at is null and c.deleted_at is null order by c.email limit 1`,
        [segmentId]
      )
      await page.goto(`${baseUrl}/app/content-blocks/preview?placement=${PLACEMENT}`)
      await page.getByTestId("content-block-shopper-customer-open").click()
      await page.getByTestId("content-block-shopper-customer-search").fill(member.email)
      await page.getByRole("option", { name: new RegExp(member.email.replace(/[.+]/g, "\\$&")) }).first().click()
      await page.waitForURL(`**customer_id=${member.id}**`)
      await page.getByTestId("content-block-shopper-kind-badge").getByText("Registered customer", { exact: true }).waitFor()
      await page.getByTestId("content-block-shopper-segments").getByText(SEGMENT, { exact: true }).waitFor()
      const match = page.locator(`[data-testid="content-block-preview-match"][data-block-id="${blockId}"]`)
      await match.waitFor()
      expect(await match.getByTestId("content-block-preview-reason").innerText()).toContain(SEGMENT)
      await match.locator('[data-check="targeting"][data-ok="true"]').waitFor()
      await match.frameLocator("iframe").getByRole("heading", { name: "Hello VIP" }).waitFor()
      await store.screenshot("33-content-preview-customer")
    })

    it("lists the block on its segment's page, linked", async () => {
      const store = getStore()
      const { page, baseUrl } = store
      await page.goto(`${baseUrl}/app/customer-segments/${segmentId}`)
      const section = page.getByTestId("segment-content-blocks")
      const row = section.locator(`[data-testid="segment-content-block-row"][data-block-id="${blockId}"]`)
      await row.waitFor()
      await row.getByTestId("segment-content-block-relation").getByText("Targets", { exact: true }).waitFor()
      await section.scrollIntoViewIfNeeded()
      await store.screenshot("34-segment-content-blocks")
      await row.getByRole("link", { name: NAME }).click()
      await page.waitForURL(`**/app/content-blocks/${blockId}`)
    })

    it("deletes the block after confirmation", async () => {
      const store = getStore()
      const { page, baseUrl } = store
      await clearToasts(page)
      await page.getByTestId("content-block-delete").click()
      await confirmPrompt(page)
      await page.waitForURL("**/app/content-blocks")
      await eventually(async () => {
        const [row] = await store.sql<{ deleted_at: Date | null }>("select deleted_at from content_block where id = $1", [blockId])
        expect(row.deleted_at).not.toBeNull()
      }, 15_000)
      await page.goto(`${baseUrl}/app/content-blocks?placement=${PLACEMENT}`)
      await page.getByTestId("content-blocks-list").getByText("No content blocks yet").or(page.getByText("No results")).first().waitFor()
    })
  })
}
