// Pages that a count links to (the status bar's 超时 3, the 今日 page's cards) read what to show
// from the address: #/slips?board=overdue, #/complaints?filter=awaiting_reply. The page may
// already be open when the link is clicked, so the address is watched, not read once.
import { watch } from 'vue'
import { useRoute } from 'vue-router'

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
