// Memory of a process tree from /proc: the app's own process and every process it started
// (WebKitGTK runs the page and the network in child processes, which is where most memory is).
// PSS shares each shared page among the processes that map it, so it is the fair figure to add
// up over a tree; RSS counts shared pages once per process and so overstates a tree's total.

import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs'

/** pid → parent pid, for every process now. */
function parents() {
  const map = new Map()
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8')
      // The command name is in parentheses and may hold spaces: the fields after it are fixed.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      map.set(Number(d), Number(rest[1]))
    } catch {
      // The process ended while we looked.
    }
  }
  return map
}

/** `pid` and all its descendants. */
export function tree(pid) {
  const ppid = parents()
  const out = [pid]
  for (let i = 0; i < out.length; i++) for (const [p, pp] of ppid) if (pp === out[i]) out.push(p)
  return out
}

function kib(text, key) {
  let sum = 0
  for (const m of text.matchAll(new RegExp(`^${key}:\\s+(\\d+) kB`, 'gm'))) sum += Number(m[1])
  return sum
}

/** { pss, rss } in KiB of the tree under `pid`, and each process's share. */
export function treeMemory(pid) {
  const procs = []
  for (const p of tree(pid)) {
    try {
      const roll = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8')
      const name = readFileSync(`/proc/${p}/comm`, 'utf8').trim()
      procs.push({ pid: p, name, pss: kib(roll, 'Pss'), rss: kib(roll, 'Rss') })
    } catch {
      // Gone, or a kernel thread without maps.
    }
  }
  return { pss: procs.reduce((a, x) => a + x.pss, 0), rss: procs.reduce((a, x) => a + x.rss, 0), procs }
}

/**
 * The pid of a running `binary` whose environment holds `marker` (e.g. FRONTDESK_DB=/tmp/…/x.db),
 * so that another engineer's copy of the same app on this machine is never taken for ours.
 */
export function findProcess(binary, marker) {
  const want = realpathSync(binary)
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      const exe = readlinkSync(`/proc/${d}/exe`).replace(/ \(deleted\)$/, '')
      if (exe !== want) continue
      if (marker && !readFileSync(`/proc/${d}/environ`, 'utf8').split('\0').includes(marker)) continue
      return Number(d)
    } catch {
      // Not ours to read, or gone.
    }
  }
  return null
}

/**
 * Pids of WebKit's web and network processes other than `own`. Another app's (another engineer's
 * e2e run) map the same library pages as ours, which lowers our PSS, and take CPU: the report
 * warns when there are any. (WebKitWebDriver, ours, is not one of them.)
 */
export function otherWebKit(own = []) {
  const mine = new Set(own)
  const out = []
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d) || mine.has(Number(d))) continue
    try {
      // /proc/*/comm holds the first 15 characters of the name.
      if (/^WebKit(WebProces|NetworkPr)/.test(readFileSync(`/proc/${d}/comm`, 'utf8'))) out.push(Number(d))
    } catch {
      // Gone.
    }
  }
  return out
}
