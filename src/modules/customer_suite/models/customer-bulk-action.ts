import { model } from "@medusajs/framework/utils"

export const BULK_ACTION_KINDS = [
  "add_to_group",
  "remove_from_group",
  "add_to_segment",
  "remove_from_segment",
  "send_password_reset",
  "unlock",
  "end_sessions",
  "delete",
] as const
export type BulkActionKind = (typeof BULK_ACTION_KINDS)[number]

export const BULK_ACTION_STATUSES = ["queued", "running", "completed", "failed", "canceled"] as const
export type BulkActionStatus = (typeof BULK_ACTION_STATUSES)[number]

/**
 * One bulk action a staff user started on the customers grid: what, on which
 * customers (explicit ids, or every customer a filter matches), by whom, and
 * how far it got. Runs in the background in batches of customers in id order;
 * `cursor` is the last customer id of the last finished batch, so a run taken
 * over after a restart resumes after it. `lease_until` is the running
 * instance's claim (renewed each batch); an expired claim may be taken over.
 */
const CustomerBulkAction = model
  .define("customer_bulk_action", {
    id: model.id({ prefix: "cbulk" }).primaryKey(),
    action: model.enum([...BULK_ACTION_KINDS]),
    /** { group_id } or { segment_id } for the membership actions; {} otherwise. */
    params: model.json(),
    /** { kind: "ids", ids: string[] } or { kind: "filters", filters: CustomerGridFilters }. */
    selection: model.json(),
    status: model.enum([...BULK_ACTION_STATUSES]).default("queued"),
    user_id: model.text(),
    /** Customers selected when the action started (the filter counted once, exactly). */
    total: model.number().default(0),
    processed: model.number().default(0),
    succeeded: model.number().default(0),
    failed: model.number().default(0),
    cursor: model.text().nullable(),
    lease_until: model.dateTime().nullable(),
    started_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
    /** Why the whole action stopped (a failure of one customer is a CustomerBulkActionFailure). */
    error: model.text().nullable(),
  })
  .indexes([
    { on: ["status"], where: "deleted_at IS NULL" },
    { on: ["user_id", "created_at"], where: "deleted_at IS NULL" },
  ])

export default CustomerBulkAction
