import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process"

export type RunResult = { code: number | null; output: string }

/** Runs a command to its end and returns its exit code and combined output. */
export function runCommand(
  command: string,
  args: string[],
  options: SpawnOptions & { timeoutMs?: number } = {}
): Promise<RunResult> {
  const { timeoutMs = 300_000, ...spawnOptions } = options
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...spawnOptions, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    child.stdout?.on("data", (chunk) => (output += chunk))
    child.stderr?.on("data", (chunk) => (output += chunk))
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`${command} ${args.join(" ")} timed out after ${timeoutMs} ms\n${output}`))
    }, timeoutMs)
    child.once("error", reject)
    child.once("exit", (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

/** Starts a long-running process and keeps its output for error messages. */
export function startProcess(command: string, args: string[], options: SpawnOptions) {
  const child: ChildProcess = spawn(command, args, {
    ...options,
    stdio: ["ignore", "pipe", "pipe"],
  })
  const state = { output: "" }
  child.stdout?.on("data", (chunk) => (state.output += chunk))
  child.stderr?.on("data", (chunk) => (state.output += chunk))
  return {
    child,
    output: () => state.output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        return
      }
      const exited = new Promise((resolve) => child.once("exit", resolve))
      child.kill("SIGTERM")
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** Polls `url` until it answers 2xx, the process dies, or the time runs out. */
export async function waitForUrl(
  url: string,
  timeoutMs: number,
  process?: { child: ChildProcess; output: () => string }
) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (process && process.child.exitCode !== null) {
      throw new Error(`process exited (${process.child.exitCode}) before ${url} answered:\n${process.output()}`)
    }
    try {
      const response = await fetch(url)
      if (response.ok) {
        return
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms\n${process?.output() ?? ""}`)
}
