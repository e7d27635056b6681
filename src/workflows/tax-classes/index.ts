import { removeRemoteLinkStep } from "@medusajs/core-flows"
import type { DeleteEntityInput } from "@medusajs/framework/modules-sdk"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { TAX_CLASS_MODULE } from "../../modules/tax_class"
import type { TaxClassInput } from "../../modules/tax_class/service"
import {
  createTaxClassRateStep,
  createTaxClassStep,
  deleteTaxClassRateStep,
  deleteTaxClassStep,
  updateTaxClassRateStep,
  updateTaxClassStep,
  type TaxClassRateInput,
} from "./steps/tax-class-steps"
import { setTaxClassLinkStep, type SetTaxClassLinkInput } from "./steps/set-tax-class-link"
import { clearTaxCacheAfterStep, clearTaxCacheBeforeStep } from "./steps/clear-tax-cache"

/** Tax classes and matrix rows, each change a workflow with compensation (input validated by the routes). */
export const createTaxClassWorkflowId = "customer-suite-create-tax-class"
export const createTaxClassWorkflow = createWorkflow(createTaxClassWorkflowId, (input: TaxClassInput & { type: "customer" | "product" }) => {
  clearTaxCacheBeforeStep()
  const result = createTaxClassStep(input)
  clearTaxCacheAfterStep()
  return new WorkflowResponse(result)
})

export const updateTaxClassWorkflowId = "customer-suite-update-tax-class"
export const updateTaxClassWorkflow = createWorkflow(updateTaxClassWorkflowId, (input: { id: string; update: TaxClassInput }) => {
  clearTaxCacheBeforeStep()
  const result = updateTaxClassStep(input)
  clearTaxCacheAfterStep()
  return new WorkflowResponse(result)
})

export const deleteTaxClassWorkflowId = "customer-suite-delete-tax-class"
export const deleteTaxClassWorkflow = createWorkflow(deleteTaxClassWorkflowId, (input: { id: string }) => {
  clearTaxCacheBeforeStep()
  const result = deleteTaxClassStep(input)
  // Its links to customer groups and products go too (they fall back to the default class).
  removeRemoteLinkStep(transform({ input }, ({ input }): DeleteEntityInput => ({ [TAX_CLASS_MODULE]: { tax_class_id: input.id } })))
  clearTaxCacheAfterStep()
  return new WorkflowResponse(result)
})

export const createTaxClassRateWorkflowId = "customer-suite-create-tax-class-rate"
export const createTaxClassRateWorkflow = createWorkflow(createTaxClassRateWorkflowId, (input: TaxClassRateInput) => {
  clearTaxCacheBeforeStep()
  const result = createTaxClassRateStep(input)
  clearTaxCacheAfterStep()
  return new WorkflowResponse(result)
})

export const updateTaxClassRateWorkflowId = "customer-suite-update-tax-class-rate"
export const updateTaxClassRateWorkflow = createWorkflow(
  updateTaxClassRateWorkflowId,
  (input: { id: string; rate?: number | null; is_exempt?: boolean; code?: string | null; name?: string | null }) => {
  clearTaxCacheBeforeStep()
  const result = updateTaxClassRateStep(input)
  clearTaxCacheAfterStep()
  return new WorkflowResponse(result)
})

export const deleteTaxClassRateWorkflowId = "customer-suite-delete-tax-class-rate"
export const deleteTaxClassRateWorkflow = createWorkflow(deleteTaxClassRateWorkflowId, (input: { id: string }) => {
  clearTaxCacheBeforeStep()
  const result = deleteTaxClassRateStep(input)
  clearTaxCacheAfterStep()
  return new WorkflowResponse(result)
})

export const setTaxClassLinkWorkflowId = "customer-suite-set-tax-class-link"
/** A customer group's or a product's tax class: set, replace or remove. */
export const setTaxClassLinkWorkflow = createWorkflow(setTaxClassLinkWorkflowId, (input: SetTaxClassLinkInput) => {
  clearTaxCacheBeforeStep()
  const result = setTaxClassLinkStep(input)
  clearTaxCacheAfterStep()
  return new WorkflowResponse(result)
})
