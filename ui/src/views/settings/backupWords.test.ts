import { describe, expect, it } from 'vitest'
import { backupCounts, humanBytes, whenSaid } from './backupWords'

describe('backup words', () => {
  it('says sizes as disks are sold', () => {
    expect(humanBytes(232_385_379)).toBe('232 MB')
    expect(humanBytes(1_215_565_824)).toBe('1.2 GB')
    expect(humanBytes(900)).toBe('1 KB')
  })
  it('says when relative to today', () => {
    const now = '2026-11-29'
    expect(whenSaid('2026-11-29 14:30:00', now)).toBe('今天 14:30')
    expect(whenSaid('2026-11-28 09:05:00', now)).toBe('昨天 09:05')
    expect(whenSaid('2026-11-02 09:05:00', now)).toBe('11月2日 09:05')
    expect(whenSaid('2025-12-31 23:59:00', now)).toBe('2025年12月31日 23:59')
  })
  it('counts the records the desk knows', () => {
    const m = { counts: { intake_entries: 1200, dispatch_slips: 30, complaints: 2, handovers: 5 } } as never
    expect(backupCounts(m)).toBe('来电来访 1,200 · 派工单 30 · 投诉 2 · 交接班 5')
    expect(backupCounts(null)).toBe('（无法读取备份清单）')
  })
})
