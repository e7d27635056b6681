import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerSuiteEvents } from "../modules/customer_suite/events"
import { runCustomerBulkAction } from "../workflows/customer-bulk-actions"

/**
 * Runs a requested bulk action of the customers grid in the background,
 * batch by batch (one workflow run each), when this instance can claim it:
 * a redelivered or duplicate request finds it claimed and does nothing.
 */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>) {
  await runCustomerBulkAction(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: CustomerSuiteEvents.BULK_ACTION_REQUESTED,
  context: { subscriberId: "customer-suite-bulk-action-requested" },
}
