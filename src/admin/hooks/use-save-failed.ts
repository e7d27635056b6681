import { toast } from "../components/common/toast"
import type { FieldValues, UseFormSetError } from "react-hook-form"
import { fieldErrorsOf, readableMessage, setApiErrors } from "../lib/field-errors"

/** After a failed save: the API's messages on the fields they name, and a toast with the title and the API's message. */
export const useSaveFailed =
  <T extends FieldValues>(setError: UseFormSetError<T>, title: string) =>
  (error: unknown) => {
    setApiErrors(setError, fieldErrorsOf(error))
    toast.error(title, { description: readableMessage(error) })
  }
