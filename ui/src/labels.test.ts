import { describe, expect, it } from 'vitest'
import { formatTime, monthLabel, recordLabel, RESIDENT_KIND_LABELS, ROLE_LABELS } from './labels'

describe('labels', () => {
  it('takes the resident kinds from the core (phones come masked from the core too)', () => {
    expect(RESIDENT_KIND_LABELS).toEqual({ owner: '业主', tenant: '租户' })
  })
  it('writes a month one way: 2026年12月', () => {
    expect(monthLabel('2026-12')).toBe('2026年12月')
    expect(monthLabel('2027-01')).toBe('2027年1月')
    expect(monthLabel('')).toBe('')
  })
  it('formats stored times for the desk', () => {
    expect(formatTime('2026-11-23T09:05:00')).toBe('2026-11-23 09:05')
    expect(formatTime(null)).toBe('')
  })
  it('names every role in Chinese', () => {
    expect(Object.values(ROLE_LABELS)).toEqual(['前台接待员', '客服主管', '维修工', '秩序维护员', '项目经理'])
  })
  it('names audited records in Chinese', () => {
    expect(recordLabel('dispatch_slips', 12)).toBe('派工单 #12')
    expect(recordLabel('office', null)).toBe('办公室资料')
    expect(recordLabel('new_table', 3)).toBe('new_table #3')
  })
})
