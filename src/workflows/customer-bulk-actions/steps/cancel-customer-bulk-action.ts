import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SUITE_MODULE } from "../../../modules/customer_suite"
import type CustomerSuiteModuleService from "../../../modules/customer_suite/service"
import { cancelBulkAction, uncancelBulkAction, type CanceledBulkAction } from "../utils/store"

export const cancelCustomerBulkActionStepId = "customer-suite-cancel-customer-bulk-action"
/**
 * Queued or running → canceled: a queued action never starts, a running one
 * stops after its current batch (what was done stays done). Canceling a
 * canceled action changes nothing; a completed or failed one is refused (409).
 * Compensation puts the status back unless the action moved on.
 */
export const cancelCustomerBulkActionStep = createStep(
  cancelCustomerBulkActionStepId,
  async (input: { id: string }, { container }) => {
    const service = container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
    const [existing] = await service.listCustomerBulkActions({ id: input.id }, { select: ["id", "status"] })
    if (!existing) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Bulk action with id "${input.id}" was not found`)
    }
    const canceled = await cancelBulkAction(container, input.id)
    if (canceled) {
      return new StepResponse({ id: input.id, canceled: true }, canceled)
    }
    const [now] = await service.listCustomerBulkActions({ id: input.id }, { select: ["id", "status"] })
    if (now?.status === "canceled") {
      return new StepResponse({ id: input.id, canceled: false }, null as CanceledBulkAction | null)
    }
    throw new MedusaError(MedusaError.Types.CONFLICT, `status: the bulk action is already ${now?.status ?? existing.status}; only a queued or running one can be canceled`)
  },
  async (canceled, { container }) => {
    if (canceled) {
      await uncancelBulkAction(container, canceled)
    }
  }
)
