import { call } from './invoke'
import type { ReportInput } from '../bindings/ReportInput'
import type { Report } from '../bindings/Report'
import type { ExportedReport } from '../bindings/ExportedReport'

export const reportGet = (input: ReportInput) => call<Report>('report_get', { input })
export const reportExport = (input: ReportInput) => call<ExportedReport>('report_export', { input })
