import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../../modules/customer_segment/service"
import { CUSTOMER_SUITE_MODULE } from "../../../../modules/customer_suite"
import type CustomerSuiteModuleService from "../../../../modules/customer_suite/service"
import type { AdminBulkActionResponse, BulkAction, BulkActionFailure, BulkActionListItem } from "../../../../types/http/customer-grid"
import { BULK_ACTION_CAPABILITY } from "../../../../workflows/customer-bulk-actions/utils/actions"
import { activeBulkActions, listBulkActionFailures, type BulkActionListRow } from "../../../../workflows/customer-bulk-actions/utils/store"
import { countGrid } from "../../../../workflows/customer-grid/utils/grid-query"
import type { AdminCreateBulkActionType } from "./validators"

type Container = Pick<MedusaContainer, "resolve">

const CAPABILITY_NAMES = { activity: "account security (activity)", segments: "customer segments (segments)" } as const

/**
 * Checks what the body names against the store now and answers how many
 * customers the action is on: a group action's group must exist, a segment
 * action's segment must exist and be static (400 naming the field); for
 * "delete" (and whenever it is given) `expected_count` must be the
 * selection's count now (409 naming both). The total is the ids given, or
 * the filters' exact count.
 */
export async function checkBulkAction(container: Container, body: AdminCreateBulkActionType): Promise<{ total: number }> {
  const capability = BULK_ACTION_CAPABILITY[body.action]
  if (capability && !(await container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE).isEnabled(capability))) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `action: ${body.action} needs ${CAPABILITY_NAMES[capability]}, which is turned off in the customer suite's options`)
  }
  if (body.params.group_id) {
    const [group] = await container.resolve(Modules.CUSTOMER).listCustomerGroups({ id: body.params.group_id }, { select: ["id"] })
    if (!group) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `params.group_id: no customer group "${body.params.group_id}"`)
    }
  }
  if (body.params.segment_id) {
    const [segment] = await container
      .resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
      .listCustomerSegments({ id: body.params.segment_id }, { select: ["id", "kind"] })
    if (!segment) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `params.segment_id: no segment "${body.params.segment_id}"`)
    }
    if (segment.kind !== "static") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `params.segment_id: "${segment.id}" is a dynamic segment (its members follow its rule); only static segments take hand-picked members`)
    }
  }
  let total: number
  let current: number
  if (body.selection.kind === "ids") {
    total = body.selection.ids.length
    current =
      body.expected_count === undefined
        ? total
        : (await container.resolve(Modules.CUSTOMER).listAndCountCustomers({ id: body.selection.ids }, { select: ["id"], take: 1 }))[1]
  } else {
    total = current = (await countGrid(container as MedusaContainer, body.selection.filters, { exact: true })).count
  }
  if (body.expected_count !== undefined && body.expected_count !== current) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `expected_count: the confirmation named ${body.expected_count.toLocaleString("en-US")} customer(s), but the selection now counts ${current.toLocaleString("en-US")}; confirm again`
    )
  }
  return { total }
}

/** JSON with object keys sorted at every level: two values are the same when their texts are. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(",")}]`
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`
  }
  return JSON.stringify(value) ?? "null"
}

/** What makes two selections the same: the same set of ids (in any order), or the same filters. */
function selectionKey(selection: unknown): string {
  const s = (selection ?? {}) as { kind?: string; ids?: unknown; filters?: unknown }
  if (s.kind === "ids" && Array.isArray(s.ids)) {
    return canonical({ kind: "ids", ids: [...new Set(s.ids.map(String))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) })
  }
  return canonical({ kind: s.kind, filters: s.filters ?? {} })
}

/**
 * 409 when an identical action (same action, params and selection) is
 * already queued or running: a second click, or a second tab, would run it
 * twice (two deletes of one confirmation, two password-reset emails each).
 * Names the one running. Once it ended, the same action may run again.
 */
export async function refuseDuplicateBulkAction(container: Container, body: AdminCreateBulkActionType): Promise<void> {
  const params = canonical(body.params ?? {})
  const selection = selectionKey(body.selection)
  const same = (await activeBulkActions(container, body.action)).find((a) => canonical(a.params ?? {}) === params && selectionKey(a.selection) === selection)
  if (same) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `bulk_action: an identical action (${body.action}, same params and selection) is already running: ${same.id} (${same.status}, ${same.processed.toLocaleString("en-US")} of ${same.total.toLocaleString("en-US")} done); wait for it to end or cancel it`
    )
  }
}

export type ConflictBody = { type: "conflict"; message: string }

/**
 * 409 with the error's own message. Medusa's error handler answers every
 * CONFLICT with a generic idempotency message, which would hide the counts a
 * refused delete names: conflicts are answered here instead.
 */
export async function answeringConflicts<T>(res: MedusaResponse<T | ConflictBody>, run: () => Promise<void>): Promise<void> {
  try {
    await run()
  } catch (error) {
    // A workflow's error may come back as a plain object carrying the type.
    const { type, message } = (error ?? {}) as { type?: unknown; message?: unknown }
    if (type === MedusaError.Types.CONFLICT && typeof message === "string") {
      res.status(409).json({ type: "conflict", message })
      return
    }
    throw error
  }
}

type Row = {
  id: string
  action: BulkAction["action"]
  params: unknown
  selection: unknown
  status: BulkAction["status"]
  user_id: string
  total: number
  processed: number
  succeeded: number
  failed: number
  started_at: Date | string | null
  finished_at: Date | string | null
  error: string | null
  created_at: Date | string
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString())

export const BULK_ACTION_FIELDS = ["id", "action", "params", "selection", "status", "user_id", "total", "processed", "succeeded", "failed", "started_at", "finished_at", "error", "created_at"]

/** The row as the API answers it (without the runner's cursor and lease). */
export function toBulkAction(row: Row): BulkAction {
  return {
    id: row.id,
    action: row.action,
    params: (row.params ?? {}) as BulkAction["params"],
    selection: row.selection as BulkAction["selection"],
    status: row.status,
    user_id: row.user_id,
    total: row.total,
    processed: row.processed,
    succeeded: row.succeeded,
    failed: row.failed,
    started_at: iso(row.started_at),
    finished_at: iso(row.finished_at),
    error: row.error,
    created_at: iso(row.created_at) as string,
  }
}

/** A row of the list as the API answers it: the selection summed up (ids by their count). */
export function toBulkActionListItem(row: BulkActionListRow): BulkActionListItem {
  const { selection, ...rest } = row
  const { selection: _ids, ...item } = toBulkAction({ ...rest, selection: null })
  return { ...item, selection: selection as BulkActionListItem["selection"] }
}

/** A bulk action (404 when unknown) with its first failures, by customer id. */
export async function bulkActionWithFailures(container: Container, id: string, failuresLimit = 100): Promise<AdminBulkActionResponse> {
  const service = container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
  const [row] = await service.listCustomerBulkActions({ id }, { select: BULK_ACTION_FIELDS })
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Bulk action with id "${id}" was not found`)
  }
  const failures: BulkActionFailure[] = failuresLimit ? await listBulkActionFailures(container, id, failuresLimit) : []
  return { bulk_action: toBulkAction(row as unknown as Row), failures }
}
