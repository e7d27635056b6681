import type {
  CreatePriceListPriceWorkflowDTO,
  CreatePriceListWorkflowInputDTO,
  PriceListStatus,
  PriceListType,
  UpdatePriceListPriceWorkflowDTO,
  UpdatePriceListWorkflowInputDTO,
} from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import {
  desiredPrices,
  diffPrices,
  inEffect,
  outranks,
  type DesiredPrice,
  type SyncSummary,
} from "../../../modules/group_pricing/compute"
import type { GroupPriceRuleRow } from "../types"
import { groupPricingService } from "../utils/group-price-rule-service"
import { loadBasePrices, loadListPrices, variantIdsInScope } from "../utils/load"

/** `metadata.managed_by` of the price lists the sync owns. */
export const MANAGED_BY = "medusa-customer-suite"

type PriceInput = Omit<DesiredPrice, "price_set_id"> & CreatePriceListPriceWorkflowDTO
/** Medusa's price-list workflows pass `type` on to the pricing module, though their input types leave it out. */
type ListData = CreatePriceListWorkflowInputDTO & {
  title: string
  description: string
  type: PriceListType
  status: PriceListStatus
  starts_at: string | null
  ends_at: string | null
  rules: Record<string, string[]>
  metadata: Record<string, unknown>
}

export type GroupPriceSyncPlan = {
  rule_id: string
  /** create: a new list; update: the existing list; delete: the list goes (rule ended, inactive, or its group is gone); none. */
  action: "create" | "update" | "delete" | "none"
  price_list_id: string | null
  create_list: (ListData & { prices: PriceInput[] }) | null
  list_update: (UpdatePriceListWorkflowInputDTO & Omit<ListData, "prices">) | null
  prices: { create: PriceInput[]; update: (PriceInput & UpdatePriceListPriceWorkflowDTO)[]; delete: string[] }
  has_price_changes: boolean
  summary: SyncSummary
}

const iso = (d: string | Date | null | undefined) => (d ? new Date(d).toISOString() : null)
const strip = ({ price_set_id: _ignored, ...price }: DesiredPrice): PriceInput => price

export const planGroupPriceSyncStepId = "customer-suite-plan-group-price-sync"
/**
 * Reads a rule, the other rules of its group, the variants it wins and their
 * base prices, and the price list it owns; says what the list must become.
 * Writes nothing.
 */
export const planGroupPriceSyncStep = createStep(planGroupPriceSyncStepId, async (input: { rule_id: string }, { container }) => {
  const service = groupPricingService(container)
  const [rule] = await service.listGroupPriceRules({ id: input.rule_id }, { withDeleted: true })
  const empty = { create: [], update: [], delete: [] }
  const none = (action: GroupPriceSyncPlan["action"], priceListId: string | null): GroupPriceSyncPlan => ({
    rule_id: input.rule_id,
    action,
    price_list_id: priceListId,
    create_list: null,
    list_update: null,
    prices: empty,
    has_price_changes: false,
    summary: { variants: 0, prices: 0, created: 0, updated: 0, deleted: 0, list_deleted: action === "delete" },
  })
  const [group] = rule ? await container.resolve(Modules.CUSTOMER).listCustomerGroups({ id: rule.customer_group_id }, { select: ["id"] }) : []
  const now = new Date()
  const ended = !rule || rule.deleted_at || !group || rule.status !== "active" || (rule.ends_at && new Date(rule.ends_at) <= now)
  if (ended) {
    return new StepResponse(none(rule?.price_list_id ? "delete" : "none", rule?.price_list_id ?? null))
  }
  const r: GroupPriceRuleRow = rule

  // Variants a higher-ranked rule of the same group (in force now) covers are that rule's.
  const siblings = await service.listGroupPriceRules({ customer_group_id: r.customer_group_id, status: "active" })
  const above = siblings.filter((s) => s.id !== r.id && inEffect(s, now) && outranks(s, r))
  const taken = new Set((await Promise.all(above.map((s) => variantIdsInScope(container, s)))).flat())
  const variantIds = (await variantIdsInScope(container, r)).filter((id) => !taken.has(id))
  const desired = desiredPrices(r, await loadBasePrices(container, variantIds))

  const list: ListData = {
    title: `Group pricing: ${r.name}`,
    description: `Kept in sync with the group pricing rule ${r.id} by ${MANAGED_BY}; edit the rule, not this list.`,
    type: r.adjustment_type === "fixed_price" ? "override" : "sale",
    status: "active",
    starts_at: iso(r.starts_at),
    ends_at: iso(r.ends_at),
    rules: { "customer.groups.id": [r.customer_group_id] },
    metadata: { managed_by: MANAGED_BY, group_price_rule_id: r.id },
  }
  const existingList = r.price_list_id
    ? (await container.resolve(Modules.PRICING).listPriceLists({ id: [r.price_list_id] }, { relations: ["price_list_rules"] }))[0]
    : undefined
  if (!existingList) {
    return new StepResponse<GroupPriceSyncPlan>({
      ...none("create", null),
      create_list: { ...list, prices: desired.map(strip) },
      summary: { variants: variantIds.length, prices: desired.length, created: desired.length, updated: 0, deleted: 0, list_deleted: false },
    })
  }
  const diff = diffPrices(desired, await loadListPrices(container, existingList.id))
  const currentGroups = existingList.price_list_rules?.find((x) => x.attribute === "customer.groups.id")?.value
  const drifted =
    existingList.title !== list.title ||
    existingList.status !== list.status ||
    existingList.type !== list.type ||
    iso(existingList.starts_at) !== list.starts_at ||
    iso(existingList.ends_at) !== list.ends_at ||
    JSON.stringify(currentGroups ?? null) !== JSON.stringify([r.customer_group_id])
  return new StepResponse<GroupPriceSyncPlan>({
    rule_id: r.id,
    action: "update",
    price_list_id: existingList.id,
    create_list: null,
    list_update: drifted ? { id: existingList.id, ...list } : null,
    prices: { create: diff.create.map(strip), update: diff.update.map((p) => ({ ...strip(p), id: p.id })), delete: diff.delete },
    has_price_changes: diff.create.length + diff.update.length + diff.delete.length > 0,
    summary: {
      variants: variantIds.length,
      prices: desired.length,
      created: diff.create.length,
      updated: diff.update.length,
      deleted: diff.delete.length,
      list_deleted: false,
    },
  })
})
