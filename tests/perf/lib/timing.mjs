// One timed step: arm the page's recorder, send one input through WebDriver, wait in the page
// until the result is shown. The figure is page time from the input event to the frame drawn
// after the result appeared; the wall time seen from Node (WebDriver round trips included) is
// kept beside it for comparison.

import { performance } from 'node:perf_hooks'
import { arm, check, waitInPage } from './probe.mjs'

/** A step that cannot be timed on this app (its screen or button is missing): reported as 未测. */
export class Skip extends Error {}

/** W3C element key: a reference returned by `execute` looks like { [ELEMENT]: id }. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'

/** The element id of the first element the JavaScript `expr` (run in the page) returns, or null. */
export async function pick(s, expr, args = []) {
  const ref = await s.execute(`return (${expr}) || null`, args)
  return ref ? ref[ELEMENT] : null
}

/** The element id of the first displayed element matching `css`, or null. */
export function visibleEl(s, css) {
  return pick(s, `[...document.querySelectorAll(${JSON.stringify(css)})].find((e) => e.getClientRects().length > 0)`)
}

/** A click as WebDriver does it, without the scroll and retry of the e2e helper (those are done before the clock starts). */
export const click = (s, id) => s.cmd('POST', `/element/${id}/click`, {})
/** Keys sent to an element (focusing it first, as WebDriver does). */
export const keys = (s, id, text) => s.cmd('POST', `/element/${id}/value`, { text })

/** The JSON form of an element id, for passing it to `execute`. */
export const ref = (id) => ({ [ELEMENT]: id })
/** Scrolls the element to the middle of its scroll box, so that the timed click lands at once. */
export const reveal = (s, id) => s.execute("arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' })", [ref(id)])
/**
 * An untimed click as a person makes it: scrolled into view, and tried again for a few seconds
 * while a toast or a closing dialog lies over the element.
 */
export async function tap(s, id) {
  await reveal(s, id)
  const until = Date.now() + 8000
  for (;;) {
    try {
      return await click(s, id)
    } catch (e) {
      if (!/intercepted|not interactable/.test(String(e.message)) || Date.now() > until) throw e
      await new Promise((r) => setTimeout(r, 250))
    }
  }
}
/** Empties a text field the way typing would (an `input` event, so Vue's v-model follows). */
export const clearField = (s, id) =>
  s.execute("const e = arguments[0]; e.value = ''; e.dispatchEvent(new Event('input', { bubbles: true }))", [ref(id)])

/** Length of the union of the IPC calls' intervals within [from, to]: time spent waiting on the core. */
function ipcTime(calls, from, to) {
  const spans = calls
    .map((c) => [Math.max(c.start, from), Math.min(c.end ?? to, to)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0])
  let total = 0
  let end = -Infinity
  for (const [a, b] of spans) {
    if (b <= end) continue
    total += b - Math.max(a, end)
    end = b
  }
  return total
}

/**
 * Times `action` (which sends exactly one input) until the page condition `cond` holds.
 * Refuses to time a result that is already on screen: that would measure nothing.
 * Returns { ms, wall, ipc, frozen, calls } — ms from the input event to the frame after the
 * result; frozen is the longest gap between two frames meanwhile.
 */
export async function timed(s, action, cond, { quiet = true, timeout = 30_000 } = {}) {
  if (await check(s, cond)) throw new Error('操作前结果已在屏幕上，无法计时')
  // A toast or a closing dialog may lie over the target for a moment: wait and try again, as
  // a person would, re-arming so the clock starts at the click that got through.
  const until = Date.now() + 10_000
  let t0
  for (;;) {
    await arm(s)
    t0 = performance.now()
    try {
      await action()
      break
    } catch (e) {
      if (!/intercepted|not interactable/.test(String(e.message)) || Date.now() > until) throw e
      await new Promise((r) => setTimeout(r, 250))
    }
  }
  const r = await waitInPage(s, cond, { quiet, timeout })
  const wall = performance.now() - t0
  if (!r) throw new Error(`超时（${Math.round(timeout / 1000)} 秒内结果未出现）`)
  // The event the app acts on: a click's 'click', a key's 'keydown' (the earlier of the two: Enter
  // in a form also fires a 'click' on its submit button); without either (an event the page never
  // saw), Node's wall time is the figure.
  const acted = [r.marks.click, r.marks.keydown].filter((t) => t != null)
  const input = acted.length ? Math.min(...acted) : (r.marks.pointerdown ?? r.marks.mousedown ?? null)
  const start = input ?? r.painted - wall
  return {
    ms: r.painted - start,
    wall,
    ipc: ipcTime(r.calls, start, r.seen),
    calls: r.calls.map((c) => ({ op: c.op, ms: c.end === null ? null : +(c.end - c.start).toFixed(1), chars: c.bytes })),
    frozen: r.maxGap,
    clock: input === null ? 'node' : 'page',
    pressToClick: r.marks.click != null && r.marks.mousedown != null ? +(r.marks.click - r.marks.mousedown).toFixed(1) : null,
  }
}
