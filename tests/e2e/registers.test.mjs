// 登记簿 (R-AH-1..3): the after-hours registers as the desk and the gate use them — a goods pass
// issued by the desk (refused until its fields are filled), printed, handed on while the goods are
// still in, checked out by the guard, and found again by search; a hot-work permit that needs a
// leader's approval; a temporary pass that keeps only the masked ID number.

import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startApp, cliAs, cliBinary } from './lib/app.mjs'
import { choose, fillForm, logIn, logOut, still, typeAndEnter } from './lib/flows.mjs'
import { waitUntil } from './lib/webdriver.mjs'

const PASSWORD = 'demo123456'

describe('登记簿', () => {
  let app, s, dir, desk, guard
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fd-registers-'))
    const db = join(dir, 'office.db')
    execFileSync(cliBinary(), ['--db', db, 'dev', 'generate', '--years', '1', '--seed', '6', '--entries-per-year', '300', '--rooms', '40'])
    desk = cliAs(db, 'qiantai', PASSWORD)
    guard = cliAs(db, 'baoan', PASSWORD)
    app = await startApp({ db })
    s = app.session
    await logIn(s, 'qiantai', PASSWORD)
  })
  after(() => {
    app?.stop()
    if (dir && !process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true })
  })

  test('物品放行单：开具、打印、交接班移交、门岗放行、搜索可查（R-AH-1）', async () => {
    const room = desk('room', 'list', '--limit', '1').rooms[0].room.code
    await (await s.byText('登记簿')).click()
    await s.byTest('goods-form')
    // Nothing filled: every missing field is named under itself, nothing is issued.
    await (await s.byTest('goods-issue')).click()
    await s.waitForText(() => s.byTest('goods-form'), '请填写搬运人')
    const form = await (await s.byTest('goods-form')).text()
    for (const want of ['请填写物品搬出的房号', '请填写业主/住户姓名', '请填写物品名称及数量']) assert.ok(form.includes(want), want)
    assert.equal(desk('goods', 'list').length, 0)
    await s.screenshot('registers-01-refused')

    await fillForm(s, { room, resident_name: '王女士', carrier_name: '刘师傅', carrier_phone: '13700001111', items: '旧沙发 1 张，纸箱 3 个' })
    await (await s.byTest('goods-issue')).click()
    const pass = await waitUntil(() => desk('goods', 'list')[0], { message: 'the goods pass issued' })
    assert.match(pass.serial, /^FX-\d{6}-0001$/)
    // Issuing opens its printed slip.
    const canvas = await s.byCss('[data-test="print-dialog"] [data-test="preview-canvas"]', { timeout: 30_000 })
    await waitUntil(async () => Number(await canvas.attribute('data-drawn')) >= 1, { timeout: 30_000, message: 'the slip drawn' })
    const archived = await (await s.byTest('print-dialog-archived')).attribute('data-path')
    assert.ok(archived && existsSync(archived), `archived copy ${archived}`)
    const text = execFileSync('pdftotext', [archived, '-']).toString().replace(/\s+/g, '')
    for (const want of ['物品出入放行单', pass.serial, room, '刘师傅', '137****1111', '旧沙发1张，纸箱3个', '待门岗核对放行']) assert.ok(text.includes(want), `${want} in the PDF`)
    await s.screenshot('registers-02-printed')
    await (await s.byCss('[data-test="print-dialog"] .el-dialog__headerbtn')).click()
    await s.waitForText(() => s.byTest(`goods-state-${pass.id}`), '待放行')
    assert.deepEqual(desk('intake', 'open-items').goods_waiting.map((g) => g.serial), [pass.serial])

    // The guard logs in and lets the goods out after checking them; the guard is the checker.
    await logOut(s)
    await logIn(s, 'baoan', PASSWORD)
    await (await s.byText('登记簿')).click()
    await (await s.byTest(`goods-release-${pass.id}`)).click()
    await (await s.byCss('.el-message-box .el-button--primary')).click()
    await s.waitGone('.el-message-box')
    await s.waitForText(() => s.byTest(`goods-state-${pass.id}`), '已放行')
    const me = desk('staff', 'list').find((p) => p.login === 'baoan')
    assert.equal(guard('goods', 'show', '--id', String(pass.id)).closed_by, me.name)
    assert.equal(desk('intake', 'open-items').goods_waiting.length, 0)
    await s.screenshot('registers-03-released')

    // Search by the carrier's last four finds the slip; opening it marks its row.
    await typeAndEnter(await s.byTest('search-input'), '1111')
    await s.waitForText(() => s.byTest('search-registers'), pass.serial)
    await s.screenshot('registers-04-search')
    await (await (await s.byTest('search-registers')).find('.el-table__row td:last-child .cell')).click()
    await s.byCss('[data-test="goods-list"] .marked')
    assert.match(await (await s.byCss('[data-test="goods-list"] .marked')).fullText(), new RegExp(pass.serial))
  })

  test('动用明火须主管或经理批准；出入证只保存隐去中间的证件号（R-AH-2、R-AH-3）', async () => {
    await logOut(s)
    await logIn(s, 'qiantai', PASSWORD)
    await s.go('#/registers?tab=hot_work')
    await s.byTest('hot-work-form')
    await fillForm(s, {
      place: '5号楼 地下车库 B 区',
      applicant: '美家装饰 陈工',
      work: '焊接车库防护栏',
      starts_at: '2026-12-10 14:00',
      ends_at: '2026-12-10 18:00',
      fire_measures: '配灭火器 2 具，清理周边易燃物',
      guardian: '陈工',
    })
    await (await s.byTest('hot-work-issue')).click()
    await s.waitForText(() => s.byTest('hot-work-form'), '请选择批准动火的主管或经理')
    assert.equal(desk('hotwork', 'list').length, 0)
    const boss = desk('staff', 'list').find((p) => p.role === 'supervisor' && p.active)
    await choose(s, 'hot-work-approver', boss.name)
    await (await s.byTest('hot-work-issue')).click()
    const permit = await waitUntil(() => desk('hotwork', 'list')[0], { message: 'the permit registered' })
    assert.equal(permit.approved_by, boss.name)
    await s.byCss('[data-test="print-dialog"] [data-test="preview-canvas"]', { timeout: 30_000 })
    await (await s.byCss('[data-test="print-dialog"] .el-dialog__headerbtn')).click()
    await s.byTest(`hot-work-state-${permit.id}`)
    await still(s)
    await s.screenshot('registers-05-hot-work')

    await (await s.byText('出入证')).click()
    await s.byTest('pass-form')
    await fillForm(s, { holder_name: '李师傅', id_number: '11010519800101123X', purpose: '装修施工', valid_to: '2099-12-31' })
    await (await s.byTest('pass-issue')).click()
    await s.waitForText(() => s.byTest('pass-form'), '出入证最长有效 366 天')
    await fillForm(s, { valid_to: desk('clock', 'now').now.slice(0, 10) })
    await (await s.byTest('pass-issue')).click()
    const p = await waitUntil(() => desk('pass', 'list')[0], { message: 'the pass issued' })
    assert.equal(p.id_masked, '110***********123X')
    await (await s.byCss('[data-test="print-dialog"] .el-dialog__headerbtn')).click()
    await s.waitForText(() => s.byTest('pass-list'), '110***********123X')
    assert.ok(!(await (await s.byTest('pass-list')).text()).includes('0519'), 'the full number is shown nowhere')
    await still(s)
    await s.screenshot('registers-06-pass')
  })

  test('查岗记录：发现脱岗须写明值班人员，计入人员考核（R-DU-9、R-DU-12）', async () => {
    await logOut(s)
    await logIn(s, 'zhuguan', PASSWORD)
    await s.go('#/roster?tab=checks')
    await s.byTest('check-form')
    await (await s.byText('脱岗')).click()
    await fillForm(s, { post: '北门岗', note: '凌晨巡查无人' })
    await (await s.byTest('check-save')).click()
    await s.waitForText(() => s.byTest('check-form'), '脱岗须写明是哪位值班人员')
    const boss = cliAs(join(dir, 'office.db'), 'zhuguan', PASSWORD)
    const month = boss('clock', 'now').now.slice(0, 7)
    assert.equal(boss('check', 'list', '--month', month).length, 0)
    const guardName = desk('staff', 'list').find((p) => p.login === 'baoan').name
    await choose(s, 'check-person', guardName, { contains: true })
    await (await s.byTest('check-save')).click()
    await s.waitForText(() => s.byTest('check-list'), guardName)
    const [c] = boss('check', 'list', '--month', month)
    assert.equal(c.finding, 'absent')
    const report = boss('report', 'show', '--kind', 'month', '--period', month)
    assert.equal(report.duty.absences, 1)
    assert.equal(report.workload.find((p) => p.name === guardName).absent, 1)
    await still(s)
    await s.screenshot('registers-07-checks')
  })
})
