import type { MedusaRequest } from "@medusajs/framework/http"
import { forgetActivitySettings } from "../activity-settings"
import { MAX_PATH, MAX_QUEUE, MAX_SEEN, THROTTLE_MS, createPresenceTracker } from "../presence-tracker"

type Row = { kind: string; subject_id: string; last_path: string | null; last_seen_at: Date }

function fakeContainer(presence = { enabled: true }) {
  const written: Row[][] = []
  const activity: { fail: boolean } = { fail: false }
  const services: Record<string, unknown> = {
    customer_suite: { getResolvedOptions: async () => ({ activity: { enabled: true, presence } }) },
    customer_activity: {
      recordPresence: async (rows: Row[]) => {
        if (activity.fail) {
          throw new Error("database is down")
        }
        written.push(rows)
      },
    },
    customer_segment: { recordLastActivity: async () => undefined },
    logger: { warn: () => undefined },
  }
  return { container: { resolve: (name: string) => services[name] }, written, activity }
}

const request = (container: unknown, url: string, extra: Partial<MedusaRequest> = {}) =>
  ({ scope: container, originalUrl: url, url, headers: {}, ...extra }) as unknown as MedusaRequest

describe("presence tracker", () => {
  beforeEach(() => forgetActivitySettings())

  it("queues a shopper once per THROTTLE_MS, keeps the first path of the minute, drops the query string", async () => {
    const tracker = createPresenceTracker()
    const { container, written } = fakeContainer()
    const t0 = 1_000_000
    await tracker.observe(request(container, "/store/carts/cart_1?fields=id,email"), t0)
    await tracker.observe(request(container, "/store/carts/cart_1/line-items"), t0 + 1_000)
    await tracker.observe(request(container, "/store/products"), t0 + 2_000) // no shopper: nothing
    expect(tracker.stats()).toMatchObject({ tracked: 1, queued: 1, enqueued: 1 })
    expect(await tracker.flush()).toBe(1)
    expect(written).toEqual([[expect.objectContaining({ kind: "visitor", subject_id: "cart_1", last_path: "/store/carts/cart_1" })]])

    await tracker.observe(request(container, "/store/carts/cart_1/shipping-methods"), t0 + THROTTLE_MS - 1)
    expect(tracker.stats().enqueued).toBe(1)
    await tracker.observe(request(container, "/store/carts/cart_1/shipping-methods"), t0 + THROTTLE_MS)
    expect(tracker.stats().enqueued).toBe(2)

    // A signed-in customer (verified auth context) is a customer, their cart noted.
    await tracker.observe(request(container, `/store/carts/cart_2/${"x".repeat(1_000)}`, { auth_context: { actor_type: "customer", actor_id: "cus_1" } } as never), t0)
    await tracker.flush()
    const customer = written.flat().find((r) => r.kind === "customer")!
    expect(customer).toMatchObject({ subject_id: "cus_1", customer_id: "cus_1", cart_id: "cart_2" })
    expect(customer.last_path).toHaveLength(MAX_PATH)
    tracker.reset()
  })

  it("bounds the queue and the map, dropping the oldest", async () => {
    const tracker = createPresenceTracker()
    const { container } = fakeContainer()
    for (let i = 0; i < MAX_QUEUE + 5; i += 1) {
      await tracker.observe(request(container, `/store/carts/cart_${i}`), 1_000)
    }
    expect(tracker.stats()).toMatchObject({ queued: MAX_QUEUE, dropped: 5, tracked: MAX_QUEUE })
    tracker.reset()
    for (let i = 0; i < MAX_SEEN + 3; i += 1) {
      await tracker.observe(request(container, `/store/carts/c${i}`), 1_000)
      if (i % 5_000 === 0) {
        await tracker.flush()
      }
    }
    expect(tracker.stats().tracked).toBe(MAX_SEEN)
    // The oldest was forgotten: it is queued again at once; a recent one is not.
    const enqueued = tracker.stats().enqueued
    await tracker.observe(request(container, "/store/carts/c0"), 2_000)
    await tracker.observe(request(container, `/store/carts/c${MAX_SEEN + 2}`), 2_000)
    expect(tracker.stats().enqueued).toBe(enqueued + 1)
    tracker.reset()
  })

  it("forgets a batch that failed to write (the next request queues it again), and queues nothing when presence is off", async () => {
    const tracker = createPresenceTracker()
    const { container, activity } = fakeContainer()
    activity.fail = true
    await tracker.observe(request(container, "/store/carts/cart_1"), 1_000)
    expect(await tracker.flush()).toBe(0)
    expect(tracker.stats()).toMatchObject({ dropped: 1, tracked: 0, queued: 0 })
    activity.fail = false
    await tracker.observe(request(container, "/store/carts/cart_1"), 2_000)
    expect(await tracker.flush()).toBe(1)
    tracker.reset()

    forgetActivitySettings()
    const off = fakeContainer({ enabled: false })
    await tracker.observe(request(off.container, "/store/carts/cart_1"), 1_000)
    expect(tracker.stats()).toMatchObject({ queued: 0, tracked: 0 })
    tracker.reset()
  })
})
