/** Events the group pricing workflows emit. */
export const GroupPricingEvents = {
  /** `{ id, customer_group_ids }`: a rule was created; the other rules of its group are resynced. */
  CREATED: "group_price_rule.created",
  /** `{ id, customer_group_ids }` (the group before and after): a rule changed; the other rules of those groups are resynced. */
  UPDATED: "group_price_rule.updated",
  /** `{ id, customer_group_ids }`: a rule was deleted; the other rules of its group are resynced. */
  DELETED: "group_price_rule.deleted",
} as const

/** A rule and the customer groups whose rules compete with it for variants. */
export type GroupPriceRuleEventPayload = { id: string; customer_group_ids: string[] }
