// Long lists drawn a page at a time (issue 12). The whole list is fetched (a board or a filtered
// list is at most a few hundred rows, and the count, the keys and the search need them all), but
// only one page is handed to the table: Element Plus builds a few components per cell, and 114
// open slips took 200 ms to draw on the desk PC where 30 take a third of that.
import { computed, ref, watch, type Ref } from 'vue'

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
  return { page, shown, size }
}
