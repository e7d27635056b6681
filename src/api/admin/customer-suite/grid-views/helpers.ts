import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { AdminCustomerGridViewsResponse, CustomerGridView } from "../../../../types/http/customer-grid"
import { gridPreferenceOf, listVisibleGridViews, toGridView, visibleGridView } from "../../../../workflows/customer-grid/utils/grid-views"

/**
 * GET /admin/customer-suite/grid-views's answer: the user's own views and
 * every shared one, and the user's default, which is null unless it is one of
 * those views (a default another user deleted or stopped sharing is gone).
 */
export async function gridViewsOf(container: MedusaContainer, userId: string): Promise<AdminCustomerGridViewsResponse> {
  const [views, preference] = await Promise.all([listVisibleGridViews(container, userId), gridPreferenceOf(container, userId)])
  const defaultId = preference?.default_view_id ?? null
  return {
    views: views.map((view) => toGridView(view, userId)),
    default_view_id: defaultId && views.some((view) => view.id === defaultId) ? defaultId : null,
  }
}

/** One view the user can see (own or shared); 404 otherwise. */
export async function gridViewFor(container: MedusaContainer, id: string, userId: string): Promise<CustomerGridView> {
  const view = await visibleGridView(container, id, userId)
  if (!view) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Saved view with id "${id}" was not found`)
  }
  return toGridView(view, userId)
}
