import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { recordBulkBatch, type BatchRecord } from "../utils/store"

export type RecordCustomerBulkBatchResult = { status: string; lease_until: string } | null

export const recordCustomerBulkBatchStepId = "customer-suite-record-customer-bulk-batch"
/**
 * Writes a finished batch (failures, cursor, counts) and renews the lease, in
 * one transaction and only under this instance's lease: null when another
 * instance has taken the action over (nothing written). The last step of its
 * workflow: nothing after it can fail, so nothing to undo.
 */
export const recordCustomerBulkBatchStep = createStep(recordCustomerBulkBatchStepId, async (input: BatchRecord, { container }) => {
  const row = await recordBulkBatch(container, input)
  return new StepResponse<RecordCustomerBulkBatchResult>(row ? { status: row.status, lease_until: new Date(row.lease_until).toISOString() } : null)
})
