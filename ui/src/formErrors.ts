// Shows a core error on the form field it names, or as a message when it names none.
import { nextTick, reactive } from 'vue'
import { ApiError } from './api/invoke'
import { notifyError } from './notify'

export function useFormErrors() {
  const errors = reactive<Record<string, string>>({})
  function clear() {
    for (const k of Object.keys(errors)) delete errors[k]
  }
  /**
   * Runs `action`; on failure puts the message under its field — only there, no toast — or, when
   * the error names no field (or the screen shows no place for that field), in a toast.
   */
  async function attempt<T>(action: () => Promise<T>, fieldMap: Record<string, string> = {}): Promise<T | undefined> {
    clear()
    try {
      return await action()
    } catch (e) {
      await showError(e, (field, message) => {
        errors[fieldMap[field] ?? field] = message
      })
      return undefined
    }
  }
  return { errors, clear, attempt }
}

/** Chinese words for any failure: the core's own message, or a plain one for anything else. */
export function errorMessage(e: unknown): string {
  return e instanceof ApiError ? e.message : `出错了：${String(e)}`
}

/**
 * Shows `e`: under its field through `onField` when the core named one (under each field when it
 * named several), else as a toast. A field error the screen does not show anywhere (no form item
 * with that name) still toasts, so no error is ever lost.
 */
export async function showError(e: unknown, onField?: (field: string, message: string) => void) {
  if (!(e instanceof ApiError) || !e.field || !onField) {
    notifyError(errorMessage(e))
    return
  }
  const all = e.fields.length ? e.fields : [{ field: e.field, message: e.message }]
  for (const f of all) onField(f.field, f.message)
  // Element Plus draws a field's error a frame or two after it is set: look for a while
  // before deciding the screen has no place for it.
  await nextTick()
  let unseen = all
  for (let i = 0; i < 9 && unseen.length; i++) {
    if (i) await new Promise((r) => setTimeout(r, 25))
    unseen = unseen.filter((f) => !shownOnScreen(f.message))
  }
  if (unseen.length) notifyError(unseen.map((f) => f.message).join('；'))
}

/** Is `message` visible under some form field (Element Plus's error line, or a [data-field-error])? */
function shownOnScreen(message: string): boolean {
  if (typeof document === 'undefined') return false
  return Array.from(document.querySelectorAll<HTMLElement>('.el-form-item__error, [data-field-error]')).some(
    (el) => (el.textContent ?? '').includes(message) && el.getClientRects().length > 0,
  )
}
