import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SUITE_MODULE } from "../../../modules/customer_suite"
import type CustomerSuiteModuleService from "../../../modules/customer_suite/service"
import { SHOPPING_ASSISTANCE_MODULE } from "../../../modules/shopping_assistance"
import type ShoppingAssistanceModuleService from "../../../modules/shopping_assistance/service"

const service = (container: { resolve: <T>(key: string) => T }) => container.resolve<ShoppingAssistanceModuleService>(SHOPPING_ASSISTANCE_MODULE)

/** The assistance settings in force (plugin options with the admin's changes), refusing when turned off. */
export async function assistanceSettings(container: { resolve: <T>(key: string) => T }) {
  const settings = (await container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE).getResolvedOptions()).assistance
  if (!settings.enabled) {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, "Login as customer is turned off (Settings → Customer suite → Login as customer)")
  }
  return settings
}

export type StartAssistanceInput = {
  customer_id: string
  user_id: string
  reason?: string | null
  /** SHA-256 (hex) of the one-time code; the code itself never enters a workflow. */
  code_hash: string
}

export const validateAssistanceStartStepId = "customer-suite-validate-assistance-start"
/** Turned on; the customer exists, has an account and (with opt_in) allows assistance; a reason when required. */
export const validateAssistanceStartStep = createStep(validateAssistanceStartStepId, async (input: StartAssistanceInput, { container }) => {
  const settings = await assistanceSettings(container)
  if (settings.require_reason && !input.reason?.trim()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "reason: say why you log in as this customer (required by the store's settings)")
  }
  const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: input.customer_id }, { select: ["id", "has_account"] })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${input.customer_id}" was not found`)
  }
  if (!customer.has_account) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This customer has no account (a guest): there is nothing to log in to")
  }
  if (settings.consent === "opt_in") {
    const consent = await service(container).currentConsent(input.customer_id)
    if (!consent?.allowed) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, "This customer has not allowed remote assistance (they can allow it in their account)")
    }
  }
  return new StepResponse({ code_ttl_seconds: settings.code_ttl_seconds, storefront_url: settings.storefront_url })
})

export type EndSessionsInput = {
  ids?: string[]
  user_id?: string
  customer_id?: string
  reason: "ended_by_admin" | "ended_by_customer" | "superseded" | "admin_deleted" | "expired"
  ended_by?: string | null
}

type SessionRow = { id: string; status: string; ended_at: Date | null; end_reason: string | null; ended_by: string | null }

export const endAssistanceSessionsStepId = "customer-suite-end-assistance-sessions"
/**
 * Ends sessions (pending or active) with a reason: by ids, or all of a user's.
 * Compensation reopens them as they were.
 */
export const endAssistanceSessionsStep = createStep(
  endAssistanceSessionsStepId,
  async (
    input: EndSessionsInput,
    { container }
  ) => {
    const filters = {
      status: ["pending", "active"],
      ...(input.ids ? { id: input.ids } : {}),
      ...(input.user_id ? { user_id: input.user_id } : {}),
      ...(input.customer_id ? { customer_id: input.customer_id } : {}),
    }
    if (!input.ids && !input.user_id && !input.customer_id) {
      return new StepResponse([] as SessionRow[], [] as SessionRow[])
    }
    const open = (await service(container).listAssistanceSessions(filters as any, { select: ["id", "status", "ended_at", "end_reason", "ended_by"] })) as SessionRow[]
    if (!open.length) {
      return new StepResponse([] as SessionRow[], [] as SessionRow[])
    }
    const now = new Date()
    await service(container).updateAssistanceSessions(
      open.map((s) => ({ id: s.id, status: "ended" as const, ended_at: now, end_reason: input.reason, ended_by: input.ended_by ?? null }))
    )
    return new StepResponse(open, open)
  },
  async (previous, { container }) => {
    if (previous?.length) {
      await service(container).updateAssistanceSessions(
        previous.map((s) => ({ id: s.id, status: s.status as any, ended_at: s.ended_at, end_reason: s.end_reason as any, ended_by: s.ended_by }))
      )
    }
  }
)

export const createAssistanceSessionStepId = "customer-suite-create-assistance-session"
export const createAssistanceSessionStep = createStep(
  createAssistanceSessionStepId,
  async (input: StartAssistanceInput & { code_ttl_seconds: number }, { container }) => {
    const session = await service(container).createAssistanceSessions({
      customer_id: input.customer_id,
      user_id: input.user_id,
      reason: input.reason?.trim() || null,
      code_hash: input.code_hash,
      code_expires_at: new Date(Date.now() + input.code_ttl_seconds * 1000),
    })
    return new StepResponse(session, session.id)
  },
  async (id, { container }) => {
    if (id) {
      await service(container).deleteAssistanceSessions(id)
    }
  }
)

export const exchangeAssistanceCodeStepId = "customer-suite-exchange-assistance-code"
/**
 * The storefront's code, once: a pending session whose code has not expired
 * becomes active until now + the session TTL. Anything else is the same 401.
 */
export const exchangeAssistanceCodeStep = createStep(
  exchangeAssistanceCodeStepId,
  async (input: { code_hash: string }, { container }) => {
    const refused = new MedusaError(MedusaError.Types.UNAUTHORIZED, "This code is not valid: ask for a new one")
    const settings = await assistanceSettings(container).catch(() => {
      throw refused
    })
    const [session] = await service(container).listAssistanceSessions({ code_hash: input.code_hash })
    const now = new Date()
    if (!session || session.status !== "pending" || new Date(session.code_expires_at) <= now) {
      throw refused
    }
    if (settings.consent === "opt_in" && !(await service(container).currentConsent(session.customer_id))?.allowed) {
      throw refused
    }
    const updated = await service(container).updateAssistanceSessions({
      id: session.id,
      status: "active",
      exchanged_at: now,
      expires_at: new Date(now.getTime() + settings.session_ttl_minutes * 60_000),
    })
    return new StepResponse(updated, session.id)
  },
  async (id, { container }) => {
    if (id) {
      await service(container).updateAssistanceSessions({ id, status: "pending", exchanged_at: null, expires_at: null })
    }
  }
)

export const recordAssistanceConsentStepId = "customer-suite-record-assistance-consent"
/** The customer's answer, appended to their consent history; compensation removes it. */
export const recordAssistanceConsentStep = createStep(
  recordAssistanceConsentStepId,
  async (input: { customer_id: string; allowed: boolean }, { container }) => {
    const row = await service(container).createAssistanceConsents({
      customer_id: input.customer_id,
      allowed: input.allowed,
      actor_type: "customer",
      actor_id: input.customer_id,
    })
    return new StepResponse(row, row.id)
  },
  async (id, { container }) => {
    if (id) {
      await service(container).deleteAssistanceConsents(id)
    }
  }
)
