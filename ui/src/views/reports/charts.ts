// ECharts with only the charts and components the dashboard uses (keeps the bundle small).
import * as echarts from 'echarts/core'
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, TooltipComponent, TitleComponent, LegendComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, TitleComponent, LegendComponent, CanvasRenderer])

export { echarts }

/** Renders a fraction (0–1) as 93.5%, or — when there is nothing to divide. */
export function pct(x: number | null): string {
  return x === null ? '—' : `${(x * 100).toFixed(1)}%`
}

/** Why a rate shows —: nothing to divide by this period. */
export function rateTip(x: number | null, empty: string): string {
  return x === null ? `${empty}，无法计算比率` : ''
}
