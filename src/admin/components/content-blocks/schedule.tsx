import { StatusBadge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { formatDateTime } from "../../lib/format"
import { SCHEDULE_COLORS } from "../../lib/types/content-blocks"
import type { AdminContentBlock } from "../../../types/http"

/** A stored time as UTC text: "2026-12-24 00:00 UTC". */
export const utcText = (iso: string) => `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`

/** A stored time in the browser's time zone with its UTC value after it. */
export const localAndUtc = (iso: string) => `${formatDateTime(iso)} (${utcText(iso)})`

/** Where a block stands in its schedule now: always, scheduled, running, ended. */
export const ScheduleBadge = ({ block }: { block: Pick<AdminContentBlock, "schedule"> }) => {
  const { t } = useTranslation()
  return (
    <StatusBadge color={SCHEDULE_COLORS[block.schedule]} data-testid="content-block-schedule">
      {t(`customerSuite.contentBlocks.schedule.${block.schedule}`)}
    </StatusBadge>
  )
}

/** The block's window in words: "From … until …", each time local with its UTC value. */
export const useWindowText = () => {
  const { t } = useTranslation()
  return (block: Pick<AdminContentBlock, "starts_at" | "ends_at">) => {
    if (block.starts_at && block.ends_at) {
      return t("customerSuite.contentBlocks.window.between", { from: localAndUtc(block.starts_at), until: localAndUtc(block.ends_at) })
    }
    if (block.starts_at) {
      return t("customerSuite.contentBlocks.window.from", { from: localAndUtc(block.starts_at) })
    }
    if (block.ends_at) {
      return t("customerSuite.contentBlocks.window.until", { until: localAndUtc(block.ends_at) })
    }
    return t("customerSuite.contentBlocks.window.always")
  }
}

/** The window in the list's short form: local dates only. */
export const shortWindow = (block: Pick<AdminContentBlock, "starts_at" | "ends_at">) =>
  block.starts_at || block.ends_at ? `${block.starts_at ? formatDateTime(block.starts_at) : "…"} – ${block.ends_at ? formatDateTime(block.ends_at) : "…"}` : ""
