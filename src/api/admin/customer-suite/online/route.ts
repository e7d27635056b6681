import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminOnlineResponse } from "../../../../types/http"
import { activitySettings } from "../../../utils/activity-settings"
import { listOnline } from "./helpers"
import type { AdminGetOnlineParamsType } from "./validators"

/** GET /admin/customer-suite/online: customers and visitors seen within the window (default: the setting). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetOnlineParamsType>, res: MedusaResponse<AdminOnlineResponse>) => {
  const query = req.validatedQuery as AdminGetOnlineParamsType
  const settings = await activitySettings(req.scope)
  res.json(await listOnline(req.scope, { ...query, window_minutes: query.window_minutes ?? settings.presence.online_window_minutes }))
}
