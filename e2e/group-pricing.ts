/**
 * Browser steps and independent checks for the group pricing admin
 * (Customers → Group pricing, the customer group and price list widgets),
 * used by admin.e2e.spec.ts, which owns the store.
 */
import type { Locator, Page } from "playwright-core"
import type { Store } from "./harness"
import { eventually } from "./segments"

/**
 * Removes rules an earlier, interrupted run may have left (the store's
 * database is kept between local runs), through the admin API the pages use:
 * their price lists go with them.
 */
export async function removeRules(store: Store, names: string[]) {
  const api = store.page.request
  for (const name of names) {
    const response = await api.get(`${store.baseUrl}/admin/group-price-rules?q=${encodeURIComponent(name)}&limit=200`)
    if (!response.ok()) {
      throw new Error(`list rules: ${response.status()} ${await response.text()}`)
    }
    const { group_price_rules } = (await response.json()) as { group_price_rules: { id: string; name: string }[] }
    for (const rule of group_price_rules.filter((r) => r.name === name)) {
      const deleted = await api.delete(`${store.baseUrl}/admin/group-price-rules/${rule.id}`)
      if (!deleted.ok()) {
        throw new Error(`delete rule ${rule.id}: ${deleted.status()} ${await deleted.text()}`)
      }
    }
  }
}

/** A variant's base price in a currency (no price list, no price rules, single unit), from the pricing tables. */
export async function basePrice(store: Store, variantId: string, currency: string): Promise<number> {
  const rows = await store.sql<{ amount: string }>(
    `select p.amount from price p
       join product_variant_price_set link on link.price_set_id = p.price_set_id and link.deleted_at is null
      where link.variant_id = $1 and p.currency_code = $2 and p.price_list_id is null and p.deleted_at is null
        and coalesce(p.min_quantity, 1) <= 1
        and not exists (select 1 from price_rule r where r.price_id = p.id and r.deleted_at is null)`,
    [variantId, currency]
  )
  if (rows.length !== 1) {
    throw new Error(`variant ${variantId} has ${rows.length} plain ${currency} base prices`)
  }
  return Number(rows[0].amount)
}

/** What a price list holds now, straight from the table. */
export async function listPrices(store: Store, priceListId: string) {
  return store.sql<{ amount: string; min_quantity: string | null; currency_code: string }>(
    "select amount, min_quantity, currency_code from price where price_list_id = $1 and deleted_at is null",
    [priceListId]
  )
}

/** An amount as the page shows money: formatted in the browser, with its locale (the expected number comes from the test). */
export const moneyInPage = (page: Page, amount: number, currency: string) =>
  page.evaluate(
    ([a, c]) => new Intl.NumberFormat(undefined, { style: "currency", currency: String(c).toUpperCase() }).format(Number(a)),
    [amount, currency] as const
  )

/** Picks an option by label in one of our searchable pickers (the search is typed until the box holds it). */
export async function pickOption(page: Page, picker: Locator, search: string, option: string) {
  const testId = await picker.getAttribute("data-testid")
  await page.getByTestId(`${testId}-open`).click()
  const box = page.getByTestId(`${testId}-search`)
  await box.waitFor()
  await eventually(async () => {
    if ((await box.inputValue()) !== search) {
      await box.fill(search)
    }
    expect(await box.inputValue()).toBe(search)
  }, 10_000)
  const choice = page.getByRole("option", { name: option, exact: true })
  await choice.waitFor({ timeout: 15_000 })
  await choice.click()
  // Single pickers close on a choice; multi pickers stay open until Escape.
  if (await box.isVisible()) {
    await page.keyboard.press("Escape")
  }
  await picker.getByText(option, { exact: true }).first().waitFor()
}

/** Confirms the @medusajs/ui prompt a delete button opened. */
export async function confirm(page: Page, button: string) {
  const dialog = page.getByRole("alertdialog")
  await dialog.waitFor()
  await dialog.getByRole("button", { name: button, exact: true }).click()
  await dialog.waitFor({ state: "detached" })
}
