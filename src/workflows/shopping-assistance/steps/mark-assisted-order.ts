import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"

export type MarkAssistedOrderInput = {
  /** The cart completed during the session. */
  cart_id: string
  session_id: string
  /** The admin user who assisted (null when the token did not say). */
  user_id: string | null
}

type CartWithOrder = { id: string; order?: { id: string; metadata?: Record<string, unknown> | null } | null }

export const markAssistedOrderStepId = "customer-suite-mark-assisted-order"
/**
 * The order placed from an assisted cart gets `metadata.assistance =
 * { session_id, user_id }` (its other metadata kept). Nothing when the cart
 * has no order. Compensation puts the previous metadata back.
 */
export const markAssistedOrderStep = createStep(
  markAssistedOrderStepId,
  async (input: MarkAssistedOrderInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "cart", fields: ["id", "order.id", "order.metadata"], filters: { id: input.cart_id } })
    const order = (data as CartWithOrder[])[0]?.order
    if (!order) {
      return new StepResponse(null, null)
    }
    const previous = order.metadata ?? null
    await container.resolve(Modules.ORDER).updateOrders(order.id, {
      metadata: { ...(previous ?? {}), assistance: { session_id: input.session_id, user_id: input.user_id } },
    })
    return new StepResponse({ order_id: order.id }, { order_id: order.id, metadata: previous })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    // An update merges metadata: cleared first, so the mark goes.
    const orders = container.resolve(Modules.ORDER)
    await orders.updateOrders(undo.order_id, { metadata: null })
    if (undo.metadata) {
      await orders.updateOrders(undo.order_id, { metadata: undo.metadata })
    }
  }
)
