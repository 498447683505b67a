/** Watching the sources folder: call back once per burst of changes. */
import {statSync, watch, type FSWatcher} from 'node:fs'

export interface Watcher {
  close(): void
}

/** The identity of the folder `dir` (device and inode), or undefined when it is not one. */
function folderIdentity(dir: string): string | undefined {
  const stats = statSync(dir, {throwIfNoEntry: false})
  return stats?.isDirectory() ? `${stats.dev}:${stats.ino}` : undefined
}

/**
 * Watch `dir` and call `onChange` after changes settle for `delay` ms. Changes that arrive
 * while `onChange` runs queue one more run, never a parallel one. A watch ends with its folder:
 * when `dir` is removed (or replaced), `onNotice` says so, the folder is looked for every
 * `pollMs` until it is back, then watched again and `onChange` runs.
 */
export function watchFolder(dir: string, onChange: () => Promise<void>, delay = 150, onNotice?: (message: string) => void, pollMs = 250): Watcher {
  let timer: NodeJS.Timeout | undefined
  let running = false
  let pending = false
  let closed = false
  let watcher: FSWatcher | undefined
  let poll: NodeJS.Timeout | undefined
  let identity = folderIdentity(dir)
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
  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(() => void run(), delay)
  }
  const lost = () => {
    watcher?.close()
    watcher = undefined
    if (closed || poll) return
    onNotice?.(`${dir} is gone; waiting for it to come back`)
    poll = setInterval(() => {
      const now = folderIdentity(dir)
      if (now === undefined) return
      clearInterval(poll)
      poll = undefined
      identity = now
      arm()
      onNotice?.(`${dir} is back; rebuilding`)
      schedule()
    }, pollMs)
  }
  const arm = () => {
    try {
      watcher = watch(dir, () => {
        if (folderIdentity(dir) !== identity) lost()
        else schedule()
      })
      watcher.on('error', lost)
    } catch {
      lost()
    }
  }
  arm()
  return {
    close() {
      closed = true
      clearTimeout(timer)
      clearInterval(poll)
      watcher?.close()
    }
  }
}
