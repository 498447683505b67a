/**
 * Atomic output: a build writes into a staging folder beside the output folder and swaps it in
 * only when everything is written, so an interrupted build leaves the previous output whole.
 */
import {rmSync} from 'node:fs'
import {mkdir, rename, rm, writeFile as fsWriteFile} from 'node:fs/promises'
import path from 'node:path'

export interface Staging {
  /** The folder to write into. */
  dir: string
  /** Write a file below the staging folder, creating folders. */
  write(relative: string, content: string | Uint8Array): Promise<string>
  /** Swap the staging folder in as the output folder. */
  commit(): Promise<void>
  /** Remove the staging folder (after a failure or an interrupt). */
  abort(): Promise<void>
}

export function isErrno(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error
}

/** Start a staging folder for `outDir` (a sibling, so the final rename stays on one file system). */
export async function stage(outDir: string): Promise<Staging> {
  const target = path.resolve(outDir)
  const dir = `${target}.staging-${process.pid}`
  // Synchronous: it runs from the 'exit' event, where no asynchronous work completes. File
  // operations already handed to libuv's thread pool may still land after the first removal,
  // so wait for them briefly (no new ones start: JavaScript no longer runs) and remove again.
  const cleanup = () => {
    const pause = new Int32Array(new SharedArrayBuffer(4))
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        rmSync(dir, {recursive: true, force: true, maxRetries: 5, retryDelay: 20})
      } catch {
        // A write landed mid-removal; the next attempt takes it.
      }
      Atomics.wait(pause, 0, 0, 100)
    }
  }
  process.once('exit', cleanup)
  try {
    await rm(dir, {recursive: true, force: true})
    await mkdir(dir, {recursive: true})
  } catch (error) {
    process.removeListener('exit', cleanup)
    throw error
  }
  return {
    dir,
    async write(relative, content) {
      const file = path.join(dir, relative)
      await mkdir(path.dirname(file), {recursive: true})
      await fsWriteFile(file, content)
      return file
    },
    async commit() {
      const old = `${target}.old-${process.pid}`
      await mkdir(path.dirname(target), {recursive: true})
      let hadPrevious = true
      try {
        await rename(target, old)
      } catch (error) {
        if (!isErrno(error) || error.code !== 'ENOENT') throw error
        hadPrevious = false
      }
      try {
        await rename(dir, target)
      } catch (error) {
        if (hadPrevious) await rename(old, target)
        throw error
      }
      process.removeListener('exit', cleanup)
      if (hadPrevious) await rm(old, {recursive: true, force: true})
    },
    async abort() {
      process.removeListener('exit', cleanup)
      await rm(dir, {recursive: true, force: true})
    }
  }
}
