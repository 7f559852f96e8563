import { describe, expect, it } from 'vitest'
import { base64Bytes, fitScale, stepPage } from './pdfPages'

describe('PDF preview pages', () => {
  it('decodes base64 to the original bytes', () => {
    expect(Array.from(base64Bytes(btoa('%PDF-1.7')))).toEqual(Array.from(new TextEncoder().encode('%PDF-1.7')))
  })

  it('fits an A4 page to the box width, or whole inside the box by its tighter side', () => {
    // A4 is 595 × 842 pt.
    expect(fitScale(595, 842, 892.5, 421, 'width')).toBeCloseTo(1.5)
    expect(fitScale(595, 842, 1000, 631.5, 'page')).toBeCloseTo(0.75)
    expect(fitScale(595, 842, 595, 2000, 'page')).toBeCloseTo(1)
  })

  it('stays between the readable minimum and twice the paper, and survives an unmeasured box', () => {
    expect(fitScale(595, 842, 100, 100, 'page')).toBe(0.5)
    expect(fitScale(595, 842, 3000, 100, 'width')).toBe(2)
    expect(fitScale(595, 842, 0, 0)).toBe(1)
  })

  it('pages stay within the document', () => {
    expect(stepPage(1, -1, 3)).toBe(1)
    expect(stepPage(2, 1, 3)).toBe(3)
    expect(stepPage(3, 1, 3)).toBe(3)
    expect(stepPage(1, 1, 0)).toBe(1)
  })
})
