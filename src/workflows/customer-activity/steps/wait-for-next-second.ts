import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"

export const waitForNextSecondStepId = "customer-suite-wait-for-next-second"
/**
 * Returns once the second after `at` has begun. Tokens carry `iat` in whole
 * seconds and those issued at or before the revocation's second are refused,
 * so the revocation answers only when a new sign-in gets a later second
 * (decision 0030). At most one second.
 */
export const waitForNextSecondStep = createStep(waitForNextSecondStepId, async (input: { at: Date | string }) => {
  const wait = (Math.floor(new Date(input.at).getTime() / 1000) + 1) * 1000 - Date.now()
  if (wait > 0) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 1_000)))
  }
  return new StepResponse(undefined)
})
