import { updateOrderTaxLinesWorkflow, updateTaxLinesWorkflow, upsertTaxLinesWorkflow } from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { buildTaxClassContext } from "../tax-classes/utils/tax-line-context"

/**
 * Hands the `tax-class` provider the customer's and the products' tax classes
 * and the destination's matrix rows, on every path that computes tax lines:
 * cart (update and upsert) and order (order creation, edits, claims,
 * exchanges, draft orders). Medusa allows one handler per hook; a store that
 * needs its own can set CUSTOMER_SUITE_TAX_HOOKS=false and call
 * `buildTaxClassContext` from its handler instead.
 */
type Line = { product_id?: string | null }
type Holder = {
  customer?: { groups?: { id: string }[] | null } | null
  shipping_address?: { country_code?: string | null } | null
  items?: Line[] | null
}

const contextFor = (container: Parameters<typeof buildTaxClassContext>[0], holder: Holder, items: Line[] | null | undefined) =>
  buildTaxClassContext(container, {
    customer_group_ids: (holder.customer?.groups ?? []).map((g) => g.id),
    product_ids: (items ?? holder.items ?? []).map((i) => i.product_id ?? "").filter(Boolean),
    country_code: holder.shipping_address?.country_code,
  })

if (process.env.CUSTOMER_SUITE_TAX_HOOKS !== "false") {
  updateTaxLinesWorkflow.hooks.setTaxLineContext(async ({ cart, items }, { container }) => {
    return new StepResponse(await contextFor(container, cart as Holder, items as Line[]))
  })
  upsertTaxLinesWorkflow.hooks.setTaxLineContext(async ({ cart, items }, { container }) => {
    return new StepResponse(await contextFor(container, cart as Holder, items as Line[]))
  })
  updateOrderTaxLinesWorkflow.hooks.setTaxLineContext(async ({ order, items }, { container }) => {
    return new StepResponse(await contextFor(container, order as Holder, items as Line[]))
  })
}
