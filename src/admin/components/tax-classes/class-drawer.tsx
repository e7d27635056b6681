import { Button, Drawer, Input, Switch, Text, Textarea, toast } from "@medusajs/ui"
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
import { Field, FormError, byField } from "./field"

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
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="tax-class-drawer">
        <form onSubmit={submit} noValidate className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>{t(title)}</Drawer.Title>
            <Drawer.Description className="sr-only">{t(`customerSuite.taxClasses.types.${type}.hint`)}</Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <Field name="name" htmlFor="tax-class-name" label={t("customerSuite.taxClasses.fields.name")} error={shown.field("name")}>
              <Input
                id="tax-class-name"
                value={name}
                maxLength={255}
                autoFocus
                aria-invalid={!!shown.field("name")}
                onChange={(e) => {
                  setName(e.target.value)
                  if (!codeTyped) {
                    setCode(suggestCode(e.target.value))
                  }
                }}
              />
            </Field>
            <Field
              name="code"
              htmlFor="tax-class-code"
              label={t("customerSuite.taxClasses.fields.code")}
              hint={t("customerSuite.taxClasses.fields.codeHint")}
              error={shown.field("code")}
            >
              <Input
                id="tax-class-code"
                className="font-mono"
                value={code}
                maxLength={64}
                aria-invalid={!!shown.field("code")}
                onChange={(e) => {
                  setCode(e.target.value)
                  setCodeTyped(true)
                }}
              />
            </Field>
            <Field
              name="description"
              htmlFor="tax-class-description"
              label={t("customerSuite.taxClasses.fields.description")}
              optional={t("customerSuite.common.optional")}
              error={shown.field("description")}
            >
              <Textarea
                id="tax-class-description"
                value={description}
                maxLength={2000}
                aria-invalid={!!shown.field("description")}
                onChange={(e) => setDescription(e.target.value)}
              />
            </Field>
            <div className="flex items-start gap-x-3">
              <Switch id="tax-class-default" checked={isDefault} onCheckedChange={setIsDefault} aria-describedby="tax-class-default-hint" />
              <div className="flex flex-col">
                <label htmlFor="tax-class-default" className="txt-compact-small-plus">
                  {t("customerSuite.taxClasses.fields.isDefault")}
                </label>
                <Text id="tax-class-default-hint" size="xsmall" className="text-ui-fg-muted">
                  {t(`customerSuite.taxClasses.types.${type}.defaultHint`)}
                </Text>
                {shown.field("is_default") && (
                  <Text size="small" className="text-ui-fg-error" role="alert" data-testid="tax-field-error-is_default">
                    {shown.field("is_default")}
                  </Text>
                )}
              </div>
            </div>
            <FormError error={shown.rest} />
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                {t("customerSuite.common.cancel")}
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={create.isPending || update.isPending} data-testid="tax-class-save">
              {t("customerSuite.common.save")}
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
