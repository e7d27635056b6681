import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../modules/customer_segment"
import type { CustomerFacts } from "../../modules/customer_segment/rules"
import type CustomerSegmentModuleService from "../../modules/customer_segment/service"
import { PERSONALIZATION_MODULE } from "../../modules/personalization"
import type { MembershipNeeds, ShopperKind, ShopperMemberships } from "../../modules/personalization/content-blocks/match"
import type PersonalizationModuleService from "../../modules/personalization/service"
import { cartFacts, cartGuestFacts, customerFacts, hasAccount, readCart } from "../store/customer-segments/helpers"

/** Who content is chosen for: a logged-in customer, or a guest known (at most) by their cart. */
export type ContentShopper = {
  kind: ShopperKind
  customer_id: string | null
  cart_id: string | null
  /** The memberships the blocks at hand need (only those are computed; the reads they need run at once). */
  memberships: (needs: MembershipNeeds) => Promise<ShopperMemberships>
}

/**
 * The current shopper, the way GET /store/customer-segments/current sees
 * them: a customer token makes a registered shopper (their stored facts,
 * memberships, groups and audiences); otherwise a guest whose segments are
 * evaluated live on the cart. A registered customer's cart answers 404 to
 * anyone else (`owner_check`), as if it did not exist.
 *
 * The cart is read once (its owner, email, address and lines); its lines'
 * products only when a segment to evaluate filters cart products by
 * collection, category or type.
 */
export async function loadContentShopper(
  container: MedusaContainer,
  input: { customer_id: string | null; cart_id?: string | null; owner_check: boolean }
): Promise<ContentShopper> {
  const cart = input.cart_id ? await readCart(container, input.cart_id) : null
  if (input.cart_id && !cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id "${input.cart_id}" was not found`)
  }
  let customerId = input.customer_id
  if (cart?.customer_id && cart.customer_id !== customerId) {
    const registered = await hasAccount(container, cart.customer_id)
    if (registered && input.owner_check) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id "${input.cart_id}" was not found`)
    }
    // The admin previewing a registered customer's cart sees what that customer sees.
    if (registered && !customerId) {
      customerId = cart.customer_id
    }
  }
  const kind: ShopperKind = customerId ? "registered" : "guest"
  let factsOnce: Promise<CustomerFacts> | null = null
  const loadFacts = () => (factsOnce ??= customerId ? customerFacts(container, customerId) : Promise.resolve(cartGuestFacts(cart)))

  return {
    kind,
    customer_id: customerId,
    cart_id: cart?.id ?? null,
    memberships: async (needs) => {
      // Segments, groups and audiences are independent reads: all at once.
      const [segment_ids, group_ids, audience_ids] = await Promise.all([
        needs.segments
          ? container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE).matchShopper({
              customer_id: customerId,
              facts: loadFacts(),
              cart: cart ? (cartNeeds) => cartFacts(container, cart, cartNeeds) : null,
              has_account: Boolean(customerId),
              only: needs.segment_ids,
            })
          : [],
        needs.groups && customerId ? loadFacts().then((f) => [...f.customer_groups]) : [],
        needs.audiences && customerId
          ? container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE).listCustomerAudienceIds(customerId)
          : [],
      ])
      return { kind, segment_ids, group_ids, audience_ids }
    },
  }
}

/** The customer of a store request's token, if any. */
export const requestCustomerId = (auth: { actor_type?: string; actor_id?: string } | undefined): string | null =>
  auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : null
