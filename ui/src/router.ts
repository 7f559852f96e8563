import { createRouter, createWebHashHistory, type RouteLocationRaw, type RouteRecordRaw } from 'vue-router'
import IntakeView from './views/intake/IntakeView.vue'
import type { OpName } from './api/policy'
import type { Role } from './bindings/Role'
import { session } from './session'

// The landing page (来电来访) is in the first bundle; every other page loads when first opened,
// so ECharts (报表) and pdf.js (previews) cost neither start-up time nor memory until needed.

/** The left navigation, in order; an area shows to whoever may run any of its `ops`. */
export const areas: { path: string; title: string; icon: string; ops: OpName[]; roles?: Role[] }[] = [
  // 今日 is the leaders' landing page (see `landing`); the desk sees the same counts above every page.
  { path: '/today', title: '今日', icon: 'Odometer', ops: ['waiting'], roles: ['supervisor', 'manager'] },
  { path: '/intake', title: '来电来访', icon: 'Phone', ops: ['intake_list'] },
  { path: '/slips', title: '派工单', icon: 'Tickets', ops: ['slip_board'] },
  { path: '/complaints', title: '投诉', icon: 'Warning', ops: ['complaint_list'] },
  { path: '/roster', title: '值班安排', icon: 'Calendar', ops: ['roster_get'] },
  { path: '/handover', title: '交接班', icon: 'Switch', ops: ['handover_list'] },
  { path: '/keys', title: '钥匙管理', icon: 'Key', ops: ['key_list'] },
  { path: '/registers', title: '登记簿', icon: 'Notebook', ops: ['goods_list'] },
  { path: '/reports', title: '报表', icon: 'DataAnalysis', ops: ['report_get', 'print_form'] },
  { path: '/settings', title: '设置', icon: 'Setting', ops: ['office_get'] },
]

/** Where each role lands after logging in: where its work is (issue 13). */
export function landing(role: Role | undefined): RouteLocationRaw {
  if (role === 'supervisor' || role === 'manager') return '/today'
  if (role === 'technician') return { path: '/slips', query: { board: 'mine' } }
  return '/intake'
}

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: () => landing(session.user?.role) },
  { path: '/today', component: () => import('./views/today/TodayView.vue'), meta: { title: '今日' } },
  { path: '/intake', component: IntakeView, meta: { title: '来电来访' } },
  { path: '/intake/night', component: () => import('./views/intake/NightLogView.vue'), meta: { title: '夜间记录' } },
  { path: '/slips', component: () => import('./views/slips/SlipsView.vue'), meta: { title: '派工单' } },
  { path: '/complaints', component: () => import('./views/complaints/ComplaintsView.vue'), meta: { title: '投诉' } },
  { path: '/roster', component: () => import('./views/duty/RosterView.vue'), meta: { title: '值班安排' } },
  { path: '/handover', component: () => import('./views/duty/HandoverView.vue'), meta: { title: '交接班' } },
  { path: '/keys', component: () => import('./views/keys/KeysView.vue'), meta: { title: '钥匙管理' } },
  { path: '/registers', component: () => import('./views/registers/RegistersView.vue'), meta: { title: '登记簿' } },
  { path: '/reports', component: () => import('./views/reports/ReportsView.vue'), meta: { title: '报表' } },
  { path: '/settings/:tab?', component: () => import('./views/settings/SettingsView.vue'), meta: { title: '设置' } },
  { path: '/search', component: () => import('./views/SearchView.vue'), meta: { title: '搜索' } },
  { path: '/help', component: () => import('./views/HelpView.vue'), meta: { title: '使用说明' } },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
