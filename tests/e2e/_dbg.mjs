import { startApp } from './lib/app.mjs'
import { logIn } from './lib/flows.mjs'
const app = await startApp({ db: '/tmp/i.db' })
const s = app.session
try {
  await logIn(s, 'qiantai', 'demo123456')
  await s.go('#/intake')
  await new Promise(r => setTimeout(r, 1500))
  const t = await s.byTest('intake-today')
  console.log('TEXT:', JSON.stringify((await t.text()).slice(0, 300)))
  console.log('INNER:', JSON.stringify((await s.execute(`return document.querySelector('[data-test="intake-today"]').innerText`)).slice(0, 300)))
  console.log('TC:', JSON.stringify((await s.execute(`return document.querySelector('[data-test="intake-today"]').textContent`)).slice(0, 300)))
} finally { app.stop() }
