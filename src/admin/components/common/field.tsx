import { Input, Label, Switch, Text, Textarea } from "@medusajs/ui"
import type { ComponentProps, ReactNode } from "react"
import type { UseFormRegisterReturn } from "react-hook-form"

/** A field's error under it (`testId` lets a test find the message next to its field). */
export const FieldError = ({ error, testId }: { error?: ReactNode; testId?: string }) =>
  error ? (
    <Text size="small" className="text-ui-fg-error" role="alert" data-testid={testId}>
      {error}
    </Text>
  ) : null

/** A form field: its label (marked optional when `optional` is given), the control, a hint and its error. */
export const Field = ({
  label,
  htmlFor,
  optional,
  hint,
  error,
  errorTestId,
  testId,
  className,
  children,
}: {
  label: string
  htmlFor?: string
  /** The word for "optional", shown after the label. */
  optional?: string
  hint?: ReactNode
  error?: ReactNode
  errorTestId?: string
  testId?: string
  className?: string
  children: ReactNode
}) => (
  <div className={className ?? "flex flex-col gap-y-1"} data-testid={testId}>
    <Label htmlFor={htmlFor} size="small" weight="plus">
      {label}
      {optional && <span className="text-ui-fg-muted font-normal"> ({optional})</span>}
    </Label>
    {children}
    {hint && (
      <Text size="xsmall" className="text-ui-fg-subtle">
        {hint}
      </Text>
    )}
    <FieldError error={error} testId={errorTestId} />
  </div>
)

/**
 * A text field: a `Field` around an input (a textarea with `multiline`)
 * registered with react-hook-form, marked invalid while it has an error.
 */
export const TextField = ({
  id,
  label,
  hint,
  optional,
  error,
  errorTestId,
  testId,
  registration,
  multiline,
  ...input
}: {
  id: string
  label: string
  hint?: string
  optional?: string
  error?: string
  errorTestId?: string
  testId?: string
  registration: UseFormRegisterReturn
  multiline?: boolean
} & Pick<ComponentProps<typeof Input>, "className" | "maxLength" | "disabled" | "placeholder" | "autoFocus" | "type" | "inputMode" | "step">) => (
  <Field label={label} htmlFor={id} hint={hint} optional={optional} error={error} errorTestId={errorTestId} testId={testId}>
    {multiline ? <Textarea id={id} aria-invalid={!!error} {...registration} {...input} /> : <Input id={id} aria-invalid={!!error} {...registration} {...input} />}
  </Field>
)

/** A switch with its label and hint beside it, and its error under them. */
export const SwitchField = ({
  id,
  label,
  hint,
  error,
  errorTestId,
  checked,
  onCheckedChange,
  testId,
  className = "flex items-start gap-x-3",
}: {
  id: string
  label: string
  hint: string
  error?: ReactNode
  errorTestId?: string
  checked: boolean
  onCheckedChange: (checked: boolean) => void
  testId?: string
  className?: string
}) => (
  <div className={className}>
    <Switch id={id} checked={checked} onCheckedChange={onCheckedChange} aria-describedby={`${id}-hint`} data-testid={testId} />
    <div className="flex flex-col">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      <Text id={`${id}-hint`} size="xsmall" className="text-ui-fg-subtle">
        {hint}
      </Text>
      <FieldError error={error} testId={errorTestId} />
    </div>
  </div>
)
