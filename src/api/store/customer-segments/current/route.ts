import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../../modules/customer_segment/service"
import { cartGuestFacts, customerFacts, hasAccount, loadCart, segmentsById } from "../helpers"
import type { StoreCustomerSegmentListResponse } from "../../../../types/http"
import type { StoreGetCurrentCustomerSegmentsParamsType } from "../validators"

/**
 * GET /store/customer-segments/current?cart_id=: the active segments the
 * current shopper is in, for targeting content. A logged-in customer: their
 * memberships plus segments that hold on their facts with this cart. A guest:
 * segments that hold on the cart alone (email, shipping address, items,
 * subtotal). A registered customer's cart is not found for anyone else.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetCurrentCustomerSegmentsParamsType>,
  res: MedusaResponse<StoreCustomerSegmentListResponse>
) => {
  const { cart_id } = req.validatedQuery as StoreGetCurrentCustomerSegmentsParamsType
  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id || null : null
  const cart = cart_id ? await loadCart(req.scope, cart_id) : null
  // A registered customer's cart answers only to that customer (it would tell others about their segments).
  if (cart?.row.customer_id && cart.row.customer_id !== customerId && (await hasAccount(req.scope, cart.row.customer_id))) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id "${cart_id}" was not found`)
  }
  const service = req.scope.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const facts = customerId ? await customerFacts(req.scope, customerId) : cartGuestFacts(cart?.row ?? null)
  const ids = await service.matchShopper({
    customer_id: customerId,
    facts,
    cart: cart?.facts ?? null,
    has_account: Boolean(customerId),
  })
  res.json({ customer_segments: await segmentsById(req.scope, ids) })
}
