// What the three after-hours registers share on screen (R-AH-1..3): the list with its 只看未结束
// filter, closing a row (放行 / 结束 / 收回, with an optional note) or voiding it (a reason is
// required — the core says so under the box), and printing one row's form.
import { ref } from 'vue'
import type { FormKind } from '../../bindings/FormKind'
import type { RegisterCloseInput } from '../../bindings/RegisterCloseInput'
import type { RegisterQuery } from '../../bindings/RegisterQuery'
import { askReason } from '../../confirmStep'
import { useFormErrors } from '../../formErrors'
import { notifySuccess } from '../../notify'

interface Row {
  id: number
  serial: string
}

export function useRegister<T extends Row>(opts: {
  list: (q: RegisterQuery) => Promise<T[]>
  close: (input: RegisterCloseInput) => Promise<T>
  /** The register's name in messages: 物品放行单. */
  what: string
  form: FormKind
}) {
  const rows = ref<T[]>([]) as { value: T[] }
  const openOnly = ref(false)
  const { errors, attempt, clear } = useFormErrors()
  const printing = ref<{ form: FormKind; serial: string; title: string } | null>(null)

  async function load() {
    rows.value = (await attempt(() => opts.list({ open_only: openOnly.value }))) ?? []
  }

  /** Closes `row` as done (`doneWord`: 放行) after asking for an optional note. */
  async function finish(row: T, doneWord: string, message: string) {
    const done = await attempt(() =>
      askReason({
        title: `${doneWord}：${row.serial}`,
        message,
        confirm: `确定${doneWord}`,
        placeholder: '备注（可不填）',
        run: (note: string) => opts.close({ id: row.id, void: false, note }),
      }),
    )
    if (!done) return
    notifySuccess(`${opts.what} ${row.serial} 已${doneWord}`)
    await load()
  }

  async function voidRow(row: T) {
    const done = await attempt(() =>
      askReason({
        title: `作废${opts.what} ${row.serial}`,
        message: '作废后不能恢复。请写明作废原因：',
        confirm: '确定作废',
        danger: true,
        placeholder: '作废原因',
        run: (note: string) => opts.close({ id: row.id, void: true, note }),
      }),
    )
    if (!done) return
    notifySuccess(`${opts.what} ${row.serial} 已作废`)
    await load()
  }

  function print(row: T) {
    printing.value = { form: opts.form, serial: row.serial, title: `打印${opts.what} ${row.serial}` }
  }

  return { rows, openOnly, errors, attempt, clear, load, finish, voidRow, print, printing }
}
