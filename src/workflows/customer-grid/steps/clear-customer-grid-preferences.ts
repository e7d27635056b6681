import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { customerSuiteService } from "../utils/grid-views"

export type ClearCustomerGridPreferencesInput = {
  /** Preferences whose default is one of these views go back to the grid's built-in default. */
  view_ids: string[]
  /** This user's preference is kept (the owner of a view that stops being shared still sees it). */
  keep_user_id?: string | null
}

export const clearCustomerGridPreferencesStepId = "customer-suite-clear-customer-grid-preferences"
/** Clears the default view of every preference pointing at the views; compensation points them back. */
export const clearCustomerGridPreferencesStep = createStep(
  clearCustomerGridPreferencesStepId,
  async (input: ClearCustomerGridPreferencesInput, { container }) => {
    if (!input.view_ids.length) {
      return new StepResponse([], [])
    }
    const suite = customerSuiteService(container)
    const pointing = (await suite.listCustomerGridPreferences({ default_view_id: input.view_ids })).filter(
      (preference) => preference.user_id !== input.keep_user_id
    )
    if (pointing.length) {
      await suite.updateCustomerGridPreferences(pointing.map((preference) => ({ id: preference.id, default_view_id: null })))
    }
    const previous = pointing.map((preference) => ({ id: preference.id, default_view_id: preference.default_view_id as string }))
    return new StepResponse(
      pointing.map((preference) => preference.user_id),
      previous
    )
  },
  async (previous, { container }) => {
    if (previous?.length) {
      await customerSuiteService(container).updateCustomerGridPreferences(previous)
    }
  }
)
