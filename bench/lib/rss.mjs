import fs from "node:fs"

/** Resident memory (kB) of a process and all its descendants (VmRSS from /proc), and their pids. */
export function treeRssKb(rootPid) {
  const children = new Map()
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])
      if (!children.has(ppid)) children.set(ppid, [])
      children.get(ppid).push(Number(entry))
    } catch {
      /* gone */
    }
  }
  let kb = 0
  const pids = []
  const queue = [rootPid]
  while (queue.length) {
    const pid = queue.shift()
    pids.push(pid)
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))
      if (match) kb += Number(match[1])
    } catch {
      /* gone */
    }
    queue.push(...(children.get(pid) ?? []))
  }
  return { kb, pids }
}

/** Samples treeRssKb(pid) every `everyMs` into `samples` ({ t, kb }) until stop(). */
export function rssSampler(pid, everyMs = 200) {
  const samples = []
  const timer = setInterval(() => samples.push({ t: Date.now(), kb: treeRssKb(pid).kb }), everyMs)
  return { samples, stop: () => clearInterval(timer) }
}
