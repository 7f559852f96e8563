import { describe, expect, it } from 'vitest'
import { shiftForKey } from './labels'

describe('roster grid keys', () => {
  it('maps 1–9 to the legend order and ignores keys beyond it', () => {
    expect(shiftForKey('1', 3)).toBe(0)
    expect(shiftForKey('3', 3)).toBe(2)
    expect(shiftForKey('4', 3)).toBeNull()
    expect(shiftForKey('0', 3)).toBeNull()
    expect(shiftForKey('a', 3)).toBeNull()
  })
})
