// What is waiting at the desk, as links: one definition for the status bar and the 今日 page.
// Each count opens the list it counts (see src-tauri/core/src/duty/waiting.rs).
import type { RouteLocationRaw } from 'vue-router'
import type { Waiting } from '../../bindings/Waiting'

export interface WaitingLink {
  key: string
  /** Short, for the status bar: 超时. */
  short: string
  /** For the 今日 page's card: 超时派工单. */
  label: string
  count: number
  to: RouteLocationRaw
  /** Red when something is late, not merely waiting. */
  late: boolean
}

export function waitingLinks(w: Waiting): WaitingLink[] {
  return [
    { key: 'overdue', short: '超时', label: '超时未完成的派工单', count: w.overdue, to: { path: '/slips', query: { board: 'overdue' } }, late: true },
    { key: 'visits', short: '待回访', label: '完工待回访', count: w.awaiting_visit, to: { path: '/slips', query: { board: 'awaiting_visit' } }, late: false },
    { key: 'visits_late', short: '回访超时', label: '回访超时（超过回访时限）', count: w.visits_overdue, to: { path: '/slips', query: { board: 'visit_overdue' } }, late: true },
    {
      key: 'callbacks', short: '待回电', label: '待回电', count: w.callbacks,
      to: { path: '/intake', query: { state: 'callback_pending', from: w.callbacks_since ?? undefined } }, late: false,
    },
    { key: 'night', short: '夜间记录', label: '夜间记录待处理', count: w.night_log, to: { path: '/intake/night' }, late: false },
    { key: 'handovers', short: '未交接', label: '未交接的交接班（近7天）', count: w.missing_handovers, to: { path: '/handover' }, late: true },
    { key: 'replies', short: '待答复', label: '投诉待答复', count: w.awaiting_reply, to: { path: '/complaints', query: { filter: 'awaiting_reply' } }, late: false },
    { key: 'requests', short: '待审批', label: '调班/请假待审批', count: w.pending_requests, to: { path: '/roster', query: { tab: 'requests' } }, late: false },
  ]
}

/** The ones the top bar shows (when not zero): the desk's own queue. */
export const STATUS_BAR_KEYS = ['overdue', 'visits', 'visits_late', 'callbacks', 'night', 'handovers']
