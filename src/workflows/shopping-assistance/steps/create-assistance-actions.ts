import type { InferTypeOf } from "@medusajs/framework/types"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type AssistanceAction from "../../../modules/shopping_assistance/models/assistance-action"
import { assistanceService } from "../utils/assistance-settings"

/** One request made with an assistance token, as the session's log keeps it. */
export type AssistanceActionInput = Pick<
  InferTypeOf<typeof AssistanceAction>,
  "session_id" | "method" | "route" | "path" | "status_code" | "resource_ids" | "outcome"
>

export const createAssistanceActionsStepId = "customer-suite-create-assistance-actions"
/** Appends requests to their sessions' action logs; compensation removes them. */
export const createAssistanceActionsStep = createStep(
  createAssistanceActionsStepId,
  async (actions: AssistanceActionInput[], { container }) => {
    const created = await assistanceService(container).createAssistanceActions(actions)
    return new StepResponse(created, created.map((a) => a.id))
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await assistanceService(container).deleteAssistanceActions(ids)
    }
  }
)
