import { REVOCATION_TTL_MS } from "../../src/api/utils/session-revocations"
import { STATE_TTL_MS } from "../../src/api/utils/assistance-guard"
import { SETTINGS_MEMO_TTL_MS } from "../../src/api/utils/settings-memo"
import { CustomerSegmentEvents } from "../../src/modules/customer_segment/events"
import { eventually } from "../helpers/wait"
import { eventQueue } from "./event-queue"
import { startCluster, type Cluster, type Instance } from "./harness"

/**
 * ARCHITECTURE.md §7 on a real cluster: two `server` instances and a
 * `worker` (a second one for the scheduled job) on Redis and one database.
 * Every behaviour is caused through the HTTP API of one instance and observed
 * on another.
 */
jest.setTimeout(300_000)

/** Time allowed on top of a stated bound: the polling request itself on a busy 2-core machine. */
const SLACK_MS = 1_500
const PASSWORD = "secret-password-1"

let cluster: Cluster
let admin: Record<string, string>
let a: Instance
let b: Instance
let events: ReturnType<typeof eventQueue>

beforeAll(async () => {
  cluster = await startCluster({ servers: 2, workers: 1, env: { CUSTOMER_SUITE_SEGMENT_REFRESH_SCHEDULE: "* * * * *" } })
  ;[a, b] = cluster.servers
  admin = cluster.admin
  events = eventQueue(cluster.redisUrl)
})

/** Measured times until the other server refused (printed at the end: how close to the bounds). */
const measured: Record<string, number> = {}

afterAll(async () => {
  if (Object.keys(measured).length) {
    console.info(`cluster bounds measured (ms): ${JSON.stringify(measured)}`)
  }
  await events?.close()
  await cluster?.stop()
})

const store = (headers: Record<string, string> = {}) => ({ "x-publishable-api-key": cluster.publishableKey, ...headers })
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** Expects a 2xx answer and returns its body. */
async function ok<T = any>(answer: Promise<{ status: number; data: T }>): Promise<T> {
  const { status, data } = await answer
  if (status < 200 || status >= 300) {
    throw new Error(`expected a 2xx answer, got ${status}: ${JSON.stringify(data)}`)
  }
  return data
}

/** Registers a customer on `on` (account, profile, sign-in) and returns their id and token. */
async function register(on: Instance, email: string, password = PASSWORD) {
  const registration = await ok(on.post("/auth/customer/emailpass/register", { email, password }))
  const { customer } = await ok(on.post("/store/customers", { email }, store(bearer(registration.token))))
  const login = await ok(on.post("/auth/customer/emailpass", { email, password }))
  return { id: customer.id as string, token: login.token as string }
}

const signIn = (on: Instance, email: string, password: string) => on.post("/auth/customer/emailpass", { email, password })

