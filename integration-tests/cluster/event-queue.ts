import { Job, Queue } from "bullmq"
import Redis from "ioredis"
import { eventually } from "../helpers/wait"

/**
 * The Redis event bus's queue, as `@medusajs/event-bus-redis` 2.21 names it
 * (queue "events-queue", key prefix "RedisEventBusService"; a job's name is
 * the event's name, its data `{ data, metadata }`), for delivering a real
 * event again the way BullMQ redelivers a stalled job: same name, same data.
 */
export const EVENT_QUEUE = "events-queue"
export const EVENT_QUEUE_PREFIX = "RedisEventBusService"

/** States of a job not yet done (BullMQ 5 keeps jobs with a priority in "prioritized"). */
const PENDING = ["waiting", "prioritized", "delayed", "active", "paused", "waiting-children"] as const

export type CapturedEvent = { name: string; data: unknown; opts: Job["opts"] }

export function eventQueue(redisUrl: string) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null })
  const queue = new Queue(EVENT_QUEUE, { connection, prefix: EVENT_QUEUE_PREFIX })

  const pending = async () => (await queue.getJobs([...PENDING], 0, 1_000)).filter(Boolean)

  /** Adds a job (kept when done, so its state can be read) and waits until a worker has handled it. */
  const deliverJob = async (name: string, data: unknown, priority: number | undefined) => {
    const job = await queue.add(name, data, { priority, attempts: 1, removeOnComplete: false, removeOnFail: false })
    const deadline = Date.now() + 60_000
    for (;;) {
      const state = await job.getState()
      if (state === "completed") {
        break
      }
      if (state === "failed") {
        throw new Error(`delivered ${name} failed: ${(await Job.fromId(queue, job.id!))?.failedReason}`)
      }
      if (Date.now() > deadline) {
        throw new Error(`delivered ${name} is still ${state} after 60 s`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await job.remove()
  }

  return {
    queue,
    /**
     * Runs `action` with the queue paused (no worker takes a job), returns the
     * jobs it enqueued that `match`, then resumes: the worker delivers them once.
     */
    async capture(action: () => Promise<unknown>, match: (job: Job) => boolean): Promise<CapturedEvent[]> {
      await this.drained()
      await queue.pause()
      try {
        await action()
        // Workflow events are released to the queue after the workflow commits.
        const jobs = await eventually(async () => {
          const found = (await pending()).filter(match)
          if (!found.length) {
            throw new Error("no matching event was enqueued")
          }
          return found
        })
        return jobs.map((job) => ({ name: job.name, data: structuredClone(job.data), opts: job.opts }))
      } finally {
        await queue.resume()
      }
    },
    /** Delivers a captured event again (a new job with the same name and data) and waits until it is done. */
    async redeliver(event: CapturedEvent): Promise<void> {
      await deliverJob(event.name, event.data, event.opts.priority)
    },
    /**
     * Delivers an event a subscriber itself emitted (e.g. `customer_segment.membership_changed`),
     * built as the bus builds it: `{ data, metadata }`, and waits until it is done.
     */
    async deliver(name: string, data: Record<string, unknown>): Promise<void> {
      await deliverJob(name, { data, metadata: { created_at: new Date().toISOString() } }, 100)
    },
    /** Waits until no event is waiting, delayed or being handled (the cascade of one is done). */
    async drained(timeout = 60_000) {
      await eventually(
        async () => {
          const left = await pending()
          if (left.length) {
            throw new Error(`events not yet handled: ${left.map((j) => j.name).join(", ")}`)
          }
        },
        { timeout, interval: 150 }
      )
    },
    async close() {
      await queue.close()
      connection.disconnect()
    },
  }
}
