// Asking before a step that cannot be taken back (作废, 退单, deleting a record), and asking for
// the reason a step needs. The reason box runs the step itself: when the core refuses the reason
// (an empty one, say), its words show in the box and the box stays open; nothing is checked here.
import { ElMessageBox, type MessageBoxState } from 'element-plus'
import { ApiError } from './api/invoke'

export interface ReasonAsk<T> {
  title: string
  /** What happens, in a sentence, and what to write. */
  message: string
  /** The confirm button's words, e.g. 确定作废. */
  confirm: string
  /** Red confirm button and a warning icon: the step cannot be undone. */
  danger?: boolean
  placeholder?: string
  /** The step, with the reason typed. */
  run: (reason: string) => Promise<T>
}

/**
 * Shows the reason box and runs the step on 确定. Resolves to the step's result, or undefined when
 * the person cancels. A refusal of the reason itself keeps the box open with the core's words under
 * the input; any other failure closes the box and is thrown (for the page's useFormErrors.attempt).
 */
export async function askReason<T>(ask: ReasonAsk<T>): Promise<T | undefined> {
  let result: T | undefined
  let failure: unknown = null
  const beforeClose = async (action: string, box: MessageBoxState, done: () => void) => {
    if (action !== 'confirm') return done()
    box.confirmButtonLoading = true
    try {
      result = await ask.run(box.inputValue ?? '')
      done()
    } catch (e) {
      if (e instanceof ApiError && (e.field === 'reason' || e.field === 'note')) {
        box.editorErrorMessage = e.message
        box.validateError = true
      } else {
        failure = e
        done()
      }
    } finally {
      box.confirmButtonLoading = false
    }
  }
  try {
    await ElMessageBox.prompt(ask.message, ask.title, {
      confirmButtonText: ask.confirm,
      cancelButtonText: '取消',
      type: ask.danger ? 'warning' : undefined,
      confirmButtonClass: ask.danger ? 'el-button--danger' : undefined,
      inputPlaceholder: ask.placeholder ?? '原因',
      closeOnClickModal: false,
      beforeClose,
    })
  } catch {
    return undefined // 取消 or Esc
  }
  if (failure) throw failure
  return result
}

/** Asks "are you sure" with a red confirm button; true when the person confirms. */
export async function confirmDanger(message: string, title: string, confirm: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, {
      confirmButtonText: confirm,
      cancelButtonText: '取消',
      type: 'warning',
      confirmButtonClass: 'el-button--danger',
      closeOnClickModal: false,
    })
    return true
  } catch {
    return false
  }
}
