export * from "./apply-customer-bulk-action"
export * from "./cancel-customer-bulk-action"
export * from "./create-customer-bulk-actions"
