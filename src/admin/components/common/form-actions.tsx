import { Button } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"

/** A page form's buttons: Cancel (back to `cancelTo`) and Save (submits; busy while `submitting`). */
export const FormActions = ({ cancelTo, submitting, saveTestId }: { cancelTo: string; submitting: boolean; saveTestId: string }) => {
  const { t } = useTranslation()
  return (
    <div className="flex items-center justify-end gap-x-2">
      <Button size="small" variant="secondary" type="button" asChild>
        <Link to={cancelTo}>{t("customerSuite.common.cancel")}</Link>
      </Button>
      <Button size="small" type="submit" isLoading={submitting} data-testid={saveTestId}>
        {t("customerSuite.common.save")}
      </Button>
    </div>
  )
}
