import type { MedusaContainer } from "@medusajs/framework/types"
import { expireAssistanceSessionsWorkflow } from "../workflows/shopping-assistance"

/**
 * Every minute: writes down what time already decided (the guard and the API
 * apply the limits themselves) — active sessions past `expires_at` end as
 * "expired", pending ones past their code's expiry as "code_expired".
 * Two instances running it at once write the same thing.
 */
export default async function expireAssistanceSessionsJob(container: MedusaContainer) {
  await expireAssistanceSessionsWorkflow(container).run({ input: { now: new Date() } })
}

export const config = {
  name: "customer-suite-expire-assistance-sessions",
  schedule: "* * * * *",
}
