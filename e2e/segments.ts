/**
 * Browser steps and independent expectations for the segments admin
 * (used by admin.e2e.spec.ts, which owns the store).
 */
import fs from "node:fs"
import type { Locator, Page } from "playwright-core"
import type { Store } from "./harness"

/** Polls until `check` stops throwing (subscribers and refreshes run after the request). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const started = Date.now()
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() - started > timeoutMs) {
        throw error
      }
      await new Promise((r) => setTimeout(r, 500))
    }
  }
}

/**
 * "VIP Germans who spent over €500 in the last 90 days", counted from
 * Medusa's own tables (orders, order summaries, addresses, group links),
 * not from the plugin's projection.
 */
export async function expectedVipGermans(store: Store): Promise<{ id: string; email: string }[]> {
  const now = new Date()
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 90))
  return store.sql<{ id: string; email: string }>(
    `select c.id, c.email from customer c
      where c.deleted_at is null and c.has_account
        and exists (select 1 from customer_group_customer cgc join customer_group g on g.id = cgc.customer_group_id
                     where cgc.customer_id = c.id and cgc.deleted_at is null and g.deleted_at is null and g.name = 'VIP')
        and exists (select 1 from customer_address a where a.customer_id = c.id and a.deleted_at is null and lower(a.country_code) = 'de')
        and (select coalesce(sum((s.totals->>'current_order_total')::numeric), 0)
               from "order" o join order_summary s on s.order_id = o.id and s.version = o.version and s.deleted_at is null
              where o.customer_id = c.id and o.deleted_at is null and o.status not in ('draft', 'canceled')
                and o.currency_code = 'eur' and o.created_at >= $1) > 500
      order by c.email`,
    [since]
  )
}

/** Adds a condition on an attribute through the searchable attribute picker. */
export async function addCondition(page: Page, group: Locator, search: string, attribute: string): Promise<Locator> {
  const before = await group.getByTestId("segment-condition").count()
  await group.getByTestId("segment-add-condition").last().click()
  await page.getByTestId("segment-attribute-search").fill(search)
  await page.getByTestId(`segment-attribute-${attribute}`).click()
  const condition = group.getByTestId("segment-condition").nth(before)
  await condition.waitFor()
  return condition
}

/** Picks options by label in a value picker of a condition. */
export async function pick(page: Page, condition: Locator, search: string, option: string | RegExp, label: string) {
  await condition.getByTestId("segment-condition-value-open").click()
  const box = page.getByTestId("segment-condition-value-search")
  await box.waitFor()
  // Typing before the popover's search box has focus can lose keys: type, then check the box holds the text.
  await eventually(async () => {
    if ((await box.inputValue()) !== search) {
      await box.fill(search)
    }
    expect(await box.inputValue()).toBe(search)
  }, 10_000)
  const choice = page.getByRole("option", { name: option, exact: typeof option === "string" })
  try {
    await choice.waitFor({ timeout: 15_000 })
  } catch (error) {
    await page.screenshot({ path: `${__dirname}/artifacts/failed-pick-${search}.png` })
    const shown = await page.getByRole("option").allInnerTexts()
    throw new Error(`no option ${String(option)} after searching "${search}"; shown: ${shown.slice(0, 10).join(" | ")} (${(error as Error).message})`)
  }
  await choice.click()
  // Multi pickers stay open: close with Escape.
  await page.keyboard.press("Escape").catch(() => undefined)
  await condition.getByText(label, { exact: true }).first().waitFor()
}

/** Chooses an option of a @medusajs/ui Select (a Radix select: the trigger, then the option). */
export async function choose(page: Page, trigger: Locator, option: string) {
  await trigger.click()
  await page.getByRole("option", { name: option, exact: true }).click()
}

export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') {
        quoted = false
      } else {
        cell += ch
      }
    } else if (ch === '"') {
      quoted = true
    } else if (ch === ",") {
      row.push(cell)
      cell = ""
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") {
        i++
      }
      row.push(cell)
      rows.push(row)
      row = []
      cell = ""
    } else {
      cell += ch
    }
  }
  if (cell || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

export const readDownload = async (path: string | null) => (path ? fs.readFileSync(path, "utf8") : "")

/**
 * Waits until no toast is shown. Toasts sit over the page header's buttons,
 * and a pointer resting on one pauses its timer, so a click aimed at a button
 * under it could wait forever: move the pointer away first.
 */
export async function clearToasts(page: Page) {
  await page.mouse.move(5, 5)
  await eventually(async () => expect(await page.locator("[data-sonner-toast]").count()).toBe(0), 20_000)
}

/** Fails when the toast shown now covers any of the buttons (the toasts' placement, issue 13). */
export async function expectToastClearOf(page: Page, toastText: string | RegExp, buttons: Locator[]) {
  const toast = page.locator("[data-sonner-toast]", { hasText: toastText }).first()
  await toast.waitFor()
  // Sonner slides a toast in: measure once it is still.
  await page.waitForTimeout(600)
  const t = await toast.boundingBox()
  expect(t).not.toBeNull()
  for (const button of buttons) {
    const b = await button.boundingBox()
    if (!b || !t) {
      continue
    }
    const overlaps = t.x < b.x + b.width && b.x < t.x + t.width && t.y < b.y + b.height && b.y < t.y + t.height
    expect({ button: await button.innerText(), overlaps }).toEqual({ button: await button.innerText(), overlaps: false })
  }
}
