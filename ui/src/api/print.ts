import { call } from './invoke'
import type { PrintInput } from '../bindings/PrintInput'
import type { PrintedForm } from '../bindings/PrintedForm'
import type { SendInput } from '../bindings/SendInput'

/** Renders the form and archives a copy; the result carries the PDF for the preview. */
export const printForm = (input: PrintInput) => call<PrintedForm>('print_form', { input })
/** Hands the archived file to the default printer or the system viewer. */
export const printSend = (input: SendInput) => call<null>('print_send', { input })
