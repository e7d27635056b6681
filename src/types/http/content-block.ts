/**
 * Content blocks as the store API shows them. The contract the store client
 * and the example storefront are written against: a block never says which
 * segments, groups or audiences it targets (a shopper never learns the names
 * of segments they are not in).
 */

export type ContentBlockFormat = "html" | "markdown" | "json"

/** One block chosen for the current shopper. */
export type StoreContentBlock = {
  id: string
  placement: string
  format: ContentBlockFormat
  /**
   * html: the sanitised HTML (no scripts, event handlers or javascript: URLs);
   * markdown: the Markdown text as the merchant wrote it;
   * json: the parsed JSON value.
   */
  content: string | Record<string, unknown> | unknown[]
  image_url: string | null
  link_url: string | null
  priority: number
  locale: string | null
}

/** GET /store/content-blocks */
export type StoreContentBlockListParams = {
  /** The placement key, e.g. "home-hero" (lower case letters, digits, "-" and "_"). */
  placement: string
  /** A guest's cart: its email, address, items and subtotal decide the guest segments. */
  cart_id?: string
  /** e.g. "en" or "de-DE": blocks with this locale or with none. */
  locale?: string
  /** 1 to 20 (default 5). */
  limit?: number
}
/** The blocks in priority order (highest first). */
export type StoreContentBlockListResponse = { content_blocks: StoreContentBlock[] }

export type StoreContentBlockEventType = "impression" | "click"

/** POST /store/content-blocks/events: a batch of 1 to 100 events, deduplicated per shopper, block and type for an hour. */
export type StoreContentBlockEventsBody = {
  /** A guest's cart (who the guest is, for deduplication and per-segment results). */
  cart_id?: string
  /** A guest without a cart: an id the storefront keeps (8 to 64 letters, digits, "-" or "_"). */
  anonymous_id?: string
  events: { block_id: string; type: StoreContentBlockEventType }[]
}
export type StoreContentBlockEventsResponse = {
  /** Counted now. */
  recorded: number
  /** Already counted for this shopper, block and type within the hour. */
  duplicates: number
  /** Blocks that do not exist (any more): ignored. */
  unknown: number
}

/* ---------------------------------------------------------------- admin */

export type ContentBlockShopperKind = "all" | "guest" | "registered"
export type ContentBlockStatus = "active" | "inactive"
/** Where a block stands in its schedule now: no dates, not started yet, running, ended. */
export type ContentBlockSchedule = "always" | "scheduled" | "running" | "ended"

/** A content block as the admin sees it. */
export type AdminContentBlock = {
  id: string
  name: string
  /** e.g. "home-hero", "cart-banner" (lower case letters, digits, "-" and "_"). */
  placement: string
  format: ContentBlockFormat
  /** html: the sanitised HTML as stored; markdown: the text; json: the JSON text. */
  content: string
  image_url: string | null
  link_url: string | null
  /** Who may see it at all: everybody, guests only or registered customers only. */
  shopper_kind: ContentBlockShopperKind
  /** Shown to shoppers in any of these segments, groups or audiences (none at all: to everybody). */
  target_segment_ids: string[]
  target_group_ids: string[]
  /** The plugin's audience ids. */
  target_audience_ids: string[]
  /** Never shown to shoppers in any of these segments. */
  exclude_segment_ids: string[]
  /** False when nothing about the shopper decides it (shopper kind "all", no targets, no exclusions). */
  targeted: boolean
  /** Higher first. */
  priority: number
  /** ISO 8601, UTC; null: from now on / without end. */
  starts_at: string | null
  ends_at: string | null
  status: ContentBlockStatus
  /** "de" or "de-DE"; null: every locale. */
  locale: string | null
  metadata: Record<string, unknown> | null
  schedule: ContentBlockSchedule
  created_at: string
  updated_at: string
}

/** POST /admin/content-blocks */
export type AdminCreateContentBlock = {
  name: string
  placement: string
  /** Default "html". */
  format?: ContentBlockFormat
  /** html is cleaned on save (400 naming `content` when nothing is left); json must parse. At most 100,000 characters. */
  content: string
  /** http(s) or root-relative ("/sale"). */
  image_url?: string | null
  link_url?: string | null
  /** Default "all". */
  shopper_kind?: ContentBlockShopperKind
  /** At most 100 ids each. Segments and groups must exist. */
  target_segment_ids?: string[]
  target_group_ids?: string[]
  target_audience_ids?: string[]
  exclude_segment_ids?: string[]
  /** -1,000,000 to 1,000,000; default 0. */
  priority?: number
  /** ISO 8601 with a time zone ("2026-12-24T00:00:00Z") or a date (midnight UTC). */
  starts_at?: string | null
  ends_at?: string | null
  /** Default "active". */
  status?: ContentBlockStatus
  locale?: string | null
  metadata?: Record<string, unknown> | null
}
/** POST /admin/content-blocks/:id: any field of the create body. */
export type AdminUpdateContentBlock = Partial<AdminCreateContentBlock>

