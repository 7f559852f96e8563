// Everything the user reads is Simplified Chinese with full-width punctuation: a half-width
// , : ( ) ; ! ? right next to a Chinese character is a slip. This reads every .vue and .ts file
// under ui/src (not the generated bindings/, api/ops.ts, api/policy.ts, api/labels.ts, nor the
// *.test.ts files, whose examples are deliberate) with the comments taken out, and lists each
// such place as file:line.
import { describe, expect, it } from 'vitest'

// Every .vue and .ts file under ui/src, as text (Vite reads them; no Node types needed).
const SOURCES = import.meta.glob(
  ['./**/*.vue', './**/*.ts', '!./bindings/**', '!./api/ops.ts', '!./api/policy.ts', '!./api/labels.ts', '!./**/*.test.ts'],
  { query: '?raw', import: 'default', eager: true },
) as Record<string, string>

/** Blanks out comments (keeping the line breaks, so line numbers stay right). */
export function withoutComments(text: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ')
  return text
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/\/\*[\s\S]*?\*\//g, blank)
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, (m, before: string) => before + blank(m.slice(before.length)))
}

const CJK = '\\u4e00-\\u9fff'
const HALF = ',:();!?'
const SLIP = new RegExp(`[${CJK}][${HALF}]|[${HALF}][${CJK}]`, 'g')

/** Each "line: text" where a half-width mark touches a Chinese character. */
export function slips(text: string): string[] {
  const out: string[] = []
  withoutComments(text)
    .split('\n')
    .forEach((line, i) => {
      if (line.match(SLIP)) out.push(`${i + 1}: ${line.trim()}`)
    })
  return out
}

describe('full-width punctuation', () => {
  it('finds a half-width mark beside Chinese, and ignores comments and code', () => {
    expect(slips("const a = '已登记(受理)'")).toHaveLength(1)
    expect(slips('<span>当前用户:{{ name }}</span>')).toHaveLength(1)
    expect(slips("const a = '已登记（受理）'")).toHaveLength(0)
    expect(slips('// 注释里的,不算\nconst x = 1')).toHaveLength(0)
    expect(slips("const u = 'http://example' // 说明:不算")).toHaveLength(0)
    expect(slips("ok ? '是' : '否'")).toHaveLength(0)
  })

  it('every UI string under ui/src uses full-width punctuation next to Chinese', () => {
    expect(Object.keys(SOURCES).length, 'the sources were read').toBeGreaterThan(40)
    expect(Object.keys(SOURCES)).toContain('./views/intake/IntakeView.vue')
    const found = Object.entries(SOURCES).flatMap(([path, text]) => slips(text).map((s) => `${path.slice(2)}:${s}`))
    expect(found, `half-width punctuation next to Chinese:\n${found.join('\n')}`).toEqual([])
  })
})
