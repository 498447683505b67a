/**
 * Files of the project itself (styles, templates, the CSL style), found upward from this
 * module so the same code runs from `pipeline/` (tsx) and from `dist/pipeline/` (compiled).
 */
import {existsSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

/** Absolute path of `relative` in the nearest ancestor folder of this module that holds it. */
export function projectFile(relative: string): string {
  let folder = here
  for (;;) {
    const candidate = join(folder, relative)
    if (existsSync(candidate)) return candidate
    const parent = dirname(folder)
    if (parent === folder) throw new Error(`Cannot find \`${relative}\` above ${here}`)
    folder = parent
  }
}
