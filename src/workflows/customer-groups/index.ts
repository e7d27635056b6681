export { assignDefaultGroupWorkflow } from "./assign-default-group"
export type { AssignDefaultGroupInput, AssignDefaultGroupResult } from "./steps/assign-default-group"
