import { z } from "@medusajs/framework/zod"
import { BULK_ACTION_KINDS, BULK_ACTION_STATUSES, type BulkActionKind } from "../../../../modules/customer_suite/models/customer-bulk-action"
import type { BulkActionSelection, CustomerGridFilters } from "../../../../types/http/customer-grid"
import { CustomerGridFiltersSchema } from "../customers/validators"

const ID = /^[A-Za-z0-9_-]+$/
/** Customers one bulk action may name by id (a bigger selection goes by filters). */
export const MAX_BULK_IDS = 10_000

const id = (field: string) =>
  z
    .string({ message: `${field}: must be an id` })
    .min(1, { message: `${field}: must be an id` })
    .max(100, { message: `${field}: an id is at most 100 characters` })
    .regex(ID, { message: `${field}: must be an id (letters, digits, _ and -)` })

const GROUP_ACTIONS: readonly BulkActionKind[] = ["add_to_group", "remove_from_group"]
const SEGMENT_ACTIONS: readonly BulkActionKind[] = ["add_to_segment", "remove_from_segment"]

export type AdminCreateBulkActionType = {
  action: BulkActionKind
  params: { group_id?: string; segment_id?: string }
  selection: BulkActionSelection
  expected_count?: number
}

/**
 * POST /admin/customer-suite/bulk-actions. Group actions need
 * `params.group_id`, segment actions `params.segment_id`, the others no
 * params; `selection` is `{ kind: "ids", ids }` (1–10,000 distinct ids) or
 * `{ kind: "filters", filters }` (the grid's filters); "delete" needs
 * `expected_count`. Every message starts with the field's path.
 */
export const AdminCreateBulkAction = z
  .object({
    action: z.enum(BULK_ACTION_KINDS, { message: `action: one of ${BULK_ACTION_KINDS.join(", ")}` }),
    params: z
      .object(
        { group_id: id("params.group_id").optional(), segment_id: id("params.segment_id").optional() },
        { message: "params: must be an object ({ group_id } or { segment_id })" }
      )
      .strict()
      .optional(),
    selection: z
      .object(
        {
          // Checked below, as the ids' length: Medusa words a nested path's enum errors as "selection, kind".
          kind: z.unknown().optional(),
          // Its length is checked below: Medusa words a nested path's size errors as "selection, ids".
          ids: z.array(id("selection.ids"), { message: "selection.ids: must be a list of customer ids" }).optional(),
          filters: z.unknown().optional(),
        },
        { message: 'selection: must be { kind: "ids", ids } or { kind: "filters", filters }' }
      )
      .strict(),
    expected_count: z
      .number({ message: "expected_count: must be a whole number" })
      .int({ message: "expected_count: must be a whole number" })
      .min(0, { message: "expected_count: must not be negative" })
      .max(100_000_000, { message: "expected_count: at most 100,000,000" })
      .optional(),
  })
  .strict()
  .transform((body, ctx): AdminCreateBulkActionType => {
    const issue = (message: string) => {
      ctx.addIssue({ code: "custom", message })
      return z.NEVER
    }
    const params = body.params ?? {}
    if (GROUP_ACTIONS.includes(body.action)) {
      if (!params.group_id) {
        return issue(`params.group_id: required for ${body.action}`)
      }
      if (params.segment_id) {
        return issue(`params.segment_id: not taken by ${body.action} (it takes params.group_id)`)
      }
    } else if (SEGMENT_ACTIONS.includes(body.action)) {
      if (!params.segment_id) {
        return issue(`params.segment_id: required for ${body.action} (a static segment)`)
      }
      if (params.group_id) {
        return issue(`params.group_id: not taken by ${body.action} (it takes params.segment_id)`)
      }
    } else if (params.group_id || params.segment_id) {
      return issue(`params: ${body.action} takes no params`)
    }
    if (body.action === "delete" && body.expected_count === undefined) {
      return issue("expected_count: required for delete (the number of customers the confirmation named)")
    }
    if (body.selection.kind !== "ids" && body.selection.kind !== "filters") {
      return issue('selection.kind: "ids" or "filters"')
    }
    let selection: BulkActionSelection
    if (body.selection.kind === "ids") {
      if (body.selection.filters !== undefined) {
        return issue('selection.filters: not taken with kind "ids"')
      }
      const ids = body.selection.ids
      if (!ids) {
        return issue('selection.ids: required with kind "ids"')
      }
      if (!ids.length) {
        return issue("selection.ids: name at least one customer")
      }
      if (ids.length > MAX_BULK_IDS) {
        return issue(`selection.ids: at most ${MAX_BULK_IDS.toLocaleString("en-US")} customers (select by filters for more)`)
      }
      const seen = new Set<string>()
      const twice = ids.find((customerId) => seen.size === seen.add(customerId).size)
      if (twice !== undefined) {
        return issue(`selection.ids: ${twice} is listed twice`)
      }
      selection = { kind: "ids", ids }
    } else {
      if (body.selection.ids !== undefined) {
        return issue('selection.ids: not taken with kind "filters"')
      }
      if (body.selection.filters === null || typeof body.selection.filters !== "object" || Array.isArray(body.selection.filters)) {
        return issue('selection.filters: required with kind "filters" (an object of the grid\'s filters; {} for every customer)')
      }
      const parsed = CustomerGridFiltersSchema.safeParse(body.selection.filters)
      if (!parsed.success) {
        for (const problem of parsed.error.issues) {
          const path = problem.path.length ? `selection.filters.${problem.path.join(".")}` : "selection.filters"
          // The filter schema's own messages start with the filter's name: prefixed with where it sits.
          ctx.addIssue({ code: "custom", message: /^[a-z_]+(\[[a-z]+\])?: /.test(problem.message) ? `selection.filters.${problem.message}` : `${path}: ${problem.message}` })
        }
        return z.NEVER
      }
      selection = { kind: "filters", filters: parsed.data as CustomerGridFilters }
    }
    return { action: body.action, params, selection, ...(body.expected_count !== undefined ? { expected_count: body.expected_count } : {}) }
  })

export type AdminGetBulkActionsParamsType = z.infer<typeof AdminGetBulkActionsParams>
/** GET /admin/customer-suite/bulk-actions: most recent first. */
export const AdminGetBulkActionsParams = z
  .object({
    status: z.enum(BULK_ACTION_STATUSES, { message: `status: one of ${BULK_ACTION_STATUSES.join(", ")}` }).optional(),
    offset: z.coerce.number({ message: "offset: must be a whole number" }).int({ message: "offset: must be a whole number" }).min(0, { message: "offset: must not be negative" }).max(1_000_000, { message: "offset: at most 1,000,000" }).default(0),
    limit: z.coerce.number({ message: "limit: must be a whole number" }).int({ message: "limit: must be a whole number" }).min(1, { message: "limit: at least 1" }).max(100, { message: "limit: at most 100" }).default(20),
  })
  .strict()

export type AdminGetBulkActionParamsType = z.infer<typeof AdminGetBulkActionParams>
/** GET /admin/customer-suite/bulk-actions/:id: the first `failures_limit` failures (by customer id). */
export const AdminGetBulkActionParams = z
  .object({
    failures_limit: z.coerce
      .number({ message: "failures_limit: must be a whole number" })
      .int({ message: "failures_limit: must be a whole number" })
      .min(0, { message: "failures_limit: must not be negative" })
      .max(1_000, { message: "failures_limit: at most 1,000" })
      .default(100),
  })
  .strict()

/** POST /admin/customer-suite/bulk-actions/:id/cancel takes no body. */
export const AdminCancelBulkAction = z.object({}).strict()
