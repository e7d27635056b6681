import { once } from "node:events"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SHOPPING_ASSISTANCE_MODULE } from "../../../../modules/shopping_assistance"
import type ShoppingAssistanceModuleService from "../../../../modules/shopping_assistance/service"
import { ASSISTANCE_SESSION_FIELDS, presentSession, sessionFilters, usersById, type StoredSession } from "../../../utils/assistance"
import { csvCell } from "../../../utils/csv"
import { defaultAdminAssistanceSessionOrder } from "../query-config"
import type { AdminGetAssistanceSessionsParamsType } from "../validators"

const PAGE = 500
const COLUMNS = ["id", "status", "end_reason", "admin_email", "customer_id", "customer_email", "reason", "created_at", "started_at", "expires_at", "ended_at", "actions"]

/** GET /admin/assistance-sessions/export: the sessions the list's filters select, newest first, as CSV (streamed). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetAssistanceSessionsParamsType>, res: MedusaResponse) => {
  const service = req.scope.resolve<ShoppingAssistanceModuleService>(SHOPPING_ASSISTANCE_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const now = new Date()
  const filters = sessionFilters(req.validatedQuery, now)
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="assistance-sessions.csv"`)
  const write = async (chunk: string) => {
    if (!res.write(chunk)) {
      await once(res, "drain")
    }
  }
  try {
    await write(`${COLUMNS.join(",")}\n`)
    for (let skip = 0; ; skip += PAGE) {
      const { data } = await query.graph({
        entity: "assistance_session",
        fields: [...ASSISTANCE_SESSION_FIELDS],
        filters,
        pagination: { skip, take: PAGE, order: defaultAdminAssistanceSessionOrder },
      })
      const sessions = data as StoredSession[]
      if (sessions.length) {
        const [actions, users, customers] = await Promise.all([
          service.listAssistanceActions({ session_id: sessions.map((s) => s.id) }, { select: ["id", "session_id"], take: null }),
          usersById(req.scope, sessions.map((s) => s.user_id)),
          req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: sessions.map((s) => s.customer_id) }, { select: ["id", "email"], take: null }),
        ])
        await write(
          sessions
            .map((stored) => {
              const s = presentSession(stored, now)
              return [
                s.id,
                s.status,
                s.end_reason,
                users.get(s.user_id)?.email,
                s.customer_id,
                customers.find((c) => c.id === s.customer_id)?.email,
                s.reason,
                s.created_at,
                s.exchanged_at,
                s.expires_at,
                s.ended_at,
                actions.filter((a) => a.session_id === s.id).length,
              ]
                .map(csvCell)
                .join(",")
            })
            .join("\n") + "\n"
        )
      }
      if (sessions.length < PAGE) {
        break
      }
    }
  } catch (error) {
    res.destroy(error as Error)
    return
  }
  res.end()
}
