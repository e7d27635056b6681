import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { removeCustomersFromAudiencesWorkflow } from "../workflows/audiences"

/** A deleted customer leaves every audience (counts, segments and mirrored groups follow). Idempotent. */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>) {
  await removeCustomersFromAudiencesWorkflow(container).run({ input: { customer_ids: [event.data.id] } })
}

export const config: SubscriberConfig = {
  event: "customer.deleted",
  context: { subscriberId: "customer-suite-audience-customer-deleted" },
}
