// One screenshot per screen the others do not already take (issue 13 "a set of screenshots, one
// per screen"): every 设置 tab, the night-log page and 钥匙管理, on a generated office, as the
// supervisor. Each screen must show its own content and no error message.

import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startApp, cliBinary } from './lib/app.mjs'
import { logIn } from './lib/flows.mjs'
import { waitUntil } from './lib/webdriver.mjs'

describe('每个页面一张截图', () => {
  let app, s, dir
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fd-screens-'))
    const db = join(dir, 'office.db')
    execFileSync(cliBinary(), ['--db', db, 'dev', 'generate', '--years', '1', '--seed', '6', '--entries-per-year', '600', '--rooms', '60'])
    app = await startApp({ db })
    s = app.session
    await logIn(s, 'zhuguan', 'demo123456')
  })
  after(() => {
    app?.stop()
    if (dir && !process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true })
  })

  const screens = [
    ['#/settings/office', '公司名称', 'settings-office'],
    ['#/settings/rooms', '楼栋', 'settings-rooms'],
    ['#/settings/staff', '登录账号', 'settings-staff'],
    ['#/settings/categories', '时限', 'settings-categories'],
    ['#/settings/departments', '部门', 'settings-departments'],
    ['#/settings/intake', '回访时限', 'settings-intake'],
    ['#/settings/import', '模板', 'settings-import'],
    ['#/intake/night', '夜间', 'night-log'],
    ['#/keys', '业主寄存钥匙', 'keys'],
  ]
  for (const [hash, words, name] of screens) {
    test(`${name}：显示自己的内容，没有错误提示`, async () => {
      await s.go(hash)
      await waitUntil(async () => (await s.pageText()).includes(words), { message: `${words} on ${hash}` })
      await new Promise((r) => setTimeout(r, 400)) // let lists finish loading
      const errors = await s.execute(`return [...document.querySelectorAll('.el-message--error')].map((e) => e.textContent.trim())`)
      assert.deepEqual(errors, [], `no error on ${hash}`)
      await s.screenshot(`screens-${name}`)
    })
  }
})
