// 今日 and the status bar's counts (issue 13): each role lands where its work is, and every
// count — on the 今日 page and in the status bar — equals the command line's and opens the list
// it counts, with that many rows.

import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chinaTime } from './lib/clock.mjs'
import { startApp, cliAs, cliBinary } from './lib/app.mjs'
import { logIn, logOut } from './lib/flows.mjs'
import { waitUntil } from './lib/webdriver.mjs'

const PASSWORD = 'demo123456'

describe('今日待办与状态栏计数', () => {
  let app, s, dir, cli
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fd-today-'))
    const db = join(dir, 'office.db')
    // Generated as of six hours ago: the shift changes since then have no handovers (未交接).
    execFileSync(cliBinary(), ['--db', db, '--now', chinaTime(6), 'dev', 'generate', '--years', '1', '--seed', '4', '--entries-per-year', '3000', '--rooms', '200'])
    cli = cliAs(db, 'zhuguan', PASSWORD)
    app = await startApp({ db })
    s = app.session
  })
  after(() => {
    app?.stop()
    if (dir && !process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true })
  })

  const hash = () => s.execute('return location.hash')
  const rows = (table) => s.execute(`return document.querySelectorAll('[data-test="${table}"] tbody tr').length`)
  const activeBoard = () => s.execute(`return document.querySelector('[data-test="slip-boards"] .is-active')?.textContent.trim() ?? ''`)

  test('主管登录后落在“今日”：每个数字与命令行一致，点开就是那张清单', async () => {
    await logIn(s, 'zhuguan', PASSWORD)
    await s.byTest('today')
    assert.equal(await hash(), '#/today')
    const w = cli('waiting')
    const want = {
      overdue: w.overdue, visits: w.awaiting_visit, visits_late: w.visits_overdue, callbacks: w.callbacks, night: w.night_log,
      handovers: w.missing_handovers, replies: w.awaiting_reply, requests: w.pending_requests,
    }
    assert.ok(w.overdue > 0 && w.awaiting_visit > 0 && w.missing_handovers > 0, `a half-finished office: ${JSON.stringify(w)}`)
    for (const [key, n] of Object.entries(want)) {
      await s.waitForText(() => s.byTest(`today-${key}`), String(n))
      assert.equal((await (await s.byTest(`today-${key}`)).fullText()).trim().split(/\s+/)[0], String(n), key)
    }
    await s.screenshot('today-01-supervisor-landing')
    // The card opens the 已超时 board, with exactly that many slips.
    await (await s.byTest('today-overdue')).click()
    await waitUntil(async () => (await hash()) === '#/slips?board=overdue', { message: 'the overdue board' })
    await waitUntil(async () => (await activeBoard()) === '已超时', { message: '已超时 chosen' })
    await waitUntil(async () => (await rows('slip-list')) === w.overdue, { message: `${w.overdue} overdue slips listed` })
    await s.screenshot('today-02-overdue-board')
  })

  test('页头的待办：超时、待回访、待回电、夜间记录、未交接，各是一个链接', async () => {
    const w = cli('waiting')
    const bar = await s.byTest('status-waiting')
    const text = await bar.fullText()
    for (const [key, label, n] of [['overdue', '超时', w.overdue], ['visits', '待回访', w.awaiting_visit], ['visits_late', '回访超时', w.visits_overdue], ['callbacks', '待回电', w.callbacks], ['night', '夜间记录', w.night_log], ['handovers', '未交接', w.missing_handovers]]) {
      if (n > 0) assert.ok(text.includes(`${label} ${n}`), `${label} ${n} in “${text}”`)
      else assert.equal((await s.css(`[data-test="status-waiting-${key}"]`)).length, 0, `no ${label} when there is none`)
    }
    await s.screenshot('today-03a-status-bar')
    // While the slips page is open, 待回访 switches its board.
    await (await s.byTest('status-waiting-visits')).click()
    await waitUntil(async () => (await hash()) === '#/slips?board=awaiting_visit', { message: 'the address of 待回访' })
    await waitUntil(async () => (await activeBoard()) === '待回访', { message: '待回访 chosen' })
    await waitUntil(async () => (await rows('slip-list')) === w.awaiting_visit, { message: `${w.awaiting_visit} slips awaiting their visit` })
    await s.screenshot('today-03-status-bar-visits')
    // 回访超时 (R-DS-7): the done slips past the return visit's deadline, on their own board.
    if (w.visits_overdue > 0) {
      await (await s.byTest('status-waiting-visits_late')).click()
      await waitUntil(async () => (await activeBoard()) === '回访超时', { message: '回访超时 chosen' })
      await waitUntil(async () => (await rows('slip-list')) === w.visits_overdue, { message: `${w.visits_overdue} slips past their visit deadline` })
    }
    // 未交接 opens the 交接班 screen with its list.
    await (await s.byTest('status-waiting-handovers')).click()
    await s.waitForText(() => s.byTest('handover-missing'), `未交接 ${w.missing_handovers} 次`)
    if (w.callbacks > 0) {
      await (await s.byTest('status-waiting-callbacks')).click()
      await waitUntil(async () => (await rows('intake-today')) === w.callbacks, { message: `${w.callbacks} callbacks owed listed` })
      await s.screenshot('today-04-callbacks')
    }
  })

  test('维修工落在“我的派工单”（不显示前台的待办），前台落在来电来访，经理落在“今日”；前台菜单里没有“今日”', async () => {
    await logOut(s)
    await logIn(s, 'weixiu', PASSWORD)
    await waitUntil(async () => (await hash()) === '#/slips?board=mine', { message: 'the technician on 我的派工单' })
    await waitUntil(async () => (await activeBoard()) === '我的派工单', { message: '我的派工单 chosen' })
    assert.equal((await s.css('[data-test="status-waiting"]')).length, 0, 'the desk\'s queue is not a technician\'s')
    await s.screenshot('today-05-technician-landing')
    await logOut(s)
    await logIn(s, 'qiantai', PASSWORD)
    await s.byTest('intake-lookup')
    assert.equal(await hash(), '#/intake')
    const menu = await s.execute(`return [...document.querySelectorAll('.menu .el-menu-item')].map((e) => e.textContent.trim())`)
    assert.ok(!menu.includes('今日') && menu.includes('来电来访'), menu.join(','))
    await logOut(s)
    await logIn(s, 'jingli', PASSWORD)
    await s.byTest('today')
    await s.byTest('today-reports')
    await s.screenshot('today-06-manager-landing')
  })

  test('操作日志：写出记录的名字，可按操作人、记录类型、日期筛选', async () => {
    // 主管 starts a handover from the command line: the log names it by its serial.
    const staff = cli('staff', 'list')
    const desk = staff.filter((p) => p.role === 'receptionist')
    const boss = staff.find((p) => p.login === 'zhuguan')
    const h = cli('handover', 'start', '--kind', 'desk', '--change-at', chinaTime(1), '--outgoing-id', String(desk[0].id), '--incoming-id', String(desk[1].id))
    await s.go('#/settings/audit')
    const table = () => s.byTest('audit-rows')
    await s.waitForText(table, h.serial)
    const named = await s.execute(`return [...document.querySelectorAll('[data-test="audit-rows"] tbody tr')].map((tr) => tr.children[3].textContent.trim())[0]`)
    assert.equal(named, `交接班记录${h.serial}`, 'the newest row names the handover by its serial')
    await s.screenshot('today-07-audit-log')
    // Only 交接班记录: every row says so.
    await (await s.byCss('[data-test="audit-entity"] input')).fill('交接班记录')
    await (await s.waitFor('xpath', "//li[contains(@class, 'el-select-dropdown__item')][normalize-space(.)='交接班记录']")).click()
    await waitUntil(async () => {
      const kinds = await s.execute(`return [...document.querySelectorAll('[data-test="audit-rows"] tbody tr')].map((tr) => tr.children[3].textContent.trim())`)
      return kinds.length > 0 && kinds.every((k) => k.startsWith('交接班记录'))
    }, { message: 'only handovers listed' })
    // And only what 主管 did: the row of the handover is there, with the whole change.
    await (await s.byCss('[data-test="audit-actor"] input')).fill(boss.name)
    await (await s.waitFor('xpath', `//li[contains(@class, 'el-select-dropdown__item')][normalize-space(.)='${boss.name}']`)).click()
    await waitUntil(async () => {
      const who = await s.execute(`return [...document.querySelectorAll('[data-test="audit-rows"] tbody tr')].map((tr) => tr.children[1].textContent.trim())`)
      return who.length > 0 && who.every((n) => n === boss.name)
    }, { message: `only ${boss.name}'s entries` })
    await s.waitForText(table, h.serial)
    await s.screenshot('today-08-audit-filtered')
  })
})
