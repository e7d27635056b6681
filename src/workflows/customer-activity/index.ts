export * from "./steps"
export * from "./workflows"
export type { RevokeCustomerSessionsInput, RevokeCustomerSessionsResult } from "./types"
