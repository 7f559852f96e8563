// Issue 13, usability: the desk works from the keyboard (登记 with Tab/Enter/Ctrl+Enter, lists by
// ↑/↓/Enter, F1 for the shortcuts), messages stay out of the way, the escalation banner is one
// line until opened, destructive steps ask first, and the first-run wizard shows every error at
// once. A small generated office (frontdesk-cli dev generate) gives the staff and their logins:
// qiantai (前台), weixiu (工程部维修工), zhuguan (主管), jingli (经理).

import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chinaMonth, lastDayAt } from './lib/clock.mjs'
import { startApp, cliAs, cliBinary } from './lib/app.mjs'
import { Keys, waitUntil, xpathLiteral } from './lib/webdriver.mjs'
import { choose, fillForm, logIn, logOut } from './lib/flows.mjs'

const PASSWORD = 'demo123456'
const CTRL_ENTER = Keys.CONTROL + Keys.ENTER + Keys.NULL
const RIGHT = '\uE014'

describe('易用性：键盘、提示、横幅、确认', () => {
  let app, s, dir, db, cli, rooms, tech

  /** Leaves any drawer first (its overlay would cover the status bar), then logs in as `login`. */
  async function as(login) {
    await s.go('#/intake')
    await s.waitGone('.el-overlay')
    await logOut(s)
    await logIn(s, login, PASSWORD)
  }
  /** Presses Tab until the focus is in the element with data-test `name`; returns the stops on the way. */
  async function tabTo(name, max = 25) {
    const stops = []
    for (let i = 0; i < max; i++) {
      if ((await s.focusedTest()) === name) return stops
      await s.keys(Keys.TAB)
      stops.push(await s.focusedTest())
    }
    throw new Error(`Tab never reached ${name}; stops: ${stops.join(' → ')}`)
  }
  const value = async (t) => (await s.byTest(t)).value()

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fd-usability-'))
    db = join(dir, 'office.db')
    cli = cliAs(db, 'zhuguan', PASSWORD)
    execFileSync(cliBinary(), ['--db', db, 'dev', 'generate', '--years', '1', '--seed', '2', '--entries-per-year', '100', '--rooms', '30'])
    rooms = cli('room', 'list').rooms.filter((r) => r.residents.length === 1 && r.residents[0].phones.length > 0).slice(0, 3)
    assert.equal(rooms.length, 3, 'three rooms with one resident each')
    tech = cli('staff', 'list').find((p) => p.login === 'weixiu')
    // Half-finished work on the boards whatever day the office was generated up to: two open
    // slips, one waiting for dispatch and one with the technician.
    for (const [content, dispatch] of [['阳台推拉门卡住', false], ['厨房水槽下水慢', true]]) {
      const { entry } = cli('intake', 'register', '--channel', 'call', '--kind', 'repair', '--room', rooms[2].room.code, '--category', '给排水', '--content', content)
      const slip = cli('slip', 'open', '--intake-id', String(entry.id))
      if (dispatch) cli('slip', 'dispatch', '--slip-id', String(slip.id), '--assignee-id', String(tech.id))
    }
    app = await startApp({ db })
    s = app.session
    await logIn(s, 'qiantai', PASSWORD)
  })
  after(() => {
    app?.stop()
    if (dir && !process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true })
  })

  test('不碰鼠标连续登记三条来电：Tab 走表单，回车选类别，Ctrl+Enter 登记', async () => {
    // After logging in, the focus is already in 房号/电话.
    await waitUntil(async () => (await s.focusedTest()) === 'intake-lookup', { message: 'the focus in 房号/电话 after login' })
    assert.match(await (await s.byTest('intake-submit')).text(), /登记（Ctrl\+Enter）/)
    const calls = [
      { room: rooms[0], category: ['给排', '给排水'], content: ['卫生间地漏返水', '晚上七点后家里有人'] },
      { room: rooms[1], category: ['配电', '配电/照明'], content: ['客厅插座没电'] },
      { room: rooms[2], kind: '咨询', content: ['询问物业费缴费方式'] },
    ]
    for (const [i, c] of calls.entries()) {
      assert.equal(await s.focusedTest(), 'intake-lookup', `call ${i + 1}: the focus starts in 房号/电话`)
      await s.keys(c.room.room.code + Keys.ENTER)
      await waitUntil(async () => (await value('intake-caller')) === c.room.residents[0].name, { message: `call ${i + 1}: the caller filled in` })
      if (c.kind) {
        // 类型 is one Tab stop; → moves along its choices (报修 → 投诉 → 咨询).
        await tabTo('intake-kind-repair')
        await s.keys(RIGHT + RIGHT)
        await waitUntil(async () => (await s.focusedTest()) === 'intake-kind-inquiry', { message: '→ reaches 咨询' })
        const checked = await s.execute("return document.activeElement?.checked")
        assert.ok(checked, '咨询 is chosen by the arrow keys')
        await tabTo('intake-content')
      } else {
        const stops = await tabTo('intake-category')
        if (i === 0) {
          // The Tab order follows the screen, top to bottom.
          const order = ['intake-room', 'intake-location', 'intake-caller', 'intake-phone', 'intake-channel', 'intake-kind-repair', 'intake-category']
          const seen = stops.filter((t) => order.includes(t))
          assert.deepEqual(seen.filter((t, k) => seen.indexOf(t) === k), order, `Tab stops: ${stops.join(' → ')}`)
        }
        await s.keys(c.category[0])
        await s.byCss('.el-select-dropdown__item')
        await s.keys(Keys.ENTER) // the first match
        await s.waitForText(() => s.byTest('intake-category'), c.category[1])
        await s.waitGone('.el-select-dropdown')
        await s.keys(Keys.TAB)
        assert.equal(await s.focusedTest(), 'intake-content', 'Tab from 服务类别 goes to 内容')
      }
      // Plain Enter in 内容 is a new line, not a save.
      await s.keys(c.content.join(Keys.ENTER))
      assert.equal(await value('intake-content'), c.content.join('\n'))
      await s.screenshot(`usability-01-keyboard-call-${i + 1}`)
      await s.keys(CTRL_ENTER)
      await s.waitForText(() => s.byTest('intake-today'), c.content[0])
      // Saved: the form is empty and the focus is back in 房号/电话 for the next caller.
      await waitUntil(async () => (await s.focusedTest()) === 'intake-lookup', { message: `call ${i + 1}: the focus back in 房号/电话` })
      assert.equal(await value('intake-content'), '')
    }
    await s.screenshot('usability-02-keyboard-three-calls')
  })

  /** The text of the highlighted (current) row of the table with data-test `list`. */
  async function currentRow(list) {
    const rows = await s.css(`[data-test="${list}"] tbody tr.current-row`)
    return rows.length ? rows[0].fullText() : null
  }

  test('派工单、搜索结果：↑/↓ 选行，回车打开（投诉列表见横幅一节）', async () => {
    // 派工单: the list has the keyboard as soon as the page opens.
    await s.go('#/slips')
    await s.byCss('[data-test="slip-list"] tbody tr')
    await waitUntil(async () => (await s.focusedTest()) === 'slip-list-keys', { message: 'the slip list has the focus' })
    await s.keys(Keys.DOWN + Keys.DOWN)
    const slipRow = await waitUntil(() => currentRow('slip-list'), { message: 'a highlighted slip row' })
    const serial = slipRow.match(/PG-\d{6}-\d{4}/)?.[0]
    assert.ok(serial, slipRow)
    await s.keys(Keys.ENTER)
    await s.waitForText(() => s.byTest('slip-detail'), `派工单 ${serial}`)
    await s.screenshot('usability-03-slip-by-keyboard')
    await s.keys(Keys.ESCAPE)
    await s.waitGone('.el-drawer')

    // 投诉: the same keys — checked on the complaint this file makes (see the banner test).

    // 搜索: Ctrl+K, type, Enter; ↓ steps from the box into the results; Enter opens one.
    await s.keys(Keys.CONTROL + 'k' + Keys.NULL)
    await waitUntil(async () => (await s.focusedTest()) === 'search-input', { message: 'Ctrl+K puts the focus in the search box' })
    await s.keys(rooms[0].room.code + Keys.ENTER)
    await s.byCss('[data-test="search-results"] .el-table__body tr')
    await s.keys(Keys.DOWN)
    await waitUntil(async () => (await s.focusedTest()) === 'search-results-keys', { message: '↓ moves into the results' })
    const hitRow = await waitUntil(() => currentRow('search-results'), { message: 'the first result highlighted' })
    await s.keys(Keys.ENTER)
    // Enter opens the record itself: a slip's or complaint's drawer, or the entry marked in its day's list.
    const shown = await waitUntil(async () => {
      const drawer = (await s.css('.el-drawer')).length ? await (await s.byCss('.el-drawer')).fullText() : ''
      const entry = (await s.css('[data-test="intake-today"] .shown-entry')).length ? await (await s.byCss('[data-test="intake-today"] .shown-entry')).fullText() : ''
      return drawer || entry
    }, { message: 'the highlighted result opened' })
    assert.ok(shown.includes(rooms[0].room.code) || hitRow.split('\t').some((cell) => cell.trim().length > 3 && shown.includes(cell.trim())), `${shown}\n— ${hitRow}`)
    await s.screenshot('usability-05-search-by-keyboard')
    await s.keys(Keys.ESCAPE)
    await s.waitGone('.el-drawer')
  })

  test('F1 打开快捷键一览，Esc 关闭；状态栏也有“快捷键”', async () => {
    await s.go('#/intake')
    await waitUntil(async () => (await s.focusedTest()) === 'intake-lookup', { message: 'the focus in 房号/电话' })
    await s.keys(Keys.F1) // from inside a form field, too
    const card = await s.byTest('shortcuts')
    const text = await card.fullText()
    for (const k of ['Ctrl+K', 'F3', 'Ctrl+Enter', '↑', '↓', 'Enter', 'F1', 'Esc']) assert.ok(text.includes(k), `${k} listed:\n${text}`)
    await s.screenshot('usability-06-f1-shortcuts')
    await s.keys(Keys.ESCAPE)
    await s.waitGone('[data-test="shortcuts"]')
    await (await s.byTest('shortcuts-open')).click()
    await s.byTest('shortcuts')
    await s.keys(Keys.ESCAPE)
    await s.waitGone('[data-test="shortcuts"]')
  })

  /** The boxes of the messages (toasts) on screen now, with the window's size. */
  const toasts = () =>
    s.execute(`return { w: innerWidth, h: innerHeight, boxes: [...document.querySelectorAll('.el-message')]
      .filter((e) => e.getClientRects().length && getComputedStyle(e).opacity !== '0')
      .map((e) => { const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: e.innerText, error: e.classList.contains('el-message--error') } }) }`)

  test('提示不挡表单：右下角、一次一条、成功提示自动消失；栏位错误只显示在栏位下', async () => {
    await s.go('#/intake')
    await (await s.byTest('intake-lookup')).fill(rooms[1].room.code)
    await (await s.byTest('intake-lookup')).press(Keys.ENTER)
    await waitUntil(async () => (await value('intake-caller')) === rooms[1].residents[0].name, { message: 'the caller filled in' })
    // 报修 without 服务类别: the core refuses and names the field; the words stand under it, no toast.
    await (await s.byTest('intake-content')).fill('报修但忘了选类别')
    await (await s.byTest('intake-submit')).click()
    const fieldError = await s.byCss('.el-form-item__error')
    const said = await fieldError.fullText()
    assert.ok(said.trim(), 'an error under a field')
    await new Promise((r) => setTimeout(r, 600))
    const t0 = await toasts()
    assert.equal(t0.boxes.length, 0, `no toast for a field error: ${JSON.stringify(t0.boxes)}`)
    await s.screenshot('usability-07-error-under-field')

    // Two saves in a row (the same room and category: a repeat warning, which stays 8 s):
    // the second message replaces the first.
    async function save(room, text) {
      await (await s.byTest('intake-lookup')).fill(room.room.code)
      await (await s.byTest('intake-lookup')).press(Keys.ENTER)
      await waitUntil(async () => (await value('intake-caller')) === room.residents[0].name, { message: 'the caller filled in' })
      await (await s.byTest('intake-content')).fill(text)
      await choose(s, 'intake-category', '配电/照明', { contains: true })
      await (await s.byTest('intake-submit')).click()
      await s.waitForText(() => s.byTest('intake-today'), text)
    }
    await (await s.byTest('intake-content')).clear()
    await save(rooms[1], '楼道灯不亮')
    await save(rooms[1], '电梯按钮失灵')
    await new Promise((r) => setTimeout(r, 450)) // a replaced message fades out in 0.3 s
    const t1 = await toasts()
    assert.equal(t1.boxes.length, 1, `one message at a time: ${JSON.stringify(t1.boxes)}`)
    const [box] = t1.boxes
    assert.ok(box.left > t1.w / 2 && box.top > t1.h / 2, `at the bottom right: ${JSON.stringify(box)} in ${t1.w}×${t1.h}`)
    await s.screenshot('usability-08-toast-bottom-right')
    // A plain success (开派工单) fades by itself after about 2.5 s.
    await (await s.waitFor('xpath', `//*[@data-test="intake-today"]//tr[contains(., '楼道灯不亮')]//button[contains(., '开派工单')]`)).click()
    await s.byText('已开派工单', { contains: true })
    await waitUntil(async () => (await toasts()).boxes.length === 0, { timeout: 4500, message: 'the success message fades by itself' })
  })

  let ts // the urgent complaint the banner announces

  test('紧急投诉横幅：一行摘要，点开才列出并可接手；锁屏时看不到任何数据', async () => {
    // 前台 registers a complaint call and turns it into an urgent complaint.
    await s.go('#/intake')
    await (await s.byTest('intake-lookup')).fill(rooms[2].room.code)
    await (await s.byTest('intake-lookup')).press(Keys.ENTER)
    await waitUntil(async () => (await value('intake-caller')) === rooms[2].residents[0].name, { message: 'the caller filled in' })
    await (await s.byTest('intake-kind-complaint')).click()
    const complaint = '装修噪音从早上七点开始，多次反映没人管'
    await (await s.byTest('intake-content')).fill(complaint)
    await (await s.byTest('intake-submit')).click()
    const toComplaint = await s.waitFor('xpath', `//*[@data-test="intake-today"]//tr[contains(., ${xpathLiteral(complaint)})]//button[contains(., '转投诉')]`)
    await toComplaint.click()
    // The dialog shows the entry it converts: time, room, caller, content.
    const source = await (await s.byTest('complaint-source')).fullText()
    for (const said of [complaint, rooms[2].residents[0].name, '受理时间', '房号']) assert.ok(source.includes(said), `${said} in:\n${source}`)
    await s.screenshot('usability-09-convert-dialog')
    await choose(s, 'complaint-category', '邻里纠纷')
    await (await s.waitFor('xpath', `//*[@data-test="complaint-urgency"]//label[contains(., '紧急')]`)).click()
    await (await s.byTest('complaint-open')).click()
    const msg = await s.byText('已上报经理', { contains: true })
    ts = (await msg.text()).match(/TS-\d{6}-\d{4}/)?.[0]
    assert.ok(ts, await msg.text())

    // The manager sees ONE line, not the list.
    await as('jingli')
    const banner = await s.byTest('escalation-banner', { timeout: 15_000 })
    const line = await banner.fullText()
    assert.match(line, /^\s*\d+ 条紧急投诉(、\d+ 条投诉)?(、\d+ 件突发事件)?待接手\s*▸\s*$/, line)
    assert.ok(!line.includes(ts), 'collapsed: no complaint listed')
    const height = await s.execute("return document.querySelector('[data-test=\"escalation-banner\"]').getBoundingClientRect().height")
    assert.ok(height < 40, `one line high: ${height}px`)
    await s.screenshot('usability-10-banner-collapsed')
    await (await s.byTest('escalation-toggle')).click()
    await s.waitForText(() => s.byTest('escalation-banner'), `紧急投诉 ${ts}`)
    assert.ok((await (await s.byTest('escalation-banner')).fullText()).includes('▾'))
    await s.screenshot('usability-11-banner-expanded')

    // Locked: an opaque cover over the whole window, no banner, nothing readable behind.
    await (await s.byText('锁屏')).click()
    await s.byTest('lock-screen')
    await s.waitGone('[data-test="escalation-banner"]')
    const cover = await s.execute(`
      const lock = document.querySelector('[data-test="lock-screen"]')
      const bg = getComputedStyle(lock).backgroundColor
      const points = [[5, 5], [innerWidth / 2, 40], [innerWidth - 5, innerHeight - 5], [100, innerHeight / 2], [innerWidth / 2, innerHeight - 10]]
      return { bg, covered: points.every(([x, y]) => lock.contains(document.elementFromPoint(x, y))) }`)
    assert.ok(cover.covered, 'every corner of the window is the lock screen')
    assert.ok(!/rgba\(.*,\s*0?\.\d+\)$/.test(cover.bg), `opaque background: ${cover.bg}`)
    await s.screenshot('usability-12-locked')
    await (await s.byTest('lock-password')).fill(PASSWORD)
    await (await s.byTest('lock-password')).press(Keys.ENTER)
    await s.waitGone('[data-test="lock-screen"]')

    // Back: take the complaint up from the banner.
    await s.byTest('escalation-banner')
    if (!(await (await s.byTest('escalation-banner')).fullText()).includes(ts)) await (await s.byTest('escalation-toggle')).click()
    const take = await s.waitFor('xpath', `//*[@data-test="escalation-banner"]//div[contains(., ${xpathLiteral(ts)})]//button`)
    await take.click()
    await waitUntil(async () => {
      const b = await s.css('[data-test="escalation-banner"]')
      return b.length === 0 || !(await b[0].fullText()).includes(ts)
    }, { message: 'the complaint leaves the banner' })

    // Its record, opened by keyboard: ↓ until its row is highlighted, then Enter.
    await s.go('#/complaints')
    await (await s.byText('全部')).click()
    await s.waitFor('xpath', `//*[@data-test="complaint-list"]//tr[contains(., ${xpathLiteral(ts)})]`)
    await tabTo('complaint-list-keys') // from the filter, Tab reaches the list
    const rowCount = (await s.css('[data-test="complaint-list"] tbody tr')).length
    for (let i = 0; i < rowCount && !((await currentRow('complaint-list')) ?? '').includes(ts); i++) await s.keys(Keys.DOWN)
    assert.ok(((await currentRow('complaint-list')) ?? '').includes(ts), `${ts} highlighted by ↓`)
    await s.screenshot('usability-04-complaint-by-keyboard')
    await s.keys(Keys.ENTER)
    await s.waitForText(() => s.byTest('complaint-detail'), `投诉 ${ts}`)
    // No return visit yet: 暂无, not a bare heading.
    assert.match(await (await s.byTest('complaint-visits')).fullText(), /暂无/)
    await s.screenshot('usability-17-complaint-empty-sections')
    await s.keys(Keys.ESCAPE)
    await s.waitGone('.el-drawer')
  })

  /** Opens the slip `serial` on board `name`; waits for the drawer to stop sliding. */
  async function openSlip(name, serial) {
    await s.go('#/slips')
    await (await s.byTest(`slip-board-${name}`)).click()
    const row = await s.waitFor('xpath', `//*[@data-test="slip-list"]//tr[contains(., ${xpathLiteral(serial)})]/td[1]`).catch(async (e) => {
      await s.screenshot(`usability-failed-open-${serial}`)
      throw e
    })
    await row.click()
    await s.waitForText(() => s.byTest('slip-detail'), `派工单 ${serial}`)
    await waitUntil(async () => (await s.css('[class*="-enter-active"], [class*="-leave-active"]')).length === 0, { message: 'the drawer to stop moving' })
  }
  async function step(action, state) {
    await (await s.byTest(`slip-action-${action}`)).click()
    await s.waitForText(() => s.byTest('slip-detail'), `状态：${state}`)
  }
  const chooseRadio = async (group, label) => (await s.waitFor('xpath', `//*[@data-test="${group}"]//label[normalize-space(.)=${xpathLiteral(label)}]`)).click()
  /** Opens a slip from today's entry with this content; returns its serial. */
  async function slipFrom(content) {
    await s.go('#/intake')
    const row = `//*[@data-test="intake-today"]//tr[contains(., ${xpathLiteral(content)})]`
    await (await s.waitFor('xpath', `${row}//button[contains(., '开派工单')]`)).click()
    await s.byText('已开派工单', { contains: true })
    // The serial from the entry's own row: the previous slip's message may still be fading out.
    const opened = await s.waitFor('xpath', `${row}[contains(., '派工单 PG-')]`)
    const serial = (await opened.fullText()).match(/PG-\d{6}-\d{4}/)?.[0]
    assert.ok(serial, await opened.fullText())
    return serial
  }

  test('作废要确认、原因为空时不关闭；完工和回访不预选，记录全部显示在按钮之前', async () => {
    await as('qiantai')
    const toCancel = await slipFrom('卫生间地漏返水')
    const toFinish = await slipFrom('客厅插座没电')

    await as('zhuguan')
    await openSlip('all_open', toCancel)
    const cancel = await s.byTest('slip-action-cancel')
    assert.match(await cancel.attribute('class'), /el-button--danger/, '作废 is red')
    // 取消 leaves the slip as it was.
    await cancel.click()
    const box = await s.byCss('.el-message-box')
    assert.match(await box.fullText(), /作废/)
    await s.byCss('.el-message-box .el-button--danger')
    await s.screenshot('usability-13-cancel-confirm')
    await (await s.byText('取消')).click()
    await s.waitGone('.el-message-box')
    assert.match(await (await s.byTest('slip-detail')).fullText(), /状态：待派工/)
    // 确定作废 with no reason: the box stays open and says why.
    await (await s.byTest('slip-action-cancel')).click()
    await (await s.byCss('.el-message-box .el-button--danger')).click()
    const why = await s.byCss('.el-message-box__errormsg')
    assert.ok((await why.fullText()).trim(), 'the reason error shows in the box')
    assert.ok(await (await s.byCss('.el-message-box')).displayed(), 'the box stays open')
    await s.screenshot('usability-14-cancel-empty-reason')
    await (await s.byCss('.el-message-box input')).fill('业主来电说已自行修好')
    await (await s.byCss('.el-message-box .el-button--danger')).click()
    await s.waitGone('.el-message-box')
    await s.waitForText(() => s.byTest('slip-detail'), '状态：已作废')
    await s.keys(Keys.ESCAPE)
    await s.waitGone('.el-drawer')

    // The other slip goes to the technician.
    await openSlip('all_open', toFinish)
    await choose(s, 'slip-assignee', tech.name)
    await step('dispatch', '已派工')

    await as('weixiu')
    await openSlip('mine', toFinish)
    await step('accept', '已接单')
    await step('arrive', '已到场')
    await (await s.byTest('slip-work-done')).fill('更换插座面板，通电正常')
    await (await s.byTest('slip-materials')).fill('五孔插座 1 个')
    // Nothing is chosen for the technician: 收费 must be chosen (the core says so under the field).
    const checked = await s.execute(`return [...document.querySelectorAll('[data-test="slip-fee-kind"] input, [data-test="slip-resident-accepted"] input, [data-test="slip-resident-satisfaction"] input')].filter((i) => i.checked).length`)
    assert.equal(checked, 0, '收费, 验收 and 满意度 start unchosen')
    await (await s.byTest('slip-action-complete')).click()
    await s.waitForText(() => s.byCss('.el-form-item.is-error'), '有偿')
    await s.screenshot('usability-15-complete-unchosen')
    await chooseRadio('slip-fee-kind', '有偿')
    await (await s.byTest('slip-fee-amount')).fill('35')
    await chooseRadio('slip-resident-accepted', '业主已验收')
    await chooseRadio('slip-resident-satisfaction', '满意')
    await step('complete', '已完工')
    const done = await (await s.byTest('slip-completion')).fullText()
    for (const said of ['更换插座面板', '五孔插座', '有偿 35.00 元', '业主已验收', '满意']) assert.ok(done.includes(said), `${said} in:\n${done}`)

    await as('qiantai')
    await openSlip('awaiting_visit', toFinish)
    await (await s.byTest('slip-visit-result')).fill('业主说插座好用了')
    await (await s.byTest('slip-action-return_visit')).click()
    await s.waitForText(() => s.byCss('.el-form-item.is-error'), '满意度')
    await chooseRadio('slip-visit-satisfaction', '满意')
    await step('return_visit', '已回访')
    const visits = await (await s.byTest('slip-visits')).fullText()
    for (const said of ['电话', '已接通', '业主说插座好用了', '满意']) assert.ok(visits.includes(said), `${said} in:\n${visits}`)
    // The record comes before the buttons.
    const before = await s.execute(`
      const rec = document.querySelector('[data-test="slip-visits"]')
      const btn = document.querySelector('[data-test^="slip-action-"]') || document.querySelector('[data-test="slip-detail"] .actions')
      return !!rec && !!btn && !!(rec.compareDocumentPosition(btn) & Node.DOCUMENT_POSITION_FOLLOWING)`)
    assert.ok(before, 'completion and visits are shown before the action buttons')
    await s.screenshot('usability-16-slip-record')
    await s.keys(Keys.ESCAPE)
    await s.waitGone('.el-drawer')
  })

  test('交接班：未完成事项按来源计数、点开看明细；签字区始终在视野里；未到岗不显示迟到', async () => {
    const desk = cli('staff', 'list').filter((p) => p.role === 'receptionist')
    assert.ok(desk.length >= 2, 'two receptionists')
    const today = lastDayAt('11:30')
    const h = cli('handover', 'start', '--kind', 'desk', '--change-at', `${today} 11:30`, '--outgoing-id', String(desk[0].id), '--incoming-id', String(desk[1].id))
    await as('zhuguan')
    await s.go('#/handover')
    await (await s.byTest(`handover-row-${h.id}`)).click()
    await s.waitForText(() => s.byTest('handover-detail'), h.serial)
    // Not arrived yet: no 迟到.
    assert.equal((await s.css('[data-test="handover-late"]')).length, 0, 'no 迟到 before an arrival is recorded')
    // One line per source with its count; no rows until opened.
    const sources = [...new Set(h.open_items.map((x) => x.source))]
    for (const source of sources) {
      const head = await s.byTest(`open-group-${source}`)
      const count = h.open_items.filter((x) => x.source === source).length
      const said = (await head.fullText()).replace(/\s+/g, ' ').trim()
      assert.equal(said, `${source} ${count} ▸`)
    }
    assert.equal((await s.css('[data-test^="open-rows-"]')).length, 0, 'all groups closed at first')
    if (sources.length) {
      await (await s.byTest(`open-group-${sources[0]}`)).click()
      const rows = await (await s.byTest(`open-rows-${sources[0]}`)).fullText()
      const first = h.open_items.find((x) => x.source === sources[0])
      assert.ok(rows.includes(first.summary), `${first.summary} in:\n${rows}`)
    }
    // A written item: its group opens to show it.
    await (await s.byTest('open-summary')).fill('三楼消防门闭门器待厂家上门')
    await (await s.byTest('open-add')).click()
    await s.waitForText(() => s.byTest('handover-open-items'), '三楼消防门闭门器待厂家上门')
    await s.screenshot('usability-18-handover-groups')
    // Scrolled to the top of a long record, the signatures are still on screen.
    await s.execute("document.querySelector('[data-test=\"handover-detail\"]').scrollTop = 0")
    const dock = await s.execute(`const r = document.querySelector('[data-test="sign-dock"]').getBoundingClientRect()
      const pane = document.querySelector('[data-test="handover-detail"]').getBoundingClientRect()
      return { top: r.top, bottom: r.bottom, paneBottom: pane.bottom }`)
    assert.ok(dock.top < dock.paneBottom && dock.bottom <= dock.paneBottom + 1, `the signing panel is in view: ${JSON.stringify(dock)}`)
    await s.screenshot('usability-19-handover-sign-dock')
  })

  test('值班表：默认只看前台，其他组在筛选里；问题按类别合并成一行；月份写作 2026年12月', async () => {
    // Next month's draft, with the technicians on nights so the roster has more than the desk.
    const month = chinaMonth(1)
    const label = `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`
    const staff = cli('staff', 'list')
    const techs = staff.filter((p) => p.role === 'technician').slice(0, 2)
    // Near a month's end the generated office already has next month's roster: use it as it is.
    const existing = (() => {
      try {
        return cli('roster', 'show', '--month', month)
      } catch {
        return null
      }
    })()
    if (!existing?.rows?.length) {
      cli('roster', 'create', '--month', month)
      cli('roster', 'rotate', '--month', month, '--staff-ids', techs.map((t) => t.id).join(','), '--pattern', '夜,休')
    }
    const shown = cli('roster', 'show', '--month', month)
    await s.go('#/roster')
    await s.byTest('roster-grid')
    assert.equal(await (await s.byCss('[data-test="roster-month"] input')).value(), label, 'the picker says 2026年12月')
    const rows = () => s.execute(`return [...document.querySelectorAll('[data-test="roster-grid"] tbody tr .sub')].map((e) => e.innerText)`)
    const desk = await rows()
    assert.ok(desk.length > 0 && desk.every((r) => /前台接待员|客服主管/.test(r)), `only the desk by default: ${desk.join(' | ')}`)
    await s.screenshot('usability-20-roster-desk')
    await (await s.byTest('roster-team-technician')).click()
    await waitUntil(async () => { const r = await rows(); return r.length > 0 && r.every((x) => x.includes('维修工')) }, { message: 'only technicians' })
    await (await s.byTest('roster-team-all')).click()
    await waitUntil(async () => (await rows()).length === shown.rows.length, { message: 'everyone on the roster' })
    // Problems: one line per kind with its count, opened on a click.
    const kinds = [...new Set(shown.validation.problems.map((p) => p.kind))]
    for (const kind of kinds) {
      const n = shown.validation.problems.filter((p) => p.kind === kind).length
      const head = await s.byTest(`problem-group-${kind}`)
      assert.match(await head.fullText(), new RegExp(`^\\s*${n} 处\\S+ ▸\\s*$`))
    }
    if (kinds.length) {
      await (await s.byTest(`problem-group-${kinds[0]}`)).click()
      const items = await s.css(`[data-test="problem-list-${kinds[0]}"] li`)
      assert.equal(items.length, shown.validation.problems.filter((p) => p.kind === kinds[0]).length)
    }
    await s.screenshot('usability-21-roster-all-grouped')
  })

  test('使用说明：从 F1 卡片和状态栏都能打开，每个区域一节', async () => {
    await s.go('#/intake')
    await s.byTest('intake-form')
    await s.keys(Keys.F1)
    await (await s.byTest('shortcuts-help')).click()
    await s.waitGone('[data-test="shortcuts"]')
    const help = await s.byTest('help')
    for (const area of ['intake', 'slips', 'complaints', 'roster', 'handover', 'reports', 'settings', 'keys']) await s.byTest(`help-${area}`)
    const text = await help.fullText()
    for (const title of ['来电来访', '派工单', '投诉', '值班安排', '交接班', '报表', '设置', 'Ctrl+Enter']) assert.ok(text.includes(title), `${title} in the guide`)
    await s.screenshot('usability-27-help')
    await (await s.byTest('help-toc-handover')).click()
    await s.screenshot('usability-28-help-handover')
    await s.go('#/intake')
    await (await s.byTest('help-open')).click()
    await s.byTest('help')
  })
})

