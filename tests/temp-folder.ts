/**
 * Vitest global setup: the suite's temporary files go to one folder of their own, removed when the
 * run ends, so that a run leaves nothing behind in the system's temporary folder (the tests'
 * `mkdtemp` folders, the CLI's staging folders, the browser's profiles).
 *
 * The folder is handed to the test processes and to every command they start through `TMPDIR`
 * (read by `os.tmpdir()` on each call), set before vitest forks them.
 */
import {chmodSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

export default function setup(): () => void {
  const folder = mkdtempSync(path.join(tmpdir(), 'apparatus-tests-'))
  // Open to every user, as /tmp is: the permission tests run the CLI as a user who is not root.
  chmodSync(folder, 0o1777)
  const before = {TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP}
  process.env.TMPDIR = folder
  process.env.TMP = folder
  process.env.TEMP = folder
  return () => {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    rmSync(folder, {recursive: true, force: true, maxRetries: 3})
  }
}
