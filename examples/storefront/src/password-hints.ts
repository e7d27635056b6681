import type { StorePasswordPolicy } from "../../../src/client"

/**
 * The password rules the store enforces, as hints shown while typing
 * (GET /store/customer-suite/config). The server decides: a hint met here
 * is no promise, and its 400 names each rule still unmet.
 */
export type PasswordHint = { id: string; text: string; met: boolean | null }

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/]

export function passwordHints(policy: StorePasswordPolicy, password: string): PasswordHint[] {
  // Code points, as a person counts characters (an emoji is one).
  const length = [...password].length
  const hints: PasswordHint[] = [
    { id: "min_length", text: `At least ${policy.min_length} characters`, met: length >= policy.min_length },
    { id: "max_length", text: `At most ${policy.max_length} characters`, met: length <= policy.max_length },
  ]
  if (policy.required_classes > 0) {
    const used = CLASSES.filter((re) => re.test(password)).length
    hints.push({
      id: "required_classes",
      text: `Characters of at least ${policy.required_classes} kinds: lower case, upper case, digits, others`,
      met: used >= policy.required_classes,
    })
  }
  if (policy.refuse_common) {
    // Only the server has the list.
    hints.push({ id: "refuse_common", text: "Not a common or leaked password", met: null })
  }
  if (policy.min_strength !== null && policy.min_strength > 0) {
    hints.push({ id: "min_strength", text: "Hard to guess (no names, dates or keyboard patterns)", met: null })
  }
  return hints
}
