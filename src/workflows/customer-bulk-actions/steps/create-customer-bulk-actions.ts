import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SUITE_MODULE } from "../../../modules/customer_suite"
import type CustomerSuiteModuleService from "../../../modules/customer_suite/service"
import type { CreateCustomerBulkActionInput } from "../types"

export const createCustomerBulkActionsStepId = "customer-suite-create-customer-bulk-actions"
/** Records bulk actions, queued. Compensation deletes them. */
export const createCustomerBulkActionsStep = createStep(
  createCustomerBulkActionsStepId,
  async (input: CreateCustomerBulkActionInput[], { container }) => {
    const service = container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
    const created = await service.createCustomerBulkActions(
      input.map((a) => ({ action: a.action, params: a.params, selection: a.selection, user_id: a.user_id, total: a.total, status: "queued" as const }))
    )
    return new StepResponse(
      created.map((a) => ({ id: a.id })),
      created.map((a) => a.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE).deleteCustomerBulkActions(ids)
    }
  }
)
