import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import type PersonalizationModuleService from "../../../modules/personalization/service"
import type { AdminAudience, AdminAudienceMember, AdminAudienceSource } from "../../../types/http"

const iso = (value: Date | string | null | undefined): string | null => (value ? new Date(value).toISOString() : null)

export const personalization = (scope: Pick<MedusaContainer, "resolve">) =>
  scope.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)

type SourceRow = Awaited<ReturnType<PersonalizationModuleService["listAudienceSources"]>>[number]
type AudienceRow = Awaited<ReturnType<PersonalizationModuleService["listAudiences"]>>[number]

/** Sources as the admin sees them: never the secret, with how many audiences each has. */
export async function toAdminSources(scope: Pick<MedusaContainer, "resolve">, sources: SourceRow[]): Promise<AdminAudienceSource[]> {
  const audiences = sources.length
    ? await personalization(scope).listAudiences({ source_id: sources.map((s) => s.id) }, { select: ["id", "source_id"], take: null })
    : []
  return sources.map((s) => ({
    id: s.id,
    name: s.name,
    secret_hint: s.secret_hint,
    secret_rotated_at: iso(s.secret_rotated_at),
    previous_secret_expires_at:
      s.previous_secret_expires_at && new Date(s.previous_secret_expires_at).getTime() > Date.now() ? iso(s.previous_secret_expires_at) : null,
    last_batch_at: iso(s.last_batch_at),
    last_error: s.last_error ?? null,
    last_error_at: iso(s.last_error_at),
    audience_count: audiences.filter((a) => a.source_id === s.id).length,
    created_at: iso(s.created_at)!,
    updated_at: iso(s.updated_at)!,
  }))
}

export async function retrieveAdminSource(scope: Pick<MedusaContainer, "resolve">, id: string): Promise<AdminAudienceSource> {
  const [source] = await personalization(scope).listAudienceSources({ id })
  if (!source) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Audience source with id: ${id} was not found`)
  }
  return (await toAdminSources(scope, [source]))[0]
}

/** Audiences with their source's id and name. */
export async function toAdminAudiences(scope: Pick<MedusaContainer, "resolve">, audiences: AudienceRow[]): Promise<AdminAudience[]> {
  const sourceIds = [...new Set(audiences.map((a) => a.source_id))]
  const sources = sourceIds.length
    ? await personalization(scope).listAudienceSources({ id: sourceIds }, { select: ["id", "name"], withDeleted: true, take: null })
    : []
  const names = new Map(sources.map((s) => [s.id, s.name]))
  return audiences.map((a) => ({
    id: a.id,
    name: a.name,
    external_id: a.external_id,
    source: { id: a.source_id, name: names.get(a.source_id) ?? a.source_id },
    member_count: a.member_count,
    last_batch_at: iso(a.last_batch_at),
    sync_customer_group: a.sync_customer_group,
    customer_group_id: a.customer_group_id ?? null,
    created_at: iso(a.created_at)!,
    updated_at: iso(a.updated_at)!,
  }))
}

export async function retrieveAdminAudience(scope: Pick<MedusaContainer, "resolve">, id: string): Promise<AdminAudience> {
  const [audience] = await personalization(scope).listAudiences({ id })
  if (!audience) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Audience with id: ${id} was not found`)
  }
  return (await toAdminAudiences(scope, [audience]))[0]
}

/** A page of an audience's members (by customer id), with what the customer module knows of each. */
export async function listAdminAudienceMembers(
  scope: Pick<MedusaContainer, "resolve">,
  audienceId: string,
  offset: number,
  limit: number
): Promise<{ customers: AdminAudienceMember[]; count: number; offset: number; limit: number }> {
  const [members, count] = await personalization(scope).listAndCountAudienceMembers(
    { audience_id: audienceId },
    { select: ["customer_id", "created_at"], skip: offset, take: limit, order: { customer_id: "ASC" } }
  )
  const customers = members.length
    ? await scope.resolve(Modules.CUSTOMER).listCustomers(
        { id: members.map((m) => m.customer_id) },
        { select: ["id", "email", "first_name", "last_name"], take: null }
      )
    : []
  const byId = new Map(customers.map((c) => [c.id, c]))
  return {
    customers: members.map((m) => {
      const c = byId.get(m.customer_id)
      return {
        customer_id: m.customer_id,
        email: c?.email ?? null,
        first_name: c?.first_name ?? null,
        last_name: c?.last_name ?? null,
        added_at: iso(m.created_at)!,
      }
    }),
    count,
    offset,
    limit,
  }
}
