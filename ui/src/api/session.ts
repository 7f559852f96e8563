// The window's session: who is logged in, logging in and out, the idle lock. The first-run
// wizard and changing one's password are operations (ops.ts), re-exported here for the views
// that deal with the session.
import { session } from './invoke'
import type { Actor } from '../bindings/Actor'

export { setupInit, setupStatus, accountPassword as changePassword } from './ops'

export interface AppInfo {
  db_path: string
  version: string
}

export const appInfo = () => session<AppInfo>('app_info')
export const login = (login: string, password: string) => session<Actor>('login', { login, password })
export const logout = () => session<void>('logout')
export const currentUser = () => session<Actor | null>('current_user')
export const lock = () => session<void>('lock')
export const unlock = (password: string) => session<Actor>('unlock', { password })
