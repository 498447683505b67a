/**
 * V8's settings for a build. V8 optimizes a function once it has run about 66 KB of its bytecode
 * (its "interrupt budget"); a build calls thousands of functions enough for that, and on a
 * two-core machine the optimizing compiler's background threads then took as much CPU as the
 * build's main thread (about 2 s of the seeds' 5 s). With a budget sixteen times larger only
 * the really hot functions are optimized: the seeds' build took 22% less time and 50 documents
 * 20% less, while 500 documents took the same.
 *
 * Set by the entry points that start builds (the CLI, the benchmark's build), before the
 * pipeline is loaded: the flags are the process's, its threads included.
 */
import v8 from 'node:v8'

export const v8Flags = ['--interrupt-budget=1081344'] as const

/** Set `v8Flags`, except those given on Node's own command line. */
export function tuneV8(): void {
  for (const flag of v8Flags) {
    const [name = flag] = flag.split('=')
    if (!process.execArgv.some((argument) => argument === name || argument.startsWith(`${name}=`))) v8.setFlagsFromString(flag)
  }
}

/** Bytes of one source beyond which the heap's growth is bounded (`boundHeapGrowth`). */
export const largeSourceBytes = 16 * 2 ** 20

/**
 * A text of tens of megabytes makes trees of hundreds of megabytes, and V8 lets a heap grow to
 * several times what it holds before it collects it: a 50 MB text peaked at 1.7 GB. For such a
 * source the heap grows by at most 30 % between collections (the process's threads made after
 * this included); smaller editions keep V8's default.
 */
export function boundHeapGrowth(largestSource: number): void {
  if (largestSource > largeSourceBytes && !process.execArgv.some((argument) => argument.startsWith('--heap-growing-percent'))) v8.setFlagsFromString('--heap-growing-percent=30')
}
