import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import type PersonalizationModuleService from "../../../modules/personalization/service"
import type { AdminContentBlock, ContentBlockSchedule } from "../../../types/http/content-block"

export const CONTENT_BLOCK_FIELDS = [
  "id", "name", "placement", "format", "content", "image_url", "link_url", "shopper_kind", "target_segment_ids",
  "target_group_ids", "target_audience_ids", "exclude_segment_ids", "targeted", "priority", "starts_at", "ends_at",
  "status", "locale", "metadata", "created_at", "updated_at",
]

type Row = Omit<AdminContentBlock, "schedule" | "starts_at" | "ends_at" | "created_at" | "updated_at"> & {
  starts_at: Date | string | null
  ends_at: Date | string | null
  created_at: Date | string
  updated_at: Date | string
}

const iso = (value: Date | string) => new Date(value).toISOString()

export function scheduleOf(block: { starts_at: Date | string | null; ends_at: Date | string | null }, now: Date): ContentBlockSchedule {
  if (!block.starts_at && !block.ends_at) {
    return "always"
  }
  if (block.starts_at && new Date(block.starts_at).getTime() > now.getTime()) {
    return "scheduled"
  }
  return block.ends_at && new Date(block.ends_at).getTime() <= now.getTime() ? "ended" : "running"
}

/** A stored block as the admin API answers it (UTC ISO dates, its schedule state now). */
export function toAdminBlock(row: Row, now = new Date()): AdminContentBlock {
  return {
    id: row.id,
    name: row.name,
    placement: row.placement,
    format: row.format,
    content: row.content,
    image_url: row.image_url,
    link_url: row.link_url,
    shopper_kind: row.shopper_kind,
    target_segment_ids: row.target_segment_ids ?? [],
    target_group_ids: row.target_group_ids ?? [],
    target_audience_ids: row.target_audience_ids ?? [],
    exclude_segment_ids: row.exclude_segment_ids ?? [],
    targeted: row.targeted,
    priority: row.priority,
    starts_at: row.starts_at ? iso(row.starts_at) : null,
    ends_at: row.ends_at ? iso(row.ends_at) : null,
    status: row.status,
    locale: row.locale,
    metadata: row.metadata ?? null,
    schedule: scheduleOf(row, now),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  }
}

/** One block (404 when it does not exist or was deleted). */
export async function retrieveAdminBlock(container: MedusaContainer, id: string): Promise<AdminContentBlock> {
  const service = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
  const [row] = await service.listContentBlocks({ id }, { select: CONTENT_BLOCK_FIELDS, take: 1 })
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Content block with id "${id}" was not found`)
  }
  return toAdminBlock(row as unknown as Row)
}

export type { Row as ContentBlockRow }
