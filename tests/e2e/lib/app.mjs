// Starts the built FrontDesk app for an end-to-end test: its own Xvfb display, its own
// tauri-driver on free loopback ports (so several engineers' runs on one machine never collide),
// and a fresh temp database handed to the app through FRONTDESK_DB.

import { spawn, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { Session, waitUntil } from './webdriver.mjs'

/** The release binary the tests drive: FRONTDESK_APP, else the shared cargo target dir's. */
export function appBinary() {
  if (process.env.FRONTDESK_APP) return process.env.FRONTDESK_APP
  const target = process.env.CARGO_TARGET_DIR || '/var/tmp/frontdesk-target'
  return join(target, 'release', 'frontdesk')
}

/**
 * The CLI for setting up and checking offices: the newer of the release and debug builds. The
 * test run builds the debug one (cargo test) and not always the release one, and a target folder
 * reused between runs can hold a release CLI from older code: it once counted a 催办 made in the
 * same second as the report differently from the app under test.
 */
export function cliBinary() {
  const target = process.env.CARGO_TARGET_DIR || '/var/tmp/frontdesk-target'
  const built = ['release', 'debug'].map((p) => join(target, p, 'frontdesk-cli')).filter((f) => existsSync(f))
  built.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
  return built[0] ?? join(target, 'debug', 'frontdesk-cli')
}

/**
 * The command line on `db` as `login`, answering in JSON: what a test sets up or checks beside
 * the window. `env` adds variables (e.g. FRONTDESK_NEW_PASSWORD for a login it creates).
 */
export function cliAs(db, login, password, env = {}) {
  return (...args) =>
    JSON.parse(
      execFileSync(cliBinary(), ['--db', db, '--as', login, '--json', ...args], {
        env: { ...process.env, FRONTDESK_PASSWORD: password, ...env },
      }).toString(),
    )
}

function findOnPath(name, fallbacks) {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim()
  } catch {
    return fallbacks.find((p) => existsSync(p)) ?? name
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

/** Starts Xvfb on the first free display (-displayfd) and resolves to ':N'. */
function startXvfb(children) {
  return new Promise((resolve, reject) => {
    const x = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1440x900x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      detached: true,
    })
    children.push(x)
    let out = ''
    let err = ''
    x.stderr.on('data', (d) => (err += d))
    x.on('error', reject)
    x.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${err.slice(-500)}`)))
    x.stdio[3].on('data', (d) => {
      out += d
      if (out.includes('\n')) resolve(`:${out.trim()}`)
    })
  })
}

function killGroup(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, 'SIGTERM') // the whole group: tauri-driver → WebKitWebDriver → app
  } catch {
    try {
      child.kill('SIGTERM')
    } catch {
      // already gone
    }
  }
}

/**
 * Launches the app and opens a WebDriver session on it.
 * Options: `db` — a database path to reuse (default: a new temp file); `env` — extra environment
 * for the app; `timeout` — ms to wait for the first screen.
 * Returns { session, dbPath, dir, display, log(), stop() }. Always call stop() (in `after`).
 */
export async function startApp({ db, env = {}, timeout = 30_000 } = {}) {
  const binary = appBinary()
  if (!existsSync(binary)) {
    throw new Error(`找不到应用程序 ${binary}:先运行 bash scripts/build-deb.sh,或设置 FRONTDESK_APP`)
  }
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-'))
  const dbPath = db ?? join(dir, 'frontdesk.db')
  const children = []
  let driverLog = ''
  const stop = async (session) => {
    if (session) await session.stop()
    for (const c of children.reverse()) killGroup(c)
    if (!process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true })
  }
  try {
    const display = process.env.E2E_DISPLAY || (await startXvfb(children))
    const port = await freePort()
    const nativePort = await freePort()
    const driverBin = process.env.TAURI_DRIVER || findOnPath('tauri-driver', [join(homedir(), '.cargo/bin/tauri-driver')])
    const webkitDriver = findOnPath('WebKitWebDriver', ['/usr/bin/WebKitWebDriver'])
    // tauri-driver starts WebKitWebDriver, which starts the app: all three inherit this environment,
    // so this is how the app gets its database (FRONTDESK_DB) and display.
    const driver = spawn(driverBin, ['--port', String(port), '--native-port', String(nativePort), '--native-driver', webkitDriver], {
      env: {
        ...process.env,
        DISPLAY: display,
        FRONTDESK_DB: dbPath,
        // Xvfb has no GPU: keep WebKit on its plain software path.
        WEBKIT_DISABLE_DMABUF_RENDERER: '1',
        WEBKIT_DISABLE_COMPOSITING_MODE: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    children.push(driver)
    driver.stdout.on('data', (d) => (driverLog += d))
    driver.stderr.on('data', (d) => (driverLog += d))
    const base = `http://127.0.0.1:${port}`
    await waitUntil(
      async () => {
        if (driver.exitCode !== null) throw new Error(`tauri-driver exited: ${driverLog.slice(-800)}`)
        return (await fetch(`${base}/status`)).ok
      },
      { timeout: 15_000, interval: 100, message: `tauri-driver on ${base}` },
    )
    const session = await Session.start(base, { browserName: 'wry', 'tauri:options': { application: binary } })
    session.display = display
    // The Vue app has mounted once #app has content.
    await waitUntil(() => session.execute("return document.querySelector('#app')?.children.length > 0"), {
      timeout,
      message: 'the app’s first screen',
    })
    return { session, dbPath, dir, display, log: () => driverLog, stop: () => stop(session) }
  } catch (e) {
    await stop()
    if (driverLog) e.message += `\n--- tauri-driver ---\n${driverLog.slice(-1500)}`
    throw e
  }
}
