import { PasswordPolicyOptionsSchema } from "../../customer_suite/options"
import { characterClasses, passwordLength, passwordRefusalMessage, unmetPasswordRules, type PasswordPolicy } from "../password-policy"

jest.setTimeout(30_000)

const policy = (overrides: Partial<PasswordPolicy> = {}): PasswordPolicy => ({ ...PasswordPolicyOptionsSchema.parse({}), ...overrides })
const rules = async (password: unknown, p: PasswordPolicy = policy(), email?: string) => (await unmetPasswordRules(password, p, { email })).map((u) => u.rule)

describe("password policy", () => {
  it("has NIST's defaults: 8 to 256 characters, common passwords refused, no class or strength rule", () => {
    expect(policy()).toEqual({ min_length: 8, max_length: 256, refuse_common: true, min_strength: null, required_classes: 0 })
  })

  it("accepts an ordinary passphrase and refuses a missing one", async () => {
    expect(await rules("plum tart on tuesdays")).toEqual([])
    expect(await rules("")).toEqual(["required"])
    expect(await rules(undefined)).toEqual(["required"])
    expect(await rules(12345678)).toEqual(["required"])
  })

  it("counts length in code points, so four emoji are four characters, not eight", async () => {
    expect(passwordLength("🔑🔑🔑🔑")).toBe(4)
    expect("🔑🔑🔑🔑".length).toBe(8)
    expect(await rules("🔑🔑🔑🔑", policy({ min_length: 5 }))).toEqual(["min_length"])
    expect(await rules("🔑🔑🔑🔑🔑", policy({ min_length: 5 }))).toEqual([])
    // Combining marks are code points of their own (NIST counts code points, not what the eye sees).
    expect(passwordLength("e\u0301t\u0065\u0301")).toBe(5)
  })

  it("refuses a password shorter than min_length, naming the length", async () => {
    const unmet = await unmetPasswordRules("v8#kQz", policy())
    expect(unmet).toEqual([{ rule: "min_length", message: "it must have at least 8 characters" }])
    expect(await rules("v8#kQz!w")).toEqual([])
    expect(await rules("v8#kQz!w", policy({ min_length: 15 }))).toEqual(["min_length"])
  })

  it("accepts 64 and more characters up to max_length and refuses longer ones (never truncated)", async () => {
    const long = "wide meadow ".repeat(22).slice(0, 256)
    expect(passwordLength(long)).toBe(256)
    expect(await rules(long.slice(0, 64))).toEqual([])
    expect(await rules(long)).toEqual([])
    const tooLong = await unmetPasswordRules(`${long}x`, policy())
    expect(tooLong).toEqual([{ rule: "max_length", message: "it must have at most 256 characters" }])
    // Code points again: 256 emoji (512 UTF-16 units) are accepted.
    expect(await rules("🦉".repeat(256), policy({ refuse_common: false }))).toEqual([])
  })

  it("refuses common passwords, whatever their case, and only when refuse_common is on", async () => {
    for (const common of ["password", "12345678", "123456789", "qwerty123", "iloveyou", "PASSWORD", "Sunshine"]) {
      expect([common, await rules(common, policy({ min_length: 1 }))]).toEqual([common, ["common"]])
    }
    expect(await rules("password", policy({ refuse_common: false }))).toEqual([])
    const unmet = await unmetPasswordRules("12345678", policy())
    expect(unmet).toEqual([{ rule: "common", message: "it is a commonly used password" }])
  })

  it("refuses the email address (or its name part) as the password", async () => {
    expect(await rules("Carla.Rossi@Example.com", policy(), "carla.rossi@example.com")).toEqual(["not_email"])
    expect(await rules("carla.rossi", policy(), "carla.rossi@example.com")).toEqual(["not_email"])
    expect(await rules("carla.rossi-garden", policy(), "carla.rossi@example.com")).toEqual([])
  })

  it("counts character classes (lower, upper, digit, other) when required_classes is set (Adobe: 3)", async () => {
    expect([...characterClasses("aB3!")].sort()).toEqual(["digit", "lower", "other", "upper"])
    expect([...characterClasses("été ÉTÉ ٣")].sort()).toEqual(["digit", "lower", "other", "upper"])
    expect([...characterClasses("密码密码")]).toEqual(["other"])
    const adobe = policy({ required_classes: 3 })
    expect(await rules("plum tart on tuesdays", adobe)).toEqual(["required_classes"]) // lower + other (spaces): 2
    expect(await rules("plum tart on Tuesdays", adobe)).toEqual([])
    expect(await rules("PlumTart2026", adobe)).toEqual([])
    expect(await rules("plumtart2026", adobe)).toEqual(["required_classes"])
    expect(await rules("plumtart2026", policy({ required_classes: 4 }))).toEqual(["required_classes"])
    expect(await rules("plumtart2026", policy())).toEqual([])
  })

  it("names every unmet rule at once, in one message", async () => {
    const adobe = policy({ required_classes: 3, min_length: 10 })
    const unmet = await unmetPasswordRules("password", adobe)
    expect(unmet.map((u) => u.rule)).toEqual(["min_length", "common", "required_classes"])
    expect(passwordRefusalMessage(unmet)).toBe(
      "Password not accepted: it must have at least 10 characters; it is a commonly used password; it must use at least 3 of: lower case letters, upper case letters, digits, other characters"
    )
  })

  it("applies a zxcvbn strength score when min_strength is set", async () => {
    const strong = policy({ min_strength: 3, refuse_common: false })
    const weak = await unmetPasswordRules("aaaaaaaaaa", strong)
    expect(weak).toEqual([{ rule: "min_strength", message: expect.stringMatching(/^it is too easy to guess \(strength [0-2] of 4, at least 3 needed\)$/) }])
    expect(await rules("correct horse battery staple", strong)).toEqual([])
    // The email counts as a guessable word.
    expect(await rules("maria.lopez2024", strong, "maria.lopez@example.com")).toEqual(["min_strength"])
  })
})
