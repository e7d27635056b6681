export * from "./steps"
export * from "./workflows"
export type { EndSessionsInput, StartAssistanceInput } from "./types"
export { assistanceSettings } from "./utils/assistance-settings"
