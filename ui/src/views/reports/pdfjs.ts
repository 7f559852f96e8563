// pdf.js for the print preview, loaded on the first preview (it is as big as the rest of the app)
// and kept with ONE worker for the life of the window: left to itself, pdf.js starts a worker
// for each document and ends it with the document, so every preview paid again for loading and
// compiling the worker's megabyte of script (issue 12).
import type { PDFWorker } from 'pdfjs-dist/legacy/build/pdf.mjs'
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url'

let worker: PDFWorker | null = null

export async function pdfjs() {
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs')
  lib.GlobalWorkerOptions.workerSrc = workerUrl
  if (!worker || worker.destroyed) worker = new lib.PDFWorker()
  return { lib, worker }
}
