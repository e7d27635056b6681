import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"
import { CUSTOMER_ACTIVITY_MODULE } from "../../modules/customer_activity"
import type CustomerActivityModuleService from "../../modules/customer_activity/service"
import type { PresenceRow } from "../../modules/customer_activity/service"
import { CUSTOMER_SEGMENT_MODULE } from "../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../modules/customer_segment/service"
import { activitySettings } from "./activity-settings"

/**
 * Now Online: who shops right now, from the store requests themselves.
 *
 * When a /store request has answered (below 400), its shopper — a signed-in
 * customer (bearer token, cookie session), else a guest's cart named by the
 * path (/store/carts/:id…) — is looked up once in an in-memory map. A shopper
 * this instance queued less than THROTTLE_MS ago is left alone; otherwise a
 * row (kind, subject, last_seen_at, last_path) is queued. A timer (unref'd)
 * writes the queue every FLUSH_MS in one upsert, and the customers' last
 * activity into the segments' facts projection (last_activity_date).
 * Requests never wait for, nor fail by, a write: errors are logged.
 *
 * Memory is bounded: the map keeps at most MAX_SEEN shoppers and the queue
 * MAX_QUEUE rows, the oldest dropped first. Decision 0032.
 */
export const THROTTLE_MS = 60_000
export const FLUSH_MS = 3_000
export const MAX_SEEN = 50_000
export const MAX_QUEUE = 10_000
/** Longest path kept (a path is client-chosen). */
export const MAX_PATH = 300
const CART_PATH = /^\/store\/carts\/([A-Za-z0-9_-]{1,100})(?:\/|$)/

type PresenceKind = PresenceRow["kind"]

/** What the tracker knows of a request's shopper before it checks anything. */
type Candidate =
  | { kind: "customer"; customer_id: string; cart_id: string | null; token: string | null }
  | { kind: "visitor"; cart_id: string }

export type PresenceTrackerStats = {
  /** Shoppers in the throttle map. */
  tracked: number
  /** Rows waiting for the next write. */
  queued: number
  /** Rows queued since the start (one per shopper per THROTTLE_MS). */
  enqueued: number
  /** Rows written. */
  written: number
  /** Rows dropped: the queue was full, or a write failed. */
  dropped: number
}

const keyOf = (kind: PresenceKind, subject: string) => `${kind}:${subject}`

/** The path without its query string, bounded. */
export const presencePath = (url: string) => url.split("?")[0].split("#")[0].slice(0, MAX_PATH)

/** A JWT's payload, unverified (null when it is not one). */
function peek(token: string): Record<string, unknown> | null {
  const part = token.split(".")[1]
  if (!part) {
    return null
  }
  try {
    const payload: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"))
    return payload && typeof payload === "object" ? (payload as Record<string, unknown>) : null
  } catch {
    return null
  }
}

type AuthLike = { actor_type?: unknown; actor_id?: unknown; assistance_session_id?: unknown }

/**
 * The customer of a verified auth context. Staff shopping as the customer
 * (an assistance session) are not the customer being online.
 */
const customerOf = (auth: AuthLike | null | undefined): string | null =>
  auth && auth.actor_type === "customer" && typeof auth.actor_id === "string" && auth.actor_id && !auth.assistance_session_id
    ? auth.actor_id
    : null

/** Who the request was made for, from what it carries (no I/O, no signature check yet). */
function candidateOf(req: MedusaRequest, path: string): Candidate | null {
  const cartId = CART_PATH.exec(path)?.[1] ?? null
  // Set by Medusa's own authentication on routes that use it: already verified.
  const verified = customerOf((req as MedusaRequest & { auth_context?: AuthLike }).auth_context)
  if (verified) {
    return { kind: "customer", customer_id: verified, cart_id: cartId, token: null }
  }
  const header = req.headers.authorization
  const token = typeof header === "string" && header.toLowerCase().startsWith("bearer ") ? header.slice(7).trim() : null
  if (token) {
    const claimed = customerOf(peek(token) as AuthLike | null)
    if (claimed) {
      return { kind: "customer", customer_id: claimed, cart_id: cartId, token }
    }
  }
  // A cookie session's auth context is kept server-side: trusted as it is.
  const fromSession = customerOf(req.session?.auth_context as AuthLike | undefined)
  if (fromSession) {
    return { kind: "customer", customer_id: fromSession, cart_id: cartId, token: null }
  }
  return cartId ? { kind: "visitor", cart_id: cartId } : null
}

/** Whether a bearer token is signed by this store (checked once per shopper per THROTTLE_MS, not per request). */
function signedHere(container: MedusaContainer, token: string): boolean {
  const { jwtSecret, jwtPublicKey } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http
  const key = jwtPublicKey ?? jwtSecret
  if (!key) {
    return false
  }
  try {
    jwt.verify(token, key)
    return true
  } catch {
    return false
  }
}

