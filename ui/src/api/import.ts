import { call } from './invoke'
import type { ImportKind } from '../bindings/ImportKind'
import type { ImportReport } from '../bindings/ImportReport'

/** A file's bytes as the shell expects them (a JSON array of numbers). */
export async function fileBytes(file: Blob): Promise<number[]> {
  return Array.from(new Uint8Array(await file.arrayBuffer()))
}

export const importPreview = (kind: ImportKind, fileName: string, bytes: number[]) =>
  call<ImportReport>('import_preview', { kind, fileName, bytes })
export const importRun = (kind: ImportKind, fileName: string, bytes: number[], onlyValid: boolean) =>
  call<ImportReport>('import_run', { kind, fileName, bytes, onlyValid })
/** Saves the template into the Downloads folder; returns the path. */
export const importTemplate = (kind: ImportKind) => call<string>('import_template', { kind })
