// The only code in the UI that talks to Tauri. Operations go through `call` (the generated
// client in ops.ts uses it), the window's session through `session`, and long work reports its
// progress through `onProgress`.
import { invoke } from '@tauri-apps/api/core'
import { listen } from '@tauri-apps/api/event'
import type { ErrorView } from '../bindings/ErrorView'
import type { FieldError } from '../bindings/FieldError'

/**
 * An error from the core: `kind` for code, `message` (Chinese) for people, `field` for forms;
 * `fields` holds every field's error when a form had several (the first is `field`).
 */
export class ApiError extends Error {
  kind: string
  field: string | null
  fields: FieldError[]
  constructor(view: ErrorView) {
    super(view.message)
    this.kind = view.kind
    this.field = view.field
    this.fields = view.fields ?? []
  }
}

function isErrorView(e: unknown): e is ErrorView {
  return typeof e === 'object' && e !== null && 'kind' in e && 'message' in e
}

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    if (isErrorView(e)) throw new ApiError(e)
    throw new ApiError({ kind: 'internal', message: `程序内部错误：${String(e)}`, field: null, fields: [] })
  }
}

/** Runs the operation `name` of the core's list with its one input. */
export function call<T>(name: string, input: unknown): Promise<T> {
  return guarded(() => invoke<T>('op', { name, input }))
}

/** A command of the window's session (logging in and out, the idle lock). */
export function session<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
  return guarded(() => invoke<T>(command, args))
}

/** One step of a long operation (an export, a print, an import), as the core reports it. */
export interface Step {
  op: string
  step: string
  fraction: number
}

/** Calls `handler` with each progress step; returns a function that stops listening. */
export function onProgress(handler: (s: Step) => void): Promise<() => void> {
  return listen<Step>('progress', (e) => handler(e.payload))
}

/** Calls `handler` whenever the shell has taken (or tried) an automatic backup. */
export function onBackup(handler: () => void): Promise<() => void> {
  return listen('backup', () => handler())
}
