/**
 * The CLI's signal handling (pipeline/cli/signals.ts): a signal aborts the build's signal (the
 * PDF stage's browser stops on it) before the process exits; the handlers go with the build.
 */
import {afterEach, describe, expect, it, vi} from 'vitest'
import {exitOnSignals} from '../../pipeline/cli/signals.js'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('exitOnSignals', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 130],
    ['SIGHUP', 129]
  ] as const)('on %s aborts the signal it gave the work, then exits with %i', async (name, code) => {
    const order: string[] = []
    vi.spyOn(process, 'exit').mockImplementation(((exitCode?: number) => {
      order.push(`exit ${exitCode}`)
    }) as typeof process.exit)
    let given: AbortSignal | undefined
    await exitOnSignals(async (signal) => {
      given = signal
      signal.addEventListener('abort', () => order.push(`abort: ${String((signal.reason as Error).message)}`))
      // The handler it installed, called as the signal would (other listeners of the test runner are left alone).
      const handler = process.listeners(name).at(-1) as (signal: NodeJS.Signals) => void
      handler(name)
    })
    expect(given?.aborted).toBe(true)
    expect(order).toEqual([`abort: Stopped by ${name}`, `exit ${code}`])
  })

  it('leaves no handler behind once the work settles, and a signal not aborted when none came', async () => {
    const before = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((name) => process.listenerCount(name))
    let given: AbortSignal | undefined
    const result = await exitOnSignals(async (signal) => {
      given = signal
      expect(process.listenerCount('SIGHUP')).toBe((before[2] ?? 0) + 1)
      return 42
    })
    expect(result).toBe(42)
    expect(given?.aborted).toBe(false)
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((name) => process.listenerCount(name))).toEqual(before)
    await expect(exitOnSignals(async () => {
      throw new Error('failed')
    })).rejects.toThrow('failed')
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((name) => process.listenerCount(name))).toEqual(before)
  })
})
