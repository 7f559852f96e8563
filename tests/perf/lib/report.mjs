// The printed tables: one line per step (median over the runs beside the goal) and the memory.

/** Columns on a terminal: CJK and full-width characters take two. */
function width(text) {
  let w = 0
  for (const ch of String(text)) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}
const pad = (text, n, right = false) => {
  const fill = ' '.repeat(Math.max(0, n - width(text)))
  return right ? fill + text : text + fill
}

export function median(xs) {
  if (!xs.length) return null
  const v = [...xs].sort((a, b) => a - b)
  const m = Math.floor(v.length / 2)
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2
}

function table(head, lines, rightAligned) {
  const cols = head.map((h, i) => Math.max(width(h), ...lines.map((l) => width(l[i]))))
  const line = (cells) => cells.map((c, i) => pad(c, cols[i], rightAligned.includes(i))).join('  ').trimEnd()
  console.log(line(head))
  console.log(cols.map((n) => '-'.repeat(n)).join('  '))
  for (const l of lines) console.log(line(l))
}

/** Adds median and meets to each row (for the JSON too) and prints the table. */
export function printTable(rows, runs) {
  const lines = rows.map((r) => {
    r.median = median(r.ms)
    r.meets = r.median === null ? null : r.median <= r.goal
    const ms = r.median === null ? '' : r.median.toFixed(0)
    let meets = r.meets === null ? '' : r.meets ? '是' : '否'
    if (r.median === null) meets = `未测（${r.skipped ?? r.errors[0] ?? '原因不明'}）`
    else if (r.ms.length < runs) meets += `（${r.ms.length}/${runs} 次成功${r.errors[0] ? `：${r.errors[0]}` : ''}）`
    const ipc = median(r.ipc)
    const frozen = r.frozen.length ? Math.max(...r.frozen) : null
    return [r.name, ms, String(r.goal), meets, r.ms.map((x) => x.toFixed(0)).join(' / '), ipc === null ? '' : ipc.toFixed(0), frozen === null ? '' : frozen.toFixed(0)]
  })
  console.log(`\n界面计时（毫秒；${runs} 次的中位数，从输入事件到结果画出；IPC 为等待核心的时间，帧间隔为页面最长不能绘制的时间）\n`)
  table(['步骤', '中位数', '目标', '达标', '各次', '其中 IPC', '最长帧间隔'], lines, [1, 2, 5, 6])
}

const mib = (kib) => (kib / 1024).toFixed(0)

export function printMemory(m) {
  const lines = []
  const row = (what, t) => t && lines.push([what, mib(t.pss), mib(t.rss), t.procs.map((p) => `${p.name} ${mib(p.pss)}`).join('，')])
  row('应用：登录后空闲 10 秒', m.afterLogin)
  row('应用：登录并打开各页后空闲 10 秒', m.afterPages)
  row('应用：全部步骤后空闲 10 秒', m.afterAll)
  row('裸 Tauri 2 窗口：启动后空闲 10 秒', m.bare)
  if (!lines.length) return
  console.log('\n内存（MiB；进程树合计：应用进程及其 WebKit 子进程）\n')
  table(['测量点', 'PSS', 'RSS', '各进程 PSS'], lines, [1, 2])
  // The issue's row is the idle app (after login); after the pages and after every step are the
  // harder figures a day's use reaches, and are compared too.
  if (m.bare) {
    m.ratios = {}
    for (const [key, what] of [['afterLogin', '登录后空闲'], ['afterPages', '打开各页后'], ['afterAll', '全部步骤后']]) {
      if (!m[key]) continue
      const ratio = m[key].pss / m.bare.pss
      m.ratios[key] = +ratio.toFixed(2)
      console.log(`${key === 'afterLogin' ? '\n' : ''}${what}：应用 PSS / 裸窗口 PSS = ${ratio.toFixed(2)}（目标 ≤ 1.3：${ratio <= 1.3 ? '达标' : '未达标'}）`)
    }
  }
  if (m.bareError) console.log(`\n裸窗口未测：${m.bareError}`)
  if (m.otherWebKit?.length) console.log(`\n注意：本机另有 ${m.otherWebKit.length} 个 WebKit 进程在运行（别的测试？），它们分摊共享库页，会使 PSS 偏低、计时偏慢。`)
}
