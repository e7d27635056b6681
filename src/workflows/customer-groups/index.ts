export * from "./steps/assign-default-group"
export * from "./workflows/assign-default-group"
