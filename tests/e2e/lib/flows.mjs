// Steps many end-to-end tests share: the first-run wizard, logging in and out, typing into forms.
// Each takes the WebDriver session first and waits for the screen it ends on.

import { Keys, waitUntil, xpathLiteral } from './webdriver.mjs'

/** The office and first supervisor the wizard creates unless a test passes its own. */
export const DEFAULT_OFFICE = {
  company_name: '阳光物业服务有限公司',
  estate_name: '阳光花园',
  desk_phone: '0755-12345678',
  supervisor_name: '张丽',
  supervisor_phone: '13800138000',
  login: 'zhangli',
  password: 'mima123456',
}

/** Sets the form fields named in `values` (input name → text), clearing each first. */
export async function fillForm(s, values) {
  for (const [name, text] of Object.entries(values)) {
    await (await s.byName(name)).fill(text)
  }
}

/** Runs the first-run wizard on a fresh database; ends on the main layout, logged in as the supervisor. */
export async function runWizard(s, office = {}) {
  const o = { ...DEFAULT_OFFICE, ...office }
  await s.byTest('wizard-office')
  await fillForm(s, { company_name: o.company_name, estate_name: o.estate_name, desk_phone: o.desk_phone })
  await (await s.byTest('wizard-next')).click()
  await s.byTest('wizard-account')
  await fillForm(s, {
    supervisor_name: o.supervisor_name,
    supervisor_phone: o.supervisor_phone,
    login: o.login,
    password: o.password,
    again: o.password,
  })
  await (await s.byTest('wizard-finish')).click()
  // The wizard ends on its checklist of what to set up next; 进入系统 goes to the main layout.
  await (await s.byTest('wizard-enter', { timeout: 20_000 })).click()
  await s.waitForText(() => s.byTest('status-user', { timeout: 20_000 }), o.supervisor_name)
  return o
}

/** Logs in from the login screen (Enter in the password field submits); ends on the main layout. */
export async function logIn(s, login, password) {
  await s.byTest('login-form')
  await fillForm(s, { login })
  await (await s.byName('password')).fill(password)
  await (await s.byTest('login-submit')).click()
  return s.byTest('status-user', { timeout: 15_000 })
}

/** Logs out through the status bar and its confirmation; ends on the login screen. */
export async function logOut(s) {
  // A toast fading out near the bar's corner can take the first click (CI, once): click until
  // the confirmation is open.
  const open = async () => {
    for (const box of await s.css('.el-message-box')) if (await box.displayed().catch(() => false)) return true
    return false
  }
  await waitUntil(async () => {
    if (await open()) return true
    await (await s.byText('退出登录')).click().catch(() => {})
    await new Promise((r) => setTimeout(r, 700))
    return open()
  }, { timeout: 15_000, message: '退出登录 opens its confirmation' })
  await (await s.byCss('.el-message-box .el-button--primary')).click()
  await s.waitGone('.el-message-box')
  return s.byTest('login-form')
}

/** Types into a field and presses Enter (search boxes, forms that submit on Enter). */
export async function typeAndEnter(el, text) {
  await el.fill(text)
  await el.press(Keys.ENTER)
  return el
}

/** Waits until no Element Plus transition (a dialog zooming in, a list sliding down) is running. */
export function still(s) {
  return waitUntil(async () => (await s.css('[class*="-enter-active"], [class*="-leave-active"]')).length === 0, {
    message: 'the screen to stop moving',
  })
}

/**
 * Picks the option `text` in the select with data-test `test` and waits for its list to close.
 * A click while the list is still sliding in lands beside the option and leaves the list open
 * (this flaked in CI), so each click waits for the motion to end, and a list still open after
 * its click gets the click again. With { contains: true } the option's text need only contain `text`.
 */
export async function choose(s, test, text, { contains = false } = {}) {
  const lit = xpathLiteral(text)
  const match = contains ? `contains(normalize-space(.), ${lit})` : `descendant-or-self::*[normalize-space(.) = ${lit}]`
  await still(s)
  await (await s.byTest(test)).click()
  for (let attempt = 1; ; attempt++) {
    await still(s)
    const option = await s.waitFor('xpath', `//li[contains(@class, 'el-select-dropdown__item')][${match}]`)
    await option.click().catch(() => {})
    try {
      await s.waitGone('.el-select-dropdown', { timeout: 3_000 })
      return
    } catch (e) {
      if (attempt === 3) throw e
    }
  }
}
