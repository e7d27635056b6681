export { updateSuiteSettingsWorkflow } from "./update-settings"
export { updateSuiteSettingsStep, type UpdateSuiteSettingsInput } from "./steps/update-settings"
