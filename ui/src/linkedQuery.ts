// Pages that a count links to (the status bar's 超时 3, the 今日 page's cards) read what to show
// from the address: #/slips?board=overdue, #/complaints?filter=awaiting_reply. The page may
// already be open when the link is clicked, so the address is watched, not read once.
import { watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'

/**
 * Calls `apply` with the address's `keys` now (before the page first loads) and whenever they
 * change; after a change `reload` fetches the page's list again. Keys missing from the address
 * are ''; nothing is applied while all are missing.
 */
export function fromAddress(keys: string[], apply: (q: Record<string, string>) => void, reload: () => unknown) {
  const route = useRoute()
  const read = () => Object.fromEntries(keys.map((k) => [k, typeof route.query[k] === 'string' ? (route.query[k] as string) : '']))
  const given = (q: Record<string, string>) => keys.some((k) => q[k])
  const first = read()
  if (given(first)) apply(first)
  watch(
    () => JSON.stringify(read()),
    () => {
      const q = read()
      if (!given(q)) return
      apply(q)
      void reload()
    },
  )
}

/**
 * #/slips?open=12 — a search result opens its record in the record's own page and drawer. Calls
 * `open(id)` now and whenever the address names another record. The returned `closed` is for the
 * drawer's close: it takes `open` out of the address, so the same result can be opened again.
 */
export function openFromAddress(open: (id: number) => unknown) {
  const route = useRoute()
  const router = useRouter()
  watch(
    () => route.query.open,
    (v) => {
      const id = Number(v)
      if (typeof v === 'string' && Number.isInteger(id) && id > 0) void open(id)
    },
    { immediate: true },
  )
  return function closed() {
    if (route.query.open === undefined) return
    const query = { ...route.query }
    delete query.open
    void router.replace({ query })
  }
}
