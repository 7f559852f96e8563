import { describe, expect, test } from 'vitest'
import { flipPage } from './pages'

describe('flipPage', () => {
  test('PageDown and PageUp turn one page, stopping at the first and the last', () => {
    expect(flipPage(1, 'PageDown', 95, 30)).toBe(2)
    expect(flipPage(3, 'PageDown', 95, 30)).toBe(4)
    expect(flipPage(4, 'PageDown', 95, 30)).toBeNull()
    expect(flipPage(2, 'PageUp', 95, 30)).toBe(1)
    expect(flipPage(1, 'PageUp', 95, 30)).toBeNull()
  })
  test('one page, no rows and other keys turn nothing', () => {
    expect(flipPage(1, 'PageDown', 30, 30)).toBeNull()
    expect(flipPage(1, 'PageDown', 0, 30)).toBeNull()
    expect(flipPage(1, 'ArrowDown', 95, 30)).toBeNull()
  })
})
