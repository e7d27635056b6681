import type { AdminCreateContentBlock, ContentBlockFormat, ContentBlockShopperKind, ContentBlockStatus } from "../../types/http/content-block"

/** A block as the admin's validators hand it over: the create body, with its dates parsed. */
export type ContentBlockInput = Omit<AdminCreateContentBlock, "starts_at" | "ends_at"> & {
  starts_at?: Date | null
  ends_at?: Date | null
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
