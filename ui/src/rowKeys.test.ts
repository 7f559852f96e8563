import { describe, expect, test } from 'vitest'
import { nextRow } from './rowKeys'

describe('nextRow', () => {
  test('↓ from nothing is the first row, then one at a time, stopping at the last', () => {
    expect(nextRow(-1, 'ArrowDown', 3)).toBe(0)
    expect(nextRow(0, 'ArrowDown', 3)).toBe(1)
    expect(nextRow(2, 'ArrowDown', 3)).toBe(2)
  })
  test('↑ stops at the first row; Home and End jump', () => {
    expect(nextRow(-1, 'ArrowUp', 3)).toBe(0)
    expect(nextRow(1, 'ArrowUp', 3)).toBe(0)
    expect(nextRow(0, 'ArrowUp', 3)).toBe(0)
    expect(nextRow(1, 'Home', 3)).toBe(0)
    expect(nextRow(0, 'End', 3)).toBe(2)
  })
  test('an empty list and other keys do nothing', () => {
    expect(nextRow(-1, 'ArrowDown', 0)).toBeNull()
    expect(nextRow(0, 'a', 3)).toBeNull()
    expect(nextRow(0, 'Enter', 3)).toBeNull()
  })
})
