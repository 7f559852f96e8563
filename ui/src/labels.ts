// Chinese labels for the core's enum codes, shared by every screen.
import type { Role } from './bindings/Role'
import type { ResidentKind } from './bindings/ResidentKind'

export const ROLE_LABELS: Record<Role, string> = {
  receptionist: '前台接待员',
  supervisor: '客服主管',
  technician: '维修工',
  security: '秩序维护员',
  manager: '项目经理',
}

export const RESIDENT_KIND_LABELS: Record<ResidentKind, string> = {
  owner: '业主',
  tenant: '租户',
}

export const roleOptions = (Object.keys(ROLE_LABELS) as Role[]).map((value) => ({ value, label: ROLE_LABELS[value] }))

/** Masks a phone for display where the whole number is not needed: 138****5678. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`
  return phone
}

/** "2026-11-23T09:05:00" → "2026-11-23 09:05". */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return ''
  return iso.replace('T', ' ').slice(0, 16)
}

export const ITEM_STATE_LABELS: Record<'ok' | 'damaged' | 'missing', string> = {
  ok: '完好',
  damaged: '损坏',
  missing: '缺失',
}

export const REQUEST_KIND_LABELS: Record<'swap' | 'leave', string> = { swap: '调班', leave: '请假' }

export const REQUEST_STATUS_LABELS: Record<'pending' | 'approved' | 'rejected' | 'withdrawn', string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '已驳回',
  withdrawn: '已撤回',
}

export const HANDOVER_KIND_LABELS: Record<'desk' | 'security', string> = { desk: '前台交接', security: '移交秩序维护岗' }

/** The key that sets a roster cell to the n-th shift of the legend: 1–9. */
export function shiftForKey(key: string, count: number): number | null {
  if (!/^[1-9]$/.test(key)) return null
  const i = Number(key) - 1
  return i < count ? i : null
}
