import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { CustomerSuiteEvents } from "../../../modules/customer_suite/events"
import { createCustomerBulkActionsStep } from "../steps/create-customer-bulk-actions"
import type { CreateCustomerBulkActionInput } from "../types"

export const createCustomerBulkActionWorkflowId = "customer-suite-create-customer-bulk-action"
/**
 * Records a bulk action of the customers grid (who, what, on which
 * customers, how many), queued, and asks for it to run: the event's
 * subscriber runs its batches in the background (on the worker in a
 * server/worker deployment); the resume job picks it up if the event is lost.
 */
export const createCustomerBulkActionWorkflow = createWorkflow(createCustomerBulkActionWorkflowId, (input: CreateCustomerBulkActionInput) => {
  const created = createCustomerBulkActionsStep(transform({ input }, ({ input }) => [input]))
  const ids = transform({ created }, ({ created }) => created.map((a) => ({ id: a.id })))
  emitEventStep({ eventName: CustomerSuiteEvents.BULK_ACTION_REQUESTED, data: ids })
  return new WorkflowResponse(transform({ created }, ({ created }) => created[0]))
})
