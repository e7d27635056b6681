import { removeRemoteLinkStep } from "@medusajs/medusa/core-flows"
import type { DeleteEntityInput } from "@medusajs/framework/modules-sdk"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { TAX_CLASS_MODULE } from "../../../modules/tax_class"
import { clearTaxCacheAfterStep } from "../steps/clear-tax-cache-after"
import { clearTaxCacheBeforeStep } from "../steps/clear-tax-cache-before"
import { deleteTaxClassStep } from "../steps/delete-tax-class"

export const deleteTaxClassWorkflowId = "customer-suite-delete-tax-class"
/** Deletes a class no matrix row uses; its links to customer groups and products go too (they fall back to the default class). */
export const deleteTaxClassWorkflow = createWorkflow(deleteTaxClassWorkflowId, (input: { id: string }) => {
  clearTaxCacheBeforeStep()
  const result = deleteTaxClassStep(input)
  removeRemoteLinkStep(transform({ input }, ({ input }): DeleteEntityInput => ({ [TAX_CLASS_MODULE]: { tax_class_id: input.id } })))
  clearTaxCacheAfterStep()
  return new WorkflowResponse(result)
})
