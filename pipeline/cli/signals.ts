/**
 * Ctrl-C, SIGTERM and SIGHUP during a build: the build's signal is aborted (the PDF stage's
 * browser is killed and its profile removed at once), then the process exits with 130 (129 for
 * SIGHUP, a closed terminal). Exiting removes the build's staging folder
 * (pipeline/shared/output.ts), so the previous output stays whole. The CLI and the benchmark's
 * build share it; the build and its stages install no handlers.
 */

const exitCodes: ReadonlyArray<[NodeJS.Signals, number]> = [
  ['SIGINT', 130],
  ['SIGTERM', 130],
  ['SIGHUP', 129]
]

/** Run `work` with a signal that aborts, and the process exiting, on SIGINT, SIGTERM or SIGHUP until it settles. */
export async function exitOnSignals<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController()
  const handlers = exitCodes.map(([name, code]) => {
    const stop = () => {
      controller.abort(new Error(`Stopped by ${name}`))
      process.exit(code)
    }
    process.once(name, stop)
    return [name, stop] as const
  })
  try {
    return await work(controller.signal)
  } finally {
    for (const [name, stop] of handlers) process.removeListener(name, stop)
  }
}
