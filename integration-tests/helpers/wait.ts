/**
 * Polls until `check` returns without throwing (subscribers run after the
 * workflow commits, so their effects arrive a little later).
 */
export async function eventually<T>(check: () => Promise<T>, { timeout = 15_000, interval = 100 } = {}): Promise<T> {
  const deadline = Date.now() + timeout
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) {
        throw error
      }
      await new Promise((resolve) => setTimeout(resolve, interval))
    }
  }
}
