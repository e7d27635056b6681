export * from "./steps/prune-visitor-presence"
export * from "./workflows/prune-visitor-presence"
export * from "./prune"
