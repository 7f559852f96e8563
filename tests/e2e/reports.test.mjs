// 报表: a seeded demo database (frontdesk-cli dev generate), the dashboard against the CLI's
// numbers for the same month, the Excel export, and the day's dispatch slips printed through the
// pdf.js preview. `lp` and `xdg-open` are stand-ins on the app's PATH that log what they were
// given, so the test sees exactly which archived file went to the printer or the viewer.

import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chinaMonth, chinaTime } from './lib/clock.mjs'
import { startApp, cliBinary } from './lib/app.mjs'
import { waitUntil } from './lib/webdriver.mjs'
import { choose, logIn } from './lib/flows.mjs'

/** The month of yesterday in China time: the generated records end yesterday, so it has some. */
function dataMonth() {
  return chinaTime(24).slice(0, 7)
}

describe('报表', () => {
  let app, s, dir, db, sent, report
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fd-reports-'))
    db = join(dir, 'demo.db')
    sent = join(dir, 'sent.log')
    for (const tool of ['lp', 'xdg-open']) {
      const path = join(dir, tool)
      writeFileSync(path, `#!/bin/sh\necho "${tool} $*" >> "${sent}"\n`)
      chmodSync(path, 0o755)
    }
    execFileSync(cliBinary(), ['--db', db, 'dev', 'generate', '--years', '1', '--seed', '1', '--entries-per-year', '3000', '--rooms', '200'])
    app = await startApp({ db, env: { PATH: `${dir}:${process.env.PATH}` } })
    s = app.session
    await logIn(s, 'zhuguan', 'demo123456')
  })
  after(() => {
    app?.stop()
    if (dir && !process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true })
  })

  test('看板的数字与命令行报表一致', async () => {
    report = JSON.parse(
      execFileSync(cliBinary(), ['--db', db, '--as', 'zhuguan', '--json', 'report', 'month', dataMonth()], {
        env: { ...process.env, FRONTDESK_PASSWORD: 'demo123456' },
      }).toString(),
    )
    assert.ok(report.intake.total > 0, 'the generated month has entries')
    await s.go('#/reports')
    await s.byTest('report-numbers')
    if (dataMonth() !== chinaMonth()) {
      // The 1st of a month: yesterday's month has the data; pick it as a person would.
      const picker = await s.byCss('[data-test="report-month"] input')
      await picker.fill(`${dataMonth().slice(0, 4)}年${dataMonth().slice(5)}月`)
      await picker.press('\uE007')
    }
    const pct = (r) => `${(r * 100).toFixed(1)}%`
    // Each card is a number over its label: read them as pairs.
    const cards = () =>
      s.execute(`return [...document.querySelectorAll('[data-test="report-numbers"] .stat')]
        .map((c) => [c.querySelector('.n').textContent.trim(), c.querySelector('.l').textContent.trim()])`)
    await waitUntil(async () => (await cards()).some(([n]) => n === String(report.intake.total)), {
      message: `来电来访登记 ${report.intake.total}`,
    })
    const shown = await cards()
    assert.deepEqual(shown, [
      [String(report.intake.total), '来电来访登记'],
      [String(report.slips.opened), '派工单'],
      [pct(report.slips.completion_rate), '完成率'],
      [pct(report.slips.on_time_rate), '按时完成率'],
      [pct(report.visits.rate), '回访率'],
      [pct(report.visits.satisfaction_rate), '满意率'],
      [String(report.complaints.received), `投诉受理（有效 ${report.complaints.valid}，结案 ${report.complaints.closed}）`],
      [String(report.slips.urged), `被催办派工单（催办 ${report.slips.urge_calls} 次，另有投诉 ${report.complaints.urged} 件）`],
    ])
    // 值班统计 from the same computation.
    const duty = await s.execute(`return [...document.querySelectorAll('[data-test="report-duty"] .stat')]
      .map((c) => [c.querySelector('.n').textContent.trim(), c.querySelector('.l').textContent.trim()])`)
    const d = report.duty
    assert.deepEqual(duty, [
      [String(d.shifts), '值班班次'], [String(d.hours), '值班时长（小时）'], [String(d.swaps), '调班（次）'],
      [String(d.leaves), '请假（天）'], [String(d.late_arrivals), '接班迟到（次）'],
      [String(d.early_leaves), '早退（次）'], [String(d.absences), '脱岗（次）'], [String(d.inspections), '主任巡查与夜间查岗（次）'],
      [String(d.covers), '代值（次）'], [String(d.leave_covers), '离岗替值（次）'],
      [String(d.handovers), '交接班（次）'], [String(d.missing_handovers), '未交接（次）'], [String(d.carried_over), '交接遗留事项（项）'],
      [String(d.coverage_gaps.length), '值守空档（处）'],
    ])
    await new Promise((d) => setTimeout(d, 800)) // the charts animate in
    await s.screenshot('reports-01-dashboard')
    // The generated month ends half-finished, as a real one does (issue 9): open slips, complaints
    // not yet signed off — and the dashboard still equals the CLI's numbers above.
    assert.ok(report.slips.completed < report.slips.opened, 'some slips are still open')
    assert.ok(report.complaints.closed < report.complaints.received, 'some complaints are not signed off')
  })

  test('看板:生成失败时清空并说明原因;无可计算记录的比率显示“—”并说明', async () => {
    const picker = await s.byCss('[data-test="report-month"] input')
    const pick = async (month) => {
      await picker.fill(`${month.slice(0, 4)}年${month.slice(5)}月`)
      await picker.press('\uE007')
    }
    // A month that has not begun yet is refused: the previous figures go, and the reason shows.
    const future = chinaMonth(2)
    await pick(future)
    await s.waitForText(() => s.byTest('report-error'), `${Number(future.slice(0, 4))}年${Number(future.slice(5))}月的统计未能生成`)
    await s.waitGone('[data-test="report-numbers"]')
    await s.screenshot('reports-01b-error')
    // A month before the office's records: nothing to divide, so the rates are — with the reason.
    const past = `${Number(dataMonth().slice(0, 4)) - 3}${dataMonth().slice(4)}`
    await pick(past)
    await s.byTest('report-numbers')
    assert.equal((await s.css('[data-test="report-error"]')).length, 0, 'the error is gone')
    const rate = await s.byTest('report-rate-completion')
    assert.equal((await rate.fullText()).trim(), '—')
    assert.equal(await rate.attribute('title'), '本期没有派工单，无法计算比率')
    await s.screenshot('reports-01c-empty-month')
    await pick(dataMonth())
    await s.waitForText(() => s.byTest('report-numbers'), String(report.intake.total))
  })

  // Issue 10: every operation runs off the window's thread. While a year's report is being
  // exported, the window still answers clicks: another tab opens at once.
  test('导出年报时窗口照常响应', async () => {
    await (await s.byText('年报')).click()
    await s.waitForText(() => s.byTest('report-numbers'), '来电来访登记')
    let sawProgress = false
    const started = Date.now()
    await (await s.byTest('report-export')).click()
    await (await s.byText('打印表单')).click()
    await s.byTest('print-form')
    const answered = Date.now() - started
    sawProgress = (await s.css('[data-test="progress"]')).length > 0
    assert.ok(answered < 3000, `the window answered a click ${answered} ms into the export`)
    await s.byText('已导出并归档', { contains: true, timeout: 60_000 })
    await s.screenshot('reports-01d-export-while-clicking')
    console.log(`window answered ${answered} ms after the year export started; progress panel seen: ${sawProgress}`)
    await (await s.byText('月度报表')).click()
    await (await s.byText('月报')).click()
    await s.waitForText(() => s.byTest('report-numbers'), String(report.intake.total))
    await s.waitGone('.el-message', { timeout: 15_000 }) // the next test reads its own message
  })

  test('导出 Excel:归档一份并交给系统查看器', async () => {
    await (await s.byTest('report-export')).click()
    const message = await s.byText('已导出并归档', { contains: true, timeout: 30_000 })
    const path = (await message.text()).split('已导出并归档：')[1].trim()
    assert.match(path, /\.xlsx$/)
    assert.ok(statSync(path).size > 5000, `${path} is a real workbook`)
    assert.equal(readFileSync(path).subarray(0, 2).toString(), 'PK', 'an .xlsx is a zip')
    await waitUntil(() => existsSync(sent) && readFileSync(sent, 'utf8').includes(`xdg-open ${path}`), {
      message: 'the workbook handed to xdg-open',
    })
  })

  test('打印报表:同一份统计的 PDF 预览并送打印机', async () => {
    await (await s.byTest('report-print')).click()
    const dialog = await s.byTest('report-print-dialog', { timeout: 30_000 })
    const canvas = await s.byCss('[data-test="report-print-dialog"] [data-test="preview-canvas"]', { timeout: 30_000 })
    await waitUntil(async () => Number(await canvas.attribute('data-drawn')) >= 1, { timeout: 30_000, message: 'the report page drawn' })
    const archived = (await dialog.fullText()).match(/\/\S+\.pdf/)?.[0]
    assert.ok(archived && existsSync(archived), `archived copy ${archived}`)
    const text = execFileSync('pdftotext', [archived, '-']).toString().replace(/\s+/g, '')
    assert.ok(text.includes('客服统计报表'), text.slice(0, 200))
    assert.ok(text.includes(`${report.intake.total}条`), `the printed total ${report.intake.total}`)
    await s.screenshot('reports-03-report-pdf')
    await (await s.byTest('report-print-send')).click()
    await s.byText('已发送到默认打印机', { contains: true })
    assert.ok(readFileSync(sent, 'utf8').includes(`lp ${archived}`))
    await (await s.byCss('[data-test="report-print-dialog"] .el-dialog__headerbtn')).click()
    await s.waitGone('[data-test="report-print-dialog"] .el-dialog__body')
  })

  test('打印当日派工单:预览画出页面,翻页,送打印机', async () => {
    await (await s.byText('打印表单')).click()
    await choose(s, 'print-form', '维修派工单')
    // The day of the month's latest slip: the form prints that day's slips as a batch.
    const day = report.slip_rows.map((r) => r.opened_at.slice(0, 10)).sort().at(-1)
    assert.ok(day, 'the month has slips')
    await (await s.byTest('print-from')).fill(day)
    await (await s.byTest('print-preview')).click()
    const canvas = await s.byTest('preview-canvas', { timeout: 30_000 })
    await waitUntil(async () => Number(await canvas.attribute('data-drawn')) >= 1, { timeout: 30_000, message: 'the page drawn' })
    // pdf.js really drew the form: a good share of the canvas is ink (lines and Chinese text).
    const ink = await s.execute(`
      const c = document.querySelector('[data-test="preview-canvas"]')
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
      let dark = 0
      for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 300) dark++
      return dark / (d.length / 4)`)
    assert.ok(ink > 0.005 && ink < 0.5, `ink share ${ink}`)
    const pages = await s.byTest('preview-pages')
    const count = Number((await pages.text()).match(/共 (\d+) 页/)?.[1])
    assert.ok(count >= 1, await pages.text())
    await s.screenshot('reports-02-preview')
    if (count > 1) {
      await (await s.byTest('preview-next')).click()
      await s.waitForText(() => s.byTest('preview-pages'), `第 2 页 / 共 ${count} 页`)
      await waitUntil(async () => Number(await canvas.attribute('data-drawn')) >= 2, { message: 'page 2 drawn' })
    }
    const archived = (await (await s.byTest('print-archive')).text()).match(/\/\S+\.pdf/)?.[0]
    assert.ok(archived && existsSync(archived), `archived copy ${archived}`)
    assert.equal(readFileSync(archived).subarray(0, 5).toString(), '%PDF-')
    await (await s.byTest('print-to-printer')).click()
    await s.byText('已发送到默认打印机', { contains: true })
    assert.ok(readFileSync(sent, 'utf8').includes(`lp ${archived}`), readFileSync(sent, 'utf8'))
  })
})
