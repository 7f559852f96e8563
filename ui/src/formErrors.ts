// Shows a core error on the form field it names, or as a message when it names none.
import { reactive } from 'vue'
import { ElMessage } from 'element-plus'
import { ApiError } from './api/invoke'

export function useFormErrors() {
  const errors = reactive<Record<string, string>>({})
  function clear() {
    for (const k of Object.keys(errors)) delete errors[k]
  }
  /** Runs `action`; on failure puts the message under its field (and always in a toast). */
  async function attempt<T>(action: () => Promise<T>, fieldMap: Record<string, string> = {}): Promise<T | undefined> {
    clear()
    try {
      return await action()
    } catch (e) {
      showError(e, (field, message) => {
        errors[fieldMap[field] ?? field] = message
      })
      return undefined
    }
  }
  return { errors, clear, attempt }
}

export function showError(e: unknown, onField?: (field: string, message: string) => void) {
  const message = e instanceof ApiError ? e.message : `出错了:${String(e)}`
  if (e instanceof ApiError && e.field && onField) onField(e.field, e.message)
  ElMessage({ type: 'error', message, duration: 5000, showClose: true })
}