class PresenceTracker {
  /** Shopper key → when this instance last queued them (insertion order: oldest first). */
  private readonly seen = new Map<string, number>()
  private readonly queue = new Map<string, PresenceRow>()
  private container: MedusaContainer | null = null
  private timer: NodeJS.Timeout | null = null
  private flushing: Promise<number> | null = null
  private readonly counters = { enqueued: 0, written: 0, dropped: 0 }

  /** After a store request answered: queue its shopper unless queued within THROTTLE_MS. */
  async observe(req: MedusaRequest, now: number): Promise<void> {
    const path = presencePath(req.originalUrl ?? req.url ?? "")
    const candidate = candidateOf(req, path)
    if (!candidate) {
      return
    }
    const subject = candidate.kind === "customer" ? candidate.customer_id : candidate.cart_id
    const key = keyOf(candidate.kind, subject)
    const last = this.seen.get(key)
    if (last !== undefined && now - last < THROTTLE_MS) {
      return
    }
    const container = req.scope
    const settings = await activitySettings(container)
    if (!settings.enabled || !settings.presence.enabled) {
      return
    }
    if (candidate.kind === "customer" && candidate.token && !signedHere(container, candidate.token)) {
      return
    }
    // The latest request's container writes the batch (a restarted app's, never a stale one).
    this.container = container
    this.remember(key, now)
    this.enqueue(key, {
      kind: candidate.kind,
      subject_id: subject,
      customer_id: candidate.kind === "customer" ? candidate.customer_id : null,
      cart_id: candidate.cart_id,
      last_seen_at: new Date(now),
      last_path: path || null,
    })
  }

  private remember(key: string, now: number) {
    this.seen.delete(key)
    this.seen.set(key, now)
    while (this.seen.size > MAX_SEEN) {
      this.seen.delete(this.seen.keys().next().value as string)
    }
  }

  private enqueue(key: string, row: PresenceRow) {
    this.queue.delete(key)
    this.queue.set(key, row)
    this.counters.enqueued += 1
    while (this.queue.size > MAX_QUEUE) {
      // The oldest row goes, and its shopper is forgotten: their next request queues them again.
      const oldest = this.queue.keys().next().value as string
      this.queue.delete(oldest)
      this.seen.delete(oldest)
      this.counters.dropped += 1
    }
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null
        void this.flush()
      }, FLUSH_MS)
      this.timer.unref()
    }
  }

  /** Writes what is queued now (after a write under way); answers the rows written. */
  async flush(): Promise<number> {
    while (this.flushing) {
      await this.flushing
    }
    if (this.queue.size === 0 || !this.container) {
      return 0
    }
    const batch = [...this.queue.entries()]
    this.queue.clear()
    this.flushing = this.write(this.container, batch.map(([, row]) => row)).then(
      () => {
        this.counters.written += batch.length
        return batch.length
      },
      (error: Error) => {
        // Dropped, and forgotten: the shopper's next request queues them again.
        this.counters.dropped += batch.length
        for (const [key] of batch) {
          this.seen.delete(key)
        }
        this.container?.resolve(ContainerRegistrationKeys.LOGGER).warn(`customer-suite: presence write failed (${batch.length} rows): ${error.message}`)
        return 0
      }
    )
    try {
      return await this.flushing
    } finally {
      this.flushing = null
    }
  }

  private async write(container: MedusaContainer, rows: PresenceRow[]) {
    await container.resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE).recordPresence(rows)
    const customers = rows.filter((r) => r.kind === "customer" && r.customer_id)
    if (customers.length) {
      await container
        .resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
        .recordLastActivity(customers.map((r) => ({ customer_id: r.customer_id!, at: r.last_seen_at })))
    }
  }

  stats(): PresenceTrackerStats {
    return { tracked: this.seen.size, queued: this.queue.size, ...this.counters }
  }

  /** Forgets every shopper and drops the queue (tests). */
  reset() {
    this.seen.clear()
    this.queue.clear()
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
  }
}

/**
 * One tracker per process, even when this file is loaded twice (the app's
 * loader and a test runner each keep their own module instances).
 */
const TRACKER = Symbol.for("customer-suite.presence-tracker")
const holder = globalThis as typeof globalThis & { [TRACKER]?: PresenceTracker }
const tracker = (holder[TRACKER] ??= new PresenceTracker())

/** The middleware on /store/*: looks at the shopper once the answer is sent. */
export function presenceTracker() {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    res.once("finish", () => {
      if (res.statusCode >= 400) {
        return
      }
      tracker.observe(req, Date.now()).catch((error: Error) => {
        req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`customer-suite: presence: ${error.message}`)
      })
    })
    next()
  }
}

/** Writes the queued presence now (tests, shutdown); answers the rows written. */
export const flushPresence = () => tracker.flush()

export const presenceTrackerStats = () => tracker.stats()

/** Forgets every shopper this instance has seen, and drops the queue (tests). */
export const resetPresenceTracker = () => tracker.reset()

/** For unit tests: a tracker of their own. */
export const createPresenceTracker = () => new PresenceTracker()
