import { Button, Drawer, Input, Label, Switch, Text, Textarea } from "@medusajs/ui"
import type { ComponentProps, FormEvent, ReactNode } from "react"
import { useTranslation } from "react-i18next"
import type { FieldErrors } from "../../lib/rule-model"

/**
 * A labelled form field with its hint and the error the API gave for it
 * (`data-testid="tax-field-error-<name>"`, so a test can find the message next to its field).
 */
export const Field = ({
  name,
  htmlFor,
  label,
  hint,
  error,
  optional,
  children,
}: {
  name: string
  htmlFor?: string
  label: string
  hint?: string
  error?: string
  optional?: string
  children: ReactNode
}) => (
  <div className="flex flex-col gap-y-1" data-testid={`tax-field-${name}`}>
    <Label htmlFor={htmlFor} size="small" weight="plus">
      {label}
      {optional && <span className="text-ui-fg-muted font-normal"> ({optional})</span>}
    </Label>
    {hint && (
      <Text size="xsmall" className="text-ui-fg-muted">
        {hint}
      </Text>
    )}
    {children}
    <FieldError name={name} error={error} />
  </div>
)

/** The error a field shows under it (`tax-field-error-<name>`). */
const FieldError = ({ name, error }: { name: string; error?: string }) =>
  error ? (
    <Text size="small" className="text-ui-fg-error" role="alert" data-testid={`tax-field-error-${name}`}>
      {error}
    </Text>
  ) : null

/**
 * A text field: a `Field` around an input (a textarea with `multiline`) whose
 * id is `id`, marked invalid while the field has an error; `onChange` gets the text.
 */
export const TextField = ({
  name,
  id,
  label,
  hint,
  optional,
  error,
  value,
  onChange,
  multiline,
  ...input
}: {
  name: string
  id: string
  label: string
  hint?: string
  optional?: string
  error?: string
  value: string
  onChange: (value: string) => void
  multiline?: boolean
} & Pick<ComponentProps<typeof Input>, "className" | "maxLength" | "disabled" | "placeholder" | "autoFocus" | "type" | "inputMode" | "step">) => {
  const common = { id, value, "aria-invalid": !!error, ...input }
  return (
    <Field name={name} htmlFor={id} label={label} hint={hint} optional={optional} error={error}>
      {multiline ? (
        <Textarea {...common} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <Input {...common} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  )
}

/** A switch with its label and hint beside it, and the field's error under them. */
export const SwitchField = ({
  name,
  id,
  label,
  hint,
  error,
  checked,
  onCheckedChange,
  testId,
}: {
  name: string
  id: string
  label: string
  hint: string
  error?: string
  checked: boolean
  onCheckedChange: (checked: boolean) => void
  testId?: string
}) => (
  <div className="flex items-start gap-x-3">
    <Switch id={id} checked={checked} onCheckedChange={onCheckedChange} aria-describedby={`${id}-hint`} data-testid={testId} />
    <div className="flex flex-col">
      <label htmlFor={id} className="txt-compact-small-plus">
        {label}
      </label>
      <Text id={`${id}-hint`} size="xsmall" className="text-ui-fg-muted">
        {hint}
      </Text>
      <FieldError name={name} error={error} />
    </div>
  </div>
)

/** A drawer holding a form: title (and a description for screen readers), the fields, Cancel and Save. */
export const DrawerForm = ({
  open,
  onOpenChange,
  testId,
  title,
  description,
  onSubmit,
  saving,
  saveTestId,
  children,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  testId: string
  saveTestId: string
  title: string
  description: string
  onSubmit: (event: FormEvent) => void
  saving: boolean
  children: ReactNode
}) => {
  const { t } = useTranslation()
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid={testId}>
        <form onSubmit={onSubmit} noValidate className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>{title}</Drawer.Title>
            <Drawer.Description className="sr-only">{description}</Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">{children}</Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                {t("customerSuite.common.cancel")}
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={saving} data-testid={saveTestId}>
              {t("customerSuite.common.save")}
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}

/** Errors no field claims (a conflict, a server failure), above the form's buttons. */
export const FormError = ({ error }: { error?: string }) =>
  error ? (
    <Text size="small" className="text-ui-fg-error" role="alert" data-testid="tax-form-error">
      {error}
    </Text>
  ) : null

/** The errors the form shows by a field, and the rest joined for the form's footer. */
export const byField = (errors: FieldErrors, fields: readonly string[]) => {
  const rest = Object.entries(errors)
    .filter(([field]) => !fields.includes(field))
    .map(([field, text]) => (field === "_" ? text : `${field}: ${text}`))
  return { field: (name: string) => errors[name], rest: rest.join("; ") || undefined }
}
