import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { assignDefaultGroupWorkflow } from "../workflows/customer-groups"

/** Guests are created from a cart's email: only those created this recently are new. */
const GUEST_WINDOW_MS = 10 * 60 * 1000

/**
 * Customer groups: a new customer joins the default group (registered, on
 * `customer.created`) or the guest group (a guest created for a cart, which
 * Medusa announces only as `cart.created` / `cart.customer_updated`).
 */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>) {
  if (event.name === "customer.created") {
    await assignDefaultGroupWorkflow(container).run({ input: { customer_ids: [event.data.id] } })
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "customer_id"], filters: { id: event.data.id } })
  const customerId = data[0]?.customer_id
  if (customerId) {
    await assignDefaultGroupWorkflow(container).run({
      input: { customer_ids: [customerId], created_after: new Date(Date.now() - GUEST_WINDOW_MS).toISOString() },
    })
  }
}

export const config: SubscriberConfig = {
  event: ["customer.created", "cart.created", "cart.customer_updated"],
  context: { subscriberId: "customer-suite-default-group" },
}
