import Medusa from "@medusajs/js-sdk"
import { createCustomerSuiteClient } from "../index"

type Call = { url: URL; method: string; headers: Headers; body: unknown }

/**
 * The real js-sdk over a fake global fetch: what reaches the network (path,
 * query string, method, JSON body, publishable key and bearer token).
 */
function setUp(answer: unknown = {}, status = 200) {
  const calls: Call[] = []
  const fetchMock = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers)
    const raw = init?.body
    calls.push({
      url: new URL(String(input)),
      method: init?.method ?? "GET",
      headers,
      body: typeof raw === "string" ? JSON.parse(raw) : raw,
    })
    return new Response(JSON.stringify(answer), { status, headers: { "content-type": "application/json" } })
  })
  jest.spyOn(globalThis, "fetch").mockImplementation(fetchMock as typeof fetch)
  const sdk = new Medusa({
    baseUrl: "https://shop.example:9000",
    publishableKey: "pk_test_123",
    auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
  })
  return { sdk, suite: createCustomerSuiteClient(sdk), calls }
}

afterEach(() => jest.restoreAllMocks())

describe("createCustomerSuiteClient", () => {
  it("lists content blocks of a placement with the query string, the publishable key and the answer as the route sent it", async () => {
    const answer = { content_blocks: [{ id: "cb_1", placement: "home-hero", format: "html", content: "<p>Hi</p>", image_url: null, link_url: null, priority: 10, locale: null }] }
    const { suite, calls } = setUp(answer)
    const result = await suite.contentBlocks.list({ placement: "home-hero", cart_id: "cart_01", locale: "de-DE", limit: 1 })
    expect(result).toEqual(answer)
    expect(calls).toHaveLength(1)
    const [call] = calls
    expect(call.method).toBe("GET")
    expect(call.url.origin).toBe("https://shop.example:9000")
    expect(call.url.pathname).toBe("/store/content-blocks")
    expect(Object.fromEntries(call.url.searchParams)).toEqual({ placement: "home-hero", cart_id: "cart_01", locale: "de-DE", limit: "1" })
    expect(call.headers.get("x-publishable-api-key")).toBe("pk_test_123")
    expect(call.headers.get("authorization")).toBeNull()
  })

  it("leaves parameters that are not given out of the query string", async () => {
    const { suite, calls } = setUp({ content_blocks: [] })
    await suite.contentBlocks.list({ placement: "cart-banner", cart_id: undefined })
    expect(calls[0].url.search).toBe("?placement=cart-banner")
    await suite.segments.current()
    expect(calls[1].url.pathname).toBe("/store/customer-segments/current")
    expect(calls[1].url.search).toBe("")
    await suite.segments.current({ cart_id: "cart_02" })
    expect(calls[2].url.search).toBe("?cart_id=cart_02")
  })

  it("posts a batch of events as JSON", async () => {
    const { suite, calls } = setUp({ recorded: 2, duplicates: 0, unknown: 0 })
    const body = {
      anonymous_id: "anon-12345678",
      events: [
        { block_id: "cb_1", type: "impression" as const },
        { block_id: "cb_1", type: "click" as const },
      ],
    }
    await expect(suite.contentBlocks.track(body)).resolves.toEqual({ recorded: 2, duplicates: 0, unknown: 0 })
    expect(calls[0].method).toBe("POST")
    expect(calls[0].url.pathname).toBe("/store/content-blocks/events")
    expect(calls[0].url.search).toBe("")
    expect(calls[0].body).toEqual(body)
    expect(calls[0].headers.get("content-type")).toBe("application/json")
  })

  it("sends the customer's token set on the sdk, and extra headers given to one call", async () => {
    const { sdk, suite, calls } = setUp({ customer_segments: [] })
    await sdk.client.setToken("customer-jwt")
    await suite.segments.mine()
    expect(calls[0].url.pathname).toBe("/store/customers/me/customer-segments")
    expect(calls[0].headers.get("authorization")).toBe("Bearer customer-jwt")
    await suite.segments.mine({ "x-trace": "abc" })
    expect(calls[1].headers.get("x-trace")).toBe("abc")
    expect(calls[1].headers.get("x-publishable-api-key")).toBe("pk_test_123")
  })

  it("reads and sets the assistance consent", async () => {
    const { suite, calls } = setUp({ assistance_consent: { allowed: true, updated_at: "2026-01-01T00:00:00.000Z" } })
    await suite.assistance.consent()
    await suite.assistance.setConsent(false)
    expect(calls.map((c) => [c.method, c.url.pathname, c.body])).toEqual([
      ["GET", "/store/customers/me/assistance-consent", undefined],
      ["POST", "/store/customers/me/assistance-consent", { allowed: false }],
    ])
  })

  it("exchanges a code, reads the current session and ends it", async () => {
    const { suite, calls } = setUp({})
    await suite.assistance.exchange("ABCDEFGH23")
    await suite.assistance.current()
    await suite.assistance.end()
    expect(calls.map((c) => [c.method, c.url.pathname, c.body])).toEqual([
      ["POST", "/store/assistance-sessions/exchange", { code: "ABCDEFGH23" }],
      ["GET", "/store/assistance-sessions/current", undefined],
      // The route takes an empty object (a strict schema), not a missing body.
      ["POST", "/store/assistance-sessions/current/end", {}],
    ])
  })

  it("reads the storefront settings with the publishable key alone, no query string", async () => {
    const answer = {
      config: {
        login_landing: "stay",
        assistance: { enabled: true, consent_required: true, consent_label: "Allow support", consent_help: "" },
        password_policy: { min_length: 15, max_length: 256, refuse_common: true, min_strength: null, required_classes: 0 },
      },
    }
    const { suite, calls } = setUp(answer)
    await expect(suite.config.get()).resolves.toEqual(answer)
    expect(calls).toHaveLength(1)
    expect([calls[0].method, calls[0].url.pathname, calls[0].url.search, calls[0].body]).toEqual(["GET", "/store/customer-suite/config", "", undefined])
    expect(calls[0].headers.get("x-publishable-api-key")).toBe("pk_test_123")
    expect(calls[0].headers.get("authorization")).toBeNull()
  })

  it("signs the customer out everywhere with their token and an empty JSON body", async () => {
    const answer = { revocation: { customer_id: "cus_1", revoked_at: "2026-01-01T00:00:00.000Z" } }
    const { sdk, suite, calls } = setUp(answer)
    await sdk.client.setToken("customer-jwt")
    await expect(suite.sessions.revokeAll()).resolves.toEqual(answer)
    expect([calls[0].method, calls[0].url.pathname, calls[0].body]).toEqual(["POST", "/store/customers/me/sessions/revoke", {}])
    expect(calls[0].headers.get("authorization")).toBe("Bearer customer-jwt")
    expect(calls[0].headers.get("content-type")).toBe("application/json")
  })

  it("rejects with the sdk's FetchError and the route's status when the route refuses", async () => {
    const { suite } = setUp({ type: "invalid_data", message: "placement: required" }, 400)
    await expect(suite.contentBlocks.list({ placement: "" })).rejects.toMatchObject({ status: 400, message: "placement: required" })
  })
})
