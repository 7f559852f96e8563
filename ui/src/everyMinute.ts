// The status bar's and top bar's readings (who is on duty, the last backup, what is waiting)
// are fetched when shown and again every minute while shown.
import { onBeforeUnmount, onMounted } from 'vue'

export function everyMinute(refresh: () => unknown): void {
  let timer = 0
  onMounted(() => {
    void refresh()
    timer = window.setInterval(refresh, 60_000)
  })
  onBeforeUnmount(() => window.clearInterval(timer))
}
