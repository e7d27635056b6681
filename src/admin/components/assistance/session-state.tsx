import { StatusBadge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { AdminAssistanceSession } from "../../../types/http"

/** Open (pending, active) or how it ended, in words. */
export const SessionState = ({ session }: { session: AdminAssistanceSession }) => {
  const { t } = useTranslation()
  if (session.status !== "ended") {
    return <StatusBadge color={session.status === "active" ? "green" : "orange"}>{t(`customerSuite.assistance.status.${session.status}`)}</StatusBadge>
  }
  return (
    <StatusBadge color="grey" data-testid="assistance-end-reason">
      {session.end_reason ? t(`customerSuite.assistance.endReason.${session.end_reason}`) : t("customerSuite.assistance.status.ended")}
    </StatusBadge>
  )
}
