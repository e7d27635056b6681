import type { AdminCustomerSegmentAppliesTo, AdminCustomerSegmentKind, AdminCustomerSegmentStatus } from "../../../types/http"
import { allValues } from "../all-values"

/**
 * The segment values the admin offers as options, in its order (the API's
 * shapes are src/types/http's: AdminCustomerSegment and the rest).
 */
export const SEGMENT_KINDS = allValues<AdminCustomerSegmentKind>()(["dynamic", "static"])
export const SEGMENT_APPLIES_TO = allValues<AdminCustomerSegmentAppliesTo>()(["registered", "guests", "both"])
export const SEGMENT_STATUSES = allValues<AdminCustomerSegmentStatus>()(["active", "inactive"])
