// 由核心的枚举在 cargo test 时生成，请勿手改：界面、纸面与报表说同一个词。
// Generated from the core's enums by `cargo test`; do not edit.
import type { BackupReason } from '../bindings/BackupReason'
import type { Board } from '../bindings/Board'
import type { CallbackState } from '../bindings/CallbackState'
import type { Channel } from '../bindings/Channel'
import type { CheckKind } from '../bindings/CheckKind'
import type { ComplaintCategory } from '../bindings/ComplaintCategory'
import type { ComplaintFilter } from '../bindings/ComplaintFilter'
import type { ComplaintState } from '../bindings/ComplaintState'
import type { CoverKind } from '../bindings/CoverKind'
import type { DeadlineState } from '../bindings/DeadlineState'
import type { EntryPassState } from '../bindings/EntryPassState'
import type { EntryState } from '../bindings/EntryState'
import type { FeeKind } from '../bindings/FeeKind'
import type { Finding } from '../bindings/Finding'
import type { GoodsPassState } from '../bindings/GoodsPassState'
import type { HandoverKind } from '../bindings/HandoverKind'
import type { HitKind } from '../bindings/HitKind'
import type { HotWorkState } from '../bindings/HotWorkState'
import type { IdKind } from '../bindings/IdKind'
import type { IntakeKind } from '../bindings/IntakeKind'
import type { IntakePeriod } from '../bindings/IntakePeriod'
import type { ItemState } from '../bindings/ItemState'
import type { KeyState } from '../bindings/KeyState'
import type { NightDecision } from '../bindings/NightDecision'
import type { Party } from '../bindings/Party'
import type { PeriodKind } from '../bindings/PeriodKind'
import type { ProblemKind } from '../bindings/ProblemKind'
import type { RegisterKind } from '../bindings/RegisterKind'
import type { RequestKind } from '../bindings/RequestKind'
import type { RequestStatus } from '../bindings/RequestStatus'
import type { ResidentKind } from '../bindings/ResidentKind'
import type { Role } from '../bindings/Role'
import type { RosterStatus } from '../bindings/RosterStatus'
import type { Satisfaction } from '../bindings/Satisfaction'
import type { ShiftPlace } from '../bindings/ShiftPlace'
import type { SlipAction } from '../bindings/SlipAction'
import type { SlipState } from '../bindings/SlipState'
import type { Urgency } from '../bindings/Urgency'
import type { Validity } from '../bindings/Validity'
import type { VisitFollowUp } from '../bindings/VisitFollowUp'
import type { VisitMethod } from '../bindings/VisitMethod'

export const ROLE_LABELS: Record<Role, string> = {
  receptionist: '前台接待员',
  supervisor: '客服主管',
  technician: '维修工',
  security: '秩序维护员',
  manager: '项目经理',
}

export const RESIDENT_KIND_LABELS: Record<ResidentKind, string> = {
  owner: '业主',
  tenant: '租户',
}

export const CHANNEL_LABELS: Record<Channel, string> = {
  call: '来电',
  visit: '来访',
  written: '书面',
  staff_found: '员工发现',
  wechat: '微信',
  email: '邮件',
}

export const INTAKE_KIND_LABELS: Record<IntakeKind, string> = {
  repair: '报修',
  complaint: '投诉',
  inquiry: '咨询',
  suggestion: '建议',
  help: '求助',
  errand: '委托',
  other: '其他',
}

export const CALLBACK_STATE_LABELS: Record<CallbackState, string> = {
  none: '无需回电',
  pending: '待回电',
  done: '已回电',
}

export const NIGHT_DECISION_LABELS: Record<NightDecision, string> = {
  slip: '转派工单',
  complaint: '转投诉',
  settled: '已处理',
}

export const ENTRY_STATE_LABELS: Record<EntryState, string> = {
  open: '未办结',
  finished: '已办结',
  night_log: '夜间记录',
  callback_pending: '待回电',
  major: '突发事件',
}

export const INTAKE_PERIOD_LABELS: Record<IntakePeriod, string> = {
  today: '今天',
  shift: '本班',
  range: '时间段',
}

export const SLIP_STATE_LABELS: Record<SlipState, string> = {
  opened: '待派工',
  dispatched: '已派工',
  accepted: '已接单',
  on_site: '已到场',
  done: '已完工',
  return_visited: '已回访',
  closed: '已关闭',
  paused: '已暂停',
  cancelled: '已作废',
}

export const SLIP_ACTION_LABELS: Record<SlipAction, string> = {
  open: '开单',
  dispatch: '派工',
  transfer: '转派',
  accept: '接单',
  return: '退单',
  arrive: '到场',
  complete: '完工',
  return_visit: '回访',
  visit_attempt: '回访未接通',
  close: '关闭',
  pause: '暂停',
  resume: '恢复',
  cancel: '作废',
  reopen: '重新派工',
  escalate: '转主管',
}

