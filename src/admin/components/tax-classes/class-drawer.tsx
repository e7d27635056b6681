import { toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import type { FieldErrors } from "../../lib/rule-model"
import {
  fieldErrors,
  messageOf,
  suggestCode,
  useCreateTaxClass,
  useUpdateTaxClass,
  type TaxClass,
  type TaxClassType,
} from "../../lib/tax-classes"
import { DrawerForm, FormError, SwitchField, TextField, byField } from "./field"

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
  taxClass?: TaxClass
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const { t } = useTranslation()
  const create = useCreateTaxClass()
  const update = useUpdateTaxClass()
  const [name, setName] = useState("")
  const [code, setCode] = useState("")
  const [codeTyped, setCodeTyped] = useState(false)
  const [description, setDescription] = useState("")
  const [isDefault, setIsDefault] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})

  // A fresh form each time the drawer opens.
  useEffect(() => {
    if (open) {
      setName(taxClass?.name ?? "")
      setCode(taxClass?.code ?? "")
      setCodeTyped(!!taxClass)
      setDescription(taxClass?.description ?? "")
      setIsDefault(taxClass?.is_default ?? false)
      setErrors({})
    }
  }, [open, taxClass])

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    setErrors({})
    const body = { name, code: code.trim(), description: description.trim() || null, is_default: isDefault }
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
      setErrors(fieldErrors(error))
      toast.error(t("customerSuite.taxClasses.classForm.saveFailed"), { description: messageOf(error) })
    }
  }

  const shown = byField(errors, FIELDS)
  const title = taxClass ? `customerSuite.taxClasses.types.${type}.editTitle` : `customerSuite.taxClasses.types.${type}.createTitle`
  return (
    <DrawerForm
      open={open}
      onOpenChange={onOpenChange}
      testId="tax-class-drawer"
      saveTestId="tax-class-save"
      title={t(title)}
      description={t(`customerSuite.taxClasses.types.${type}.hint`)}
      onSubmit={submit}
      saving={create.isPending || update.isPending}
    >
      <TextField
        name="name"
        id="tax-class-name"
        label={t("customerSuite.taxClasses.fields.name")}
        error={shown.field("name")}
        value={name}
        maxLength={255}
        autoFocus
        onChange={(value) => {
          setName(value)
          if (!codeTyped) {
            setCode(suggestCode(value))
          }
        }}
      />
      <TextField
        name="code"
        id="tax-class-code"
        label={t("customerSuite.taxClasses.fields.code")}
        hint={t("customerSuite.taxClasses.fields.codeHint")}
        error={shown.field("code")}
        className="font-mono"
        value={code}
        maxLength={64}
        onChange={(value) => {
          setCode(value)
          setCodeTyped(true)
        }}
      />
      <TextField
        name="description"
        id="tax-class-description"
        label={t("customerSuite.taxClasses.fields.description")}
        optional={t("customerSuite.common.optional")}
        error={shown.field("description")}
        multiline
        value={description}
        maxLength={2000}
        onChange={setDescription}
      />
      <SwitchField
        name="is_default"
        id="tax-class-default"
        label={t("customerSuite.taxClasses.fields.isDefault")}
        hint={t(`customerSuite.taxClasses.types.${type}.defaultHint`)}
        error={shown.field("is_default")}
        checked={isDefault}
        onCheckedChange={setIsDefault}
      />
      <FormError error={shown.rest} />
    </DrawerForm>
  )
}
