// The steps a desk user waits on, each as "get ready (not timed) → one input (timed) → the
// result on screen". Screens are found by their data-test hooks (see tests/e2e/README.md) and,
// where the app has none, by Element Plus's own ids (#tab-<name>, #pane-<name>).

import { js } from './probe.mjs'
import { Skip, clearField, click, keys, pick, ref, reveal, tap, timed, visibleEl } from './timing.mjs'

const ENTER = '\uE007'
const ESCAPE = '\uE00C'
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const and = (...c) => c.map((x) => `(${x})`).join(' && ')
const or = (...c) => c.map((x) => `(${x})`).join(' || ')
const T = (name) => `[data-test="${name}"]`
// Table rows: Element Plus's el-table or the app's RowTable (both have a tbody), or el-table-v2
// should a long table become virtual (issue 12).
const rows = (css) => js.visible(`${css} tbody tr, ${css} .el-table-v2__row`)

/** The goals of issue 12, in ms. */
export const GOAL = { click: 100, login: 1000, preview: 300, export: 500 }

/** What proves each top-level page has its data on screen, by its title in the left navigation. */
const PAGES = {
  来电来访: and(js.visible(T('intake-form')), js.visible(T('intake-today'))),
  派工单: rows(T('slip-list')),
  投诉: rows(T('complaint-list')),
  值班安排: or(js.visible(T('roster-grid')), js.visible(T('roster-create'))),
  交接班: js.visible(T('handover-plan')),
  报表: or(js.visible(T('report-numbers')), js.visible(T('print-form'))),
  设置: js.visible('#pane-office .el-form-item'),
}
/** 设置's tabs with long tables (issue 12 names rooms, staff and the audit log). */
const SETTINGS_TABS = {
  rooms: ['楼栋与房间', rows(T('room-table'))],
  staff: ['员工与账号', rows(T('staff-table'))],
  audit: ['操作日志', rows('#pane-audit')],
}

/** Waits (not timed) until the JavaScript condition holds; throws Skip with `why` if it never does. */
async function until(s, cond, why, timeout = 30_000) {
  const end = Date.now() + timeout
  while (!(await s.execute(`try { return !!(${cond}) } catch (e) { return false }`))) {
    if (Date.now() > end) throw new Skip(why)
    await sleep(50)
  }
}
/** The first displayed element matching `css`, waiting up to `timeout`; Skip with `why` if none. */
async function need(s, css, why, timeout = 10_000) {
  const end = Date.now() + timeout
  for (;;) {
    const id = await visibleEl(s, css)
    if (id) return id
    if (Date.now() > end) throw new Skip(why)
    await sleep(50)
  }
}
/** Goes to a route (not timed) and waits until `cond` shows it is there. */
async function goTo(s, hash, cond, why) {
  await s.execute('window.location.hash = arguments[0]', [hash])
  await until(s, cond, why)
}
/** Waits until no message (toast), dialog or drawer is on screen, so nothing covers the next target. */
async function calm(s) {
  await until(s, js.gone('.el-message, .el-overlay, .el-message-box'), '提示或对话框未关闭', 15_000).catch(() => {})
}
/** The value of a text field by its data-test (on the <input> itself or on its wrapper). */
const value = (name) => `((e) => e ? (e.value ?? e.querySelector('input, textarea')?.value ?? '') : '')(document.querySelector('${T(name)}'))`

/** Clicks a select's box and the first displayed option containing `text` (or the first option). Not timed. */
async function choose(s, selectCss, text) {
  await need(s, selectCss, `找不到选择框 ${selectCss}`)
  // The hook may sit on the select's hidden <input>: click the box a person sees.
  const box = await pick(
    s,
    `((e) => e.closest('.el-select')?.querySelector('.el-select__wrapper, .select-trigger .el-input__wrapper') ?? e)(
      [...document.querySelectorAll(arguments[0])].find((e) => e.getClientRects().length > 0))`,
    [selectCss],
  )
  await tap(s, box)
  // Click the option only once the list has stopped sliding in, or the click lands beside it.
  const still = "!document.querySelector('[class*=\"-enter-active\"], [class*=\"-leave-active\"]')"
  await until(s, and(js.visible('.el-select-dropdown__item'), still), '下拉列表未打开', 5000)
  const opt = await pick(
    s,
    `[...document.querySelectorAll('.el-select-dropdown__item')].filter((e) => e.getClientRects().length > 0)
      .find((e) => !arguments[0] || e.textContent.includes(arguments[0]))`,
    [text ?? ''],
  )
  if (!opt) throw new Skip(`选择框里没有“${text ?? '任何选项'}”`)
  await tap(s, opt)
  await until(s, and(js.gone('.el-select-dropdown'), still), '下拉列表未关闭', 5000)
}

