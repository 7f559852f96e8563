// The foundation walk-through (issue 2 §9): first-run wizard, main layout, log out and in again,
// import a rooms CSV through 设置 → 数据导入 and find the room in 设置 → 房间.
// The steps share one app and one database, in order.

import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startApp } from './lib/app.mjs'
import { Keys } from './lib/webdriver.mjs'
import { runWizard, logIn, logOut, typeAndEnter } from './lib/flows.mjs'

describe('基础流程:首次设置、登录、导入房间', () => {
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

  test('import a rooms CSV, then find the room', async () => {
    const csv = join(app.dir, '房间导入.csv')
    writeFileSync(
      csv,
      ['楼栋,单元,房号,面积,住户类型,住户姓名,电话,备注', '3,2,1201,89.5,业主,李明,13912345678,e2e', '3,2,1202,76,租户,王芳,13800001111,'].join('\n') + '\n',
    )
    await s.go('#/settings/import')
    // The file input is real but transparent (laid over a Chinese face): present, not "visible".
    await (await s.byTest('import-file', { visible: false })).setFile(csv)
    const preview = await s.waitForText(() => s.byTest('import-preview'), '2')
    await s.screenshot('foundation-04-import-preview')
    await (await s.byTest('import-run')).click()
    const result = await s.waitForText(() => s.byTest('import-result', { timeout: 20_000 }), '2')
    assert.match(result, /新房间\s*2\s*间/, `import result: ${result} (preview: ${preview})`)
    assert.match(result, /新住户\s*2\s*位/, `import result: ${result}`)
    await s.screenshot('foundation-05-import-result')

    await s.go('#/settings/rooms')
    await typeAndEnter(await s.byTest('room-search'), '3-2-1201')
    const table = await s.waitForText(() => s.byTest('room-table'), '3栋2单元1201')
    assert.match(table, /李明/)
    assert.doesNotMatch(table, /1202/, 'the search shows only the room asked for')
    await s.screenshot('foundation-06-room-found')
  })

  test('rooms come a page at a time, and the last page is there too', async () => {
    // 45 more rooms: 5栋1单元, floors 1–15, three to a floor (no residents: they may be empty).
    const lines = ['楼栋,单元,房号,面积,住户类型,住户姓名,电话,备注']
    for (let floor = 1; floor <= 15; floor++) for (let n = 1; n <= 3; n++) lines.push(`5,1,${floor}0${n},,,,,`)
    const csv = join(app.dir, '更多房间.csv')
    writeFileSync(csv, lines.join('\n') + '\n')
    await s.go('#/settings/import')
    await (await s.byTest('import-file', { visible: false })).setFile(csv)
    await s.waitForText(() => s.byTest('import-preview'), '45')
    await (await s.byTest('import-run')).click()
    await s.waitForText(() => s.byTest('import-result', { timeout: 20_000 }), '45')

    await s.go('#/settings/rooms')
    // The tab was open before the import: it shows the new building and its rooms now.
    await s.waitForText(() => s.byTest('room-buildings'), '5栋')
    assert.match(await (await s.byTest('room-buildings')).text(), /5栋\s*45 间/)
    const search = await s.byTest('room-search')
    await search.clear()
    await search.press(Keys.ENTER)
    // 2 + 45 rooms, 20 a page: the count is of all of them, not of the page on screen.
    await s.waitForText(() => s.byTest('room-pages'), '共 47 条')
    await (await s.byCss('[data-test="room-pages"] .el-pager li:nth-child(3)')).click()
    // Page 3 is rooms 41–47 in building/unit/number order: 5栋1单元1303 … 1503.
    const last = await s.waitForText(() => s.byTest('room-table'), '5栋1单元1503')
    assert.match(last, /5栋1单元1303/)
    assert.doesNotMatch(last, /5栋1单元1302|3栋2单元1201/, 'only the third page is on screen')
    assert.equal((await s.css('[data-test="room-table"] tbody tr')).length, 7)
    await s.screenshot('foundation-07-rooms-last-page')
  })
})