/** Times `check` until it says true; returns the milliseconds it took. */
async function timeUntil(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<number> {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(`not within ${timeoutMs} ms`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return Date.now() - started
}

const linesWith = (instance: Instance, text: string) => instance.output().split("\n").filter((line) => line.includes(text)).length
/** Deliveries of an event the workers logged (event-bus-redis: "Processing <name> (priority: P) which has N subscribers"). */
const deliveries = (name: string) => cluster.workers.reduce((n, worker) => n + linesWith(worker, `Processing ${name} `), 0)

async function createProduct(on: Instance, title: string, amount: number) {
  const { product } = await ok(
    on.post(
      "/admin/products",
      {
        title,
        status: "published",
        options: [{ title: "Size", values: ["One"] }],
        variants: [{ title: "One", options: { Size: "One" }, manage_inventory: false, prices: [{ currency_code: "eur", amount }] }],
        sales_channels: [{ id: cluster.salesChannelId }],
      },
      admin
    )
  )
  return { id: product.id as string, variantId: product.variants[0].id as string }
}

const setPrice = (on: Instance, product: { id: string; variantId: string }, amount: number) =>
  ok(on.post(`/admin/products/${product.id}/variants/${product.variantId}`, { prices: [{ currency_code: "eur", amount }] }, admin))

/** A price list's live prices (sorted rows; ids included, so a rewrite shows). */
const listPrices = (priceListId: string) =>
  cluster.sql(
    `select p.id, p.price_set_id, p.currency_code, p.amount::text as amount, p.min_quantity::text as min_quantity
       from price p where p.price_list_id = $1 and p.deleted_at is null order by p.price_set_id, p.currency_code, p.min_quantity nulls first`,
    [priceListId]
  )

describe("a cluster: two servers and a worker on Redis", () => {
  it("runs a refresh requested on a server once, on the worker", async () => {
    const ann = await register(a, "ann@refresh.test")
    const { customer_segment: segment } = await ok(
      a.post("/admin/customer-segments", { name: "Refresh domain", query: "email_domain = 'refresh.test'" }, admin)
    )
    // Saving a segment queues a first refresh: let it finish.
    await eventually(async () => {
      const { runs } = await ok(b.get(`/admin/customer-segments/${segment.id}/runs`, admin))
      expect(runs.length).toBeGreaterThan(0)
      expect(runs.every((r: { status: string }) => r.status === "succeeded")).toBe(true)
    })
    const logged = `Processing ${CustomerSegmentEvents.REFRESH_REQUESTED} `
    const [worker] = cluster.workers
    const before = linesWith(worker, logged)

    const requested = await a.post(`/admin/customer-segments/${segment.id}/refresh`, {}, admin)
    expect(requested.status).toBe(202)
    expect(requested.data.run).toMatchObject({ status: "queued", trigger: "manual" })

    const done = await eventually(async () => {
      const { runs } = await ok(b.get(`/admin/customer-segments/${segment.id}/runs`, admin))
      const run = runs.find((r: { id: string }) => r.id === requested.data.run.id)
      expect(run.status).toBe("succeeded")
      return { run, runs }
    })
    expect(done.run).toMatchObject({ matched: 1, added: 0, removed: 0 })
    expect(done.runs.filter((r: { trigger: string }) => r.trigger === "manual")).toHaveLength(1)
    const { customers } = await ok(b.get(`/admin/customer-segments/${segment.id}/customers`, admin))
    expect(customers.map((c: { id: string }) => c.id)).toEqual([ann.id])
    // Handled once, by the worker; the servers handle no event at all.
    expect(linesWith(worker, logged) - before).toBe(1)
    for (const server of cluster.servers) {
      expect(linesWith(server, "Processing ")).toBe(0)
    }
  })

  describe("every subscriber is idempotent: an event delivered twice changes nothing more", () => {
    it("customer.created: group assignment, facts, segment memberships, managed groups", async () => {
      const { customer_group: defaultGroup } = await ok(a.post("/admin/customer-groups", { name: "Cluster regulars" }, admin))
      await ok(a.post("/admin/customer-suite/settings", { customer_groups: { default_group: defaultGroup.id } }, admin))
      const { customer_segment: segment } = await ok(
        a.post("/admin/customer-segments", { name: "Redelivery VIPs", query: "email_domain = 'redelivery.test'", sync_customer_group: true }, admin)
      )
      expect(segment.customer_group_id).toMatch(/^cusgroup_/)
      await events.drained()
      // The setting reaches the worker within its memo's time.
      await new Promise((resolve) => setTimeout(resolve, SETTINGS_MEMO_TTL_MS))

      let customerId = ""
      const [created] = await events.capture(
        async () => {
          customerId = (await register(b, "vera@redelivery.test")).id
        },
        (job) => job.name === "customer.created"
      )
      expect(created.data).toMatchObject({ data: { id: customerId } })

      /** Everything the customer.created subscribers (and what they cause) write about this customer. */
      const snapshot = async () => ({
        groups: (await ok(b.get(`/admin/customers/${customerId}?fields=id,*groups`, admin))).customer.groups
          .map((g: { id: string }) => g.id)
          .sort(),
        links: await cluster.sql("select * from customer_group_customer where customer_id = $1 order by id", [customerId]),
        assignments: await cluster.sql("select * from customer_group_assignment where customer_id = $1 order by id", [customerId]),
        profile: await cluster.sql("select * from customer_profile where customer_id = $1 order by id", [customerId]),
        memberships: await cluster.sql("select * from customer_segment_membership where customer_id = $1 order by id", [customerId]),
        members: (await ok(b.get(`/admin/customer-segments/${segment.id}/customers`, admin))).customers.map((c: { id: string }) => c.id),
      })

      await eventually(async () => {
        const now = await snapshot()
        expect(now.groups).toEqual([defaultGroup.id, segment.customer_group_id].sort())
        expect(now.members).toEqual([customerId])
      }, { timeout: 30_000 })
      await events.drained()
      const first = await snapshot()
      expect(first.assignments).toHaveLength(1)
      expect(first.profile).toHaveLength(1)
      expect(first.memberships).toHaveLength(1)

      const delivered = deliveries("customer.created")
      await events.redeliver(created)
      await events.drained()
      expect(await snapshot()).toEqual(first)
      // And once more, two at once (two deliveries racing on the worker).
      await Promise.all([events.redeliver(created), events.redeliver(created)])
      await events.drained()
      expect(await snapshot()).toEqual(first)
      // The copies really reached the subscribers.
      expect(deliveries("customer.created") - delivered).toBe(3)

      // What the worker emitted in turn, delivered again as emitted: the segment's membership change
      // (the managed group mirrors it) and a saved segment (the managed group is reconciled in full).
      await events.deliver(CustomerSegmentEvents.MEMBERSHIP_CHANGED, { segment_id: segment.id, added: [customerId], removed: [] })
      await events.deliver(CustomerSegmentEvents.UPDATED, { id: segment.id })
      await events.drained()
      expect(await snapshot()).toEqual(first)
    })

    it("product-variant.updated, product.updated and group_price_rule.updated: the group's price lists", async () => {
      const { customer_group: group } = await ok(a.post("/admin/customer-groups", { name: "Cluster trade" }, admin))
      const lamp = await createProduct(a, "Redelivery lamp", 200)
      const createRule = async (body: Record<string, unknown>) =>
        (
          await ok(
            a.post(
              "/admin/group-price-rules",
              { customer_group_id: group.id, adjustment_type: "percentage", scope_type: "products", scope_ids: [lamp.id], ...body },
              admin
            )
          )
        ).group_price_rule
      const rule = await createRule({ name: "Trade: 10% off", percentage: 10, priority: 10, tiers: [{ min_quantity: 5, percentage: 20 }] })
      // A sibling of lower priority: the lamp is the first rule's, and each rule's events resync the other.
      const sibling = await createRule({ name: "Trade: 5% off", percentage: 5, priority: 0 })
      /** Both rules' lists as stored: the lists' rows and their live prices (ids included, so a rewrite shows). */
      const snapshot = async () => ({
        lists: await cluster.sql(
          `select id, status, type, rules_count, updated_at, metadata->>'group_price_rule_id' as rule_id from price_list
            where metadata->>'group_price_rule_id' = any($1) and deleted_at is null order by id`,
          [[rule.id, sibling.id]]
        ),
        prices: await listPrices(rule.price_list_id),
        rules: await cluster.sql("select id, price_list_id from group_price_rule where id = any($1) order by id", [[rule.id, sibling.id]]),
      })
      await events.drained()
      const captured = await events.capture(
        () => setPrice(b, lamp, 300),
        (job) => ["product.updated", "product-variant.updated"].includes(job.name)
      )
      expect(captured.length).toBeGreaterThan(0)
      await eventually(async () => {
        const prices = await listPrices(rule.price_list_id)
        expect(prices.map((p) => [Number(p.amount), p.min_quantity])).toEqual([[270, null], [240, "5"]])
      }, { timeout: 30_000 })
      await events.drained()
      const first = await snapshot()

      const delivered = captured.map((event) => deliveries(event.name))
      for (const event of captured) {
        await events.redeliver(event)
      }
      await events.drained()
      expect(captured.map((event) => deliveries(event.name))).toEqual(delivered.map((n, i) => n + captured.filter((e) => e.name === captured[i].name).length))
      expect(await snapshot()).toEqual(first)

      // The rules' own events (the other rules of the group are resynced), delivered again as the workflows emit them.
      for (const id of [rule.id, sibling.id]) {
        await events.deliver("group_price_rule.updated", { id, customer_group_ids: [group.id] })
      }
      await events.drained()
      expect(await snapshot()).toEqual(first)
    })
  })

  it("presence: a shopper's requests on both servers (each batching its own writes) make one row", async () => {
    const gus = await register(a, "gus@presence.test")
    for (const server of [a, b, a, b]) {
      expect((await server.get("/store/customers/me", store(bearer(gus.token)))).status).toBe(200)
    }
    // Each instance writes its batch within 3 s (decision 0032).
    await eventually(async () => {
      const { presence } = await ok(a.get(`/admin/customers/${gus.id}/presence`, admin))
      expect(presence.online).toBe(true)
      const rows = await cluster.sql("select id from customer_presence where subject_id = $1 and deleted_at is null", [gus.id])
      expect(rows).toHaveLength(1)
    })
    await new Promise((resolve) => setTimeout(resolve, 4_000))
    const rows = await cluster.sql("select id, kind from customer_presence where subject_id = $1", [gus.id])
    expect(rows).toEqual([{ id: expect.any(String), kind: "customer" }])
  })

  describe("state held per instance reaches the other server within its stated bound", () => {
    it("an assistance session ended on one server is refused on the other within STATE_TTL_MS", async () => {
      const carla = await register(a, "carla@assist.test")
      await ok(a.post("/store/customers/me/assistance-consent", { allowed: true }, store(bearer(carla.token))))
      const started = await ok(a.post(`/admin/customers/${carla.id}/assistance-sessions`, { reason: "Cluster test" }, admin))
      const assisted = await ok(b.post("/store/assistance-sessions/exchange", { code: started.code }, store()))
      const me = () => b.get("/store/customers/me", store(bearer(assisted.token)))
      // Server b has the session's state in memory now.
      expect((await me()).status).toBe(200)
      expect((await me()).status).toBe(200)

      await ok(a.post(`/admin/assistance-sessions/${started.assistance_session.id}/end`, {}, admin))
      const took = await timeUntil(async () => (await me()).status === 401)
      measured.assistance_session_ended = took
      expect(took).toBeLessThanOrEqual(STATE_TTL_MS + SLACK_MS)
      expect((await a.get("/store/customers/me", store(bearer(assisted.token)))).status).toBe(401)
    })

    it("a customer's sessions revoked on one server are refused on the other within REVOCATION_TTL_MS", async () => {
      const dora = await register(a, "dora@revoke.test")
      const me = () => b.get("/store/customers/me", store(bearer(dora.token)))
      expect((await me()).status).toBe(200)

      await ok(a.post("/store/customers/me/sessions/revoke", {}, store(bearer(dora.token))))
      const took = await timeUntil(async () => (await me()).status === 401)
      measured.sessions_revoked = took
      expect(took).toBeLessThanOrEqual(REVOCATION_TTL_MS + SLACK_MS)
      // A new sign-in works on both.
      const again = await ok(signIn(b, "dora@revoke.test", PASSWORD))
      expect((await a.get("/store/customers/me", store(bearer(again.token)))).status).toBe(200)
    })

    it("a setting changed on one server is enforced on the other within SETTINGS_MEMO_TTL_MS", async () => {
      // Server b has the settings in memory now.
      expect((await ok(b.get("/store/customer-suite/config", store()))).config.password_policy.min_length).toBe(8)
      const attempt = (n: number) => b.post("/auth/customer/emailpass/register", { email: `policy-${n}@settings.test`, password: "twelve-chars" })
      expect((await attempt(0)).status).toBe(200)

      await ok(a.post("/admin/customer-suite/settings", { activity: { password_policy: { min_length: 14 } } }, admin))
      let n = 1
      const took = await timeUntil(async () => (await attempt(n++)).status === 400)
      measured.setting_changed = took
      expect(took).toBeLessThanOrEqual(SETTINGS_MEMO_TTL_MS + SLACK_MS)
      expect((await attempt(n++)).data.message).toMatch(/14/)

      await ok(a.post("/admin/customer-suite/settings", { reset: ["activity.password_policy"] }, admin))
    })
  })

  describe("limits are counted across both servers, not per instance", () => {
    it("sign-in failures: max_failures in all locks the pair, whichever server counted them", async () => {
      const eve = await register(a, "eve@limits.test")
      // The default limit: 10 failures of one account from one client.
      for (let i = 0; i < 10; i++) {
        expect((await signIn(i % 2 ? b : a, "eve@limits.test", "wrong-password")).status).toBe(401)
      }
      expect((await signIn(a, "eve@limits.test", PASSWORD)).status).toBe(401)
      expect((await signIn(b, "eve@limits.test", PASSWORD)).status).toBe(401)
      const { sign_in_lock: lock } = await ok(b.get(`/admin/customers/${eve.id}/sign-in-lock`, admin))
      expect(lock.locked).toBe(true)
    })

    it("password reset requests: the second within min_seconds_between is refused on the other server", async () => {
      await register(a, "fay@limits.test")
      expect((await a.post("/auth/customer/emailpass/reset-password", { identifier: "fay@limits.test" })).status).toBe(201)
      const second = await b.post("/auth/customer/emailpass/reset-password", { identifier: "fay@limits.test" })
      expect(second.status).toBe(429)
      expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(500)
    })

    it("assistance code exchanges: 10 failures from one client, counted on both servers, then 429", async () => {
      for (let i = 0; i < 10; i++) {
        const wrong = await (i % 2 ? b : a).post("/store/assistance-sessions/exchange", { code: "ZZZZZZZZZZ" }, store())
        expect(wrong.status).toBe(401)
      }
      for (const server of [a, b]) {
        const refused = await server.post("/store/assistance-sessions/exchange", { code: "ZZZZZZZZZZ" }, store())
        expect([refused.status, refused.data.type]).toEqual([429, "too_many_requests"])
      }
    })
  })

  it("a price-list sync under concurrent product updates on both servers converges to one sync from scratch", async () => {
    const { customer_group: group } = await ok(a.post("/admin/customer-groups", { name: "Cluster wholesale" }, admin))
    const products = await Promise.all([1, 2, 3, 4].map((i) => createProduct(i % 2 ? a : b, `Concurrent ${i}`, 100 * i)))
    const { group_price_rule: rule } = await ok(
      a.post(
        "/admin/group-price-rules",
        {
          name: "Wholesale: 15% off",
          customer_group_id: group.id,
          adjustment_type: "percentage",
          percentage: 15,
          scope_type: "products",
          scope_ids: products.map((p) => p.id),
        },
        admin
      )
    )
    // Five rounds of price changes, each product changed on both servers at once.
    const finalPrice = new Map<string, number>()
    for (let round = 1; round <= 5; round++) {
      await Promise.all(
        products.flatMap((product, i) => {
          const first = 100 * (i + 1) + round * 10
          const second = first + 1
          finalPrice.set(product.id, second)
          return [setPrice(a, product, first).then(() => setPrice(b, product, second))]
        })
      )
    }
    await events.drained(120_000)
    const expected = products.map((p) => Math.round(finalPrice.get(p.id)! * 0.85 * 100) / 100).sort((x, y) => x - y)
    await eventually(async () => {
      const amounts = (await listPrices(rule.price_list_id)).map((p) => Number(p.amount)).sort((x, y) => x - y)
      expect(amounts).toEqual(expected)
    }, { timeout: 60_000 })
    const converged = await listPrices(rule.price_list_id)

    // One sync from scratch, on the other server: nothing to change.
    const { group_price_rule: resynced } = await ok(b.post(`/admin/group-price-rules/${rule.id}/resync`, {}, admin))
    expect(resynced.sync_summary).toMatchObject({ created: 0, updated: 0, deleted: 0 })
    expect(await listPrices(rule.price_list_id)).toEqual(converged)
  })

  it("a scheduled job runs once per tick with two workers", async () => {
    const { customer_segment: segment } = await ok(
      a.post("/admin/customer-segments", { name: "Recent buyers", query: "last_order_date > -30d" }, admin)
    )
    const second = await cluster.addWorker()
    const since = new Date()
    expect(second.mode).toBe("worker")
    // The job runs every minute; the segment's schedule (CUSTOMER_SUITE_SEGMENT_REFRESH_SCHEDULE) too.
    const perMinute = async () =>
      cluster.sql<{ minute: string; runs: string }>(
        `select to_char(date_trunc('minute', created_at), 'HH24:MI') as minute, count(*)::text as runs
           from customer_segment_refresh_run where segment_id = $1 and trigger = 'schedule' and created_at >= $2
           group by 1 order by 1`,
        [segment.id, since]
      )
    const ticks = await eventually(async () => {
      const rows = await perMinute()
      expect(rows.length).toBeGreaterThanOrEqual(1)
      return rows
    }, { timeout: 150_000, interval: 1_000 })
    // Medusa's scheduler gives each tick to one worker; the plugin's minute lock would stop a second run.
    await new Promise((resolve) => setTimeout(resolve, 5_000))
    expect((await perMinute()).slice(0, ticks.length).map((r) => r.runs)).toEqual(ticks.map(() => "1"))
    await eventually(async () => {
      const { runs } = await ok(b.get(`/admin/customer-segments/${segment.id}/runs`, admin))
      expect(runs.filter((r: { trigger: string; status: string }) => r.trigger === "schedule" && r.status !== "succeeded")).toEqual([])
    })
  })
})
