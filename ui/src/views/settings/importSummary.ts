// Plain Chinese sentences for an import report, shared by the preview and the result.
import type { ImportReport } from '../../bindings/ImportReport'

/** "新楼栋 1 栋、新房间 3 间、新住户 4 位" — only the parts that are not zero. */
export function addedText(r: ImportReport): string {
  const parts =
    r.kind === 'staff'
      ? [[r.new_staff, '新员工', '人']]
      : [
          [r.new_buildings, '新楼栋', '栋'],
          [r.new_rooms, '新房间', '间'],
          [r.new_residents, '新住户', '位'],
          [r.added_phones, '新增电话', '个'],
        ]
  const text = parts
    .filter(([n]) => (n as number) > 0)
    .map(([n, what, unit]) => `${what} ${n} ${unit}`)
    .join('、')
  return text || '没有新数据'
}

export function resultText(r: ImportReport): string {
  let s = `本次导入：${addedText(r)}`
  if (r.duplicates > 0) s += `；${r.duplicates} 行已存在，未重复导入`
  if (r.invalid_rows > 0) s += `；${r.invalid_rows} 行有问题，未导入`
  return s + '。'
}
