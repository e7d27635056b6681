import type { AdminAssistanceEndReason, AdminAssistanceSessionListParams, AdminAssistanceSessionStatus } from "../../../types/http"
import { allValues } from "../all-values"

/**
 * The login-as-customer values the admin offers as options, in its order,
 * and the log's filters (the API's shapes are src/types/http's:
 * AdminAssistanceSession and the rest).
 */
export const SESSION_STATUSES = allValues<AdminAssistanceSessionStatus>()(["pending", "active", "ended"])
export const END_REASONS = allValues<AdminAssistanceEndReason>()([
  "ended_by_admin",
  "ended_by_customer",
  "expired",
  "code_expired",
  "superseded",
  "admin_deleted",
])

/** The log's filters: the list's query without its page (the CSV export takes the same). */
export type SessionFilters = Omit<AdminAssistanceSessionListParams, "offset" | "limit">
