import { Label, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
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
    {error && (
      <Text size="small" className="text-ui-fg-error" role="alert" data-testid={`tax-field-error-${name}`}>
        {error}
      </Text>
    )}
  </div>
)

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
