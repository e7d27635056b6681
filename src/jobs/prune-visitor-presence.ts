import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { pruneVisitorPresence } from "../workflows/customer-presence"

/**
 * Hourly: deletes visitor presence (guest carts) older than
 * activity.presence.visitor_retention_days, in bounded batches, on one
 * instance (lock). A visitor table left alone grows with every guest.
 */
export default async function pruneVisitorPresenceJob(container: MedusaContainer) {
  const deleted = await pruneVisitorPresence(container)
  if (deleted) {
    container.resolve(ContainerRegistrationKeys.LOGGER).debug?.(`customer-suite: pruned ${deleted} visitor presence row(s)`)
  }
}

export const config = {
  name: "customer-suite-prune-visitor-presence",
  schedule: "23 * * * *",
}
