/**
 * Browser steps and independent checks for the tax-class admin (Settings →
 * Tax classes, the customer group and product widgets), used by
 * admin.e2e.spec.ts, which owns the store.
 */
import type { Locator, Page } from "playwright-core"
import type { Store } from "./harness"
import { clearToasts, eventually } from "./segments"

export type ClassType = "customer" | "product"

const LINKS = {
  customer: { table: "customer_customer_group_tax_class_tax_class", owner: "customer_group_id", path: "customer-groups" },
  product: { table: "product_product_tax_class_tax_class", owner: "product_id", path: "products" },
} as const

/** The live class of a type with this code, straight from the table (null when none). */
export async function classByCode(store: Store, type: ClassType, code: string) {
  const [row] = await store.sql<{ id: string; name: string; description: string | null; is_default: boolean }>(
    "select id, name, description, is_default from tax_class where type = $1 and code = $2 and deleted_at is null",
    [type, code]
  )
  return row ?? null
}

/** The class linked to a customer group or product, read from the link table (null: none). */
export async function linkedClassId(store: Store, type: ClassType, ownerId: string): Promise<string | null> {
  const { table, owner } = LINKS[type]
  const rows = await store.sql<{ tax_class_id: string }>(
    `select l.tax_class_id from ${table} l join tax_class c on c.id = l.tax_class_id and c.deleted_at is null
      where l.${owner} = $1 and l.deleted_at is null`,
    [ownerId]
  )
  if (rows.length > 1) {
    throw new Error(`${type} owner ${ownerId} has ${rows.length} tax classes`)
  }
  return rows[0]?.tax_class_id ?? null
}

/**
 * Removes what an earlier, interrupted run may have left (the store's database
 * is kept between local runs): the classes with these codes, their matrix
 * rows and their links, through the admin API the page uses.
 */
export async function removeClasses(store: Store, classes: { type: ClassType; code: string }[]) {
  const api = store.page.request
  const ok = async (response: Awaited<ReturnType<typeof api.get>>, what: string) => {
    if (!response.ok()) {
      throw new Error(`${what}: ${response.status()} ${await response.text()}`)
    }
    return response
  }
  for (const { type, code } of classes) {
    const found = await classByCode(store, type, code)
    if (!found) {
      continue
    }
    const column = type === "customer" ? "customer_class_id" : "product_class_id"
    const rates = await ok(await api.get(`${store.baseUrl}/admin/tax-class-rates?${column}=${found.id}&limit=1000`), "list rows")
    for (const row of ((await rates.json()) as { tax_class_rates: { id: string }[] }).tax_class_rates) {
      await ok(await api.delete(`${store.baseUrl}/admin/tax-class-rates/${row.id}`), "delete row")
    }
    const { table, owner, path } = LINKS[type]
    const owners = await store.sql<{ id: string }>(`select ${owner} as id from ${table} where tax_class_id = $1 and deleted_at is null`, [found.id])
    for (const { id } of owners) {
      await ok(await api.post(`${store.baseUrl}/admin/${path}/${id}/tax-class`, { data: { tax_class_id: null } }), "unlink")
    }
    await ok(await api.delete(`${store.baseUrl}/admin/tax-classes/${found.id}`), "delete class")
  }
}

/** Chooses an option of a @medusajs/ui Select and waits for the trigger to show it. */
export async function chooseOption(page: Page, trigger: Locator, option: string) {
  await trigger.click()
  const item = page.getByRole("option", { name: option, exact: true })
  await item.waitFor()
  await item.click()
  await eventually(async () => expect(await trigger.innerText()).toContain(option), 10_000)
}

/** Picks a country in the searchable country picker (the search is typed until the box holds it). */
export async function pickCountry(page: Page, trigger: Locator, search: string, option: RegExp, label: string) {
  await trigger.click()
  const box = page.getByTestId(`${await trigger.getAttribute("data-testid")}-search`)
  await box.waitFor()
  await eventually(async () => {
    if ((await box.inputValue()) !== search) {
      await box.fill(search)
    }
    expect(await box.inputValue()).toBe(search)
  }, 10_000)
  const choice = page.getByRole("option", { name: option })
  await choice.first().waitFor()
  expect(await choice.count()).toBe(1)
  await choice.click()
  await eventually(async () => expect(await trigger.innerText()).toBe(label), 10_000)
}

/** Creates a class in its table's drawer; the code is suggested from the name. */
export async function createClass(
  page: Page,
  type: ClassType,
  input: { name: string; expectedCode: string; description: string }
): Promise<Locator> {
  const table = page.getByTestId(`tax-classes-${type}`)
  await clearToasts(page)
  await table.getByTestId(`tax-classes-${type}-create`).click()
  const drawer = page.getByTestId("tax-class-drawer")
  await drawer.waitFor()
  await drawer.getByLabel("Name", { exact: true }).fill(input.name)
  // The code follows the name until it is typed.
  await eventually(async () => expect(await drawer.getByLabel("Code", { exact: true }).inputValue()).toBe(input.expectedCode), 10_000)
  await drawer.getByLabel(/^Description/).fill(input.description)
  await drawer.getByTestId("tax-class-save").click()
  await drawer.waitFor({ state: "detached" })
  const row = table.locator(`[data-testid="tax-class-row"][data-code="${input.expectedCode}"]`)
  await row.waitFor()
  return row
}

/** Confirms the @medusajs/ui prompt that a delete button opened. */
export async function confirmPrompt(page: Page, button = "Delete") {
  const dialog = page.getByRole("alertdialog")
  await dialog.waitFor()
  await dialog.getByRole("button", { name: button, exact: true }).click()
  await dialog.waitFor({ state: "detached" })
}
