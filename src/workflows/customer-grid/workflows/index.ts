export * from "./create-customer-grid-views"
export * from "./delete-customer-grid-views"
export * from "./set-customer-grid-default-view"
export * from "./update-customer-grid-view"
