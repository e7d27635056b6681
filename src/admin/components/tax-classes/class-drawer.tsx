import { zodResolver } from "@hookform/resolvers/zod"
import { toast } from "../common/toast"
import { Controller } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { useCreateTaxClass, useUpdateTaxClass } from "../../hooks/api/tax-classes"
import { useDrawerForm } from "../../hooks/use-drawer-form"
import { useErrorMessage } from "../../hooks/use-error-message"
import { useSaveFailed } from "../../hooks/use-save-failed"
import { flattenFormErrors, placeErrors } from "../../lib/field-errors"
import { suggestCode, taxClassFormSchema, taxClassFormValues } from "../../lib/forms/tax-classes"
import type { AdminTaxClass } from "../../../types/http"
import type { TaxClassType } from "../../lib/types/tax-classes"
import { DrawerForm } from "../common/drawer-form"
import { SwitchField, TextField } from "../common/field"
import { taxField } from "./tax-field"

const FIELDS = ["name", "code", "description", "is_default"] as const

/**
 * Create or edit a customer or product class: name, code (suggested from the
 * name until typed), description and whether it is the type's default.
 * The API checks everything; its messages appear by the field they name.
 */
export const ClassDrawer = ({
  type,
  taxClass,
  open,
  onOpenChange,
}: {
  type: TaxClassType
  /** Edit this class; create one when absent. */
  taxClass?: AdminTaxClass
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const { t } = useTranslation()
  const shown = useErrorMessage()
  const create = useCreateTaxClass()
  const update = useUpdateTaxClass()
  const form = useDrawerForm(open, taxClassFormValues(taxClass), zodResolver(taxClassFormSchema))
  // The code follows the name until the merchant types one (an existing class keeps its code).
  const codeTyped = !!taxClass || !!form.formState.dirtyFields.code

  const saveFailed = useSaveFailed(form.setError, t("customerSuite.taxClasses.classForm.saveFailed"))
  const submit = form.handleSubmit(async (body) => {
    try {
      if (taxClass) {
        await update.mutateAsync({ id: taxClass.id, ...body })
        toast.success(t("customerSuite.taxClasses.classForm.saved", { name: body.name.trim() }))
      } else {
        await create.mutateAsync({ type, ...body })
        toast.success(t("customerSuite.taxClasses.classForm.created", { name: body.name.trim() }))
      }
      onOpenChange(false)
    } catch (error) {
      saveFailed(error)
    }
  })

  const placed = placeErrors(flattenFormErrors(form.formState.errors), FIELDS)
  const field = (name: (typeof FIELDS)[number]) => taxField(placed, name, shown)
  return (
    <DrawerForm
      open={open}
      onOpenChange={onOpenChange}
      testId="tax-class-drawer"
      saveTestId="tax-class-save"
      title={t(taxClass ? `customerSuite.taxClasses.types.${type}.editTitle` : `customerSuite.taxClasses.types.${type}.createTitle`)}
      description={t(`customerSuite.taxClasses.types.${type}.hint`)}
      onSubmit={submit}
      saving={create.isPending || update.isPending}
      error={placed.rest}
      errorTestId="tax-form-error"
    >
      <TextField
        id="tax-class-name"
        label={t("customerSuite.taxClasses.fields.name")}
        maxLength={255}
        autoFocus
        registration={form.register("name", { onChange: (e) => !codeTyped && form.setValue("code", suggestCode(e.target.value)) })}
        {...field("name")}
      />
      <TextField
        id="tax-class-code"
        label={t("customerSuite.taxClasses.fields.code")}
        hint={t("customerSuite.taxClasses.fields.codeHint")}
        className="font-mono"
        maxLength={64}
        registration={form.register("code")}
        {...field("code")}
      />
      <TextField
        id="tax-class-description"
        label={t("customerSuite.taxClasses.fields.description")}
        optional={t("customerSuite.common.optional")}
        multiline
        maxLength={2000}
        registration={form.register("description")}
        {...field("description")}
      />
      <Controller
        control={form.control}
        name="is_default"
        render={({ field: { value, onChange } }) => (
          <SwitchField
            id="tax-class-default"
            label={t("customerSuite.taxClasses.fields.isDefault")}
            hint={t(`customerSuite.taxClasses.types.${type}.defaultHint`)}
            checked={value}
            onCheckedChange={onChange}
            {...field("is_default")}
          />
        )}
      />
    </DrawerForm>
  )
}
