// Splits a hit's text into plain and matched pieces so the view can mark what was found.
// Matching mirrors the core: full-width letters/digits fold to half-width, Latin is
// case-insensitive; the core sends the query's parts as `terms`.
import type { HitKind } from '../bindings/HitKind'
import type { SearchHit } from '../bindings/SearchHit'

export const HIT_KIND_LABELS: Record<HitKind, string> = {
  intake: '来电来访',
  slip: '派工单',
  complaint: '投诉',
}

export interface Piece {
  text: string
  hit: boolean
}

function fold(c: string): string {
  const code = c.codePointAt(0) ?? 0
  const half = code >= 0xff01 && code <= 0xff5e ? String.fromCodePoint(code - 0xfee0) : c
  return half.toLowerCase()
}

export function highlight(text: string, terms: string[]): Piece[] {
  const chars = Array.from(text)
  const folded = chars.map(fold)
  const marked = new Array<boolean>(chars.length).fill(false)
  for (const term of terms) {
    const t = Array.from(term)
    if (t.length === 0) continue
    for (let i = 0; i + t.length <= folded.length; i++) {
      if (t.every((c, j) => folded[i + j] === c)) {
        for (let j = 0; j < t.length; j++) marked[i + j] = true
      }
    }
  }
  const pieces: Piece[] = []
  chars.forEach((c, i) => {
    const last = pieces[pieces.length - 1]
    if (last && last.hit === marked[i]) last.text += c
    else pieces.push({ text: c, hit: marked[i] })
  })
  return pieces
}

/**
 * Where a hit's record is shown: a slip or complaint in its own drawer (#/slips?open=12), an
 * intake entry marked in the list of its day (#/intake?entry=7&day=2026-11-20).
 */
export function recordAddress(hit: Pick<SearchHit, 'kind' | 'id' | 'at'>): { path: string; query: Record<string, string> } {
  switch (hit.kind) {
    case 'slip': return { path: '/slips', query: { open: String(hit.id) } }
    case 'complaint': return { path: '/complaints', query: { open: String(hit.id) } }
    case 'intake': return { path: '/intake', query: { entry: String(hit.id), day: hit.at.slice(0, 10) } }
  }
}
