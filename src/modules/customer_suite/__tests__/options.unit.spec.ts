import {
  DEFAULT_DENIED_ACTIONS,
  InvalidCustomerSuiteOptionsError,
  parseCustomerSuiteOptions,
} from "../options"

const problemsOf = (raw: unknown): string[] => {
  try {
    parseCustomerSuiteOptions(raw)
  } catch (e) {
    if (e instanceof InvalidCustomerSuiteOptionsError) {
      return e.problems
    }
    throw e
  }
  throw new Error("expected the options to be refused")
}

describe("parseCustomerSuiteOptions", () => {
  it("applies every default when no options are given", () => {
    const options = parseCustomerSuiteOptions(undefined)
    expect(options.segments).toEqual({
      enabled: true,
      realtime: true,
      refresh_schedule: "0 * * * *",
      batch_size: 5000,
      abandoned_after_minutes: 60,
    })
    expect(options.assistance).toEqual({
      enabled: false,
      consent: "opt_in",
      code_ttl_seconds: 60,
      session_ttl_minutes: 60,
      storefront_url: null,
      require_reason: true,
      consent_label: "Allow the store's support team to sign in to my account to help me",
      consent_help: expect.stringMatching(/^A team member can then see and change your cart/),
      denied_actions: [...DEFAULT_DENIED_ACTIONS],
    })
    expect(options.activity).toEqual({
      enabled: true,
      sign_in: { lockout_mode: "account_and_ip", max_failures: 10, lockout_minutes: 10, max_failures_per_account: 100, max_failures_per_ip: 50, ip_window_minutes: 15 },
      password_reset: { protection: "ip_and_email", max_requests_per_hour: 5, min_seconds_between: 600 },
      password_policy: { min_length: 8, max_length: 256, refuse_common: true, min_strength: null, required_classes: 0 },
      presence: { enabled: true, online_window_minutes: 15, visitor_retention_days: 7 },
      security_log_retention_days: 365,
      trusted_proxies: [],
      limiter_store: "postgres",
      redis_url: null,
      login_landing: "account",
    })
    expect(options.customer_groups).toEqual({
      enabled: true,
      default_group: null,
      guest_group: null,
    })
    expect(options.companies.enabled).toBe(false)
  })

  it("keeps given values and fills the rest of a section", () => {
    const options = parseCustomerSuiteOptions({
      assistance: { enabled: true, session_ttl_minutes: 15 },
    })
    expect(options.assistance.enabled).toBe(true)
    expect(options.assistance.session_ttl_minutes).toBe(15)
    expect(options.assistance.code_ttl_seconds).toBe(60)
  })

  it("ignores the keys Medusa injects into module options", () => {
    const options = parseCustomerSuiteOptions({ providers: [], segments: { realtime: false } })
    expect(options.segments.realtime).toBe(false)
  })

  it("names an unknown option, also nested", () => {
    expect(problemsOf({ segmnts: {} })).toEqual(['"segmnts": unknown option'])
    expect(problemsOf({ assistance: { enable: true } })).toEqual([
      '"assistance.enable": unknown option',
    ])
  })

  it("names a wrong enum value and lists what is allowed", () => {
    expect(problemsOf({ assistance: { consent: "maybe" } })).toEqual([
      '"assistance.consent": must be one of "opt_in", "not_required"',
    ])
  })

  it("names out-of-range numbers and wrong types", () => {
    const problems = problemsOf({
      assistance: { code_ttl_seconds: 5, session_ttl_minutes: "60" },
      segments: { batch_size: 10.5 },
    })
    expect(problems).toHaveLength(3)
    expect(problems.find((p) => p.startsWith('"assistance.code_ttl_seconds"'))).toMatch(
      />=\s*10/
    )
    expect(problems.find((p) => p.startsWith('"assistance.session_ttl_minutes"'))).toMatch(
      /number/
    )
    expect(problems.find((p) => p.startsWith('"segments.batch_size"'))).toMatch(/int/i)
  })

  it("refuses a Redis counter store without a URL, naming the key (an option or REDIS_URL is enough)", () => {
    const saved = process.env.REDIS_URL
    try {
      delete process.env.REDIS_URL
      expect(problemsOf({ activity: { limiter_store: "redis" } })).toEqual([
        '"activity.redis_url": activity.limiter_store is "redis": set activity.redis_url or the REDIS_URL environment variable',
      ])
      expect(parseCustomerSuiteOptions({ activity: { limiter_store: "redis", redis_url: "redis://cache:6379" } }).activity.redis_url).toBe("redis://cache:6379")
      expect(parseCustomerSuiteOptions({ activity: { limiter_store: "postgres" } }).activity.limiter_store).toBe("postgres")
      process.env.REDIS_URL = "redis://env:6379"
      expect(parseCustomerSuiteOptions({ activity: { limiter_store: "redis" } }).activity.limiter_store).toBe("redis")
    } finally {
      if (saved === undefined) {
        delete process.env.REDIS_URL
      } else {
        process.env.REDIS_URL = saved
      }
    }
  })

  it("requires the {code} placeholder in the storefront URL", () => {
    expect(
      problemsOf({ assistance: { storefront_url: "https://shop.example/assist" } })
    ).toEqual([
      '"assistance.storefront_url": must contain the {code} placeholder, e.g. https://shop.example/account/assist?code={code}',
    ])
    const ok = parseCustomerSuiteOptions({
      assistance: { storefront_url: "https://shop.example/assist?code={code}" },
    })
    expect(ok.assistance.storefront_url).toBe("https://shop.example/assist?code={code}")
  })

  it("checks cron expressions and denied action patterns", () => {
    expect(problemsOf({ segments: { refresh_schedule: "every hour" } })[0]).toMatch(
      /^"segments.refresh_schedule": must be a 5-field cron expression/
    )
    expect(problemsOf({ assistance: { denied_actions: ["/store/x"] } })[0]).toMatch(
      /^"assistance.denied_actions.0": must look like "METHOD \/path"/
    )
  })

  it("refuses options that are not an object", () => {
    expect(problemsOf("yes")[0]).toMatch(/^options: /)
    expect(problemsOf([])[0]).toMatch(/^options: /)
  })

  it("puts every problem in the error message", () => {
    expect(() =>
      parseCustomerSuiteOptions({ segmnts: {}, assistance: { consent: "maybe" } })
    ).toThrow(/invalid plugin options:\n {2}- .*\n {2}- /)
  })
})

describe("personalization.audiences options", () => {
  it("defaults to a 24-hour grace period, 10,000 members per batch and 5 minutes of clock skew", () => {
    expect(parseCustomerSuiteOptions({}).personalization).toEqual({
      enabled: true,
      audiences: { secret_grace_period_hours: 24, max_members_per_batch: 10_000, max_clock_skew_seconds: 300 },
    })
    expect(parseCustomerSuiteOptions({ personalization: { audiences: { secret_grace_period_hours: 0 } } }).personalization.audiences).toMatchObject({
      secret_grace_period_hours: 0,
      max_members_per_batch: 10_000,
    })
  })

  it("refuses values out of bounds and unknown keys, naming each", () => {
    const problems = problemsOf({
      personalization: { audiences: { max_members_per_batch: 20_000, max_clock_skew_seconds: 900, secret_grace_period_hours: -1, secret: "x" } },
    })
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^"personalization\.audiences\.max_members_per_batch": /),
        expect.stringMatching(/^"personalization\.audiences\.max_clock_skew_seconds": /),
        expect.stringMatching(/^"personalization\.audiences\.secret_grace_period_hours": /),
        '"personalization.audiences.secret": unknown option',
      ])
    )
  })
})
