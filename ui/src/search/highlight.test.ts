import { describe, expect, it } from 'vitest'
import { highlight, recordAddress } from './highlight'

describe('search highlight', () => {
  it('marks every occurrence of every term', () => {
    expect(highlight('卫生间漏水,楼下漏水', ['漏水'])).toEqual([
      { text: '卫生间', hit: false },
      { text: '漏水', hit: true },
      { text: ',楼下', hit: false },
      { text: '漏水', hit: true },
    ])
  })
  it('matches Latin without case and full-width like half-width', () => {
    expect(highlight('ＬＥＤ灯不亮', ['led'])).toEqual([
      { text: 'ＬＥＤ', hit: true },
      { text: '灯不亮', hit: false },
    ])
  })
  it('leaves text without a match whole', () => {
    expect(highlight('咨询物业费', ['水'])).toEqual([{ text: '咨询物业费', hit: false }])
  })
  it('opens a slip or complaint in its drawer and an entry in the list of its day', () => {
    expect(recordAddress({ kind: 'slip', id: 12, at: '2026-11-20 09:00:00' })).toEqual({ path: '/slips', query: { open: '12' } })
    expect(recordAddress({ kind: 'complaint', id: 3, at: '2026-11-20 09:00:00' })).toEqual({ path: '/complaints', query: { open: '3' } })
    expect(recordAddress({ kind: 'intake', id: 7, at: '2026-11-20 09:00:00' })).toEqual({ path: '/intake', query: { entry: '7', day: '2026-11-20' } })
  })
})
