// A small W3C WebDriver client on Node's built-in fetch: just what the FrontDesk end-to-end
// tests use. tauri-driver speaks this protocol and forwards it to WebKitWebDriver.

import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The W3C key for a web element reference in JSON. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'

/** WebDriver key codes (W3C §17.4.2) for sendKeys/press. */
export const Keys = {
  ENTER: '\uE007',
  TAB: '\uE004',
  ESCAPE: '\uE00C',
  BACKSPACE: '\uE003',
  DOWN: '\uE015',
  UP: '\uE013',
  /** Held down until NULL in one send-keys call: `Keys.CONTROL + Keys.ENTER + Keys.NULL` is Ctrl+Enter. */
  CONTROL: '\uE009',
  SHIFT: '\uE008',
  /** Releases every modifier held in the same send-keys call. */
  NULL: '\uE000',
  F1: '\uE031',
}

/** Screenshots land here, one PNG per name, for a person to look at after a run. */
export const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'out')

export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    super(`${method} ${path} → ${status} ${value?.error ?? ''}: ${value?.message ?? JSON.stringify(value)}`)
    this.error = value?.error
  }
}

/** An XPath string literal for any text, quotes included. */
export function xpathLiteral(text) {
  if (!text.includes("'")) return `'${text}'`
  if (!text.includes('"')) return `"${text}"`
  return `concat(${text.split("'").map((p) => `'${p}'`).join(`, "'", `)})`
}

/** E2E_TRACE=1 prints every WebDriver command to stderr: what a hanging test last asked for. */
const TRACE = !!process.env.E2E_TRACE

async function request(base, method, path, body) {
  if (TRACE) process.stderr.write(`[webdriver] ${method} ${path} ${body === undefined ? '' : JSON.stringify(body).slice(0, 120)}\n`)
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  let json
  try {
    json = JSON.parse(text)
  } catch {
    throw new WebDriverError(method, path, res.status, { message: text.slice(0, 300) })
  }
  if (!res.ok || (json.value && json.value.error)) throw new WebDriverError(method, path, res.status, json.value)
  return json.value
}

/** Polls `probe` until it returns something truthy (which is returned) or the time runs out. */
export async function waitUntil(probe, { timeout = 10_000, interval = 150, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout
  let lastError
  for (;;) {
    try {
      const v = await probe()
      if (v) return v
    } catch (e) {
      lastError = e
    }
    if (Date.now() > deadline) {
      throw new Error(`等待超时 (${timeout} ms): ${message}${lastError ? ` — last error: ${lastError.message}` : ''}`)
    }
    await new Promise((r) => setTimeout(r, interval))
  }
}

/** One element in the page. Methods return promises; `click`/`type` return the element for chaining. */
export class Element {
  constructor(session, id, description) {
    this.session = session
    this.id = id
    this.description = description
  }
  #cmd(method, sub, body) {
    return this.session.cmd(method, `/element/${this.id}${sub}`, body)
  }
  /**
   * Scrolls the element to the middle of its scroll box first: the app scrolls inside its main
   * pane, and WebKitWebDriver refuses ("not interactable"/"intercepted") a click on an element
   * below that pane's fold or under the fixed status bar.
   */
  async click() {
    await this.session.execute("arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' })", [this.ref()])
    // A toast (ElMessage) or a closing dialog can sit over the element for a moment; wait it out
    // as a person would, for a few seconds (8 s), before calling it a failure.
    const until = Date.now() + 8000
    for (;;) {
      try {
        await this.#cmd('POST', '/click', {})
        return this
      } catch (e) {
        if (!/intercepted/.test(String(e.message)) || Date.now() > until) throw e
        await new Promise((r) => setTimeout(r, 250))
      }
    }
  }
  /** Types into the element (Element Plus inputs are real <input>s). Does not clear first. */
  async type(text) {
    await this.#cmd('POST', '/value', { text: String(text) })
    return this
  }
  /**
   * Empties a text field. WebDriver's own clear() does not fire an `input` event, so Vue's
   * v-model would put the old text back; this clears the way typing would.
   */
  async clear() {
    await this.session.execute(
      "const e = arguments[0]; e.value = ''; e.dispatchEvent(new Event('input', { bubbles: true }))",
      [this.ref()],
    )
    return this
  }
  /** The JSON form of this element, for passing it to `session.execute`. */
  ref() {
    return { [ELEMENT]: this.id }
  }
  /** Clears, then types: sets a text field to exactly `text`. */
  async fill(text) {
    await this.clear()
    return this.type(text)
  }
  async press(key) {
    return this.type(key)
  }
  /** Sets an <input type="file"> to a path on this machine (sendKeys with the path, as WebDriver defines). */
  async setFile(path) {
    return this.type(path)
  }
  /** The text as WebDriver renders it: only what is inside the visible part of the page. */
  text() {
    return this.#cmd('GET', '/text')
  }
  /** All the element's text (innerText), also the part scrolled out of view. */
  fullText() {
    return this.session.execute('return arguments[0].innerText', [this.ref()])
  }
  attribute(name) {
    return this.#cmd('GET', `/attribute/${encodeURIComponent(name)}`)
  }
  property(name) {
    return this.#cmd('GET', `/property/${encodeURIComponent(name)}`)
  }
  value() {
    return this.property('value')
  }
  tagName() {
    return this.#cmd('GET', '/name')
  }
  displayed() {
    return this.#cmd('GET', '/displayed')
  }
  enabled() {
    return this.#cmd('GET', '/enabled')
  }
  async find(css) {
    const v = await this.#cmd('POST', '/element', { using: 'css selector', value: css })
    return new Element(this.session, v[ELEMENT], `${this.description} ${css}`)
  }
  async findAll(css) {
    const vs = await this.#cmd('POST', '/elements', { using: 'css selector', value: css })
    return vs.map((v) => new Element(this.session, v[ELEMENT], `${this.description} ${css}`))
  }
}