describe('首次设置向导：一次显示所有错误，最后给出下一步清单', () => {
  let app, s
  before(async () => {
    app = await startApp() // a fresh database: the wizard
    s = app.session
  })
  after(() => app?.stop())

  /** The words under each field in error now, by the field's input name. */
  const fieldErrors = () =>
    s.execute(`const out = {}
      for (const item of document.querySelectorAll('.el-form-item.is-error')) {
        const input = item.querySelector('input[name], textarea[name]')
        const said = item.querySelector('.el-form-item__error')
        if (input && said && said.getClientRects().length) out[input.name] = said.innerText.trim()
      }
      return out`)

  test('空着点“下一步”“完成设置”：所有漏填的栏同时标出，改好一栏就消掉一栏；最后是下一步清单', async (t) => {
    await s.byTest('wizard-office')
    await (await s.byTest('wizard-next')).click()
    const first = await waitUntil(async () => { const e = await fieldErrors(); return Object.keys(e).length >= 2 ? e : null }, { message: 'both office errors' })
    assert.ok(first.company_name && first.estate_name, JSON.stringify(first))
    await s.screenshot('usability-22-wizard-office-errors')
    // Fixing one field takes away its error at once; the other stays.
    await fillForm(s, { company_name: '阳光物业服务有限公司' })
    await waitUntil(async () => { const e = await fieldErrors(); return !e.company_name && e.estate_name }, { message: 'only 小区名称 still in error' })
    await fillForm(s, { estate_name: '阳光花园', desk_phone: '0755-12345678' })
    await (await s.byTest('wizard-next')).click()

    await s.byTest('wizard-account')
    await (await s.byTest('wizard-finish')).click()
    const second = await waitUntil(async () => { const e = await fieldErrors(); return Object.keys(e).length >= 4 ? e : null }, { message: 'all account errors at once' })
    for (const f of ['supervisor_name', 'login', 'password', 'again']) assert.ok(second[f], `${f} in error: ${JSON.stringify(second)}`)
    await s.screenshot('usability-23-wizard-account-errors')
    await fillForm(s, { supervisor_name: '张丽' })
    await waitUntil(async () => { const e = await fieldErrors(); return !e.supervisor_name && e.login }, { message: '主管姓名 error gone, the others stay' })

    // Three mistakes the core finds (a mobile number cut short, a Chinese login, a short
    // password): all three are said at once, each under its field.
    await fillForm(s, { supervisor_phone: '1380013', login: '陈', password: '123', again: '123' })
    await (await s.byTest('wizard-finish')).click()
    const refused = await waitUntil(async () => {
      if ((await s.css('[data-test="wizard-checklist"]')).length) return 'accepted'
      const e = await fieldErrors()
      return e.supervisor_phone && e.login && e.password ? e : null
    }, { message: 'the phone, the login and the password refused at once' })
    assert.notEqual(refused, 'accepted', '“1380013” is refused')
    assert.match(refused.supervisor_phone, /手机号|电话/)
    assert.match(refused.login, /登录名/)
    assert.match(refused.password, /密码/)
    await s.screenshot('usability-24-wizard-phone-refused')
    await fillForm(s, { supervisor_phone: '13800138000', login: 'zhangli', password: 'mima123456', again: 'mima123456' })
    await (await s.byTest('wizard-finish')).click()

    // The checklist: each next thing is a link to its page.
    const list = await (await s.byTest('wizard-checklist', { timeout: 20_000 })).fullText()
    for (const said of ['导入房间住户', '导入员工', '设置班次', '编排值班表']) assert.ok(list.includes(said), `${said} in:\n${list}`)
    await s.screenshot('usability-25-wizard-checklist')
    await (await s.byTest('wizard-next-shifts')).click()
    await s.waitForText(() => s.byTest('status-user', { timeout: 20_000 }), '张丽')
    assert.match(await s.url(), /#\/roster\?tab=shifts/)
    await s.byCss('.el-tabs__item.is-active')
    assert.equal((await (await s.byCss('.el-tabs__item.is-active')).text()).trim(), '班次与设置')
    await s.screenshot('usability-26-wizard-to-shifts')
  })
})
