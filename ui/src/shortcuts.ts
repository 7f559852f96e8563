// The keyboard shortcuts, one list for the F1 overlay and the 使用说明 page.
export interface Shortcut {
  keys: string[]
  what: string
}

export const SHORTCUTS: Shortcut[] = [
  { keys: ['Ctrl+K', 'F3'], what: '跳到顶部搜索框（房号、姓名、电话、单号、内容）' },
  { keys: ['Ctrl+Enter'], what: '来电来访：登记（光标在表单任何一栏都可以）' },
  { keys: ['Tab', 'Shift+Tab'], what: '到下一栏／回到上一栏' },
  { keys: ['↑', '↓'], what: '在派工单、投诉、搜索结果列表中选择一行；查到多位住户时选择住户' },
  { keys: ['PageUp', 'PageDown'], what: '派工单列表翻页（选中的行留在同一位置）' },
  { keys: ['Enter'], what: '打开选中的一行；服务类别中选第一个匹配项；房号/电话框中查询' },
  { keys: ['F1'], what: '打开本帮助（快捷键一览）' },
  { keys: ['Esc'], what: '关闭对话框、抽屉或本帮助' },
]
