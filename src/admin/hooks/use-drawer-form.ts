import { useEffect } from "react"
import { useForm, type DefaultValues, type FieldValues, type Resolver } from "react-hook-form"

/**
 * A drawer's react-hook-form form: the values it opens with (a fresh form
 * each time it opens, for another record or a new one); its own checks run on save.
 */
export function useDrawerForm<TForm extends FieldValues, TOutput>(open: boolean, values: DefaultValues<TForm>, resolver: Resolver<TForm, unknown, TOutput>) {
  const form = useForm<TForm, unknown, TOutput>({ defaultValues: values, resolver, reValidateMode: "onSubmit" })
  // Compared as text: the caller builds `values` anew on each render.
  const opening = JSON.stringify(values)
  useEffect(() => {
    if (open) {
      form.reset(JSON.parse(opening))
    }
  }, [open, opening, form])
  return form
}
