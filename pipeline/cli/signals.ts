/**
 * Ctrl-C and SIGTERM during a build: the process exits at once with 130. Exiting removes the
 * build's staging folder (pipeline/shared/output.ts), so the previous output stays whole. The
 * CLI and the benchmark's build share it; the build itself installs no handlers.
 */

/** Run `work` with SIGINT and SIGTERM ending the process (exit 130) until it settles. */
export async function exitOnSignals<T>(work: () => Promise<T>): Promise<T> {
  const abort = () => process.exit(130)
  process.once('SIGINT', abort)
  process.once('SIGTERM', abort)
  try {
    return await work()
  } finally {
    process.removeListener('SIGINT', abort)
    process.removeListener('SIGTERM', abort)
  }
}
