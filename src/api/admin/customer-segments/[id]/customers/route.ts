import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../../../modules/customer_segment/service"
import { updateCustomerSegmentMembersWorkflow } from "../../../../../workflows/customer-segments"
import { refetchCustomerSegment } from "../../helpers"
import type { AdminCustomerSegmentMemberListResponse, AdminUpdateCustomerSegmentMembersResponse } from "../../../../../types/http"
import type {
  AdminGetCustomerSegmentMembersParamsType,
  AdminUpdateCustomerSegmentMembersType,
} from "../../validators"

type CustomerRow = { id: string; email: string | null; first_name: string | null; last_name: string | null; has_account: boolean; created_at: Date | string }

const iso = (value: Date | string) => new Date(value).toISOString()

/**
 * GET /admin/customer-segments/:id/customers: members, newest first, with
 * their customer fields and how they joined; `q` searches email and names.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerSegmentMembersParamsType>,
  res: MedusaResponse<AdminCustomerSegmentMemberListResponse>
) => {
  await refetchCustomerSegment(req.scope, req.params.id, ["id"])
  const { q, offset, limit } = req.validatedQuery as AdminGetCustomerSegmentMembersParamsType
  const service = req.scope.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [members, count] = await service.listSegmentMembers(req.params.id, { q, offset, limit })
  const { data } = members.length
    ? await query.graph({
        entity: "customer",
        fields: ["id", "email", "first_name", "last_name", "has_account", "created_at"],
        filters: { id: members.map((m) => m.customer_id) },
      })
    : { data: [] }
  const customers = new Map((data as CustomerRow[]).map((c) => [c.id, c]))
  res.json({
    customers: members.map((m) => {
      const customer = customers.get(m.customer_id)
      return {
        id: m.customer_id,
        email: customer?.email ?? m.email,
        first_name: customer?.first_name ?? m.first_name,
        last_name: customer?.last_name ?? m.last_name,
        has_account: customer?.has_account ?? m.has_account,
        created_at: customer ? iso(customer.created_at) : null,
        membership: { source: m.source, matched_at: iso(m.matched_at) },
      }
    }),
    count,
    offset,
    limit,
  })
}

/** POST /admin/customer-segments/:id/customers: `{ add, remove }` hand-picked members of a static segment. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateCustomerSegmentMembersType>,
  res: MedusaResponse<AdminUpdateCustomerSegmentMembersResponse>
) => {
  await refetchCustomerSegment(req.scope, req.params.id, ["id"])
  const { result } = await updateCustomerSegmentMembersWorkflow(req.scope).run({
    input: { id: req.params.id, add: req.validatedBody.add, remove: req.validatedBody.remove },
  })
  const segment = await refetchCustomerSegment(req.scope, req.params.id, req.queryConfig.fields)
  res.json({
    customer_segment: segment,
    added: result.flatMap((c) => c.added),
    removed: result.flatMap((c) => c.removed),
  })
}
