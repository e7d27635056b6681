import { useTranslation } from "react-i18next"

/** Texts of @medusajs/ui's DataTable toolbar and pagination, from our i18n files. */
export const useTableTranslations = () => {
  const { t } = useTranslation()
  return {
    toolbar: { clearAll: t("customerSuite.common.clearAll") },
    pagination: {
      of: t("customerSuite.common.of"),
      results: t("customerSuite.common.results"),
      pages: t("customerSuite.common.pages"),
      prev: t("customerSuite.common.prev"),
      next: t("customerSuite.common.next"),
    },
  }
}
