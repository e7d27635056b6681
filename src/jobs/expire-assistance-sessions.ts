import type { MedusaContainer } from "@medusajs/framework/types"
import { SHOPPING_ASSISTANCE_MODULE } from "../modules/shopping_assistance"
import type ShoppingAssistanceModuleService from "../modules/shopping_assistance/service"

/**
 * Every minute: writes down what time already decided (the guard and the API
 * apply the limits themselves) — active sessions past `expires_at` end as
 * "expired", pending ones past their code's expiry as "code_expired".
 */
export default async function expireAssistanceSessionsJob(container: MedusaContainer) {
  const service = container.resolve<ShoppingAssistanceModuleService>(SHOPPING_ASSISTANCE_MODULE)
  const now = new Date()
  const [active, pending] = await Promise.all([
    service.listAssistanceSessions({ status: "active", expires_at: { $lte: now } } as any, { select: ["id", "expires_at"], take: 1000 }),
    service.listAssistanceSessions({ status: "pending", code_expires_at: { $lte: now } } as any, { select: ["id", "code_expires_at"], take: 1000 }),
  ])
  const updates = [
    ...active.map((s) => ({ id: s.id, status: "ended" as const, end_reason: "expired" as const, ended_at: s.expires_at })),
    ...pending.map((s) => ({ id: s.id, status: "ended" as const, end_reason: "code_expired" as const, ended_at: s.code_expires_at })),
  ]
  if (updates.length) {
    await service.updateAssistanceSessions(updates)
  }
}

export const config = {
  name: "customer-suite-expire-assistance-sessions",
  schedule: "* * * * *",
}
