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
