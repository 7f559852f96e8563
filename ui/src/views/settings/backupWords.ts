// How backups are said on screen: sizes, record counts and times in the desk's words.
import type { Manifest } from '../../bindings/Manifest'
import { deskToday } from '../../clock'

/** 1.2 GB, 350 MB, 12 KB (decimal, as disks are sold). */
export function humanBytes(n: number | null | undefined): string {
  const v = n ?? 0
  if (v >= 1e9) return `${(v / 1e9).toFixed(1)} GB`
  if (v >= 1e6) return `${Math.round(v / 1e6)} MB`
  return `${Math.max(1, Math.round(v / 1e3))} KB`
}

/** The records a backup holds, as the desk counts them. */
const KINDS: [string, string][] = [
  ['intake_entries', '来电来访'],
  ['dispatch_slips', '派工单'],
  ['complaints', '投诉'],
  ['handovers', '交接班'],
]

export function backupCounts(m: Manifest | null | undefined): string {
  if (!m) return '（无法读取备份清单）'
  return KINDS.map(([t, label]) => `${label} ${(m.counts[t] ?? 0).toLocaleString('zh-CN')}`).join(' · ')
}

/** "2026-11-29 14:30:00" seen on the 29th → "今天 14:30"; the 28th → "昨天 14:30"; else "11月27日 14:30". */
export function whenSaid(at: string | null | undefined, today: string = deskToday()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2})/.exec(at ?? '')
  if (!m) return at ?? ''
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - day) / 86_400_000)
  if (days === 0) return `今天 ${m[4]}`
  if (days === 1) return `昨天 ${m[4]}`
  const year = m[1] === today.slice(0, 4) ? '' : `${m[1]}年`
  return `${year}${Number(m[2])}月${Number(m[3])}日 ${m[4]}`
}
