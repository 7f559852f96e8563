#!/usr/bin/env node
// UI timings of the release desktop app on a large database (issue 12): each step a desk user
// waits on, from the input to the result on screen, as the median of N runs beside its goal;
// and the idle memory of the app's process tree, beside a bare Tauri 2 window if one is given.
// A measuring tool, not a test: it never fails a build. Usage: see tests/perf/README.md.
//
//   node tests/perf/ui-timings.mjs --db /var/tmp/perf/ten.db [--app PATH] [--runs 3] [--bare PATH] [--json OUT]

import { spawn } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { startApp } from '../e2e/lib/app.mjs'
import { install } from './lib/probe.mjs'
import { findProcess, otherWebKit, treeMemory } from './lib/procmem.mjs'
import * as step from './lib/steps.mjs'
import { Skip } from './lib/timing.mjs'
import { printMemory, printTable } from './lib/report.mjs'

const USAGE = 'node tests/perf/ui-timings.mjs --db PATH [--app PATH] [--runs N] [--bare PATH] [--json OUT] [--room CODE] [--keep]'
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const say = (...a) => process.stderr.write(a.join(' ') + '\n')

function parseArgs(argv) {
  const target = process.env.CARGO_TARGET_DIR || '/var/tmp/frontdesk-target'
  const o = { app: join(target, 'release', 'frontdesk'), db: null, runs: 3, bare: null, json: null, room: '1-1-201', keep: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const next = () => argv[++i] ?? (console.error(`${a} 后面缺少值\n${USAGE}`), process.exit(2))
    if (a === '--app') o.app = next()
    else if (a === '--db') o.db = next()
    else if (a === '--runs') o.runs = Math.max(1, Number(next()) || 1)
    else if (a === '--bare') o.bare = next()
    else if (a === '--json') o.json = next()
    else if (a === '--room') o.room = next()
    else if (a === '--keep') o.keep = true
    else if (a === '-h' || a === '--help') (console.log(USAGE), process.exit(0))
    else (console.error(`未知参数 ${a}\n${USAGE}`), process.exit(2))
  }
  if (!o.db) (console.error(`必须给出 --db\n${USAGE}`), process.exit(2))
  for (const [what, p] of [['--db', o.db], ['--app', o.app], ['--bare', o.bare]]) {
    if (p && !existsSync(p)) (console.error(`${what} ${p} 不存在`), process.exit(2))
  }
  return { ...o, app: resolve(o.app), db: resolve(o.db), bare: o.bare && resolve(o.bare) }
}

/** A copy of the database (and its WAL, if the source was left with one): the original is never touched. */
function copyDb(src, dir) {
  const dst = join(dir, 'perf.db')
  for (const ext of ['', '-wal']) if (existsSync(src + ext)) copyFileSync(src + ext, dst + ext)
  return dst
}

/** `xdg-open` and `lp` that only log: an export or print must not open a viewer or reach a printer. */
function stubTools(dir) {
  const bin = join(dir, 'bin')
  mkdirSync(bin)
  for (const tool of ['xdg-open', 'lp']) {
    writeFileSync(join(bin, tool), `#!/bin/sh\necho "${tool} $*" >> "${join(dir, 'sent.log')}"\n`)
    chmodSync(join(bin, tool), 0o755)
  }
  return bin
}

/** The first line of an error, without WebDriver's request line. */
const short = (e) => String(e.message).split('\n')[0].replace(/^(GET|POST|DELETE) \S+ → \d+ /, '').slice(0, 80)

/** Runs one step, recording its figure or why it was not measured. */
async function measure(results, ctx, def) {
  const r = results.get(def.name) ?? { name: def.name, goal: def.goal, ms: [], wall: [], ipc: [], frozen: [], calls: null, skipped: null, errors: [] }
  results.set(def.name, r)
  try {
    const m = await def.run(ctx)
    r.ms.push(m.ms)
    r.wall.push(m.wall)
    r.ipc.push(m.ipc)
    r.frozen.push(m.frozen)
    r.calls = m.calls
    say(`  ${def.name}: ${m.ms.toFixed(0)} ms（IPC ${m.ipc.toFixed(0)} ms，最长帧间隔 ${m.frozen.toFixed(0)} ms，${m.calls.map((c) => c.op).join('、') || '无 IPC'}）`)
  } catch (e) {
    if (e instanceof Skip) r.skipped = short(e)
    else r.errors.push(short(e))
    say(`  ${def.name}: 未测 — ${short(e)}`)
    await recover(ctx.s)
  }
}

/** After a failed step: close whatever is open and go back to 来电来访. */
async function recover(s) {
  try {
    await s.execute("document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))")
    await s.execute("window.location.hash = '#/intake'")
    await sleep(1000)
  } catch {
    // The session itself may be gone; the next step will say so.
  }
}

/**
 * Starts a bare window binary on its own Xvfb, waits `idle` ms, and returns its tree's memory.
 * Its XDG folders are in `dir`, so that whatever it stores stays out of the user's home.
 */
