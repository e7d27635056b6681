import { generateResetPasswordTokenWorkflow } from "@medusajs/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { RESET_PROVIDER, type CustomerResetAccount } from "./find-customer-reset-account"

export const sendResetPasswordEmailStepId = "customer-suite-send-reset-password-email"
/**
 * Runs Medusa's own reset-token workflow for the account, signed with the
 * store's http.jwtSecret as Medusa's reset route does: it emits
 * `auth.password_reset`, and the store's notification provider sends the
 * email. The token and the secret stay inside this function — neither is a
 * workflow input or a step result, which the workflow engine may persist.
 * Put last in a workflow: once the event is out, nothing is left to undo.
 */
export const sendResetPasswordEmailStep = createStep(sendResetPasswordEmailStepId, async (account: CustomerResetAccount, { container }) => {
  const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  await generateResetPasswordTokenWorkflow(container).run({
    input: {
      entityId: account.email,
      actorType: "customer",
      provider: RESET_PROVIDER,
      secret: http.jwtSecret,
      jwtOptions: http.jwtOptions,
    },
  })
  return new StepResponse({ requested_at: new Date().toISOString() })
})
