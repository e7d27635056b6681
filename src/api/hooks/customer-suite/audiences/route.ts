import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_SUITE_MODULE } from "../../../../modules/customer_suite"
import type CustomerSuiteModuleService from "../../../../modules/customer_suite/service"
import { PERSONALIZATION_MODULE } from "../../../../modules/personalization"
import {
  SIGNATURE_HEADER,
  SOURCE_HEADER,
  decryptSecret,
  parseSignatureHeader,
  verifySignature,
} from "../../../../modules/personalization/audience-signing"
import type PersonalizationModuleService from "../../../../modules/personalization/service"
import type { HookAudienceBatchResponse } from "../../../../types/http"
import { applyAudienceBatchWorkflow, recordAudienceSourceErrorWorkflow } from "../../../../workflows/audiences"
import { audienceSecretKey } from "../../../../workflows/audiences/utils/secret-key"
import { HookAudienceBatch, type HookAudienceBatchType } from "./validators"

const unauthorized = (message: string) => new MedusaError(MedusaError.Types.UNAUTHORIZED, message)

const header = (req: MedusaRequest, name: string): string | undefined => {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * A signed batch from a CDP (docs/decisions/0022): verified against the
 * source's secret (or its previous one during the grace period), its signed
 * timestamp within the allowed clock skew, at most max_members_per_batch
 * members, then applied whole or not at all. A replayed batch id answers the
 * first result and changes nothing.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse<HookAudienceBatchResponse>) => {
  const sourceId = header(req, SOURCE_HEADER)
  const signature = parseSignatureHeader(header(req, SIGNATURE_HEADER))
  const raw = (req as MedusaRequest & { rawBody?: Buffer }).rawBody
  if (!sourceId || sourceId.length > 100) {
    throw unauthorized(`The ${SOURCE_HEADER} header must name the audience source`)
  }
  if (!signature) {
    throw unauthorized(`The ${SIGNATURE_HEADER} header must be "t=<unix seconds>,v1=<hex HMAC-SHA256>"`)
  }
  if (!raw) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "The body must be JSON (Content-Type: application/json)")
  }
  const service = req.scope.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
  const [source] = await service.listAudienceSources({ id: sourceId })
  if (!source) {
    throw unauthorized("Unknown audience source or bad signature")
  }
  const key = audienceSecretKey(req.scope)
  const now = Date.now()
  const secrets = [decryptSecret(source.secret_encrypted, key)]
  if (source.previous_secret_encrypted && source.previous_secret_expires_at && new Date(source.previous_secret_expires_at).getTime() > now) {
    secrets.push(decryptSecret(source.previous_secret_encrypted, key))
  }
  if (!verifySignature(signature, raw, secrets.filter((s): s is string => s !== null))) {
    throw unauthorized("Unknown audience source or bad signature")
  }

  // Signed by the source from here on: what is wrong is recorded on the source for the admin.
  const refuse = async (error: MedusaError, status?: number) => {
    await recordAudienceSourceErrorWorkflow(req.scope).run({ input: { id: source.id, error: error.message } })
    if (status) {
      res.status(status).json({ type: error.type, message: error.message } as unknown as HookAudienceBatchResponse)
      return
    }
    throw error
  }
  const { audiences } = (await req.scope.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE).getOptions()).personalization
  const skew = Math.abs(now / 1000 - signature.timestamp)
  if (skew > audiences.max_clock_skew_seconds) {
    return refuse(
      unauthorized(
        `The signed timestamp t=${signature.timestamp} is ${Math.round(skew)} s from the server's clock (at most ${audiences.max_clock_skew_seconds} s): sign each request when you send it`
      )
    )
  }
  const body = (req.body ?? {}) as Record<string, unknown>
  const size = (list: unknown) => (Array.isArray(list) ? list.length : 0)
  const count = size(body.add) + size(body.remove)
  if (count > audiences.max_members_per_batch) {
    return refuse(
      new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `add and remove: ${count} members in one batch, at most ${audiences.max_members_per_batch}; split it into several batches`
      ),
      413
    )
  }
  const parsed = HookAudienceBatch.safeParse(body)
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.map(String).join(".") || "body"}: ${i.message}`)
    return refuse(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid batch: ${problems.join("; ")}`))
  }
  const batch: HookAudienceBatchType = parsed.data
  let result
  try {
    ;({ result } = await applyAudienceBatchWorkflow(req.scope).run({
      input: {
        source_id: source.id,
        batch_id: batch.batch_id,
        sent_at: new Date(signature.timestamp * 1000),
        audience: batch.audience,
        add: batch.add,
        remove: batch.remove,
      },
    }))
  } catch (error) {
    if (MedusaError.isMedusaError(error) && (error as MedusaError).type === MedusaError.Types.INVALID_DATA) {
      return refuse(error as MedusaError)
    }
    throw error
  }
  res.status(200).json({ batch: result })
}
