import type { MedusaContainer } from "@medusajs/framework/types"
import { backfillIfEmpty } from "../workflows/customer-segments/utils/scheduled"

/**
 * Builds the segment facts once after install (when the projection is empty
 * and the store has customers); later changes arrive through subscribers.
 */
export default async function backfillCustomerFactsJob(container: MedusaContainer) {
  await backfillIfEmpty(container)
}

export const config = {
  name: "customer-suite-backfill-customer-facts",
  schedule: "*/10 * * * *",
}
