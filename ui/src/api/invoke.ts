// The only code in the UI that talks to Tauri. Every other module calls `call()`.
import { invoke } from '@tauri-apps/api/core'
import type { ErrorView } from '../bindings/ErrorView'

/** An error from the core: `kind` for code, `message` (Chinese) for people, `field` for forms. */
export class ApiError extends Error {
  kind: string
  field: string | null
  constructor(view: ErrorView) {
    super(view.message)
    this.kind = view.kind
    this.field = view.field
  }
}

function isErrorView(e: unknown): e is ErrorView {
  return typeof e === 'object' && e !== null && 'kind' in e && 'message' in e
}

export async function call<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(command, args)
  } catch (e) {
    if (isErrorView(e)) throw new ApiError(e)
    throw new ApiError({ kind: 'internal', message: `程序内部错误:${String(e)}`, field: null })
  }
}
