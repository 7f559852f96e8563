import { describe, expect, it } from 'vitest'
import { highlight, recordPath } from './highlight'

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
  it('links to a record page only when the app has that route', () => {
    expect(recordPath('slip', 12, (p) => p === '/slips/12')).toBe('/slips/12')
    expect(recordPath('complaint', 3, () => false)).toBeNull()
  })
})
