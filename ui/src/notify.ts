// The app's one way to show a short message (a "toast"). At most one is on screen: a new one
// replaces the last. They appear at the bottom right, above the status bar, away from the entry
// form and the search box. Success fades after 2.5 s; warnings and errors stay longer and can be
// closed. Errors that belong to a form field are shown under that field instead (formErrors.ts).
import { ElMessage } from 'element-plus'

export type NotifyKind = 'success' | 'info' | 'warning' | 'error'

/** How long each kind stays, in ms. */
export const DURATION: Record<NotifyKind, number> = { success: 2500, info: 3000, warning: 8000, error: 6000 }

export function notify(kind: NotifyKind, message: string, opts: { duration?: number } = {}) {
  ElMessage.closeAll()
  return ElMessage({
    type: kind,
    message,
    placement: 'bottom-right',
    offset: 44, // clear of the 32 px status bar
    duration: opts.duration ?? DURATION[kind],
    showClose: kind !== 'success',
    grouping: true,
    customClass: 'fd-toast',
  })
}

export const notifySuccess = (message: string, opts?: { duration?: number }) => notify('success', message, opts)
export const notifyInfo = (message: string, opts?: { duration?: number }) => notify('info', message, opts)
export const notifyWarning = (message: string, opts?: { duration?: number }) => notify('warning', message, opts)
export const notifyError = (message: string, opts?: { duration?: number }) => notify('error', message, opts)

/** Closes every message on screen (the lock screen does, so nothing shows over it). */
export function closeNotices() {
  ElMessage.closeAll()
}
