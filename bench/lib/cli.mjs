import path from "node:path"
import { fileURLToPath } from "node:url"

/** The repository root (bench/lib/../..). */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

/** `--key=value` and `--flag` arguments: { argv, opt(key, fallback) }. */
export function parseArgs(args = process.argv.slice(2)) {
  const argv = Object.fromEntries(
    args.map((a) => {
      const [key, ...value] = a.replace(/^--/, "").split("=")
      return [key, value.length ? value.join("=") : "true"]
    })
  )
  return { argv, opt: (key, fallback) => argv[key] ?? fallback }
}