export const BOARD_LABELS: Record<Board, string> = {
  mine: '我的派工单',
  my_department: '本部门',
  all_open: '全部未完成',
  overdue: '已超时',
  awaiting_visit: '待回访',
  visit_overdue: '回访超时',
  awaiting_close: '待关闭',
  done_today: '今日完工',
  supervisor_review: '待主管处理',
}

export const FEE_KIND_LABELS: Record<FeeKind, string> = {
  free: '无偿',
  paid: '有偿',
}

export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
}

export const VISIT_METHOD_LABELS: Record<VisitMethod, string> = {
  phone: '电话',
  visit: '上门',
  written: '书面',
}

export const VISIT_FOLLOW_UP_LABELS: Record<VisitFollowUp, string> = {
  reopened: '重新派工',
  to_supervisor: '转主管处理',
}

export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  service_attitude: '服务态度',
  repair_quality: '维修质量',
  sanitation: '环境卫生',
  order_security: '秩序安全',
  fees: '收费',
  neighbour: '邻里纠纷',
  other: '其他',
}

export const VALIDITY_LABELS: Record<Validity, string> = {
  valid: '有效',
  invalid: '无效',
}

export const URGENCY_LABELS: Record<Urgency, string> = {
  normal: '一般',
  urgent: '紧急',
  major: '重大',
}

export const COMPLAINT_STATE_LABELS: Record<ComplaintState, string> = {
  open: '待答复',
  replied: '已答复',
  visited: '已回访',
  signed_off: '主管已签字',
}

export const COMPLAINT_FILTER_LABELS: Record<ComplaintFilter, string> = {
  unfinished: '未办结',
  awaiting_reply: '待答复',
  escalated: '上报未接手',
  all: '全部',
}

export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  on_time: '正常',
  due_soon: '即将超时',
  overdue: '已超时',
  stopped: '暂停计时',
  finished: '已完成',
}

export const HIT_KIND_LABELS: Record<HitKind, string> = {
  intake: '来电来访',
  slip: '派工单',
  complaint: '投诉',
}

export const SHIFT_PLACE_LABELS: Record<ShiftPlace, string> = {
  desk: '在岗',
  on_call: '听班',
}

export const ROSTER_STATUS_LABELS: Record<RosterStatus, string> = {
  draft: '草稿',
  published: '已发布',
}

export const PROBLEM_KIND_LABELS: Record<ProblemKind, string> = {
  people: '人数不符',
  role: '缺少岗位',
  overlap: '班次重叠',
  rest: '休息不足',
  responsible: '缺少负责人',
}

export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  swap: '调班',
  leave: '请假',
}

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '已驳回',
  withdrawn: '已撤回',
}

export const HANDOVER_KIND_LABELS: Record<HandoverKind, string> = {
  desk: '前台交接',
  security: '移交秩序维护岗',
}

export const ITEM_STATE_LABELS: Record<ItemState, string> = {
  ok: '完好',
  damaged: '损坏',
  missing: '缺失',
}

export const PARTY_LABELS: Record<Party, string> = {
  outgoing: '交班人',
  incoming: '接班人',
}

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  month: '月报',
  quarter: '季报',
  year: '年报',
}

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  auto: '定时备份',
  exit: '退出时备份',
  upgrade: '升级前备份',
  manual: '立即备份',
  restore: '恢复',
}

export const KEY_STATE_LABELS: Record<KeyState, string> = {
  kept: '在柜',
  lent: '借出',
  withdrawn: '业主已取回',
}

export const GOODS_PASS_STATE_LABELS: Record<GoodsPassState, string> = {
  waiting: '待放行',
  released: '已放行',
  voided: '已作废',
}

export const HOT_WORK_STATE_LABELS: Record<HotWorkState, string> = {
  approved: '待作业',
  working: '作业中',
  overrun: '超时未结束',
  finished: '已结束',
  voided: '已作废',
}

export const ENTRY_PASS_STATE_LABELS: Record<EntryPassState, string> = {
  pending: '未生效',
  valid: '有效',
  expired: '逾期未收回',
  returned: '已收回',
  voided: '已作废',
}

export const ID_KIND_LABELS: Record<IdKind, string> = {
  id_card: '居民身份证',
  passport: '护照',
  hk_macau: '港澳居民来往内地通行证',
  other: '其他证件',
}

export const REGISTER_KIND_LABELS: Record<RegisterKind, string> = {
  goods: '物品放行单',
  hot_work: '动火审批',
  pass: '出入证',
  key: '客户钥匙',
}

export const CHECK_KIND_LABELS: Record<CheckKind, string> = {
  visit: '主任巡查',
  night_check: '夜间查岗',
  discipline: '值班纪律登记',
}

export const FINDING_LABELS: Record<Finding, string> = {
  ok: '在岗正常',
  absent: '脱岗',
  early_leave: '早退',
  other: '其他问题',
}

export const COVER_KIND_LABELS: Record<CoverKind, string> = {
  desk: '代前台值守',
  leave: '离岗替值',
}

/** What a complaint's validity reads before the supervisor judges it. */
export const UNJUDGED = '未认定'