async function bareMemory(binary, idle, dir) {
  const x = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1440x900x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'], detached: true })
  const display = await new Promise((ok, fail) => {
    let out = ''
    x.on('exit', (c) => fail(new Error(`Xvfb exited (${c})`)))
    x.stdio[3].on('data', (d) => ((out += d), out.includes('\n') && ok(`:${out.trim()}`)))
  })
  const xdg = Object.fromEntries(['DATA', 'CONFIG', 'CACHE'].map((k) => [`XDG_${k}_HOME`, join(dir, `bare-${k.toLowerCase()}`)]))
  // The same WebKit settings as the app under test gets from tests/e2e/lib/app.mjs.
  const env = { ...process.env, ...xdg, DISPLAY: display, WEBKIT_DISABLE_DMABUF_RENDERER: '1', WEBKIT_DISABLE_COMPOSITING_MODE: '1' }
  const app = spawn(binary, [], { env, stdio: 'ignore', detached: true })
  try {
    await sleep(idle)
    if (app.exitCode !== null) throw new Error(`${binary} 已退出（${app.exitCode}）`)
    return treeMemory(app.pid)
  } finally {
    for (const c of [app, x]) {
      try {
        process.kill(-c.pid, 'SIGTERM')
      } catch {
        // Already gone.
      }
    }
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2))
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-perf-'))
  const startLoad = loadavg().map((x) => x.toFixed(2)).join(' ')
  say(`应用 ${o.app}\n数据库 ${o.db}（复制到 ${dir}）\n每步 ${o.runs} 次；负载 ${startLoad}`)
  const db = copyDb(o.db, dir)
  const bin = stubTools(dir)
  process.env.FRONTDESK_APP = o.app
  const results = new Map()
  const memory = {}
  let app
  try {
    app = await startApp({ db, env: { PATH: `${bin}:${process.env.PATH}` }, timeout: 300_000 })
    const s = app.session
    await install(s)
    const pid = findProcess(o.app, `FRONTDESK_DB=${db}`)
    const ctx = { s, login: 'zhuguan', password: 'demo123456', room: o.room, run: 0 }
    let pages = null
    for (let run = 1; run <= o.runs; run++) {
      say(`第 ${run} 次`)
      Object.assign(ctx, { run, content: null, serial: null, phone: null })
      await measure(results, ctx, { name: '登录', goal: step.GOAL.login, run: step.login })
      if (run === 1 && pid) {
        say('  登录后空闲 10 秒测内存…')
        await sleep(10_000)
        memory.afterLogin = treeMemory(pid)
      }
      pages ??= await step.pageSteps(ctx)
      for (const p of pages) await measure(results, ctx, p)
      if (run === 1 && pid) {
        say('  空闲 10 秒后测内存…')
        await sleep(10_000)
        memory.afterPages = treeMemory(pid)
      }
      const G = step.GOAL
      for (const [name, goal, run] of [
        ['房号查询（房号/电话 → 住户与历史）', G.click, step.lookUp],
        ['登记一条来电', G.click, step.register],
        ['开派工单（由登记）', G.click, step.openSlipFromEntry],
        ['打开派工单（列表 → 详情）', G.click, step.openSlip],
        ['派工', G.click, step.dispatch],
        ['搜索「漏水」', G.click, step.searchWord],
        ['打开搜索结果', G.click, step.openResult],
        ['搜索电话尾号', G.click, step.searchLastFour],
        ['开始交接', G.click, step.startHandover],
        ['导出 Excel（月报）', G.export, step.exportMonth],
        ['打印预览（来电来访登记表）', G.preview, step.previewIntakeLog],
        ['打印预览（维修派工单）', G.preview, step.previewSlip],
      ]) {
        await measure(results, ctx, { name, goal, run })
      }
    }
    if (pid) {
      say('全部步骤后空闲 10 秒再测内存…')
      await sleep(10_000)
      memory.afterAll = treeMemory(pid)
      memory.otherWebKit = otherWebKit(memory.afterAll.procs.map((p) => p.pid))
    } else say('找不到应用进程，未测内存')
  } finally {
    await app?.stop()
  }
  if (o.bare) {
    say(`裸窗口 ${o.bare}：启动后空闲 10 秒再测内存…`)
    try {
      memory.bare = await bareMemory(o.bare, 10_000, dir)
    } catch (e) {
      memory.bareError = e.message
    }
  }
  const rows = [...results.values()]
  const load = loadavg().map((x) => x.toFixed(2)).join(' ')
  console.log(`${new Date().toISOString().slice(0, 16)}Z  ${cpus().length} 核 ${cpus()[0]?.model ?? ''}  负载 ${startLoad} → ${load}`)
  console.log(`应用 ${o.app}\n数据库 ${o.db}`)
  printTable(rows, o.runs)
  printMemory(memory)
  if (o.json) {
    const machine = { cpu: cpus()[0]?.model, cores: cpus().length, memGiB: +(totalmem() / 2 ** 30).toFixed(1), load: loadavg() }
    // Tenths of a millisecond are more than the clocks can tell.
    const tenths = (k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 10) / 10 : v)
    writeFileSync(o.json, JSON.stringify({ date: new Date().toISOString(), machine, app: o.app, db: o.db, runs: o.runs, steps: rows, memory }, tenths, 2))
    say(`已写入 ${o.json}`)
  }
  if (o.keep) say(`保留临时目录 ${dir}`)
  else rmSync(dir, { recursive: true, force: true })
}

main().catch((e) => {
  console.error(e.stack || e.message)
  process.exit(1)
})
