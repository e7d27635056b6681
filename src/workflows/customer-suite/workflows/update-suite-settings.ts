import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { updateSuiteSettingsStep, type UpdateSuiteSettingsInput } from "../steps/update-suite-settings"

export const updateSuiteSettingsWorkflowId = "customer-suite-update-settings"

/** The admin's changes to the plugin's settings (Settings → Customer suite). */
export const updateSuiteSettingsWorkflow = createWorkflow(updateSuiteSettingsWorkflowId, (input: UpdateSuiteSettingsInput) => {
  updateSuiteSettingsStep(input)
  return new WorkflowResponse(undefined)
})
