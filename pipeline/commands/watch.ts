/** Watching the sources folder: call back once per burst of changes. */
import {watch, type FSWatcher} from 'node:fs'

export interface Watcher {
  close(): void
}

/**
 * Watch `dir` and call `onChange` after changes settle for `delay` ms. Changes that arrive
 * while `onChange` runs queue one more run, never a parallel one.
 */
export function watchFolder(dir: string, onChange: () => Promise<void>, delay = 150): Watcher {
  let timer: NodeJS.Timeout | undefined
  let running = false
  let pending = false
  const run = async () => {
    if (running) {
      pending = true
      return
    }
    running = true
    try {
      await onChange()
    } finally {
      running = false
      if (pending) {
        pending = false
        void run()
      }
    }
  }
  const watcher: FSWatcher = watch(dir, () => {
    clearTimeout(timer)
    timer = setTimeout(() => void run(), delay)
  })
  return {
    close() {
      clearTimeout(timer)
      watcher.close()
    }
  }
}
