// The one search box: a seeded demo database (frontdesk-cli dev generate), then Chinese, serial
// and phone-suffix queries typed into the box at the top of the app, Enter to search.

import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startApp, cliAs, cliBinary } from './lib/app.mjs'
import { logIn, typeAndEnter } from './lib/flows.mjs'

describe('搜索', () => {
  let app, s, dir, db
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fd-search-'))
    db = join(dir, 'demo.db')
    execFileSync(cliBinary(), ['--db', db, 'dev', 'generate', '--years', '1', '--seed', '1', '--entries-per-year', '3000', '--rooms', '200'])
    app = await startApp({ db })
    s = app.session
    await logIn(s, 'qiantai', 'demo123456')
  })
  after(() => {
    app?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test('a two-character word finds records, newest first, marked', async () => {
    await typeAndEnter(await s.byTest('search-input'), '漏水')
    await s.waitForText(() => s.byTest('search-results'), '漏水')
    const rows = await (await s.byTest('search-results')).findAll('.el-table__row')
    assert.ok(rows.length >= 10, `expected a page of hits, got ${rows.length}`)
    assert.ok((await s.css('.mark')).length > 0, 'the matched word is highlighted')
    await s.screenshot('search-01-word')
  })

  test('a serial finds its slip, and a hit opens its details', async () => {
    const first = await (await s.byTest('search-results')).text()
    const serial = first.match(/PG-\d{6}-\d{4}/)?.[0]
    assert.ok(serial, 'the first page shows a slip serial')
    await (await s.byTest('search-input')).fill(serial)
    await (await s.byTest('search-submit')).click()
    await s.waitForText(() => s.byTest('search-summary'), '共 1 条')
    // The row says where the slip stands, in the words of the 派工单 screen (the CLI's label).
    const slip = cliAs(db, 'qiantai', 'demo123456')('slip', 'show', '--serial', serial)
    const said = { opened: '待派工', dispatched: '已派工', accepted: '已接单', on_site: '已到场', done: '已完工', return_visited: '已回访', closed: '已关闭', paused: '已暂停', cancelled: '已作废' }
    assert.equal((await (await s.byTest(`search-state-slip-${slip.slip.id}`)).text()).trim(), said[slip.slip.state])
    // The entry the slip came from is the same matter: its row names the slip.
    if (slip.slip.intake_id) {
      await (await s.byTest('search-input')).fill(slip.slip.content.slice(0, 8))
      await (await s.byTest('search-submit')).click()
      const entry = await s.byTest(`search-state-intake-${slip.slip.intake_id}`, { timeout: 15_000 }).catch(() => null)
      if (entry) assert.equal((await entry.text()).trim(), `已转派工单 ${serial}`)
      await (await s.byTest('search-input')).fill(serial)
      await (await s.byTest('search-submit')).click()
      await s.waitForText(() => s.byTest('search-summary'), '共 1 条')
    }
    await (await (await s.byTest('search-results')).find('.el-table__row td:last-child .cell')).click()
    await s.waitForText(() => s.byTest('search-detail'), serial)
    await new Promise((done) => setTimeout(done, 500)) // let the dialog finish fading in
    await s.screenshot('search-02-serial-detail')
  })
})
