import { describe, expect, it } from 'vitest'
import { pct } from './charts'

describe('pct', () => {
  it('shows a fraction as a percentage with one decimal', () => {
    expect(pct(0.9)).toBe('90.0%')
    expect(pct(2 / 3)).toBe('66.7%')
  })
  it('shows a dash when there is nothing to divide', () => {
    expect(pct(null)).toBe('—')
  })
})
