/**
 * The customers grid (issue 16): its filters, rows, saved views, bulk actions
 * and export. Dates are ISO 8601 strings; amounts are in the currency's main
 * unit, as Medusa stores them.
 */

/** A date range: either end may be left out (inclusive bounds). */
export type DateRange = { gte?: string; lte?: string }
/** A number range: either end may be left out (inclusive bounds). */
export type NumberRange = { gte?: number; lte?: number }

/**
 * The grid's filters. Every list is "any of"; every filter given must hold.
 * In a query string: `group_id[]=…&created_at[gte]=2026-01-01&has_account=true&amount_spent[currency]=eur&amount_spent[gte]=100`.
 */
export type CustomerGridFilters = {
  /** Contained (case-insensitively) in the email, first name, last name, phone or company name. */
  q?: string
  group_id?: string[]
  /** In any of these segments (dynamic or static). */
  segment_id?: string[]
  /** In any of these external audiences. */
  audience_id?: string[]
  /** In a group whose tax class is one of these. */
  tax_class_id?: string[]
  /** ISO 3166-1 alpha-2, any saved address. */
  country?: string[]
  has_account?: boolean
  created_at?: DateRange
  orders_count?: NumberRange
  /** Spent in one currency (placed, not canceled orders). */
  amount_spent?: NumberRange & { currency: string }
  last_order_at?: DateRange
  last_activity_at?: DateRange
  /** Seen within activity.presence.online_window_minutes (true), or not (false). */
  online?: boolean
  /** Sign-ins to the account refused now (true), or not (false). */
  locked?: boolean
}

export const CUSTOMER_GRID_SORTS = ["created_at", "email", "last_name", "orders_count", "amount_spent", "last_order_at", "last_activity_at"] as const
export type CustomerGridSortField = (typeof CUSTOMER_GRID_SORTS)[number]
/** A sort field, descending with a leading "-". `amount_spent` needs `amount_spent[currency]`. */
export type CustomerGridSort = CustomerGridSortField | `-${CustomerGridSortField}`

/** The grid's columns (also the export's). */
export const CUSTOMER_GRID_COLUMNS = [
  "id",
  "email",
  "first_name",
  "last_name",
  "phone",
  "company_name",
  "has_account",
  "created_at",
  "groups",
  "segments",
  "audiences",
  "countries",
  "orders_count",
  "amount_spent",
  "last_order_at",
  "last_activity_at",
  "online",
  "locked",
  "tax_classes",
] as const
export type CustomerGridColumn = (typeof CUSTOMER_GRID_COLUMNS)[number]

export type CustomerGridRow = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  phone: string | null
  company_name: string | null
  has_account: boolean
  created_at: string
  groups: { id: string; name: string }[]
  segments: { id: string; name: string }[]
  audiences: { id: string; name: string }[]
  /** Upper-case ISO codes. */
  countries: string[]
  orders_count: number
  /** Per lower-case currency code. */
  amount_spent: Record<string, number>
  last_order_at: string | null
  last_activity_at: string | null
  online: boolean
  locked: boolean
  tax_classes: { id: string; name: string }[]
}

/** GET /admin/customer-suite/customers: filters plus `sort`, `limit` (1–200, default 50) and `cursor`. */
export type AdminCustomerGridParams = CustomerGridFilters & { sort?: CustomerGridSort; limit?: number; cursor?: string }

export type AdminCustomerGridResponse = {
  customers: CustomerGridRow[]
  /** Pass as `cursor` for the next page; null on the last page. */
  next_cursor: string | null
  limit: number
  /**
   * Customers the filters match: exact when `count_is_estimate` is false, else
   * the planner's estimate. Counted on the first page only (no cursor): null on
   * the others.
   */
  count: number | null
  count_is_estimate: boolean
}

/** GET /admin/customer-suite/customers/count: the exact count of the filters' matches. */
export type AdminCustomerGridCountResponse = { count: number }

// ---------------------------------------------------------------------------
// Saved views

export type CustomerGridView = {
  id: string
  name: string
  owner_user_id: string
  shared: boolean
  filters: CustomerGridFilters
  columns: CustomerGridColumn[]
  sort: CustomerGridSort | null
  /** Whether the requesting user may change or delete it (their own). */
  editable: boolean
  created_at: string
  updated_at: string
}
/** POST /admin/customer-suite/grid-views */
export type AdminCreateCustomerGridView = {
  name: string
  shared?: boolean
  filters?: CustomerGridFilters
  columns: CustomerGridColumn[]
  sort?: CustomerGridSort | null
}
/** POST /admin/customer-suite/grid-views/:id */
export type AdminUpdateCustomerGridView = Partial<AdminCreateCustomerGridView>
export type AdminCustomerGridViewResponse = { view: CustomerGridView }
/** GET /admin/customer-suite/grid-views: the user's own views and the shared ones, and the user's default. */
export type AdminCustomerGridViewsResponse = { views: CustomerGridView[]; default_view_id: string | null }
/** POST /admin/customer-suite/grid-views/default */
export type AdminSetDefaultCustomerGridView = { view_id: string | null }

// ---------------------------------------------------------------------------
// Bulk actions

export type BulkActionKind =
  | "add_to_group"
  | "remove_from_group"
  | "add_to_segment"
  | "remove_from_segment"
  | "send_password_reset"
  | "unlock"
  | "end_sessions"
  | "delete"
export type BulkActionStatus = "queued" | "running" | "completed" | "failed" | "canceled"

export type BulkActionSelection = { kind: "ids"; ids: string[] } | { kind: "filters"; filters: CustomerGridFilters }

/** POST /admin/customer-suite/bulk-actions (202) */
export type AdminCreateBulkAction = {
  action: BulkActionKind
  /** { group_id } for the group actions, { segment_id } (a static segment) for the segment ones. */
  params?: { group_id?: string; segment_id?: string }
  selection: BulkActionSelection
  /** Required for "delete": the number of customers the confirmation named; refused (409) when the selection now counts otherwise. */
  expected_count?: number
}

export type BulkAction = {
  id: string
  action: BulkActionKind
  params: { group_id?: string; segment_id?: string }
  selection: BulkActionSelection
  status: BulkActionStatus
  user_id: string
  total: number
  processed: number
  succeeded: number
  failed: number
  started_at: string | null
  finished_at: string | null
  error: string | null
  created_at: string
}
/** A selection as the list answers it: an ids selection by its count (GET /:id has the ids). */
export type BulkActionSelectionSummary = { kind: "ids"; count: number } | { kind: "filters"; filters: CustomerGridFilters }
/** An item of GET /admin/customer-suite/bulk-actions: a bulk action with its selection summed up. */
export type BulkActionListItem = Omit<BulkAction, "selection"> & { selection: BulkActionSelectionSummary }
export type BulkActionFailure = { customer_id: string; message: string }
export type AdminBulkActionResponse = { bulk_action: BulkAction; failures: BulkActionFailure[] }
export type AdminBulkActionsResponse = { bulk_actions: BulkActionListItem[]; count: number; offset: number; limit: number }
