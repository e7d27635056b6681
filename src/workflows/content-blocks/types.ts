import type { ContentBlockFormat, ContentBlockShopperKind, ContentBlockStatus } from "../../types/http/content-block"

/** A block as the admin's validators hand it over (dates parsed). */
export type ContentBlockInput = {
  name: string
  placement: string
  format?: ContentBlockFormat
  content: string
  image_url?: string | null
  link_url?: string | null
  shopper_kind?: ContentBlockShopperKind
  target_segment_ids?: string[]
  target_group_ids?: string[]
  target_audience_ids?: string[]
  exclude_segment_ids?: string[]
  priority?: number
  starts_at?: Date | null
  ends_at?: Date | null
  status?: ContentBlockStatus
  locale?: string | null
  metadata?: Record<string, unknown> | null
}

export type ContentBlockUpdate = Partial<ContentBlockInput>

/** A stored block (what the steps snapshot and restore). */
export type ContentBlockData = Required<Omit<ContentBlockInput, "format" | "shopper_kind" | "status">> & {
  id: string
  format: ContentBlockFormat
  shopper_kind: ContentBlockShopperKind
  status: ContentBlockStatus
  targeted: boolean
}
