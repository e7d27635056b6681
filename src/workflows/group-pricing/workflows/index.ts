export * from "./create-group-price-rule"
export * from "./delete-group-price-rule"
export * from "./sync-group-price-rule"
export * from "./update-group-price-rule"
