// Lists by keyboard: ↑/↓ move a highlighted row (RowTable's current row, or el-table's with
// `highlight-current-row`), Enter opens it, Home/End go to the first/last. The list's wrapper
// takes the focus (tabindex="0") and the keys.
import { nextTick, ref, watch, type Ref } from 'vue'

/** The row index a key moves to from `current` in a list of `n` rows; null if the key is not ours. */
export function nextRow(current: number, key: string, n: number): number | null {
  if (n <= 0) return null
  switch (key) {
    case 'ArrowDown': return current < 0 ? 0 : Math.min(current + 1, n - 1)
    case 'ArrowUp': return current < 0 ? 0 : Math.max(current - 1, 0)
    case 'Home': return 0
    case 'End': return n - 1
    default: return null
  }
}

interface TableLike<T> {
  setCurrentRow: (row?: T) => void
}

/**
 * Wires a table to the keyboard. Put `ref="wrap"` `tabindex="0"` `@keydown="onKey"` on a div around
 * the table, `ref="table"` `@current-change="onCurrentChange"` on it (and `highlight-current-row`
 * on an el-table).
 */
export function useRowKeys<T>(rows: Ref<T[]>, open: (row: T) => unknown) {
  const table = ref<TableLike<T> | null>(null)
  const wrap = ref<HTMLElement | null>(null)
  const index = ref(-1)

  function select(i: number) {
    const row = rows.value[i]
    if (row === undefined) return
    index.value = i
    table.value?.setCurrentRow(row)
    void nextTick(() => wrap.value?.querySelector('.current-row')?.scrollIntoView({ block: 'nearest' }))
  }
  function onKey(e: KeyboardEvent) {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    if (e.key === 'Enter') {
      const row = rows.value[index.value]
      if (row !== undefined) {
        e.preventDefault()
        void open(row)
      }
      return
    }
    const to = nextRow(index.value, e.key, rows.value.length)
    if (to === null) return
    e.preventDefault()
    select(to)
  }
  function onCurrentChange(row: T | null | undefined) {
    if (row != null) index.value = rows.value.indexOf(row)
  }
  /** Gives the list the keyboard; the first ↓ highlights the first row. */
  function focus() {
    wrap.value?.focus()
  }
  // A reload brings new row objects: keep the highlight on the same place in the list.
  watch(rows, (now) => {
    if (index.value < 0) return
    if (!now.length) index.value = -1
    else void nextTick(() => select(Math.min(index.value, now.length - 1)))
  })
  return { table, wrap, index, onKey, onCurrentChange, select, focus }
}
