// Timing inside the app's page, so that WebDriver's own round trips stay out of the figures.
// The page records the moment the input event reached it (event.timeStamp) and the moment the
// result was in the DOM and the next frame was drawn, on the page's own performance.now() clock.
// It also counts the IPC calls to the Rust core (Tauri 2 sends them with fetch('ipc://…')), so a
// step's time can be split into "waiting for the core" and the rest, and "the page is settled"
// can mean "no IPC call in flight".

/** Installed once per page load: input marks and an IPC tracker around window.fetch. */
const INSTALL = `
if (!window.__perf) {
  const P = (window.__perf = { armed: false, marks: {}, inflight: 0, calls: [] })
  // The first event of each kind after arming, by its own timestamp: a click is timed from its
  // 'click' event (WebDriver's press and release are separate commands, with a driver round trip
  // between them that no person makes), a key from its 'keydown'.
  const mark = (e) => { if (P.armed && !(e.type in P.marks)) P.marks[e.type] = e.timeStamp }
  for (const t of ['pointerdown', 'mousedown', 'click', 'keydown']) window.addEventListener(t, mark, true)
  const plain = window.fetch
  window.fetch = function (url, init) {
    const u = String((url && url.url) || url)
    if (!u.startsWith('ipc:') && !u.startsWith('http://ipc.localhost')) return plain.apply(this, arguments)
    let op = decodeURIComponent(u.replace(/^.*\\//, ''))
    try { const b = JSON.parse(init && init.body); if (b && b.name) op = b.name } catch (e) {}
    const c = { op, start: performance.now(), end: null, bytes: null }
    P.calls.push(c)
    P.inflight++
    let closed = false
    const close = () => { if (!closed) { closed = true; c.end = performance.now(); P.inflight-- } }
    return plain.apply(this, arguments).then((res) => {
      // The call is over when its body has been read: Tauri reads it with one of these.
      // json() is read as text first so that the answer's size (in characters) is known.
      const text = res.text.bind(res)
      const buf = res.arrayBuffer.bind(res)
      const fail = (e) => { close(); throw e }
      res.text = () => text().then((t) => { c.bytes = t.length; close(); return t }, fail)
      res.json = () => text().then((t) => { c.bytes = t.length; close(); return JSON.parse(t) }, fail)
      res.arrayBuffer = () => buf().then((b) => { c.bytes = b.byteLength; close(); return b }, fail)
      setTimeout(close, 0) // a body nobody reads must not keep the page "busy" for ever
      return res
    }, (e) => { close(); throw e })
  }
}
return true`

/** Installs the recorder in the page (again after a reload; harmless when already there). */
export async function install(s) {
  await s.execute(INSTALL)
}

/** Forgets the last step: the next input event starts the clock, and only new IPC calls count. */
export async function arm(s) {
  await s.execute(`${INSTALL.replace(/return true$/, '')}
    const P = window.__perf; P.armed = true; P.marks = {}; P.calls = P.calls.filter((c) => c.end === null)
    // While armed, the longest gap between two frames: how long the page could not draw (froze).
    const loop = (P.loop = (P.loop ?? 0) + 1)
    P.maxGap = 0
    let last = performance.now()
    const frame = () => {
      if (!P.armed || P.loop !== loop) return
      const now = performance.now()
      P.maxGap = Math.max(P.maxGap, now - last)
      last = now
      requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)`)
}

/**
 * Waits in the page until the JavaScript expression `cond` is true (and, with quiet, no IPC call
 * is in flight), then until the next frame is drawn. Polls every 4 ms in the page; each WebDriver
 * call waits at most `slice` ms so that a slow step never hits the driver's script timeout.
 * Resolves to { marks, maxGap, seen, painted, calls } in page time, or null when `timeout` ms pass.
 */
export async function waitInPage(s, cond, { quiet = true, timeout = 30_000, slice = 2000 } = {}) {
  const script = `
    const done = arguments[arguments.length - 1]
    const P = window.__perf
    const t0 = performance.now()
    const cond = () => { try { return !!(${cond}) } catch (e) { return false } }
    const tick = () => {
      if (cond() && (!${quiet} || P.inflight === 0)) {
        const seen = performance.now()
        requestAnimationFrame(() => setTimeout(() => {
          P.armed = false
          done({ marks: { ...P.marks }, maxGap: P.maxGap, seen, painted: performance.now(), calls: P.calls.map((c) => ({ ...c })) })
        }, 0))
      } else if (performance.now() - t0 > ${slice}) done(null)
      else setTimeout(tick, 4)
    }
    tick()`
  const deadline = Date.now() + timeout
  for (;;) {
    const r = await s.cmd('POST', '/execute/async', { script, args: [] })
    if (r) return r
    if (Date.now() > deadline) return null
  }
}

/** Evaluates a condition once, now: true or false. */
export async function check(s, cond) {
  return !!(await s.execute(`try { return !!(${cond}) } catch (e) { return false }`))
}

/** Small DOM helpers for conditions, as JavaScript source (they run in the page). */
export const js = {
  /** An element matching `css` that is displayed (has a box). */
  visible: (css) => `[...document.querySelectorAll(${JSON.stringify(css)})].some((e) => e.getClientRects().length > 0)`,
  /** An element matching `css` whose text contains `text`. */
  text: (css, text) => `[...document.querySelectorAll(${JSON.stringify(css)})].some((e) => e.getClientRects().length > 0 && e.textContent.includes(${JSON.stringify(text)}))`,
  /** No displayed element matches `css`. */
  gone: (css) => `![...document.querySelectorAll(${JSON.stringify(css)})].some((e) => e.getClientRects().length > 0)`,
}
