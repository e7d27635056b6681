import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { customerSuiteService, gridPreferenceOf } from "../utils/grid-views"

export type SetCustomerGridDefaultViewInput = { user_id: string; view_id: string | null }

type Undo = { created: string } | { updated: string; default_view_id: string | null }

export const setCustomerGridDefaultViewStepId = "customer-suite-set-customer-grid-default-view"
/**
 * Sets the view the user's grid opens with (null: the built-in default),
 * creating their preference row on first use; compensation puts the previous
 * default back (or removes the row it created).
 */
export const setCustomerGridDefaultViewStep = createStep(
  setCustomerGridDefaultViewStepId,
  async (input: SetCustomerGridDefaultViewInput, { container }) => {
    const suite = customerSuiteService(container)
    const update = async (preference: { id: string; default_view_id: string | null }): Promise<Undo> => {
      await suite.updateCustomerGridPreferences({ id: preference.id, default_view_id: input.view_id })
      return { updated: preference.id, default_view_id: preference.default_view_id }
    }
    const existing = await gridPreferenceOf(container, input.user_id)
    if (existing) {
      return new StepResponse(input.view_id, await update(existing))
    }
    let undo: Undo
    try {
      const created = await suite.createCustomerGridPreferences({ user_id: input.user_id, default_view_id: input.view_id })
      undo = { created: created.id }
    } catch (error) {
      // Another request made the row in between (unique per user): change that one.
      const raced = await gridPreferenceOf(container, input.user_id)
      if (!raced) {
        throw error
      }
      undo = await update(raced)
    }
    return new StepResponse(input.view_id, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const suite = customerSuiteService(container)
    if ("created" in undo) {
      await suite.deleteCustomerGridPreferences(undo.created)
    } else {
      await suite.updateCustomerGridPreferences({ id: undo.updated, default_view_id: undo.default_view_id })
    }
  }
)
