// Page arithmetic for the PDF preview, kept apart from pdf.js so it can be unit-tested.

/** The bytes of a base64 string (the core sends PDFs base64 in JSON). */
export function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return bytes
}

/**
 * The scale that fits a page of `pageWidth` × `pageHeight` points inside the box: its width
 * ('width', the box scrolls down the page) or the whole page ('page', as on paper). Never below a
 * readable minimum nor above twice the paper size.
 */
export function fitScale(
  pageWidth: number,
  pageHeight: number,
  boxWidth: number,
  boxHeight: number,
  fit: 'width' | 'page' = 'width',
  min = 0.5,
  max = 2,
): number {
  if (pageWidth <= 0 || pageHeight <= 0 || boxWidth <= 0 || (fit === 'page' && boxHeight <= 0)) return 1
  const scale = fit === 'width' ? boxWidth / pageWidth : Math.min(boxWidth / pageWidth, boxHeight / pageHeight)
  return Math.min(max, Math.max(min, scale))
}

/** The page number after a step, kept within 1…count. */
export function stepPage(current: number, step: number, count: number): number {
  return Math.min(Math.max(1, current + step), Math.max(1, count))
}
