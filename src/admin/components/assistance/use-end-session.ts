import { toast, usePrompt } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { messageOf } from "../../lib/api"
import { useEndAssistance } from "../../hooks/api/assistance"

/** Ends a session after the admin confirms, with a toast either way (the widget and the session page). */
export function useEndSessionAfterConfirm() {
  const { t } = useTranslation()
  const prompt = usePrompt()
  const end = useEndAssistance()
  const endSession = async (id: string) => {
    const confirmed = await prompt({
      title: t("customerSuite.assistance.end.title"),
      description: t("customerSuite.assistance.end.description"),
      confirmText: t("customerSuite.assistance.end.confirm"),
      cancelText: t("customerSuite.common.cancel"),
      variant: "danger",
    })
    if (!confirmed) {
      return
    }
    try {
      await end.mutateAsync(id)
      toast.success(t("customerSuite.assistance.end.done"))
    } catch (error) {
      toast.error(t("customerSuite.assistance.end.failed"), { description: messageOf(error) })
    }
  }
  return { endSession, isPending: end.isPending }
}
