// The foundation walk-through (issue 2 §9): first-run wizard, main layout, log out and in again.
// The steps share one app and one database, in order.

import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { startApp } from './lib/app.mjs'
import { runWizard, logIn, logOut } from './lib/flows.mjs'

describe('基础流程:首次设置、登录', () => {
  let app
  let s
  let office

  before(async () => {
    app = await startApp()
    s = app.session
  })
  after(async () => {
    await app?.stop()
  })

  test('window title is the product name', async () => {
    assert.equal(await s.title(), '物业客服前台')
  })

  test('first run: the wizard creates the office and the supervisor', async () => {
    await s.byTest('wizard-office')
    await s.screenshot('foundation-01-wizard')
    office = await runWizard(s)
    const status = await (await s.byTest('status-user')).text()
    assert.match(status, /张丽/)
    assert.match(status, /客服主管/)
    // The app wrote to the database it was given through FRONTDESK_DB, via tauri-driver.
    assert.ok(existsSync(app.dbPath), `database file ${app.dbPath}`)
    await s.screenshot('foundation-02-main')
  })

  test('log out, then log in again', async () => {
    await logOut(s)
    await s.screenshot('foundation-03-login')
    await logIn(s, office.login, office.password)
    assert.match(await (await s.byTest('status-user')).text(), /张丽/)
  })
})
