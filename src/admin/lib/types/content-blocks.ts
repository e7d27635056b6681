import type {
  ContentBlockCheckName,
  ContentBlockFormat,
  ContentBlockSchedule,
  ContentBlockShopperKind,
  ContentBlockStatus,
} from "../../../types/http"
import { allValues } from "../all-values"

/** The content block values the admin offers as options, in its order (the API's shapes are src/types/http/content-block.ts). */
export const BLOCK_FORMATS = allValues<ContentBlockFormat>()(["html", "markdown", "json"])
export const BLOCK_SHOPPER_KINDS = allValues<ContentBlockShopperKind>()(["all", "guest", "registered"])
export const BLOCK_STATUSES = allValues<ContentBlockStatus>()(["active", "inactive"])
export const BLOCK_SCHEDULES = allValues<ContentBlockSchedule>()(["always", "scheduled", "running", "ended"])
export const BLOCK_CHECKS = allValues<ContentBlockCheckName>()(["status", "schedule", "locale", "shopper_kind", "exclusion", "targeting", "limit"])

/** A schedule's badge colour: live now green, waiting orange, over grey. */
export const SCHEDULE_COLORS: Record<ContentBlockSchedule, "green" | "orange" | "grey" | "blue"> = {
  always: "green",
  running: "green",
  scheduled: "orange",
  ended: "grey",
}
