import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { customerSuiteService, gridViewProblem, type GridViewFields, type GridViewRow } from "../utils/grid-views"

export type UpdateCustomerGridViewInput = { id: string; update: Partial<GridViewFields> }

/** The fields an update can change, as they were. */
type Snapshot = Pick<GridViewRow, "id" | "name" | "shared" | "filters" | "columns" | "sort">

export const updateCustomerGridViewsStepId = "customer-suite-update-customer-grid-views"
/** Changes the fields sent of each view (a field left out keeps its value; the result must suit the grid); compensation puts the previous values back. */
export const updateCustomerGridViewsStep = createStep(
  updateCustomerGridViewsStepId,
  async (input: UpdateCustomerGridViewInput[], { container }) => {
    const suite = customerSuiteService(container)
    const before = (await suite.listCustomerGridViews({ id: input.map((i) => i.id) })) as GridViewRow[]
    const snapshots: Snapshot[] = before.map(({ id, name, shared, filters, columns, sort }) => ({ id, name, shared, filters, columns, sort }))
    // A key set to undefined would be written as null: send only the fields given.
    const changes = input.map(({ id, update }) => ({
      id,
      ...Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined)),
    }))
    for (const change of changes) {
      const current = before.find((view) => view.id === change.id)
      const problem = current && gridViewProblem({ ...current, ...change })
      if (problem) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
      }
    }
    const updated = (await suite.updateCustomerGridViews(changes)) as GridViewRow[]
    return new StepResponse(updated, snapshots)
  },
  async (snapshots, { container }) => {
    if (snapshots?.length) {
      await customerSuiteService(container).updateCustomerGridViews(snapshots)
    }
  }
)
