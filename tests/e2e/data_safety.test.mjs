// 数据安全 in the real window (issue 11): 立即备份 and a restore that first says what it will
// lose; the status bar's last backup; 验证数据; then the app started on a damaged file and on a
// missing one shows the recovery screen instead of the login (never an empty office), and
// restoring from there brings the records back.

import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync, closeSync, unlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startApp, cliAs, cliBinary } from './lib/app.mjs'
import { waitUntil } from './lib/webdriver.mjs'
import { logIn } from './lib/flows.mjs'

const PASSWORD = 'demo123456'

describe('数据安全：备份、恢复、损坏的数据库', () => {
  let app, s, dir, db
  // `db` is set in before(): read it at each call.
  const cli = (...args) => cliAs(db, 'zhuguan', PASSWORD)(...args)
  const count = (content) => cli('search', '--text', content).hits.filter((h) => h.snippet.includes(content)).length

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fd-safety-'))
    db = join(dir, 'office.db')
    execFileSync(cliBinary(), ['--db', db, 'dev', 'generate', '--years', '1', '--seed', '4', '--entries-per-year', '300', '--rooms', '40'])
    app = await startApp({ db })
    s = app.session
    await logIn(s, 'zhuguan', PASSWORD)
  })
  after(async () => {
    await app?.stop()
    if (dir && !process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true })
  })

  test('立即备份：校验后列出，状态栏显示最近一次备份', async () => {
    await s.go('#/settings/safety')
    await s.byTest('safety')
    await (await s.byTest('backup-now')).click()
    await s.waitForText(() => s.byCss('.el-message'), '已备份并校验通过', { timeout: 30_000 })
    const rows = await waitUntil(async () => {
      const r = await s.findAll('css selector', '[data-test="backup-list"] .el-table__body tr')
      return r.length > 0 ? r : null
    })
    assert.equal(rows.length, 1)
    const text = await (await s.byTest('backup-list')).fullText()
    assert.match(text, /立即备份/)
    assert.match(text, /来电来访 [\d,]+ · 派工单/)
    assert.match(text, /备份时已校验/)
    // The status bar says when, refreshed every minute or after a backup; reload to see it now.
    await s.execute('window.location.reload()')
    const status = await s.waitForText(() => s.byTest('status-backup'), '今天', { timeout: 20_000 })
    assert.match(status, /^备份：今天 \d\d:\d\d$/)
    await s.screenshot('safety-01-backup-now')
  })

  test('恢复前先说明会丢失什么，恢复后记录回到备份时，原文件保留', async () => {
    // A registration after the backup, made by a second desk (the command line) meanwhile.
    cli('intake', 'register', '--location', '3号楼大堂', '--channel', '来电', '--kind', '咨询', '--content', '备份之后登记的咨询')
    assert.equal(count('备份之后登记的咨询'), 1)
    await s.go('#/settings/safety')
    await (await s.byTest('backup-restore')).click()
    const losses = await s.waitForText(() => s.byTest('restore-losses'), '会丢失')
    assert.match(losses, /来电来访登记 1 条/)
    await s.screenshot('safety-02-restore-plan')
    await (await s.byTest('restore-confirm')).click()
    await s.waitForText(() => s.byCss('.el-message'), '已恢复到', { timeout: 60_000 })
    // The window reloads onto the restored office, still logged in.
    await s.byTest('status-user', { timeout: 20_000 })
    assert.equal(count('备份之后登记的咨询'), 0, 'the record made after the backup is gone')
    const kept = readdirSync(dir).filter((f) => /^office\.db\.before-restore-\d{8}-\d{6}$/.test(f))
    assert.equal(kept.length, 1, `the replaced file is kept: ${readdirSync(dir)}`)
    const log = cli('audit', 'list', '--limit', '3')
    assert.ok(log.some((e) => e.action === '恢复备份' && e.actor_name === '周敏'), JSON.stringify(log))
  })

  test('验证数据：封存链完好', async () => {
    await s.go('#/settings/safety')
    await (await s.byTest('data-verify')).click()
    const result = await s.waitForText(() => s.byTest('data-verify-result'), '数据完好', { timeout: 60_000 })
    assert.match(result, /封存链 \d+/)
    await s.screenshot('safety-03-verified')
  })

  // Issue 13: 检查数据库 says how far it has got (19 s on ten years) and leaves the window free.
  test('检查数据库：显示进度，结果说文件完好', async () => {
    await s.go('#/settings/safety')
    await s.byCss('[data-test="backup-list"] .el-table__body tr') // the page has settled
    await s.waitGone('[data-test="progress"]', { timeout: 15_000 }) // 验证数据's panel has gone
    await (await s.byTest('db-check')).click()
    // On this small office the check takes a blink: the panel shows its steps or its end (完成).
    const said = await waitUntil(async () => {
      const panel = await s.css('[data-test="progress"]')
      return panel.length ? (await panel[0].fullText()).trim() : null
    }, { timeout: 10_000, interval: 50, message: 'the progress panel' })
    assert.match(said, /检查|完成/)
    const result = await s.waitForText(() => s.byTest('db-check-result'), '数据库文件完好', { timeout: 60_000 })
    assert.match(result, /版本 \d+/)
    await s.screenshot('safety-03b-db-checked')
  })

  test('数据库文件损坏：启动时显示恢复页面而不是登录，用备份恢复后记录都在', async () => {
    const before = cli('setup', 'status').office.estate_name
    await app.stop()
    app = null
    // The app was stopped hard: fold its WAL into the file first (the CLI's clean close does).
    execFileSync(cliBinary(), ['--db', db, 'check'])
    // Break b-tree page headers in the middle of the file, as a failing disk would.
    const fd = openSync(db, 'r+')
    for (let page = 3; page < 12; page++) writeSync(fd, Buffer.alloc(16, 0xa5), 0, 16, page * 4096)
    closeSync(fd)
    app = await startApp({ db })
    s = app.session
    await s.byTest('recovery', { timeout: 60_000 })
    const text = await s.pageText()
    assert.match(text, /数据库文件已损坏/)
    assert.doesNotMatch(text, /首次设置/, 'never the first-run wizard')
    assert.match(await (await s.byTest('recovery-backups')).fullText(), /来电来访 [\d,]+/)
    await s.screenshot('safety-04-recovery-damaged')
    await (await s.byTest('recovery-restore')).click()
    await (await s.byCss('.el-message-box .el-button--primary')).click()
    await logIn(s, 'zhuguan', PASSWORD)
    assert.equal(cli('setup', 'status').office.estate_name, before)
    const damaged = readdirSync(dir).filter((f) => /^office\.db\.damaged-\d{8}-\d{6}$/.test(f))
    assert.equal(damaged.length, 1, 'the damaged file is kept')
  })

  test('数据库文件不见了：不会当成新办公室，而是提示用备份恢复', async () => {
    await app.stop()
    app = null
    for (const f of readdirSync(dir)) if (f === 'office.db' || f.startsWith('office.db-')) unlinkSync(join(dir, f))
    app = await startApp({ db })
    s = app.session
    await s.byTest('recovery', { timeout: 30_000 })
    assert.match(await s.pageText(), /数据库文件不见了/)
    await s.screenshot('safety-05-recovery-missing')
    await (await s.byTest('recovery-restore')).click()
    await (await s.byCss('.el-message-box .el-button--primary')).click()
    await logIn(s, 'zhuguan', PASSWORD)
    assert.ok(cli('setup', 'status').initialized)
  })
})
