export const defaultAdminGroupPriceRuleFields = [
  "id",
  "name",
  "customer_group_id",
  "adjustment_type",
  "percentage",
  "amounts",
  "scope_type",
  "scope_ids",
  "tiers",
  "priority",
  "starts_at",
  "ends_at",
  "status",
  "price_list_id",
  "synced_at",
  "sync_summary",
  "metadata",
  "created_at",
  "updated_at",
  "deleted_at",
]

/** Lists answer highest priority first, then oldest first (the order in which rules win variants). */
export const defaultAdminGroupPriceRuleOrder = { priority: "DESC", created_at: "ASC" } as const

export const retrieveGroupPriceRuleQueryConfig = {
  defaults: defaultAdminGroupPriceRuleFields,
  isList: false,
}

export const listGroupPriceRulesQueryConfig = {
  ...retrieveGroupPriceRuleQueryConfig,
  defaultLimit: 50,
  isList: true,
}
