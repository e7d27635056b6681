import type { MedusaContainer } from "@medusajs/framework/types"
import { pruneContentBlockEventsWorkflow } from "../workflows/content-blocks"

/**
 * Hourly: drops the impression/click deduplication rows older than two hours
 * (an event is deduplicated within its UTC hour only). Two instances running
 * it at once delete the same rows.
 */
export default async function pruneContentBlockEventsJob(container: MedusaContainer) {
  await pruneContentBlockEventsWorkflow(container).run({ input: { before: new Date(Date.now() - 2 * 3_600_000) } })
}

export const config = {
  name: "customer-suite-prune-content-block-events",
  schedule: "7 * * * *",
}
