import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MAX_GRID_VIEWS_PER_USER, customerSuiteService, gridViewProblem, type GridViewFields, type GridViewRow } from "../utils/grid-views"

export type CreateCustomerGridViewInput = GridViewFields & { owner_user_id: string }

/** One owner's views are counted and created under this lock, so two requests at once cannot pass the limit together. */
const ownerLock = (userId: string) => `customer-suite:grid-views:${userId}`

export const createCustomerGridViewsStepId = "customer-suite-create-customer-grid-views"
/**
 * Creates saved views (whose fields the grid accepts together), at most MAX_GRID_VIEWS_PER_USER per owner (an owner
 * over the limit gets none of theirs); compensation deletes them.
 */
export const createCustomerGridViewsStep = createStep(
  createCustomerGridViewsStepId,
  async (input: CreateCustomerGridViewInput[], { container }) => {
    for (const view of input) {
      const problem = gridViewProblem(view)
      if (problem) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
      }
    }
    const suite = customerSuiteService(container)
    const locking = container.resolve(Modules.LOCKING)
    const owners = [...new Set(input.map((view) => view.owner_user_id))].sort()
    const created = await locking.execute(
      owners.map(ownerLock),
      async () => {
        for (const owner of owners) {
          const adding = input.filter((view) => view.owner_user_id === owner).length
          const [, count] = await suite.listAndCountCustomerGridViews({ owner_user_id: owner }, { take: 1, select: ["id"] })
          if (count + adding > MAX_GRID_VIEWS_PER_USER) {
            throw new MedusaError(
              MedusaError.Types.NOT_ALLOWED,
              `A staff user can keep at most ${MAX_GRID_VIEWS_PER_USER} saved views (this one has ${count}): delete one first`
            )
          }
        }
        return (await suite.createCustomerGridViews(input.map((view) => ({ ...view, filters: view.filters as Record<string, unknown> })))) as GridViewRow[]
      },
      { timeout: 10 }
    )
    return new StepResponse(created, created.map((view) => view.id))
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await customerSuiteService(container).deleteCustomerGridViews(ids)
    }
  }
)