/** The left navigation's titles, in order. */
export async function navTitles(s) {
  return s.execute("return [...document.querySelectorAll('.el-menu-item')].map((e) => e.textContent.trim())")
}
async function navItem(s, title) {
  const id = await pick(s, "[...document.querySelectorAll('.el-menu-item')].find((e) => e.textContent.trim() === arguments[0])", [title])
  if (!id) throw new Skip(`导航里没有“${title}”`)
  return id
}

// ── the steps ─────────────────────────────────────────────────────────────────────────────────
// Each returns the measurement of timed(); `ctx` carries what later steps need (serials, phones).

export async function login(ctx) {
  const { s } = ctx
  if (await s.execute(`return !!document.querySelector('${T('status-user')}')`)) {
    // Log out first (not timed): the status bar's 退出登录 and its confirmation.
    await goTo(s, '#/intake', js.visible(T('intake-form')), '来电来访页面未出现')
    await calm(s)
    const out = await pick(s, "[...document.querySelectorAll('.status button, footer button')].find((e) => e.textContent.includes('退出登录'))")
    if (!out) throw new Skip('状态栏没有“退出登录”')
    await tap(s, out)
    await tap(s, await need(s, '.el-message-box .el-button--primary', '退出登录没有确认框'))
    await until(s, js.visible(T('login-form')), '退出后没有登录页')
  }
  // At start the app checks the database first (quick_check: about 11 s on ten years) and shows
  // the login only then: wait for it, untimed.
  await until(s, js.visible(T('login-form')), '登录页未出现（启动检查未结束？）', 180_000)
  for (const [name, text] of [['login', ctx.login], ['password', ctx.password]]) {
    const id = await need(s, `input[name="${name}"]`, `登录页没有 ${name} 栏`)
    await clearField(s, id)
    await keys(s, id, text)
  }
  const submit = await need(s, T('login-submit'), '登录页没有登录按钮')
  // Each role lands on its own first page: the desk on 来电来访, supervisors and managers on 今日.
  return timed(s, () => click(s, submit), and(js.visible(T('status-user')), or(PAGES['来电来访'], js.visible(T('today')))), { timeout: 60_000 })
}

/** Every top-level page from the navigation, and 设置's long-table tabs right after 设置. */
export async function pageSteps(ctx) {
  const titles = await navTitles(ctx.s)
  // The page we are on (the first, after login) goes last: a click on it would change nothing.
  const order = [...titles.slice(1), titles[0]]
  const steps = []
  for (const title of order) {
    steps.push({ name: `打开「${title}」`, goal: GOAL.click, run: (c) => openPage(c, title) })
    if (title === '设置') {
      for (const [tab, [label]] of Object.entries(SETTINGS_TABS)) steps.push({ name: `设置 › ${label}`, goal: GOAL.click, run: (c) => openTab(c, tab) })
    }
  }
  return steps
}

async function openPage(ctx, title) {
  const { s } = ctx
  await calm(s)
  const id = await navItem(s, title)
  const before = await s.execute('return location.hash')
  // A page this script does not know: the hash changed and the page's IPC calls are back.
  const cond = PAGES[title] ?? `location.hash !== ${JSON.stringify(before)} && document.querySelector('main')?.innerText.length > 0`
  return timed(s, () => click(s, id), cond)
}

async function openTab(ctx, tab) {
  const { s } = ctx
  const [label, cond] = SETTINGS_TABS[tab]
  const id = await need(s, `#tab-${tab}`, `设置里没有“${label}”标签`)
  return timed(s, () => click(s, id), cond)
}

/** 来电来访: type a room code in 房号/电话, Enter → the resident and the room's history. */
export async function lookUp(ctx) {
  const { s } = ctx
  await goTo(s, '#/help', 'true', '')
  await goTo(s, '#/intake', js.visible(T('intake-form')), '来电来访页面未出现')
  const box = await need(s, `input${T('intake-lookup')}, ${T('intake-lookup')} input`, '来电来访没有“房号/电话”栏')
  await keys(s, box, ctx.room)
  const shown = or(js.visible(T('intake-history-room')), js.visible(T('intake-candidates')), js.visible(T('intake-lookup-note')))
  const m = await timed(s, () => keys(s, box, ENTER), shown)
  ctx.phone = await s.execute(`return ${value('intake-phone')}`)
  return m
}