/** A WebDriver session: one running app window. */
export class Session {
  constructor(base, id) {
    this.base = base
    this.id = id
    /** The X display the app is on (set by startApp); screenshots are taken from it. */
    this.display = null
  }

  /** Opens a session on a WebDriver server (`base` like http://127.0.0.1:4444). */
  static async start(base, capabilities) {
    const v = await request(base, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } })
    return new Session(base, v.sessionId)
  }

  /** Ends the session; WebKitWebDriver then closes the app. Never throws. */
  async stop() {
    try {
      await request(this.base, 'DELETE', `/session/${this.id}`)
    } catch {
      // The app may already be gone; nothing more to clean up here.
    }
  }

  cmd(method, path, body) {
    return request(this.base, method, `/session/${this.id}${path}`, body)
  }

  #wrap(values, description) {
    return values.map((v) => new Element(this, v[ELEMENT], description))
  }

  // ── finding ──────────────────────────────────────────────────────────────────────────────
  async findAll(using, value) {
    return this.#wrap(await this.cmd('POST', '/elements', { using, value }), `${using}=${value}`)
  }
  /** Every element matching a CSS selector, visible or not. */
  css(selector) {
    return this.findAll('css selector', selector)
  }
  xpath(expr) {
    return this.findAll('xpath', expr)
  }

  /**
   * Waits for the first VISIBLE element matching `using`/`value`; with { visible: false }, for the
   * first one in the page at all (a transparent file input, say).
   */
  async waitFor(using, value, { timeout = 10_000, visible = true } = {}) {
    return waitUntil(
      async () => {
        for (const el of await this.findAll(using, value)) if (!visible || (await el.displayed())) return el
        return null
      },
      { timeout, message: `${visible ? 'visible ' : ''}element ${using}=${value}` },
    )
  }
  /** The first visible element matching a CSS selector (waits for it). */
  byCss(selector, opts) {
    return this.waitFor('css selector', selector, opts)
  }
  /**
   * The first visible element with data-test="name" (waits for it). `extra` is appended CSS,
   * e.g. ' input'. Options: { timeout, visible } as for waitFor.
   */
  byTest(name, opts, extra = '') {
    return this.byCss(`[data-test="${name}"]${extra}`, opts)
  }
  /** A visible <input>/<textarea> by its name attribute (the wizard's and forms' fields). */
  byName(name, opts) {
    return this.byCss(`input[name="${name}"], textarea[name="${name}"]`, opts)
  }
  /**
   * The innermost visible element whose whole text is `text` (whitespace-normalised);
   * with { contains: true }, whose text contains it. Clicking it clicks its button/link too.
   */
  byText(text, { contains = false, ...opts } = {}) {
    const lit = xpathLiteral(text)
    const test = contains ? `contains(normalize-space(.), ${lit})` : `normalize-space(.) = ${lit}`
    return this.waitFor('xpath', `//body//*[${test} and not(.//*[${test}])]`, opts)
  }

  /** The element that has the keyboard focus (document.activeElement): typing without a click. */
  async active() {
    const v = await this.cmd('GET', '/element/active')
    return new Element(this, v[ELEMENT], 'active element')
  }
  /** Types into whatever has the focus now, as a person at the keyboard would. */
  async keys(text) {
    return (await this.active()).type(text)
  }
  /** The data-test of the focused element or of its nearest ancestor that has one ('' if none). */
  async focusedTest() {
    return (await this.execute("return document.activeElement?.closest('[data-test]')?.getAttribute('data-test') ?? ''")) ?? ''
  }

  /** Waits until no visible element matches the CSS selector (a dialog closed, a spinner went). */
  async waitGone(selector, { timeout = 10_000 } = {}) {
    await waitUntil(
      async () => {
        for (const el of await this.css(selector)) if (await el.displayed().catch(() => false)) return false
        return true
      },
      { timeout, message: `no visible ${selector}` },
    )
  }

  /** Waits until the element found by `find()` has text containing `text`; returns that text. */
  async waitForText(find, text, { timeout = 10_000 } = {}) {
    return waitUntil(
      async () => {
        const t = await (await find()).fullText()
        return t.includes(text) ? t : null
      },
      { timeout, message: `text “${text}”` },
    )
  }

  // ── page ─────────────────────────────────────────────────────────────────────────────────
  title() {
    return this.cmd('GET', '/title')
  }
  url() {
    return this.cmd('GET', '/url')
  }
  /** Runs JavaScript in the page; `return …` gives a value back. */
  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args })
  }
  /** Goes to a route of the app, e.g. '#/settings/import' (hash routing, no reload). */
  async go(hash) {
    await this.execute('window.location.hash = arguments[0]', [hash.replace(/^#/, '')])
  }
  /** The whole page's visible text. */
  async pageText() {
    return (await this.execute('return document.body.innerText')) ?? ''
  }

  /**
   * Saves a PNG of the screen to tests/e2e/out/<name>.png and returns its path.
   * On our Xvfb display it is taken with ImageMagick's `import` (what a person would see):
   * WebKitWebDriver's own screenshot can hang for good once the main layout is up.
   */
  async screenshot(name) {
    mkdirSync(OUT_DIR, { recursive: true })
    const path = join(OUT_DIR, `${name}.png`)
    if (this.display) {
      execFileSync('import', ['-display', this.display, '-window', 'root', path], { timeout: 20_000 })
    } else {
      writeFileSync(path, Buffer.from(await this.cmd('GET', '/screenshot'), 'base64'))
    }
    return path
  }
}
