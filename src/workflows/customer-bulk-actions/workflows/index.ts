export * from "./cancel-customer-bulk-action"
export * from "./create-customer-bulk-action"
export * from "./run-customer-bulk-batch"
