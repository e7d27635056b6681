import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_ACTIVITY_MODULE } from "../../../../../modules/customer_activity"
import type CustomerActivityModuleService from "../../../../../modules/customer_activity/service"
import type { AdminSecurityEvent, AdminSecurityEventListResponse } from "../../../../../types/http"
import type { AdminGetSecurityEventsParamsType } from "./validators"

const FIELDS = ["id", "kind", "outcome", "customer_id", "email", "ip", "user_agent", "actor_type", "actor_id", "details", "occurred_at"] as const

const iso = (value: unknown) => new Date(value as string | Date).toISOString()

/**
 * GET /admin/customers/:id/security-events?kind=&limit=&offset=: the
 * customer's security log, newest first (id breaks ties). Entries that name
 * the customer, and those that name their email without a customer (failed
 * sign-ins and reset requests before the customer was known).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetSecurityEventsParamsType>, res: MedusaResponse<AdminSecurityEventListResponse>) => {
  const { kind, offset, limit } = req.validatedQuery as AdminGetSecurityEventsParamsType
  const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: req.params.id }, { select: ["id", "email"], take: 1 })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${req.params.id}" was not found`)
  }
  const email = customer.email?.trim().toLowerCase()
  const whose = email ? { $or: [{ customer_id: customer.id }, { customer_id: null, email }] } : { customer_id: customer.id }
  const [rows, count] = await req.scope
    .resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE)
    .listAndCountCustomerSecurityEvents(kind ? { $and: [whose, { kind }] } : whose, {
      select: [...FIELDS],
      order: { occurred_at: "DESC", id: "DESC" },
      skip: offset,
      take: limit,
    })
  const security_events: AdminSecurityEvent[] = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    outcome: row.outcome,
    customer_id: row.customer_id ?? null,
    email: row.email ?? null,
    ip: row.ip ?? null,
    user_agent: row.user_agent ?? null,
    actor_type: row.actor_type,
    actor_id: row.actor_id ?? null,
    details: (row.details as Record<string, unknown> | null) ?? null,
    occurred_at: iso(row.occurred_at),
  }))
  res.json({ security_events, count, offset, limit })
}
