import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_ACTIVITY_MODULE } from "../../../../../modules/customer_activity"
import type CustomerActivityModuleService from "../../../../../modules/customer_activity/service"
import type { AdminCustomerPresenceResponse } from "../../../../../types/http"
import { activitySettings } from "../../../../utils/activity-settings"
import type { AdminGetCustomerPresenceParamsType } from "../../../customer-suite/online/validators"

/** GET /admin/customers/:id/presence: the customer page's badge ("Online now" / "Last seen …"). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerPresenceParamsType>,
  res: MedusaResponse<AdminCustomerPresenceResponse>
) => {
  const customerId = req.params.id
  const [customers, settings] = await Promise.all([
    req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: customerId }, { select: ["id"], take: 1 }),
    activitySettings(req.scope),
  ])
  if (!customers.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${customerId}" was not found`)
  }
  const window = (req.validatedQuery as AdminGetCustomerPresenceParamsType).window_minutes ?? settings.presence.online_window_minutes
  const [row] = await req.scope
    .resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE)
    .listCustomerPresences({ kind: "customer", subject_id: customerId }, { select: ["last_seen_at", "last_path"], take: 1 })
  const lastSeen = row ? new Date(row.last_seen_at) : null
  res.json({
    presence: {
      online: lastSeen !== null && lastSeen.getTime() >= Date.now() - window * 60_000,
      last_seen_at: lastSeen?.toISOString() ?? null,
      last_path: row?.last_path ?? null,
      window_minutes: window,
    },
  })
}
