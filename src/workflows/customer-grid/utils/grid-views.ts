import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_SUITE_MODULE } from "../../../modules/customer_suite"
import type CustomerSuiteModuleService from "../../../modules/customer_suite/service"
import { fold } from "../../../modules/customer_segment/rules/fold"
import type { CustomerGridColumn, CustomerGridFilters, CustomerGridSort, CustomerGridView } from "../../../types/http/customer-grid"

type Resolver = Pick<MedusaContainer, "resolve">

/** Saved views a staff user may own (shared ones count for their owner). */
export const MAX_GRID_VIEWS_PER_USER = 100

export const customerSuiteService = (container: Resolver) => container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)

/** A stored view (the model's row). */
export type GridViewRow = {
  id: string
  name: string
  owner_user_id: string
  shared: boolean
  filters: Record<string, unknown>
  columns: string[]
  sort: string | null
  created_at: Date | string
  updated_at: Date | string
}

/** The fields a view is written with (validated by the route). */
export type GridViewFields = {
  name: string
  shared: boolean
  filters: CustomerGridFilters
  columns: CustomerGridColumn[]
  sort: CustomerGridSort | null
}

/**
 * What the grid would refuse in a view's fields taken together (the route
 * checks each field alone), or null: sorting by amount spent needs the
 * amount_spent filter's currency, as on the grid's own route.
 */
export function gridViewProblem(view: { filters?: CustomerGridFilters | Record<string, unknown> | null; sort?: string | null }): string | null {
  const currency = (view.filters as CustomerGridFilters | null | undefined)?.amount_spent?.currency
  return view.sort?.replace(/^-/, "") === "amount_spent" && !currency
    ? "sort: amount_spent needs filters.amount_spent.currency (the amount spent is per currency)"
    : null
}

/** A user may see their own views and every shared one. */
export const canSeeGridView = (view: Pick<GridViewRow, "owner_user_id" | "shared">, userId: string) => view.owner_user_id === userId || view.shared

/** The view with this id if `userId` may see it (own or shared), else null: others' private views are as if they did not exist. */
export async function visibleGridView(container: Resolver, id: string, userId: string): Promise<GridViewRow | null> {
  const [view] = (await customerSuiteService(container).listCustomerGridViews({ id })) as GridViewRow[]
  return view && canSeeGridView(view, userId) ? view : null
}

/**
 * Views in the order every list shows them: by name folded (case and
 * compatibility forms ignored), then by the name's code units, then by id.
 * A fixed comparison in JS, so no database locale or collation changes it.
 */
export function compareGridViews(a: Pick<GridViewRow, "name" | "id">, b: Pick<GridViewRow, "name" | "id">): number {
  const byCodeUnits = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
  return byCodeUnits(fold(a.name), fold(b.name)) || byCodeUnits(a.name, b.name) || byCodeUnits(a.id, b.id)
}

/** The user's own views and every shared one, in list order. */
export async function listVisibleGridViews(container: Resolver, userId: string): Promise<GridViewRow[]> {
  const views = (await customerSuiteService(container).listCustomerGridViews({
    $or: [{ owner_user_id: userId }, { shared: true }],
  })) as GridViewRow[]
  return views.sort(compareGridViews)
}

/** The user's preference row, if any. */
export async function gridPreferenceOf(container: Resolver, userId: string): Promise<{ id: string; user_id: string; default_view_id: string | null } | null> {
  const [preference] = await customerSuiteService(container).listCustomerGridPreferences({ user_id: userId })
  return preference ?? null
}

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString()

/** A view as the API answers it to `userId` (`editable`: theirs). */
export function toGridView(row: GridViewRow, userId: string): CustomerGridView {
  return {
    id: row.id,
    name: row.name,
    owner_user_id: row.owner_user_id,
    shared: row.shared,
    filters: (row.filters ?? {}) as CustomerGridFilters,
    columns: row.columns as CustomerGridColumn[],
    sort: (row.sort ?? null) as CustomerGridSort | null,
    editable: row.owner_user_id === userId,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  }
}
