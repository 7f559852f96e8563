// The window's session: who is logged in, logging in and out, the idle lock. The first-run
// wizard and changing one's password are operations (ops.ts), re-exported here for the views
// that deal with the session.
import { session } from './invoke'
import type { Actor } from '../bindings/Actor'
import type { BackupInfo } from '../bindings/BackupInfo'
import type { Restored } from '../bindings/Restored'

export { setupInit, setupStatus, accountPassword as changePassword } from './ops'

export interface AppInfo {
  db_path: string
  version: string
}

/** What the window shows first: the login (ready), a wait (checking) or the recovery screen. */
export interface Startup {
  state: 'checking' | 'ready' | 'recovery'
  /** db_missing / db_damaged / db_newer / db_cannot_open */
  problem: string | null
  message: string
  db_path: string
  read_only: boolean
  backups: BackupInfo[]
}

export const startup = () => session<Startup>('startup')
export const recoveryRestore = (file: string) => session<Restored>('recovery_restore', { file })
export const recoveryStartOver = () => session<string>('recovery_start_over')
export const appInfo = () => session<AppInfo>('app_info')
export const login = (login: string, password: string) => session<Actor>('login', { login, password })
export const logout = () => session<void>('logout')
export const currentUser = () => session<Actor | null>('current_user')
export const lock = () => session<void>('lock')
export const unlock = (password: string) => session<Actor>('unlock', { password })
