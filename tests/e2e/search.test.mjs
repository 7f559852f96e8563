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
import { Keys } from './lib/webdriver.mjs'

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

  test('a serial finds its slip; an entry and its slip are one row; a hit opens the slip itself', async () => {
    const first = await (await s.byTest('search-results')).text()
    const serial = first.match(/PG-\d{6}-\d{4}/)?.[0]
    assert.ok(serial, 'the first page shows a slip serial')
    await (await s.byTest('search-input')).fill(serial)
    await (await s.byTest('search-submit')).click()
    await s.waitForText(() => s.byTest('search-summary'), '共 1 条')
    // The row says where the slip stands, in the words of the 派工单 screen (the CLI's label).
    const cli = cliAs(db, 'qiantai', 'demo123456')
    const slip = cli('slip', 'show', '--serial', serial)
    const said = { opened: '待派工', dispatched: '已派工', accepted: '已接单', on_site: '已到场', done: '已完工', return_visited: '已回访', closed: '已关闭', paused: '已暂停', cancelled: '已作废' }
    assert.equal((await (await s.byTest(`search-state-slip-${slip.slip.id}`)).text()).trim(), said[slip.slip.state])
    // The entry the slip came from is the same matter: searching its words lists the slip, never the entry beside it.
    if (slip.slip.intake_id) {
      const words = slip.slip.content.slice(0, 8)
      await (await s.byTest('search-input')).fill(words)
      await (await s.byTest('search-submit')).click()
      await s.waitForText(() => s.byTest('search-summary'), `“${words}”的搜索结果`)
      const page = cli('search', '--text', words, '--limit', '200')
      assert.ok(!page.hits.some((h) => h.kind === 'intake' && h.id === slip.slip.intake_id), 'the entry is not a row of its own')
      assert.equal((await s.css(`[data-test="search-state-intake-${slip.slip.intake_id}"]`)).length, 0)
      const summary = await (await s.byTest('search-summary')).text()
      assert.match(summary, page.total_exact ? new RegExp(`共 ${page.total} 条`) : new RegExp(`超过 ${page.total} 条`))
      await (await s.byTest('search-input')).fill(serial)
      await (await s.byTest('search-submit')).click()
      await s.waitForText(() => s.byTest('search-summary'), '共 1 条')
    }
    // Opening the hit opens the slip's own drawer on 派工单, with its steps — not a copy of the row.
    await (await (await s.byTest('search-results')).find('.el-table__row td:last-child .cell')).click()
    await s.waitForText(() => s.byTest('slip-detail'), serial)
    assert.match(await s.url(), /#\/slips\?open=/)
    await new Promise((done) => setTimeout(done, 500)) // let the drawer finish sliding in
    await s.screenshot('search-02-serial-opens-slip')
    await s.keys(Keys.ESCAPE)
    await s.waitGone('.el-drawer')
    // Back to the results: the same hit opens again.
    await s.go(`#/search?q=${encodeURIComponent(serial)}`)
    await (await (await s.byTest('search-results')).find('.el-table__row td:last-child .cell')).click()
    await s.waitForText(() => s.byTest('slip-detail'), serial)
    await s.keys(Keys.ESCAPE)
    await s.waitGone('.el-drawer')
  })

  test('an entry found by search is shown marked in the list of its day', async () => {
    const cli = cliAs(db, 'qiantai', 'demo123456')
    // The window's first page is the CLI's first page (20 hits): the entry is on it.
    const word = ['咨询', '请问', '物业费', '停车'].find((w) => cli('search', '--text', w).hits.some((h) => h.kind === 'intake'))
    assert.ok(word, 'the demo office has an entry that is a matter of its own')
    const hit = cli('search', '--text', word).hits.find((h) => h.kind === 'intake')
    await s.go(`#/search?q=${encodeURIComponent(word)}`)
    const cell = await s.byTest(`search-state-intake-${hit.id}`, { timeout: 15_000 })
    await cell.click()
    await s.byCss('[data-test="intake-today"] .shown-entry')
    const row = await (await s.byCss('[data-test="intake-today"] .shown-entry')).fullText()
    assert.ok(row.includes(hit.at.slice(5, 16)), `${row} — ${hit.at}`)
    await s.screenshot('search-03-entry-in-its-day')
  })
})
