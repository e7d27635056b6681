import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { forgetAssistanceSession } from "../api/utils/assistance-guard"
import { endAssistanceSessionWorkflow } from "../workflows/shopping-assistance"

/** A deleted admin user's assistance sessions end: their tokens stop working. */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>) {
  const { result } = await endAssistanceSessionWorkflow(container).run({ input: { user_id: event.data.id, reason: "admin_deleted", ended_by: null } })
  result.forEach((s) => forgetAssistanceSession(s.id))
}

export const config: SubscriberConfig = {
  event: "user.deleted",
  context: { subscriberId: "customer-suite-assistance-admin-deleted" },
}
