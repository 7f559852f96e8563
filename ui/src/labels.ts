// Small helpers for showing the core's records. The enums' Chinese words come from the core
// itself (api/labels.ts, generated), so screens, paper and reports say the same thing.
import type { Role } from './bindings/Role'
import { ROLE_LABELS } from './api/labels'

export {
  BACKUP_REASON_LABELS, HANDOVER_KIND_LABELS, ITEM_STATE_LABELS, REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS, RESIDENT_KIND_LABELS, ROLE_LABELS,
} from './api/labels'

export const roleOptions = (Object.keys(ROLE_LABELS) as Role[]).map((value) => ({ value, label: ROLE_LABELS[value] }))

/** One month format everywhere: "2026-12" → "2026年12月", "2027-01" → "2027年1月". */
export function monthLabel(ym: string | null | undefined): string {
  const m = /^(\d{4})-(\d{1,2})/.exec(ym ?? '')
  return m ? `${m[1]}年${Number(m[2])}月` : (ym ?? '')
}
/** The date pickers' display format for a month, the same as monthLabel. */
export const MONTH_FORMAT = 'YYYY年M月'

/** "2026-11-23T09:05:00" → "2026-11-23 09:05". */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return ''
  return iso.replace('T', ' ').slice(0, 16)
}

/** The key that sets a roster cell to the n-th shift of the legend: 1–9. */
export function shiftForKey(key: string, count: number): number | null {
  if (!/^[1-9]$/.test(key)) return null
  const i = Number(key) - 1
  return i < count ? i : null
}

/** What kind of record an audit-log line is about, by the table it names. */
export const RECORD_LABELS: Record<string, string> = {
  audit_log: '操作日志',
  buildings: '楼栋',
  categories: '服务类别',
  complaint_steps: '投诉处理步骤',
  complaints: '投诉',
  departments: '部门',
  dispatch_slips: '派工单',
  duty_covers: '代值记录',
  duty_requests: '调班/请假申请',
  duty_settings: '值班设置',
  entry_passes: '出入证',
  handover_addenda: '交接班补充说明',
  handover_anomalies: '交接班异常情况',
  handover_checks: '交接物品检查',
  handover_items: '交接物品',
  handover_open_items: '交接未完事项',
  handovers: '交接班记录',
  hot_work_permits: '动火审批',
  intake_entries: '来电来访',
  intake_followups: '突发事件跟进',
  intake_settings: '受理设置',
  goods_passes: '物品放行单',
  office: '办公室资料',
  print: '打印表单',
  report: '报表',
  resident_keys: '客户钥匙',
  resident_phones: '住户电话',
  residents: '住户',
  return_visits: '回访',
  rooms: '房间',
  roster_cells: '值班表格子',
  roster_overrides: '值班表变更',
  rosters: '值班表',
  security_night_reads: '秩序维护夜间记录已阅',
  serial_counters: '编号',
  shifts: '班次',
  slip_events: '派工单步骤',
  slip_pauses: '派工单暂停',
  staff: '员工',
}

/** "派工单 #12" for an audit line; a table not listed keeps its own name rather than vanish. */
export function recordLabel(entity: string, id: number | null | undefined): string {
  const name = RECORD_LABELS[entity] ?? entity
  return id == null ? name : `${name} #${id}`
}
