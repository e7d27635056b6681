import { useTranslation } from "react-i18next"
import { useEndAssistance } from "../../hooks/api/assistance"
import { useConfirmedWrite } from "../common/table-parts"

/** Ends a session after the admin confirms, with a toast either way (the widget and the session page). */
export function useEndSessionAfterConfirm() {
  const { t } = useTranslation()
  const confirmedWrite = useConfirmedWrite()
  const end = useEndAssistance()
  const endSession = (id: string) =>
    confirmedWrite({
      title: t("customerSuite.assistance.end.title"),
      description: t("customerSuite.assistance.end.description"),
      confirmText: t("customerSuite.assistance.end.confirm"),
      write: () => end.mutateAsync(id),
      done: t("customerSuite.assistance.end.done"),
      failed: t("customerSuite.assistance.end.failed"),
    })
  return { endSession, isPending: end.isPending }
}
