// 值班安排 and 交接班 in the real window: the supervisor drafts next month's roster, sees the gap
// the draft leaves, fixes it from the keyboard and publishes; approves a swap and sees it as an
// override; two receptionists complete and sign a handover, each with their own password.
// A small generated office (frontdesk-cli dev generate) gives the staff; the draft and the
// requests are seeded with the CLI, as a supervisor would have started them the day before.

import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chinaMonth, lastDayAt } from './lib/clock.mjs'
import { startApp, cliAs, cliBinary } from './lib/app.mjs'
import { waitUntil } from './lib/webdriver.mjs'
import { logIn } from './lib/flows.mjs'

const PASSWORD = 'demo123456'

/** The month after next (the generated office has next month published already): 'YYYY-MM'. */

describe('值班安排与交接班', () => {
  let app, s, dir, db, cli, month, staff
  const day = (n) => `${month}-${String(n).padStart(2, '0')}`

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fd-duty-'))
    db = join(dir, 'office.db')
    cli = cliAs(db, 'zhuguan', PASSWORD, { FRONTDESK_NEW_PASSWORD: 'jieban123' })
    execFileSync(cliBinary(), ['--db', db, 'dev', 'generate', '--years', '1', '--seed', '2', '--entries-per-year', '100', '--rooms', '30'])
    staff = cli('staff', 'list')
    const by = (role) => staff.filter((p) => p.role === role)
    const [r1, r2] = [staff.find((p) => p.login === 'qiantai'), by('receptionist').find((p) => p.login !== 'qiantai')]
    const [t1, t2] = by('technician').filter((p) => p.department === '工程部')
    staff = { r1, r2, t1, t2 }
    // The second receptionist signs the handover: give her a login.
    cli('account', 'set-login', '--staff-id', String(r2.id), '--login', 'jieban')
    // Next month: two receptionists alternate 白班 with the noon duty (白+中, R-DU-13) and two
    // technicians alternate 夜班, which covers every minute and every shift — then the 12th's
    // day shift is taken out, leaving a gap for the screen to show.
    month = chinaMonth(2)
    cli('roster', 'create', '--month', month)
    cli('roster', 'rotate', '--month', month, '--staff-ids', `${r1.id},${r2.id}`, '--pattern', '白+中,休')
    cli('roster', 'rotate', '--month', month, '--staff-ids', `${t1.id},${t2.id}`, '--pattern', '夜,休')
    const shown = cli('roster', 'show', '--month', month)
    const row = shown.rows.find((x) => x.staff.id === r2.id)
    const gapDay = shown.rows.find((x) => x.staff.id === r1.id).cells[11] === '白+中' ? r1 : r2
    staff.gap = gapDay
    cli('roster', 'set', '--month', month, '--staff-id', String(gapDay.id), '--date', day(12), '--code', '')
    assert.ok(row, 'the receptionist is on the roster')
    app = await startApp({ db })
    s = app.session
    await logIn(s, 'zhuguan', PASSWORD)
  })
  after(() => {
    app?.stop()
    if (dir && !process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true })
  })

  test('排班:草稿显示空档,用键盘补上,发布', async () => {
    await s.go('#/roster')
    // The screen opens on next month; the draft is the month after.
    const picker = await s.byCss('[data-test="roster-month"] input')
    await picker.fill(`${month.slice(0, 4)}年${Number(month.slice(5))}月`) // the one month format: 2026年12月, 2027年1月
    await picker.press('\uE007')
    await s.byTest('roster-grid')
    // 夜班 runs to 09:00, so the missing 白班 leaves 09:00–17:30 uncovered.
    const twelfth = `${Number(month.slice(5))}月12日 09:00–17:30`
    await s.waitForText(() => s.byTest('roster-gaps'), twelfth)
    assert.ok((await s.css('[data-test="gap-day"]')).length >= 1, 'the gap day is highlighted')
    await s.screenshot('duty-01-roster-gap')
    // Publishing with the gap is refused, and the message lists it.
    await (await s.byTest('roster-publish')).click()
    await (await s.byCss('.el-message-box .el-button--primary')).click()
    await s.byText('空档', { contains: true })
    // The noon duty of the 12th is missing too, and the refusal says so (R-DU-13).
    const refusal = await s.byText('值班表不能发布', { contains: true })
    assert.match(await refusal.fullText(), /12日 中午班（11:30–13:30）没有安排人/)
    assert.equal((await (await s.byTest('roster-status')).fullText()).trim(), '草稿')

    // The cell of the 12th: select it and press 2 (白+中, the second shift of the legend: 白班
    // alone would close the gap but leave the noon duty unkept, and publishing would refuse).
    const cell = await s.byTest(`cell-${staff.gap.id}-${day(12)}`)
    await cell.click()
    await cell.press('2')
    await waitUntil(async () => (await s.css('[data-test="gap-day"]')).length === 0, { message: 'the gap closed' })
    await s.screenshot('duty-02-roster-fixed')
    await (await s.byTest('roster-publish')).click()
    await (await s.byCss('.el-message-box .el-button--primary')).click()
    await s.waitForText(() => s.byTest('roster-status'), '已发布')
    await s.screenshot('duty-03-roster-published')
    assert.equal(cli('roster', 'show', '--month', month).status, 'published')
  })

  test('调班:主管批准,值班表上记为变更', async () => {
    // r1 and r2 swap days 3 and 4 (one works the other's 白班): coverage is unchanged.
    const shown = cli('roster', 'show', '--month', month)
    const on = (p, d) => shown.rows.find((x) => x.staff.id === p.id).cells[d - 1] === '白+中'
    const [a, b] = on(staff.r1, 3) ? [staff.r1, staff.r2] : [staff.r2, staff.r1]
    assert.ok(on(a, 3) && on(b, 4))
    const req = cli('request', 'file', '--kind', 'swap', '--staff-id', String(a.id), '--from-day', day(3), '--other-staff-id', String(b.id), '--other-day', day(4), '--reason', '家中有事')
    await (await s.byText('调班/请假')).click()
    await (await s.byTest(`request-decide-${req.id}`)).click()
    await (await s.byTest('decide-approve')).click()
    // The message says what changed, day by day (issue 9: never "adjusted" when nothing was).
    const said = await (await s.byText('已批准。值班表调整', { contains: true })).fullText()
    assert.ok(said.includes(`${a.name} 白班+中午班 → 休`) && said.includes(`${b.name} → 白班+中午班`), said)
    await s.waitGone('.el-dialog')
    await s.waitForText(() => s.byTest('request-table'), '已批准')
    await s.screenshot('duty-04-swap-approved')
    const after = cli('request', 'list').find((x) => x.id === req.id)
    assert.equal(after.status, 'approved')
    assert.ok(after.changes.length >= 2, `the swap changed both days: ${JSON.stringify(after.changes)}`)
  })

  // Issue 9 bug 4: a refused save used to put the row back to 完好 and its old count while the
  // typed note stayed, so the next 保存 stored "完好" — what the person never chose.
  let h
  test('交接班物品清点:缺失未说明被拒,所填原样保留;补上说明再存,存的就是所填', async () => {
    // At 11:30 (China time) today, or yesterday before noon: the generated office's own handovers
    // are at 08:30 and 17:30.
    const today = lastDayAt('11:30')
    // A callback still owed at the change: the handover pulls it in from the records.
    cli('intake', 'register', '--location', '3号楼大堂', '--channel', 'call', '--kind', 'inquiry', '--content', '询问停车月卡办理，请回电',
      '--caller-name', '孙女士', '--callback-phone', '13912345601', '--received-at', `${today} 09:00`)
    h = cli('handover', 'start', '--kind', 'desk', '--change-at', `${today} 11:30`, '--outgoing-id', String(staff.r1.id), '--incoming-id', String(staff.r2.id))
    await s.go('#/handover')
    await (await s.byTest(`handover-row-${h.id}`)).click()
    await s.waitForText(() => s.byTest('handover-detail'), h.serial)
    const item = h.checks.find((c) => c.expected_qty >= 2) ?? h.checks[0]
    const id = item.item_id
    const want = item.expected_qty - 1
    // Element Plus puts the hook on the inner input or on its wrapper, depending on the widget.
    const input = (name, visible = true) => s.byCss(`input[data-test="${name}"], [data-test="${name}"] input`, { visible })
    const qty = await input(`check-qty-${id}`)
    await qty.fill(String(want))
    await (await s.byTest(`check-state-${id}-missing`)).click()
    await (await s.byTest(`check-save-${id}`)).click()
    // Refused: the reason under the row, and the row still shows what was entered.
    await s.waitForText(() => s.byTest(`check-error-${id}`), '说明')
    await s.screenshot('duty-05a-check-refused')
    assert.equal(await qty.property('value'), String(want), 'the typed count stays')
    const missing = await input(`check-state-${id}-missing`, false) // the radio's own input is hidden
    assert.equal(await missing.property('checked'), true, '缺失 stays chosen')
    const stored = () => cli('handover', 'show', '--id', String(h.id)).checks.find((c) => c.item_id === id)
    assert.equal(stored().state, item.state, 'nothing was stored by the refused save')
    // Corrected and saved: the stored row is exactly what was entered.
    await (await input(`check-explanation-${id}`)).fill('借给秩序维护岗未归还')
    await (await s.byTest(`check-save-${id}`)).click()
    await waitUntil(async () => stored().state === 'missing', { message: 'the corrected row is stored' })
    const row = stored()
    assert.deepEqual([row.actual_qty, row.state, row.explanation], [want, 'missing', '借给秩序维护岗未归还'])
    await s.waitGone(`[data-test="check-error-${id}"]`)
    await s.screenshot('duty-05b-check-saved')
  })

  test('交接班未完成事项:带入的事项不能删,只能写明办理情况标为已办结（R-HO-10）', async () => {
    await s.go('#/handover')
    await (await s.byTest(`handover-row-${h.id}`)).click()
    await s.waitForText(() => s.byTest('handover-detail'), h.serial)
    const pulled = cli('handover', 'show', '--id', String(h.id)).open_items.find((o) => o.summary.includes('询问停车月卡办理'))
    assert.ok(pulled && !pulled.may_strike, 'the owed callback was pulled in and cannot be struck out')
    // Its group opens on a click; the row offers 已办结…, never 删除.
    await (await s.byTest(`open-group-${pulled.source}`)).click()
    assert.equal((await s.css(`[data-test="open-strike-${pulled.id}"]`)).length, 0)
    await (await s.byTest(`open-settle-${pulled.id}`)).click()
    // An empty 办理情况 is refused in the box itself.
    await (await s.byCss('.el-message-box .el-button--primary')).click()
    await s.byText('请写明办理情况', { contains: true })
    await (await s.byCss('.el-message-box input')).fill('已回电，告知办理流程')
    await (await s.byCss('.el-message-box .el-button--primary')).click()
    await s.waitForText(() => s.byTest(`open-settled-${pulled.id}`), '已办结：已回电，告知办理流程')
    await s.screenshot('duty-05c-open-item-settled')
    const stored = cli('handover', 'show', '--id', String(h.id)).open_items.find((o) => o.id === pulled.id)
    assert.equal(stored.settled_note, '已回电，告知办理流程', 'the item stays, with how it was settled')
  })

  test('交接班：双方各自输入本人密码签字，接班人先确认已阅值班日志，签后锁定（R-HO-3）', async () => {
    await s.go('#/handover')
    await (await s.byTest(`handover-row-${h.id}`)).click()
    await s.waitForText(() => s.byTest('handover-detail'), h.serial)
    await s.screenshot('duty-05-handover')
    const password = async (party, text) => (await s.byTest(`sign-password-${party}`)).fill(text)
    // A wrong password is refused under the signature, and nothing is signed.
    await password('outgoing', 'not-my-password')
    await (await s.byTest('sign-submit-outgoing')).click()
    await s.waitForText(() => s.byTest('sign-outgoing'), '密码')
    assert.equal(cli('handover', 'show', '--id', String(h.id)).outgoing_signed_at, null)
    // After a wrong password the next try is held back a moment (the delay doubles each time).
    await new Promise((r) => setTimeout(r, 1200))
    await password('outgoing', PASSWORD)
    await (await s.byTest('sign-submit-outgoing')).click()
    // The incoming person must first confirm 已阅值班日志 (R-HO-3): refused under the box until ticked.
    await password('incoming', 'jieban123')
    await (await s.byTest('sign-submit-incoming')).click()
    await s.waitForText(() => s.byTest('sign-incoming'), '已阅值班日志')
    assert.equal(cli('handover', 'show', '--id', String(h.id)).incoming_signed_at, null)
    await s.screenshot('duty-05d-read-log-refused')
    await (await s.byTest('sign-read-log')).click()
    await (await s.byTest('sign-follow-up')).fill('B2 照明明早确认')
    await password('incoming', 'jieban123')
    await (await s.byTest('sign-submit-incoming')).click()
    await s.byTest('handover-locked')
    const signed = cli('handover', 'show', '--id', String(h.id))
    assert.equal(signed.status, 'signed')
    assert.ok(signed.outgoing_signed_at && signed.incoming_signed_at)
    assert.ok(signed.log_read_at, 'the reading is recorded with the signature')
    assert.equal(signed.follow_up, 'B2 照明明早确认')
    await s.waitForText(() => s.byTest('handover-log-read'), '需跟进：B2 照明明早确认')
    await s.screenshot('duty-06-handover-signed')
  })
})
