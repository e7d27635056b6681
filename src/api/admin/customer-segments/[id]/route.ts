import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteCustomerSegmentsWorkflow, updateCustomerSegmentWorkflow } from "../../../../workflows/customer-segments"
import { refetchCustomerSegment } from "../helpers"
import type { AdminCustomerSegmentDeleteResponse, AdminCustomerSegmentResponse } from "../../../../types/http"
import type { AdminUpdateCustomerSegmentType } from "../validators"

/** GET /admin/customer-segments/:id */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerSegmentResponse>) => {
  const segment = await refetchCustomerSegment(req.scope, req.params.id, req.queryConfig.fields)
  res.json({ customer_segment: segment })
}

/** POST /admin/customer-segments/:id: update; a changed rule or audience queues a refresh. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateCustomerSegmentType>, res: MedusaResponse<AdminCustomerSegmentResponse>) => {
  await refetchCustomerSegment(req.scope, req.params.id, ["id"])
  await updateCustomerSegmentWorkflow(req.scope).run({ input: { id: req.params.id, update: req.validatedBody } })
  const segment = await refetchCustomerSegment(req.scope, req.params.id, req.queryConfig.fields)
  res.json({ customer_segment: segment })
}

/** DELETE /admin/customer-segments/:id: the segment, its memberships and its managed group; never customers. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerSegmentDeleteResponse>) => {
  await refetchCustomerSegment(req.scope, req.params.id, ["id"])
  await deleteCustomerSegmentsWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "customer_segment", deleted: true })
}
