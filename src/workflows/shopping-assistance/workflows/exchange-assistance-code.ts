import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { exchangeAssistanceCodeStep } from "../steps/exchange-assistance-code"

export const exchangeAssistanceCodeWorkflowId = "customer-suite-exchange-assistance-code"
/** The storefront trades the one-time code (its hash) for an active session. */
export const exchangeAssistanceCodeWorkflow = createWorkflow(exchangeAssistanceCodeWorkflowId, (input: { code_hash: string }) => {
  return new WorkflowResponse(exchangeAssistanceCodeStep(input))
})
