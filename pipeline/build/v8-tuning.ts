/**
 * V8's settings for a build. V8 optimizes a function once it has run about 66 KB of its bytecode
 * (its "interrupt budget"); a build calls thousands of functions enough for that, and on a
 * two-core machine the optimizing compiler's background threads then took as much CPU as the
 * build's main thread (about 2 s of the seeds' 5 s). With a budget sixteen times larger only
 * the really hot functions are optimized: the seeds' build took 22% less time and 50 documents
 * 20% less, while 500 documents took the same. Measured again with the seeds built on the main
 * thread alone: 2.4 s of CPU time with the budget raised, 3.6 s without (six runs each).
 *
 * Set by the entry points that start builds (the CLI, the benchmark's build), before the
 * pipeline is loaded: the flags are the process's, its threads included.
 */
import v8 from 'node:v8'

const v8Flags = ['--interrupt-budget=1081344'] as const

/** Set `v8Flags`, except those given on Node's own command line. */
export function tuneV8(): void {
  for (const flag of v8Flags) {
    const [name = flag] = flag.split('=')
    if (!process.execArgv.some((argument) => argument === name || argument.startsWith(`${name}=`))) v8.setFlagsFromString(flag)
  }
}
