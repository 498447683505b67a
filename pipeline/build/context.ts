/**
 * What the steps of one build share: its folders, the formats asked for, the files that carry
 * its diagnostics, its timings and its progress listener.
 */
import path from 'node:path'
import {VFile} from 'vfile'

/** A stage's report: `done` of `total` steps; `label` names the step just finished. */
export type ProgressListener = (stage: string, done: number, total: number, label: string) => void

export const formats = ['markdown', 'bib', 'tei', 'pandoc', 'html', 'pdf'] as const
export type Format = (typeof formats)[number]

export interface Build {
  sourcesDir: string
  outDir: string
  wanted: ReadonlySet<Format>
  dryRun: boolean
  /** The output folder's diagnostics: refused, restored, unwritable, its cache's damaged entries. */
  outputFile: VFile
  /** Every file with diagnostics, in the order they are reported. */
  files: VFile[]
  /** Milliseconds per stage. */
  timings: Record<string, number>
  progress?: ProgressListener
  /** Aborted when the build is stopped (its browser is killed at once). */
  signal?: AbortSignal
  /** Set once the build fails: nothing more is handed to the executor (the staging folder is going). */
  failed: boolean
  /** The executor's threads giving their heaps back, once nothing more will run on them. */
  released?: Promise<void>
}

export function newBuild(options: {sources?: string; out?: string; formats?: readonly Format[]; dryRun?: boolean; onProgress?: ProgressListener; signal?: AbortSignal}): Build {
  const outDir = options.out ?? 'output'
  const outputFile = new VFile({path: displayPath(path.resolve(outDir))})
  return {
    sourcesDir: options.sources ?? 'sources',
    outDir,
    wanted: new Set<Format>(options.formats ?? formats),
    dryRun: options.dryRun ?? false,
    outputFile,
    files: [outputFile],
    timings: {},
    progress: options.onProgress,
    signal: options.signal,
    failed: false
  }
}

/** Whether the build formats the bibliography's entries: for its exports, the site and the PDFs. */
export function formatsEntries(wanted: ReadonlySet<Format>): boolean {
  return wanted.has('bib') || wanted.has('html') || wanted.has('pdf')
}

/** Run a step, adding its milliseconds to `timings[name]`. */
export async function time<T>(build: Build, name: string, run: () => T | Promise<T>): Promise<T> {
  const start = performance.now()
  try {
    return await run()
  } finally {
    build.timings[name] = (build.timings[name] ?? 0) + (performance.now() - start)
  }
}

export function displayPath(absolute: string): string {
  return path.relative(process.cwd(), absolute).split(path.sep).join('/') || '.'
}
