/**
 * Prints the segment benchmark's figures as tables (markdown), from the JSON
 * files measure.ts and backfill.ts write:
 *
 *   node bench/segments/report.mjs bench/results/segments-100000.json bench/results/segments-1000000.json bench/results/backfill.json
 */
import fs from "node:fs"

const s = (ms) => (ms === undefined || ms === null ? "–" : ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`)
const x = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : "–")
const n = (v) => (v === undefined || v === null ? "–" : Math.round(v).toLocaleString("en"))
const table = (head, rows) =>
  [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n")

export function report(files) {
  const out = []
  for (const file of files) {
    const data = JSON.parse(fs.readFileSync(file, "utf8"))
    if (data.runs) {
      out.push(`### Backfill from Medusa's tables (${file})`)
      if (data.generated) {
        out.push(
          `Generated through the modules: ${n(data.generated.customers)} customers, ${n(data.generated.orders)} orders in ${n(data.generated.seconds)} s ` +
            `(customers ${n(data.generated.customers_per_s)}/s, orders ${n(data.generated.orders_per_s)}/s).`
        )
      }
      out.push(
        table(
          ["batch_size", "customers", "orders", "purchase rows", "batches", "time", "customers/s", "orders/s"],
          data.runs.map((r) => [n(r.batch_size), n(r.customers), n(r.orders), n(r.purchases), n(r.batches), s(r.wall_ms), n(r.customers_per_s), n(r.orders_per_s)])
        )
      )
      continue
    }
    out.push(`### ${n(data.customers)} customers, ${n(data.orders)} orders, ${n(data.purchases)} purchase rows (${file})`)
    if (data.rules) {
      const batches = data.options.batches
      const main = String(batches[0])
      out.push(
        table(
          [
            "rule",
            "members",
            "hand-written SQL",
            ...batches.map((b) => `refresh (batch ${n(b)})`),
            ...batches.map((b) => `refresh/hand (batch ${n(b)})`),
            ...batches.map((b) => `steady refresh (batch ${n(b)})`),
            "naive JS loop",
            `naive/refresh (${n(batches[0])})`,
            "same set",
          ],
          data.rules.map((r) => [
            `${r.name}: \`${r.query}\``,
            n(r.matched),
            s(r.hand_ms),
            ...batches.map((b) => s(r.refresh[b].full_ms)),
            ...batches.map((b) => x(r.refresh[b].full_ms, r.hand_ms)),
            ...batches.map((b) => s(r.refresh[b].steady_ms)),
            r.naive ? `${s(r.naive.total_ms)}${r.naive.complete ? "" : ` (extrapolated from ${n(r.naive.processed)})`}` : "not run",
            r.naive ? x(r.naive.total_ms, r.refresh[main].full_ms) : "–",
            r.same ? "✓" : "✗",
          ])
        )
      )
      out.push(
        `Times are medians of ${data.options.reps} run(s)${data.options.reps === 2 ? " (the lower middle: the faster run)" : ""}, each into an empty membership; "steady" is a second refresh with nothing to change` +
          (data.options.analyzeBeforeSteady
            ? " (after an ANALYZE of the membership table). "
            : " (no ANALYZE since the membership table was truncated and refilled). ") +
          (data.rules.some((r) => r.naive)
            ? `Naive loop split (load / evaluate / insert): ` +
              data.rules.filter((r) => r.naive).map((r) => `${r.key} ${s(r.naive.load_ms)} / ${s(r.naive.eval_ms)} / ${s(r.naive.insert_ms)}`).join("; ") +
              ". "
            : "") +
          (data.options.commit ? `Code measured: ${data.options.commit}.` : "")
      )
    }
    if (data.realtime) {
      const rt = data.realtime
      out.push(
        `Real time: ${rt.segments} active dynamic segments (${rt.populate === "sql" ? "filled with one INSERT … SELECT each" : "refreshing all 50"} took ${s(rt.refresh_all_ms)}, ${n(rt.memberships)} memberships); ` +
          `per customer, a new order is written to the facts (untimed), then evaluateCustomerSegments is timed.`
      )
      out.push(
        table(
          ["changed", "segments evaluated", "samples", "p50", "p95", "p99", "max", "mean", "membership changes/call"],
          [
            ["`*`", rt.segments, rt.all],
            [rt.realistic_changed.map((c) => `\`${c}\``).join(", "), rt.realistic_segments, rt.realistic],
          ].map(([label, count, m]) => [label, count, n(m.samples), `${m.p50_ms.toFixed(1)} ms`, `${m.p95_ms.toFixed(1)} ms`, `${m.p99_ms.toFixed(1)} ms`, `${m.max_ms.toFixed(1)} ms`, `${m.mean_ms.toFixed(1)} ms`, m.membership_changes_per_call.toFixed(1)])
        )
      )
    }
  }
  return out.join("\n\n")
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(report(process.argv.slice(2)))
}
