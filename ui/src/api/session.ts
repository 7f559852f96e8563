import { call } from './invoke'
import type { Actor } from '../bindings/Actor'
import type { FirstRun } from '../bindings/FirstRun'
import type { SetupStatus } from '../bindings/SetupStatus'
import type { PasswordChange } from '../bindings/PasswordChange'

export interface AppInfo {
  db_path: string
  version: string
}

export const appInfo = () => call<AppInfo>('app_info')
export const setupStatus = () => call<SetupStatus>('setup_status')
export const setupInit = (input: FirstRun) => call<Actor>('setup_init', { input })
export const login = (login: string, password: string) => call<Actor>('login', { login, password })
export const logout = () => call<void>('logout')
export const currentUser = () => call<Actor | null>('current_user')
export const lock = () => call<void>('lock')
export const unlock = (password: string) => call<Actor>('unlock', { password })
export const changePassword = (input: PasswordChange) => call<void>('change_password', { input })
