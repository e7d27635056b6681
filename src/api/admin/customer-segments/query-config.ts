export const defaultAdminCustomerSegmentFields = [
  "id",
  "name",
  "description",
  "kind",
  "applies_to",
  "status",
  "rule",
  "query",
  "attributes",
  "relative_dates",
  "sync_customer_group",
  "customer_group_id",
  "member_count",
  "last_refreshed_at",
  "last_refresh_duration_ms",
  "metadata",
  "created_at",
  "updated_at",
]

export const retrieveCustomerSegmentQueryConfig = {
  defaults: defaultAdminCustomerSegmentFields,
  isList: false,
}

export const listCustomerSegmentsQueryConfig = {
  ...retrieveCustomerSegmentQueryConfig,
  defaultLimit: 20,
  isList: true,
}

export const RUN_FIELDS = [
  "id", "segment_id", "trigger", "status", "matched", "added", "removed", "duration_ms",
  "started_at", "finished_at", "error", "created_at",
]

/** Refresh runs answer newest first. */
export const defaultAdminCustomerSegmentRunOrder = { created_at: "DESC", id: "DESC" } as const

export const listCustomerSegmentRunsQueryConfig = {
  defaults: RUN_FIELDS,
  defaultLimit: 10,
  isList: true,
}
