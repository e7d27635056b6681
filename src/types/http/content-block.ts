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
