import type { ResolvedCustomerSuiteOptions } from "../customer_suite/options"

/**
 * The password policy (issue 15 §3, decision 0029): length counted in Unicode
 * code points (NIST SP 800-63B), at least 64 accepted and never truncated,
 * common passwords refused (the @zxcvbn-ts common-password list), and two
 * optional rules: a zxcvbn strength score and Adobe-style character classes.
 * A password equal to the account's email is refused too.
 *
 * Pure: no I/O and no logging. The list and the strength estimator are heavy
 * (about a second to load), so they are loaded once, at the first password
 * that needs them.
 */
export type PasswordPolicy = ResolvedCustomerSuiteOptions["activity"]["password_policy"]

export type PasswordRule = "required" | "max_length" | "min_length" | "not_email" | "common" | "required_classes" | "min_strength"
export type UnmetPasswordRule = { rule: PasswordRule; message: string }

export const CHARACTER_CLASSES = ["lower", "upper", "digit", "other"] as const
export type CharacterClass = (typeof CHARACTER_CLASSES)[number]

/** Code points the strength estimator looks at (it is slow on long input; a longer password is judged by its start). */
export const STRENGTH_ANALYSIS_LENGTH = 64

/** Length as NIST counts it: Unicode code points (an emoji is one, not two UTF-16 units). */
export function passwordLength(password: string): number {
  let n = 0
  for (const _ of password) {
    n++
  }
  return n
}

/** Which of lower, upper, digit, other a password uses (letters without case, marks, symbols, spaces: other). */
export function characterClasses(password: string): Set<CharacterClass> {
  const found = new Set<CharacterClass>()
  for (const ch of password) {
    found.add(/\p{Ll}/u.test(ch) ? "lower" : /\p{Lu}/u.test(ch) ? "upper" : /\p{Nd}/u.test(ch) ? "digit" : "other")
  }
  return found
}

type Zxcvbn = { check(password: string, userInputs?: (string | number)[]): { score: number } }
let common: Promise<{ passwords: Set<string>; longest: number }> | null = null
let estimator: Promise<Zxcvbn> | null = null

function commonPasswords() {
  if (!common) {
    common = import("@zxcvbn-ts/language-common").then(({ dictionary }) => {
      const passwords = new Set(dictionary["passwords-common"])
      let longest = 0
      passwords.forEach((p) => (longest = Math.max(longest, p.length)))
      return { passwords, longest }
    })
    common.catch(() => (common = null))
  }
  return common
}

function strengthEstimator() {
  if (!estimator) {
    estimator = Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(
      ([core, language]) =>
        new core.ZxcvbnFactory({
          dictionary: language.dictionary,
          graphs: language.adjacencyGraphs,
          maxLength: STRENGTH_ANALYSIS_LENGTH,
        })
    )
    estimator.catch(() => (estimator = null))
  }
  return estimator
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/**
 * The rules a password does not meet ([] when it is accepted). `email`: the
 * account's email, when known (a password equal to it, or to its part
 * before the @, is refused).
 */
export async function unmetPasswordRules(password: unknown, policy: PasswordPolicy, context: { email?: string | null } = {}): Promise<UnmetPasswordRule[]> {
  if (typeof password !== "string" || password.length === 0) {
    return [{ rule: "required", message: "a password is required" }]
  }
  const length = passwordLength(password)
  if (length > policy.max_length) {
    // Nothing else is looked at: the estimator's cost grows with the length.
    return [{ rule: "max_length", message: `it must have at most ${plural(policy.max_length, "character", "characters")}` }]
  }
  const unmet: UnmetPasswordRule[] = []
  if (length < policy.min_length) {
    unmet.push({ rule: "min_length", message: `it must have at least ${plural(policy.min_length, "character", "characters")}` })
  }
  const folded = password.toLowerCase()
  const email = context.email?.trim().toLowerCase()
  if (email && (folded === email || folded === email.split("@")[0])) {
    unmet.push({ rule: "not_email", message: "it must not be the email address" })
  }
  if (policy.refuse_common) {
    const list = await commonPasswords()
    if (folded.length <= list.longest && list.passwords.has(folded)) {
      unmet.push({ rule: "common", message: "it is a commonly used password" })
    }
  }
  if (policy.required_classes > 0) {
    const used = characterClasses(password).size
    if (used < policy.required_classes) {
      unmet.push({
        rule: "required_classes",
        message: `it must use at least ${policy.required_classes} of: lower case letters, upper case letters, digits, other characters`,
      })
    }
  }
  if (policy.min_strength !== null && policy.min_strength > 0) {
    const inputs = email ? [email, email.split("@")[0]] : []
    const { score } = (await strengthEstimator()).check(password, inputs)
    if (score < policy.min_strength) {
      unmet.push({ rule: "min_strength", message: `it is too easy to guess (strength ${score} of 4, at least ${policy.min_strength} needed)` })
    }
  }
  return unmet
}

/** The refusal's message: "Password not accepted: <each rule>." */
export function passwordRefusalMessage(unmet: UnmetPasswordRule[]): string {
  return `Password not accepted: ${unmet.map((u) => u.message).join("; ")}`
}
