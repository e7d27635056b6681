import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SHOPPING_ASSISTANCE_MODULE } from "../../../../modules/shopping_assistance"
import type ShoppingAssistanceModuleService from "../../../../modules/shopping_assistance/service"
import { ASSISTANCE_SESSION_FIELDS, presentSession, sessionFilters, usersById, type StoredSession } from "../../../utils/assistance"
import { streamCsv } from "../../../utils/csv"
import { defaultAdminAssistanceSessionOrder } from "../query-config"
import type { AdminGetAssistanceSessionsParamsType } from "../validators"

const PAGE = 500
const COLUMNS = [
  "id",
  "status",
  "end_reason",
  "admin_email",
  "customer_id",
  "customer_email",
  "reason",
  "created_at",
  "started_at",
  "expires_at",
  "ended_at",
  "actions",
] as const

type Row = Record<(typeof COLUMNS)[number], string | number | null | undefined>

/** GET /admin/assistance-sessions/export: the sessions the list's filters select, newest first, as CSV (streamed). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetAssistanceSessionsParamsType>, res: MedusaResponse) => {
  const service = req.scope.resolve<ShoppingAssistanceModuleService>(SHOPPING_ASSISTANCE_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const now = new Date()
  const filters = sessionFilters(req.validatedQuery, now)

  async function* rows(): AsyncGenerator<Row> {
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
        for (const stored of sessions) {
          const s = presentSession(stored, now)
          yield {
            id: s.id,
            status: s.status,
            end_reason: s.end_reason,
            admin_email: users.get(s.user_id)?.email,
            customer_id: s.customer_id,
            customer_email: customers.find((c) => c.id === s.customer_id)?.email,
            reason: s.reason,
            created_at: s.created_at,
            started_at: s.exchanged_at,
            expires_at: s.expires_at,
            ended_at: s.ended_at,
            actions: actions.filter((a) => a.session_id === s.id).length,
          }
        }
      }
      if (sessions.length < PAGE) {
        return
      }
    }
  }

  await streamCsv<Row>(req.scope, res, { filename: "assistance-sessions.csv", columns: COLUMNS, rows: rows() })
}
