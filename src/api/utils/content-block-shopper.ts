import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../modules/customer_segment/service"
import { PERSONALIZATION_MODULE } from "../../modules/personalization"
import type { MembershipNeeds, ShopperKind, ShopperMemberships } from "../../modules/personalization/content-blocks/match"
import type PersonalizationModuleService from "../../modules/personalization/service"
import { cartGuestFacts, customerFacts, hasAccount, loadCart } from "../store/customer-segments/helpers"

/** Who content is chosen for: a logged-in customer, or a guest known (at most) by their cart. */
export type ContentShopper = {
  kind: ShopperKind
  customer_id: string | null
  cart_id: string | null
  /** The memberships the blocks at hand need (computed once each, on demand). */
  memberships: (needs: MembershipNeeds) => Promise<ShopperMemberships>
}

/**
 * The current shopper, the way GET /store/customer-segments/current sees
 * them: a customer token makes a registered shopper (their stored facts,
 * memberships, groups and audiences); otherwise a guest whose segments are
 * evaluated live on the cart. A registered customer's cart answers 404 to
 * anyone else (`owner_check`), as if it did not exist.
 */
export async function loadContentShopper(
  container: MedusaContainer,
  input: { customer_id: string | null; cart_id?: string | null; owner_check: boolean }
): Promise<ContentShopper> {
  // Only the owner first (one indexed read); items and products are loaded when a guest's segments are evaluated.
  const [owner] = input.cart_id
    ? await container.resolve(Modules.CART).listCarts({ id: input.cart_id }, { select: ["id", "customer_id"], take: 1 })
    : []
  if (input.cart_id && !owner) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id "${input.cart_id}" was not found`)
  }
  let customerId = input.customer_id
  if (owner?.customer_id && owner.customer_id !== customerId) {
    const registered = await hasAccount(container, owner.customer_id)
    if (registered && input.owner_check) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id "${input.cart_id}" was not found`)
    }
    // The admin previewing a registered customer's cart sees what that customer sees.
    if (registered && !customerId) {
      customerId = owner.customer_id
    }
  }
  let cartOnce: ReturnType<typeof loadCart> | null = null
  const loadFullCart = async () => (owner ? await (cartOnce ??= loadCart(container, owner.id)) : null)
  const kind: ShopperKind = customerId ? "registered" : "guest"
  let segments: Promise<string[]> | null = null
  let groups: Promise<string[]> | null = null
  let audiences: Promise<string[]> | null = null
  const facts = async () => (customerId ? await customerFacts(container, customerId) : cartGuestFacts((await loadFullCart())?.row ?? null))
  let factsOnce: ReturnType<typeof facts> | null = null
  const loadFacts = () => (factsOnce ??= facts())

  return {
    kind,
    customer_id: customerId,
    cart_id: owner?.id ?? null,
    memberships: async (needs) => {
      if (needs.segments) {
        segments ??= Promise.all([loadFacts(), loadFullCart()]).then(([f, cart]) =>
          container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE).matchShopper({
            customer_id: customerId,
            facts: f,
            cart: cart?.facts ?? null,
            has_account: Boolean(customerId),
          })
        )
      }
      if (needs.groups && customerId) {
        groups ??= loadFacts().then((f) => [...f.customer_groups])
      }
      if (needs.audiences && customerId) {
        audiences ??= container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE).listCustomerAudienceIds(customerId)
      }
      const [segment_ids, group_ids, audience_ids] = await Promise.all([segments ?? [], groups ?? [], audiences ?? []])
      return { kind, segment_ids, group_ids, audience_ids }
    },
  }
}

/** The customer of a store request's token, if any. */
export const requestCustomerId = (auth: { actor_type?: string; actor_id?: string } | undefined): string | null =>
  auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : null
