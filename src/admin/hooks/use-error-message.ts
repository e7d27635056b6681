import { useTranslation } from "react-i18next"
import { isMessageKey } from "../lib/field-errors"

/** A field's error as shown: our own messages are i18n keys (the forms' zod schemas), the API's are shown as written. */
export const useErrorMessage = () => {
  const { t } = useTranslation()
  return (message: string | undefined) => (message && isMessageKey(message) ? t(message) : message)
}
