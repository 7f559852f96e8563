// The second pass on the duty rules and 催办, in the real window: a special day marked on the
// grid refuses publishing until a supervisor is on it (R-DU-10); an approval that changes the
// published roster is shown to the person it affects at their next login (R-DU-11); leaving the
// post needs a leader's approval and anyone may stand in (R-DU-8); and a resident's repeated
// call is recorded as 催办 in one step from the look-up and counted on the slip, its board, its
// timeline and the month's report.

import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chinaMonth } from './lib/clock.mjs'
import { startApp, cliAs, cliBinary } from './lib/app.mjs'
import { waitUntil } from './lib/webdriver.mjs'
import { choose, logIn, logOut, still } from './lib/flows.mjs'

const PASSWORD = 'demo123456'

describe('值班规定与催办', () => {
  let app, s, dir, db, cli, month, staff
  const day = (n) => `${month}-${String(n).padStart(2, '0')}`
  const md = (n) => `${Number(month.slice(5))}月${n}日`

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fd-duty-rules-'))
    db = join(dir, 'office.db')
    cli = cliAs(db, 'zhuguan', PASSWORD)
    execFileSync(cliBinary(), ['--db', db, 'dev', 'generate', '--years', '1', '--seed', '9', '--entries-per-year', '200', '--rooms', '30'])
    const all = cli('staff', 'list')
    const by = (role) => all.filter((p) => p.role === role && p.active)
    const r1 = all.find((p) => p.login === 'qiantai')
    const r2 = by('receptionist').find((p) => p.id !== r1.id)
    const [t1, t2] = by('technician').filter((p) => p.department === '工程部')
    staff = { r1, r2, t1, t2, boss: all.find((p) => p.login === 'zhuguan'), guard: all.find((p) => p.login === 'baoan') }
    // The month after next: two receptionists alternate 白+中 and two technicians 夜, which
    // covers every minute and every shift.
    month = chinaMonth(2)
    cli('roster', 'create', '--month', month)
    cli('roster', 'rotate', '--month', month, '--staff-ids', `${r1.id},${r2.id}`, '--pattern', '白+中,休')
    cli('roster', 'rotate', '--month', month, '--staff-ids', `${t1.id},${t2.id}`, '--pattern', '夜,休')
    app = await startApp({ db })
    s = app.session
    await logIn(s, 'zhuguan', PASSWORD)
  })
  after(() => {
    app?.stop()
    if (dir && !process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true })
  })

  test('特殊日：标记后须有主管或经理值班，否则不能发布（R-DU-10）', async () => {
    await s.go('#/roster')
    const picker = await s.byCss('[data-test="roster-month"] input')
    await picker.fill(`${month.slice(0, 4)}年${Number(month.slice(5))}月`)
    await picker.press('\uE007')
    await s.byTest('roster-grid')
    await waitUntil(async () => (await (await s.byTest('roster-checks')).text()).includes('检查通过'), { message: 'the full draft passes' })
    // A click on the 10th's head asks for the reason; the day gets its star and the check its problem.
    await (await s.byTest(`day-head-${day(10)}`)).click()
    const input = await s.byCss('.el-message-box input')
    await input.fill('台风预警')
    await (await s.byCss('.el-message-box .el-button--primary')).click()
    await s.waitGone('.el-message-box')
    await s.waitForText(() => s.byTest('roster-special'), `${md(10)} 台风预警`)
    await s.waitForText(() => s.byTest('problem-group-responsible'), '1 处缺少负责人')
    await s.screenshot('duty-rules-01-special-day')
    // Publishing is refused, naming the day.
    await (await s.byTest('roster-publish')).click()
    await (await s.byCss('.el-message-box .el-button--primary')).click()
    const refusal = await s.byText('值班表不能发布', { contains: true })
    assert.ok((await refusal.fullText()).includes(`${md(10)}（台风预警）是特殊日，须有主管或经理值班`), await refusal.fullText())
    assert.equal((await (await s.byTest('roster-status')).fullText()).trim(), '草稿')
    // The supervisor takes the 10th's day shift (1 = 白班): the problem goes, it publishes.
    const cell = await s.byTest(`cell-${staff.boss.id}-${day(10)}`)
    await cell.click()
    await cell.press('1')
    await waitUntil(async () => (await s.css('[data-test="problem-group-responsible"]')).length === 0, { message: 'the responsible person is on duty' })
    await (await s.byTest('roster-publish')).click()
    await (await s.byCss('.el-message-box .el-button--primary')).click()
    await s.waitForText(() => s.byTest('roster-status'), '已发布')
    const shown = cli('roster', 'show', '--month', month)
    assert.equal(shown.days[9].special, '台风预警')
    assert.equal(shown.status, 'published')
    await s.screenshot('duty-rules-02-published')
  })

  test('值班表变动通知：批准调整已发布的值班表，受影响的人下次登录看到（R-DU-11）', async () => {
    // A day from the 15th on where qiantai keeps 白+中 and the other receptionist is off.
    const shown = cli('roster', 'show', '--month', month)
    const cells = (p) => shown.rows.find((x) => x.staff.id === p.id).cells
    const d = [...Array(10).keys()].map((i) => i + 15).find((n) => cells(staff.r1)[n - 1] === '白+中' && cells(staff.r2)[n - 1] === '')
    assert.ok(d, 'qiantai works a day the other receptionist is off')
    const req = cli('request', 'file', '--kind', 'leave', '--staff-id', String(staff.r1.id), '--from-day', day(d), '--reason', '家中有事')
    await (await s.byText('调班/请假')).click()
    await (await s.byTest(`request-decide-${req.id}`)).click()
    await choose(s, 'decide-substitute', staff.r2.name, { contains: true })
    await (await s.byTest('decide-approve')).click()
    const said = await (await s.byText('已批准。值班表调整', { contains: true })).fullText()
    assert.ok(said.includes(`已通知 ${staff.r1.name}、${staff.r2.name}，下次登录时看到`), said)
    await s.waitGone('.el-dialog')
    await s.waitForText(() => s.byTest('request-table'), `已通知：${staff.r1.name}（未读）`)
    await s.screenshot('duty-rules-03-approved-and-told')

    // qiantai logs in: the notice is there, with her own change; 知道了 records it.
    await logOut(s)
    await logIn(s, 'qiantai', PASSWORD)
    const box = await s.byCss('[data-test="roster-notices"]', { timeout: 15_000 })
    await s.waitForText(() => s.byCss('[data-test="roster-notices"]'), `${md(d)} 白班+中午班 → 休`)
    assert.ok((await box.fullText()).includes(`${staff.r1.name}的请假（${day(d)}）经${staff.boss.name}批准`), await box.fullText())
    await s.screenshot('duty-rules-04-notice-at-login')
    await (await s.byTest('roster-notices-seen')).click()
    await waitUntil(async () => !(await (await s.byCss('[data-test="roster-notices"]').catch(() => null))?.displayed().catch(() => false)), { message: 'the notice closes' })
    const told = cli('request', 'list').find((x) => x.id === req.id).announced_to
    assert.ok(told.find((a) => a.name === staff.r1.name).seen_at, 'her reading is kept')
    assert.equal(told.find((a) => a.name === staff.r2.name).seen_at, null)
  })

  test('离岗替值：须经主管或经理批准，任何岗位均可替值（R-DU-8）', async () => {
    // Still qiantai. Whoever is on duty now leaves the post for an hour.
    const now = cli('duty', 'now')
    const away = now.people[0]?.staff
    assert.ok(away, 'someone is on duty now in the generated roster')
    const cover = [staff.guard, staff.t1, staff.t2].find((p) => p.id !== away.id)
    await s.go('#/roster')
    await (await s.byText('当前值班')).click()
    await s.byTest('onduty-table')
    await (await s.waitFor('xpath', `//*[@data-test="cover-kind"]//label[contains(., '离岗替值')]`)).click()
    await choose(s, 'cover-for', away.name)
    await choose(s, 'cover-staff', cover.name, { contains: true })
    await (await s.byTest('cover-reason')).fill('孩子学校有急事，离开约一小时')
    // A receptionist names no approver: refused under 批准人, nothing recorded.
    await (await s.byTest('cover-submit')).click()
    await s.byText('离岗须经主管或经理批准，请选择批准人')
    assert.equal(cli('duty', 'covers').filter((c) => c.kind === 'leave').length, 0)
    await s.screenshot('duty-rules-05-leave-refused')
    await choose(s, 'cover-approver', staff.boss.name, { contains: true })
    await (await s.byTest('cover-submit')).click()
    await s.waitForText(() => s.byTest('onduty-table'), `离岗，${cover.name} 替值`)
    await s.waitForText(() => s.byTest('cover-table'), '离岗替值')
    const saved = cli('duty', 'covers').find((c) => c.kind === 'leave')
    assert.deepEqual([saved.for_staff.name, saved.cover.name, saved.approved_by.name], [away.name, cover.name, staff.boss.name])
    await still(s)
    await s.screenshot('duty-rules-06-leave-recorded')
  })

  test('催办：从来电查询一步登记，单上、列表、时间线和月报都计数', async () => {
    // A leak reported this morning, dispatched and not yet done.
    const room = cli('room', 'list', '--limit', '1').rooms[0].room.code
    const reg = cli('intake', 'register', '--room', room, '--channel', 'call', '--kind', 'repair',
      '--category', '给排水', '--content', '卫生间漏水，楼下天花板有水渍', '--caller-name', '王女士', '--caller-phone', '13800001234')
    const opened = cli('slip', 'open', '--intake-id', String(reg.entry.id))
    const slip = cli('slip', 'board', '--board', 'all_open').find((x) => x.id === opened.id)
    assert.equal(slip.urge_count, 0)
    const period = slip.opened_at.slice(0, 7)
    const before = cli('report', 'show', '--kind', 'month', '--period', period).slips
    await s.go('#/intake')
    const lookup = await s.byTest('intake-lookup')
    await lookup.fill(slip.room)
    await lookup.press('\uE007')
    await s.waitForText(() => s.byTest('intake-history'), slip.serial)
    await (await s.byTest(`urge-${slip.serial}`)).click()
    await (await s.byCss('.el-message-box input')).fill('已等两天，很着急')
    await (await s.byCss('.el-message-box .el-button--primary')).click()
    const said = await (await s.byText('已登记催办', { contains: true })).fullText()
    assert.ok(said.includes(`${slip.serial} 第 ${slip.urge_count + 1} 次`), said)
    await s.waitForText(() => s.byTest(`history-slip-${slip.serial}`), `已催 ${slip.urge_count + 1} 次`)
    await s.screenshot('duty-rules-07-urged-from-lookup')

    // The board shows the count; the slip's timeline the call.
    await s.go(`#/slips?board=all_open&open=${slip.id}`)
    await s.waitForText(() => s.byTest('slip-list'), `催 ${slip.urge_count + 1}`)
    await s.waitForText(() => s.byTest('slip-detail'), '催办 · ')
    const timeline = await (await s.byTest('slip-detail')).fullText()
    assert.ok(timeline.includes('已等两天，很着急'), timeline)
    await s.screenshot('duty-rules-08-urged-timeline')
    const after = cli('report', 'show', '--kind', 'month', '--period', period).slips
    assert.equal(after.urge_calls, before.urge_calls + 1)
    assert.equal(after.urged, before.urged + (slip.urge_count === 0 ? 1 : 0))
  })
})