/** 来电来访: a repair for the looked-up room (给排水), 登记 → the entry in today's list. */
export async function register(ctx) {
  const { s } = ctx
  if (!(await s.execute(`return ${value('intake-caller')} !== ''`))) throw new Skip('房号查询未带出住户')
  await choose(s, T('intake-category'), '给排水')
  ctx.content = `性能测试第${ctx.run}次：厨房水管漏水 ${Date.now() % 100000}`
  const text = await need(s, `textarea${T('intake-content')}, ${T('intake-content')} textarea`, '没有“内容”栏')
  await keys(s, text, ctx.content)
  const submit = await need(s, T('intake-submit'), '没有登记按钮')
  await reveal(s, submit)
  return timed(s, () => click(s, submit), js.text(T('intake-today'), ctx.content))
}

/** 来电来访: 开派工单 on the entry just registered → the message with the new slip's serial. */
export async function openSlipFromEntry(ctx) {
  const { s } = ctx
  if (!ctx.content) throw new Skip('没有本次登记的记录')
  await calm(s)
  const open = await pick(
    s,
    `[...([...document.querySelectorAll('${T('intake-today')} tr')].find((r) => r.textContent.includes(arguments[0]))?.querySelectorAll('button') ?? [])]
      .find((b) => b.textContent.includes('开派工单'))`,
    [ctx.content],
  )
  if (!open) throw new Skip('登记记录上没有“开派工单”')
  await reveal(s, open)
  const m = await timed(s, () => click(s, open), js.text('.el-message', '已开派工单'))
  ctx.serial = (await s.execute("return [...document.querySelectorAll('.el-message')].map((e) => e.textContent).join(' ')")).match(/PG-\d{6}-\d{4}/)?.[0]
  return m
}

/** 派工单: click the new slip's row → the drawer with its record and the steps allowed now. */
export async function openSlip(ctx) {
  const { s } = ctx
  if (!ctx.serial) throw new Skip('没有本次新开的派工单')
  await calm(s)
  await goTo(s, '#/slips', rows(T('slip-list')), '派工单列表未出现')
  const cell = await pick(
    s,
    `[...document.querySelectorAll('${T('slip-list')} tbody tr, ${T('slip-list')} .el-table-v2__row')]
      .find((r) => r.textContent.includes(arguments[0]))?.querySelector('td, .el-table-v2__row-cell')`,
    [ctx.serial],
  )
  if (!cell) throw new Skip(`列表里找不到 ${ctx.serial}`)
  await reveal(s, cell)
  const shown = and(js.text(T('slip-detail'), `派工单 ${ctx.serial}`), js.visible(`${T('slip-detail')} [data-test^="slip-action-"]`))
  return timed(s, () => click(s, cell), shown)
}

/** 派工单 drawer: choose the first technician offered, 派工 → the slip says 已派工. */
export async function dispatch(ctx) {
  const { s } = ctx
  if (!(await s.execute(`return !!document.querySelector('${T('slip-action-dispatch')}')`))) throw new Skip('打开的派工单不能派工')
  // The drawer slides in: a click during the slide lands where the button was, not where it is.
  await until(s, "!document.querySelector('[class*=\"-enter-active\"], [class*=\"-leave-active\"]')", '抽屉未停稳', 5000)
  await choose(s, T('slip-assignee'))
  const btn = await need(s, T('slip-action-dispatch'), '没有“派工”按钮')
  await reveal(s, btn)
  const m = await timed(s, () => click(s, btn), `/状态[：:]\\s*已派工/.test(document.querySelector('${T('slip-detail')}')?.textContent ?? '')`)
  await keys(s, await pick(s, 'document.activeElement || document.body'), ESCAPE).catch(() => {})
  return m
}

/** The search box at the top: type `q` (not timed), Enter → the result rows. */
async function search(ctx, q) {
  const { s } = ctx
  await calm(s)
  await goTo(s, '#/intake', js.visible(T('intake-form')), '来电来访页面未出现')
  const box = await need(s, `input${T('search-input')}, ${T('search-input')} input`, '没有搜索框')
  await clearField(s, box)
  await keys(s, box, q)
  return timed(s, () => keys(s, box, ENTER), rows(T('search-results')))
}
export const searchWord = (ctx) => search(ctx, '漏水')
export async function searchLastFour(ctx) {
  if (!/\d{4}$/.test(ctx.phone ?? '')) throw new Skip('房号查询未带出电话')
  return search(ctx, ctx.phone.slice(-4))
}

