import type { placeErrors } from "../../lib/field-errors"

/**
 * A tax drawer field's error and test ids (`tax-field-<name>` around the
 * field, `tax-field-error-<name>` on its message, so a test finds the message
 * next to its field); `shown` turns our message keys into text.
 */
export const taxField = (placed: ReturnType<typeof placeErrors>, name: string, shown: (message: string | undefined) => string | undefined) => ({
  testId: `tax-field-${name}`,
  errorTestId: `tax-field-error-${name}`,
  error: shown(placed.field(name)),
})