/** GET /admin/content-blocks */
export type AdminContentBlockListParams = {
  /** Part of the name. */
  q?: string
  placement?: string
  status?: ContentBlockStatus
  /** Blocks that target or exclude this segment. */
  segment_id?: string
  offset?: number
  /** 1 to 200 (default 20). */
  limit?: number
  /** name, placement, priority, status, starts_at, ends_at, created_at or updated_at; "-" first for descending. Default: placement, then priority descending. */
  order?: string
}
export type AdminContentBlockListResponse = { content_blocks: AdminContentBlock[]; count: number; offset: number; limit: number }
export type AdminContentBlockResponse = { content_block: AdminContentBlock }
export type AdminContentBlockDeleteResponse = { id: string; object: "content_block"; deleted: true }

/** GET /admin/content-blocks/:id/stats?from=&to= (UTC days, YYYY-MM-DD; default the last 30 days; at most 366 days). */
export type AdminContentBlockStatsParams = { from?: string; to?: string }
export type AdminContentBlockCounts = { impressions: number; clicks: number; /** clicks / impressions, 0 without impressions. */ click_rate: number }
export type AdminContentBlockStats = AdminContentBlockCounts & {
  from: string
  to: string
  /** Per segment the block targets (or targeted when the events were counted): shoppers in it when they saw or clicked. */
  by_segment: (AdminContentBlockCounts & { segment_id: string; segment_name: string | null })[]
  /** Every day of the range, oldest first. */
  by_day: { date: string; impressions: number; clicks: number }[]
}
export type AdminContentBlockStatsResponse = { stats: AdminContentBlockStats }

/** POST /admin/content-blocks/render: the form's live preview. */
export type AdminRenderContentBlock = { format: ContentBlockFormat; content: string }
export type AdminRenderContentBlockResponse = { html: string }

/** GET /admin/content-blocks/placements */
export type AdminContentBlockPlacementsResponse = { placements: { placement: string; count: number; active: number }[] }

/** POST /admin/content-blocks/preview: what one shopper gets. */
export type AdminPreviewContentBlocks = {
  /** One placement; all placements when left out. */
  placement?: string
  /** As this customer (logged in). */
  customer_id?: string
  /** As a guest with this cart (or its registered customer, when it has one and no customer_id is given). */
  cart_id?: string
  locale?: string
  /** Blocks per placement, as the store's `limit` (1 to 20, default 5). */
  limit?: number
}
export type ContentBlockCheckName = "status" | "schedule" | "locale" | "shopper_kind" | "exclusion" | "targeting" | "limit"
/** One condition checked for a block, in the order the store checks them. */
export type AdminContentBlockCheck = {
  check: ContentBlockCheckName
  ok: boolean
  /** A sentence for the merchant, e.g. 'in segment "VIP"', 'untargeted', 'ended on 2026-11-30T00:00:00.000Z'. */
  message: string
  segments?: { id: string; name: string | null }[]
  groups?: { id: string; name: string | null }[]
  audience_ids?: string[]
}
export type AdminContentBlockPreviewEntry = {
  content_block: AdminContentBlock
  matched: boolean
  /** Why it matched (the targeting condition that held) or the first check that failed. */
  reason: string
  checks: AdminContentBlockCheck[]
  /** The block rendered as the form's preview does. */
  html: string
}
export type AdminPreviewContentBlocksResponse = {
  shopper: {
    kind: "guest" | "registered"
    customer_id: string | null
    cart_id: string | null
    segments: { id: string; name: string }[]
    groups: { id: string; name: string | null }[]
    audience_ids: string[]
  }
  /** The blocks the store answers, per placement (placements in name order), best first. */
  content_blocks: AdminContentBlockPreviewEntry[]
  /** The other blocks of those placements, with why not. */
  not_matched: AdminContentBlockPreviewEntry[]
}
