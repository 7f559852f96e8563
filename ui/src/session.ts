// Who is logged in, whether the screen is locked, and the idle timer that locks it.
import { reactive } from 'vue'
import * as api from './api/session'
import type { Actor } from './bindings/Actor'
import type { Office } from './bindings/Office'
import { may, type OpName } from './api/policy'

export const session = reactive({
  ready: false,
  initialized: false,
  office: null as Office | null,
  user: null as Actor | null,
  locked: false,
  /** The database could not be used: the recovery screen shows this instead of the login. */
  recovery: null as api.Startup | null,
  /** The start-up check of the database is still running (logging in waits for it). */
  checking: false,
  /** The database opened for reading only: everything can be looked at, nothing saved. */
  readOnly: false,
})

/** Asks the shell how the database stands; waits (politely) while it is being checked. */
export async function loadSession() {
  let start = await api.startup()
  session.checking = start.state === 'checking'
  while (start.state === 'checking') {
    await new Promise((r) => setTimeout(r, 300))
    start = await api.startup()
  }
  session.checking = false
  session.readOnly = start.read_only
  if (start.state === 'recovery') {
    session.recovery = start
    session.ready = true
    return
  }
  session.recovery = null
  const status = await api.setupStatus()
  session.initialized = status.initialized
  session.office = status.office
  session.user = await api.currentUser()
  session.ready = true
}

export function loggedIn(user: Actor) {
  session.user = user
  session.locked = false
  session.initialized = true
  touch()
}

export async function logOut() {
  await api.logout()
  session.user = null
  session.locked = false
}

/** May the logged-in user run `op`? The core's own role table (api/policy.ts), never a copy. */
export function can(op: OpName): boolean {
  return may(session.user?.role, op)
}

// ---- idle lock ----
let lastActivity = Date.now()

export function touch() {
  lastActivity = Date.now()
}

async function checkIdle() {
  if (!session.user || session.locked) return
  const minutes = session.office?.idle_lock_minutes ?? 10
  if (Date.now() - lastActivity > minutes * 60_000) {
    session.locked = true
    await api.lock()
  }
}

export function startIdleWatch() {
  for (const ev of ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart']) {
    window.addEventListener(ev, touch, { passive: true })
  }
  window.setInterval(checkIdle, 15_000)
}

export async function lockNow() {
  session.locked = true
  await api.lock()
}
