import type { ICustomerModuleService } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import type { CreateCustomerSegmentInput, CustomerSegmentData, UpdateCustomerSegmentInput } from "../types"

export type PreparedSegment = Omit<CustomerSegmentData, "id" | "customer_group_id">

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** Validates a new segment: a dynamic one needs a rule or a query, a static one takes neither. */
export async function prepareNewSegment(
  service: CustomerSegmentModuleService,
  input: CreateCustomerSegmentInput
): Promise<PreparedSegment> {
  const kind = input.kind ?? "dynamic"
  const hasRule = input.rule !== undefined || input.query !== undefined
  if (kind === "static" && hasRule) {
    throw invalid(`${input.rule !== undefined ? "rule" : "query"}: a static segment has hand-picked members, not a rule`)
  }
  if (kind === "dynamic" && !hasRule) {
    throw invalid("rule: a dynamic segment needs a rule (or a query)")
  }
  const prepared = hasRule ? await service.prepareRule({ rule: input.rule, query: input.query }) : null
  if (prepared) {
    await service.checkSegmentReads(null, prepared.rule, input.query !== undefined ? "query" : "rule")
  }
  return {
    name: input.name,
    description: input.description ?? null,
    kind,
    applies_to: input.applies_to ?? "both",
    status: input.status ?? "active",
    rule: prepared?.rule ?? null,
    query: prepared?.query ?? null,
    attributes: prepared?.attributes ?? [],
    relative_dates: prepared?.relative_dates ?? false,
    sync_customer_group: input.sync_customer_group ?? false,
    metadata: input.metadata ?? null,
  }
}

/** Validates changes to a segment; returns the fields to write and whether memberships must be recomputed. */
export async function prepareSegmentUpdate(
  service: CustomerSegmentModuleService,
  existing: CustomerSegmentData,
  update: UpdateCustomerSegmentInput
): Promise<{ data: Partial<PreparedSegment>; refresh: boolean }> {
  const data: Partial<PreparedSegment> = {}
  for (const key of ["name", "description", "applies_to", "status", "sync_customer_group", "metadata"] as const) {
    if (update[key] !== undefined) {
      ;(data as Record<string, unknown>)[key] = update[key]
    }
  }
  if (update.rule !== undefined || update.query !== undefined) {
    if (existing.kind === "static") {
      throw invalid(`${update.rule !== undefined ? "rule" : "query"}: a static segment has hand-picked members, not a rule`)
    }
    const prepared = await service.prepareRule({ rule: update.rule, query: update.query })
    await service.checkSegmentReads(existing.id, prepared.rule, update.query !== undefined ? "query" : "rule")
    const groupId = existing.customer_group_id
    if (groupId && JSON.stringify(prepared.rule).includes(JSON.stringify(groupId))) {
      throw invalid(`rule: the segment manages customer group ${groupId}; its rule cannot read that group`)
    }
    Object.assign(data, prepared)
  }
  const changed = (key: keyof PreparedSegment) =>
    data[key] !== undefined && JSON.stringify(data[key]) !== JSON.stringify(existing[key])
  const refresh =
    (changed("rule") || changed("applies_to") || (changed("status") && data.status === "active")) &&
    existing.kind === "dynamic"
  return { data, refresh }
}

/** A managed customer group takes the segment's name: it must be free (group names are unique). */
export async function assertGroupNameFree(
  customerModule: ICustomerModuleService,
  name: string,
  exceptGroupId: string | null = null
): Promise<void> {
  const [taken] = await customerModule.listCustomerGroups({ name }, { select: ["id"] })
  if (taken && taken.id !== exceptGroupId) {
    throw invalid(
      `name: a customer group named "${name}" already exists; a segment with sync_customer_group needs a name no group has`
    )
  }
}
