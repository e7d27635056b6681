import type { BulkActionKind } from "../../modules/customer_suite/models/customer-bulk-action"
import type { BulkActionSelection } from "../../types/http/customer-grid"

/** A bulk action to record (already validated: the route checks params, selection and the delete count). */
export type CreateCustomerBulkActionInput = {
  action: BulkActionKind
  params: { group_id?: string; segment_id?: string }
  selection: BulkActionSelection
  /** The staff user who starts it. */
  user_id: string
  /** Customers selected now: the ids given, or the filters' exact count. */
  total: number
}

/** One batch of a running action (its runner holds the lease and records the batch). */
export type RunCustomerBulkBatchInput = {
  action: BulkActionKind
  params: { group_id?: string; segment_id?: string }
  user_id: string
  /** Ascending; the last one becomes the cursor. */
  customer_ids: string[]
  /** When the action started (ISO): a customer a replayed delete batch finds deleted since then counts as done. */
  since?: string
}
