// Long lists drawn a page at a time (issue 12). The whole list is fetched (a board or a filtered
// list is at most a few hundred rows, and the count, the keys and the search need them all), but
// only one page is handed to the table: a table's rows are the page's biggest cost on a desk PC
// without a GPU (114 open slips took 200 ms to draw in el-table, where 30 took a third of that).
import { computed, ref, watch, type Ref } from 'vue'

/** The page PageDown/PageUp turns to from `page` (of `total` rows, `size` a page); null if none. */
export function flipPage(page: number, key: string, total: number, size: number): number | null {
  const last = Math.max(1, Math.ceil(total / size))
  const to = key === 'PageDown' ? Math.min(page + 1, last) : key === 'PageUp' ? Math.max(page - 1, 1) : page
  return to === page ? null : to
}

export function usePages<T>(rows: Readonly<Ref<T[]>>, size: number) {
  const page = ref(1)
  const shown = computed(() => rows.value.slice((page.value - 1) * size, page.value * size))
  // After a reload (a row done and gone) stay on the page, or on the last one left.
  watch(
    () => rows.value.length,
    (n) => {
      page.value = Math.min(page.value, Math.max(1, Math.ceil(n / size)))
    },
  )
  /** PageDown/PageUp in the list turn its page (the highlight stays on the same line); true if turned. */
  function onPageKey(e: KeyboardEvent): boolean {
    const to = flipPage(page.value, e.key, rows.value.length, size)
    if (to === null) return false
    e.preventDefault()
    page.value = to
    return true
  }
  return { page, shown, size, onPageKey }
}
