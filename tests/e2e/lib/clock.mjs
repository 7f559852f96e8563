// The office's clock as the app keeps it: China Standard Time (UTC+8), whatever this machine's
// time zone. Tests name days and times in that clock, and choose times that are already past at
// whatever hour they run (CI may run at half past midnight in Beijing, on the 1st of a month).

const HOUR = 3600_000

/** Beijing wall time `hoursAgo` hours ago: 'YYYY-MM-DD HH:MM'. */
export function chinaTime(hoursAgo = 0) {
  return new Date(Date.now() + (8 - hoursAgo) * HOUR).toISOString().slice(0, 16).replace('T', ' ')
}

/** Today in Beijing: 'YYYY-MM-DD'. */
export function chinaToday() {
  return chinaTime().slice(0, 10)
}

/** This month in Beijing, or `ahead` months later: 'YYYY-MM'. */
export function chinaMonth(ahead = 0) {
  const d = new Date(Date.now() + 8 * HOUR)
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + ahead, 1)).toISOString().slice(0, 7)
}

/** The latest Beijing day whose `hhmm` lies at least an hour in the past: today, or yesterday before then. */
export function lastDayAt(hhmm) {
  const today = chinaToday()
  return `${today} ${hhmm}` <= chinaTime(1) ? today : chinaTime(24).slice(0, 10)
}
