/**
 * The dashboard's own query keys that our writes change (its hooks/api use
 * `queryKeysFactory("<name>")`, whose `all` is `[name]`): invalidated so its
 * pages show what a rule, a segment or a price list sync wrote.
 */
export const customersQueryKeys = { all: ["customers"] as const }
export const customerGroupsQueryKeys = { all: ["customer_groups"] as const }
export const priceListsQueryKeys = { all: ["price-lists"] as const }
export const priceListPricesQueryKeys = { all: ["price-list-prices"] as const }
