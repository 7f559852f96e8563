import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import NotBuilt from './views/NotBuilt.vue'
import SettingsView from './views/settings/SettingsView.vue'
import RosterView from './views/duty/RosterView.vue'
import HandoverView from './views/duty/HandoverView.vue'
import SearchView from './views/SearchView.vue'
import HelpView from './views/HelpView.vue'
import ReportsView from './views/reports/ReportsView.vue'
import IntakeView from './views/intake/IntakeView.vue'
import NightLogView from './views/intake/NightLogView.vue'
import SlipsView from './views/slips/SlipsView.vue'
import ComplaintsView from './views/complaints/ComplaintsView.vue'
import type { OpName } from './api/policy'

/** The left navigation, in order; an area shows to whoever may run any of its `ops`. */
export const areas: { path: string; title: string; icon: string; ops: OpName[] }[] = [
  { path: '/intake', title: '来电来访', icon: 'Phone', ops: ['intake_list'] },
  { path: '/slips', title: '派工单', icon: 'Tickets', ops: ['slip_board'] },
  { path: '/complaints', title: '投诉', icon: 'Warning', ops: ['complaint_list'] },
  { path: '/roster', title: '值班安排', icon: 'Calendar', ops: ['roster_get'] },
  { path: '/handover', title: '交接班', icon: 'Switch', ops: ['handover_list'] },
  { path: '/reports', title: '报表', icon: 'DataAnalysis', ops: ['report_get', 'print_form'] },
  { path: '/settings', title: '设置', icon: 'Setting', ops: ['office_get'] },
]

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/intake' },
  { path: '/intake', component: IntakeView, meta: { title: '来电来访' } },
  { path: '/intake/night', component: NightLogView, meta: { title: '夜间记录' } },
  { path: '/slips', component: SlipsView, meta: { title: '派工单' } },
  { path: '/complaints', component: ComplaintsView, meta: { title: '投诉' } },
  { path: '/roster', component: RosterView, meta: { title: '值班安排' } },
  { path: '/handover', component: HandoverView, meta: { title: '交接班' } },
  { path: '/reports', component: ReportsView, meta: { title: '报表' } },
  { path: '/settings/:tab?', component: SettingsView, meta: { title: '设置' } },
  { path: '/search', component: SearchView, meta: { title: '搜索' } },
  { path: '/help', component: HelpView, meta: { title: '使用说明' } },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