/** 搜索 results: click the first row → the record itself (a slip's or complaint's drawer, or the entry marked in its day's list). */
export async function openResult(ctx) {
  const { s } = ctx
  const cell = await visibleEl(s, `${T('search-results')} .el-table__body tr td:last-child .cell`)
  if (!cell) throw new Skip('没有搜索结果可打开')
  const m = await timed(s, () => click(s, cell), js.visible(`${T('slip-detail')}, ${T('complaint-detail')}, ${T('intake-today')} .shown-entry`))
  await keys(s, await pick(s, 'document.activeElement || document.body'), ESCAPE).catch(() => {})
  return m
}

/** 交接班: 开始交接 (or 晚间移交 when this shift's handover exists), a time of its own, 开始 → the new record. */
export async function startHandover(ctx) {
  const { s } = ctx
  await calm(s)
  await goTo(s, '#/handover', js.visible(T('handover-plan')), '交接班页面未出现')
  const opener = (await visibleEl(s, T('handover-new'))) ?? (await visibleEl(s, T('handover-new-security')))
  if (!opener) throw new Skip('没有“开始交接”按钮')
  await tap(s, opener)
  const at = await need(s, '.el-dialog .el-date-editor input', '开始交接对话框没有交接时间')
  const day = (await s.execute('return arguments[0].value', [ref(at)])).slice(0, 10)
  // A time of this run's own, early today: two handovers at one time would be refused.
  ctx.changeAt = `${day} 01:${String(10 + ctx.run).padStart(2, '0')}`
  await clearField(s, at)
  await keys(s, at, ctx.changeAt + ENTER)
  // 交班人/接班人 come from the roster; where it names nobody, take the first person offered.
  for (const party of ['start-outgoing', 'start-incoming']) {
    const shown = await s.execute(`return document.querySelector('.el-dialog ${T(party)}')?.closest('.el-select')?.innerText.trim() ?? ''`)
    if (!shown || shown === '请选择') await choose(s, `.el-dialog ${T(party)}`)
  }
  const go = await need(s, T('start-submit'), '没有“开始”按钮')
  return timed(s, () => click(s, go), and(js.text(T('handover-detail'), ctx.changeAt), js.gone(`.el-dialog ${T('start-submit')}`)))
}

/** 报表 › 月度报表: 导出 Excel → the message that the workbook was archived. */
export async function exportMonth(ctx) {
  const { s } = ctx
  await calm(s)
  await goTo(s, '#/reports', js.visible(T('report-numbers')), '报表页没有月度报表（需要主管权限）')
  await until(s, js.visible(T('report-export')), '月度报表没有导出按钮')
  await sleep(300)
  const btn = await need(s, T('report-export'), '月度报表没有导出按钮')
  return timed(s, () => click(s, btn), js.text('.el-message', '已导出并归档'), { timeout: 120_000 })
}

/** 报表 › 打印表单: choose a form (not timed), 预览 → pdf.js has drawn the first page. */
async function preview(ctx, form, serial) {
  const { s } = ctx
  await calm(s)
  if (!(await visibleEl(s, T('print-form')))) {
    if (!(await visibleEl(s, T('report-numbers')))) await goTo(s, '#/reports', or(js.visible(T('report-numbers')), js.visible(T('print-form'))), '报表页未出现')
    if (!(await visibleEl(s, T('print-form')))) await tap(s, await need(s, '#tab-print', '报表页没有“打印表单”'))
  }
  await need(s, T('print-form'), '打印表单页未出现')
  if (form) {
    await choose(s, T('print-form'), form)
    if (serial) {
      const box = await visibleEl(s, `input${T('print-serial')}, ${T('print-serial')} input`)
      if (!box) throw new Skip(`“${form}”不按单号打印`)
      await clearField(s, box)
      await keys(s, box, serial)
    }
  }
  const drawn = `Number(document.querySelector('${T('preview-canvas')}')?.dataset.drawn ?? 0)`
  const before = await s.execute(`return ${drawn}`)
  const btn = await need(s, T('print-preview'), '没有“预览”按钮')
  return timed(s, () => click(s, btn), `${drawn} > ${before}`, { timeout: 60_000 })
}
export const previewIntakeLog = (ctx) => preview(ctx, null)
export async function previewSlip(ctx) {
  if (!ctx.serial) throw new Skip('没有本次新开的派工单')
  return preview(ctx, '维修派工单', ctx.serial)
}
