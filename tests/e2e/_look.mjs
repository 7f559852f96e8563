import { startApp } from './lib/app.mjs'
import { runWizard } from './lib/flows.mjs'
const app = await startApp({ db: process.env.LOOK_DB })
const s = app.session
try {
  if (!process.env.LOOK_DB) await runWizard(s)
  for (const r of (process.env.LOOK_ROUTES || '').split(',')) {
    await s.go('#' + r)
    await new Promise(res => setTimeout(res, 1500))
    await s.screenshot('look' + r.replaceAll('/', '-'))
  }
} finally { app.stop() }
