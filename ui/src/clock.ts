// The office's clock. The core keeps China Standard Time (UTC+8) whatever the computer's time zone
// is; the window's own Date follows the computer, so at half past midnight in Beijing on a machine
// set to UTC the window would still think it is yesterday. "Today" and "this month" come from here.
import { clockNow } from './api/ops'

/** The office's wall time minus the computer's clock, in milliseconds (set by syncClock). */
let offsetMs = 0

/** Asks the core for the office's time once, at start; later readings add the elapsed time. */
export async function syncClock(): Promise<void> {
  try {
    const c = await clockNow()
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(c.now)
    if (m) offsetMs = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) - Date.now()
  } catch {
    // Without the core the window keeps the computer's clock; every screen still asks the core.
  }
}

/** A Date whose UTC fields read as the office's wall time (use getUTC…, never getHours). */
function deskDate(): Date {
  return new Date(Date.now() + offsetMs)
}

/** Today at the office: `YYYY-MM-DD`. */
export function deskToday(): string {
  return deskDate().toISOString().slice(0, 10)
}

/** This month at the office: `YYYY-MM`. */
export function deskMonth(): string {
  return deskToday().slice(0, 7)
}

/** The month after this one at the office: `YYYY-MM` (rosters are drawn up a month ahead). */
export function deskNextMonth(): string {
  const d = deskDate()
  const n = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
  return n.toISOString().slice(0, 7)
}
