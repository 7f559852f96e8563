import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../../bindings/ImportReport'
import { addedText, resultText } from './importSummary'

const base: ImportReport = {
  kind: 'rooms',
  file_name: 'a.csv',
  format: 'csv',
  rows: 4,
  new_buildings: 1,
  new_rooms: 3,
  new_residents: 0,
  added_phones: 0,
  new_staff: 0,
  duplicates: 1,
  invalid_rows: 0,
  problems: [],
  notes: [],
  written: true,
}

describe('import summary', () => {
  it('names only what was added', () => {
    expect(addedText(base)).toBe('新楼栋 1 栋、新房间 3 间')
    expect(addedText({ ...base, kind: 'staff', new_staff: 2 })).toBe('新员工 2 人')
    expect(addedText({ ...base, new_buildings: 0, new_rooms: 0 })).toBe('没有新数据')
  })
  it('mentions duplicates and skipped rows', () => {
    expect(resultText({ ...base, invalid_rows: 2 })).toBe('本次导入：新楼栋 1 栋、新房间 3 间；1 行已存在，未重复导入；2 行有问题，未导入。')
  })
})
