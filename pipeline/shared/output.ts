/**
 * Atomic output: a build writes into a staging folder beside the output folder and swaps it in
 * only when everything is written, so an interrupted build leaves the previous output whole.
 *
 * A build only ever replaces a folder that is Apparatus's own: one that carries the marker
 * file (`.apparatus-output`, written into every output), or is empty, or does not exist yet.
 * The swap renames the previous output to `<out>.previous-<pid>`, the staging folder to
 * `<out>`, then removes the previous one: a crash between the two renames leaves the previous
 * output under its `.previous` name, and the next build puts it back. Staging and previous
 * folders of processes that are gone are removed at the next build.
 */
import {existsSync, lstatSync, readdirSync, realpathSync, renameSync, rmSync, statSync} from 'node:fs'
import {copyFile, link, lstat, mkdir, readdir, rename, rm, writeFile as fsWriteFile} from 'node:fs/promises'
import path from 'node:path'

/** The file that marks a folder as an output of Apparatus. */
export const outputMarker = '.apparatus-output'
const markerText = 'This folder is an output of Apparatus (apparatus build): each build replaces it whole.\n'

/** What a build writes at the top of its output folder (and nothing else). */
const outputEntries = new Set(['markdown', 'bib', 'tei', 'pandoc', 'html', 'pdf', '.cache', outputMarker])
/** What a file browser leaves in any folder it shows: replaced with the output, not the user's. */
const systemLitter: ReadonlySet<string> = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini', '.directory'])

export interface Staging {
  /** The folder to write into. */
  dir: string
  /** Write a file below the staging folder, creating folders. */
  write(relative: string, content: string | Uint8Array): Promise<string>
  /**
   * Swap the staging folder in as the output folder. Returns why the previous output, already
   * moved aside, could not be removed (the new output is in place all the same).
   */
  commit(): Promise<Leftover | undefined>
  /** Remove the staging folder (after a failure or an interrupt). */
  abort(): Promise<void>
}

/** A folder beside the output that a build could not remove (a read-only previous output). */
export interface Leftover {
  path: string
  error: unknown
}

export function isErrno(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error
}

/** `child` is `parent` or lies below it (both absolute and resolved). */
function contains(parent: string, child: string): boolean {
  const relative = path.relative(parent, child)
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
}

/** The real path of `absolute`, through the links of its nearest existing ancestor. */
function realPath(absolute: string): string {
  const rest: string[] = []
  let current = absolute
  for (;;) {
    try {
      return path.join(realpathSync(current), ...rest.reverse())
    } catch {
      const parent = path.dirname(current)
      if (parent === current) return absolute
      rest.push(path.basename(current))
      current = parent
    }
  }
}

/** An output written before the marker existed: only an output's entries, and its build fingerprint. */
function isUnmarkedOutput(dir: string, names: readonly string[]): boolean {
  if (!names.every((name) => outputEntries.has(name))) return false
  try {
    return statSync(path.join(dir, '.cache', 'build', 'fingerprint')).isFile()
  } catch {
    return false
  }
}

/**
 * Why `outDir` must not be replaced by a build of `sourcesDir`, or undefined when it may be: it
 * does not exist, is empty, or is an output of Apparatus. The sources folder, a folder holding
 * the sources or the working folder (the project), a git work tree, a folder with a
 * package.json and a file are never replaced, marker or not; nor is an output that holds, at its
 * top, anything a build does not write.
 */
export function outputRefusal(outDir: string, sourcesDir: string, cwd = process.cwd()): string | undefined {
  const out = realPath(path.resolve(outDir))
  const sources = realPath(path.resolve(sourcesDir))
  if (out === sources) return 'it is the sources folder'
  if (contains(out, sources)) return 'it contains the sources folder'
  if (contains(out, realPath(path.resolve(cwd)))) return 'it contains the working folder (the project)'
  let names: string[]
  try {
    if (!statSync(out).isDirectory()) return 'it is a file, not a folder'
    names = readdirSync(out)
  } catch {
    // Missing: a new output. Unreadable: staging reports why it cannot be written.
    return undefined
  }
  if (names.includes('.git')) return 'it is a git work tree (it has a `.git`)'
  if (names.includes('package.json')) return 'it is a project folder (it has a `package.json`)'
  if (names.includes(outputMarker)) {
    // Files put into an output since (a user's notes, a folder of drafts) would go with it.
    const foreign = names.filter((name) => !outputEntries.has(name) && !systemLitter.has(name)).sort()
    if (foreign.length === 0) return undefined
    const listed = foreign.slice(0, 3).map((name) => `\`${name}\``).join(', ')
    return `it holds ${listed}${foreign.length > 3 ? ` and ${foreign.length - 3} more` : ''}, which no build writes and a build would remove; move ${foreign.length > 1 ? 'them' : 'it'} elsewhere`
  }
  if (names.length === 0 || isUnmarkedOutput(out, names)) return undefined
  return `it is not empty and has no \`${outputMarker}\` marker, so it is not an output of Apparatus`
}

/** Whether the process `pid` is running (another one than this: this one has no leftovers yet). */
function alive(pid: number): boolean {
  if (pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return isErrno(error) && error.code === 'EPERM'
  }
}

/** A leftover of a build: a real folder (not a link) with the marker or only an output's entries. */
function isLeftover(dir: string): boolean {
  try {
    if (!lstatSync(dir).isDirectory()) return false
    const names = readdirSync(dir)
    return names.includes(outputMarker) || names.every((name) => outputEntries.has(name))
  } catch {
    return false
  }
}

interface Sibling {
  path: string
  kind: 'staging' | 'previous' | 'old'
  pid: number
}

/** The staging and previous folders of `target` left by processes that are gone. */
async function deadSiblings(target: string): Promise<Sibling[]> {
  const base = path.basename(target)
  const pattern = /^\.(staging|previous|old)-(\d+)$/
  const names = await readdir(path.dirname(target)).catch(() => [])
  const out: Sibling[] = []
  for (const name of names) {
    if (!name.startsWith(base)) continue
    const match = pattern.exec(name.slice(base.length))
    if (!match) continue
    const pid = Number(match[2])
    const full = path.join(path.dirname(target), name)
    if (!alive(pid) && isLeftover(full)) out.push({path: full, kind: match[1] as Sibling['kind'], pid})
  }
  return out
}

/**
 * Put back the previous output that a build which died between its two renames left under
 * `<out>.previous-<pid>`: only when `<out>` is missing. Returns the folder it was restored from.
 */
export async function recoverOutput(outDir: string): Promise<string | undefined> {
  const target = path.resolve(outDir)
  if (await lstat(target).then(() => true, () => false)) return undefined
  const candidates = (await deadSiblings(target)).filter((sibling) => sibling.kind !== 'staging')
  if (candidates.length === 0) return undefined
  const times = await Promise.all(candidates.map((candidate) => lstat(candidate.path).then((info) => info.mtimeMs, () => 0)))
  const newest = candidates[times.indexOf(Math.max(...times))]!
  await rename(newest.path, target)
  return newest.path
}

/**
 * Remove the staging and previous folders of `outDir` left by processes that are gone. Returns
 * those that could not be removed (a read-only folder), which do not stop a build.
 */
export async function removeLeftovers(outDir: string): Promise<Leftover[]> {
  const target = path.resolve(outDir)
  // A previous folder is only removed once the output is back (recoverOutput runs first).
  const exists = await lstat(target).then(() => true, () => false)
  const stale = (await deadSiblings(target)).filter((sibling) => sibling.kind === 'staging' || exists)
  const failed: Leftover[] = []
  await Promise.all(stale.map((sibling) => rm(sibling.path, {recursive: true, force: true}).catch((error: unknown) => failed.push({path: sibling.path, error}))))
  return failed.sort((a, b) => a.path.localeCompare(b.path))
}

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir never returns where a parent exists
 * but refuses new folders (ENOENT in /proc, Node 20).
 */
async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = []
  let current = dir
  while (!(await lstat(current).then(() => true, () => false))) {
    missing.push(current)
    const parent = path.dirname(current)
    if (parent === current) break
    current = parent
  }
  for (const folder of missing.reverse()) {
    await mkdir(folder).catch((error: unknown) => {
      if (!isErrno(error) || error.code !== 'EEXIST') throw error
    })
  }
}

/** Start a staging folder for `outDir` (a sibling, so the final rename stays on one file system). */
export async function stage(outDir: string): Promise<Staging> {
  const target = path.resolve(outDir)
  const dir = `${target}.staging-${process.pid}`
  const previous = `${target}.previous-${process.pid}`
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
    // Exited between the two renames of the swap: the previous output goes back.
    try {
      if (!existsSync(target) && existsSync(previous)) renameSync(previous, target)
    } catch {
      // The next build restores it (recoverOutput).
    }
  }
  process.once('exit', cleanup)
  try {
    await rm(dir, {recursive: true, force: true})
    await makeFolders(dir)
    await fsWriteFile(path.join(dir, outputMarker), markerText)
  } catch (error) {
    process.removeListener('exit', cleanup)
    await rm(dir, {recursive: true, force: true}).catch(() => undefined)
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
      await makeFolders(path.dirname(target))
      let hadPrevious = true
      try {
        await rename(target, previous)
      } catch (error) {
        if (!isErrno(error) || error.code !== 'ENOENT') throw error
        hadPrevious = false
      }
      try {
        await rename(dir, target)
      } catch (error) {
        if (hadPrevious) await rename(previous, target)
        throw error
      }
      process.removeListener('exit', cleanup)
      if (!hadPrevious) return undefined
      return rm(previous, {recursive: true, force: true}).then(
        () => undefined,
        (error: unknown) => ({path: previous, error})
      )
    },
    async abort() {
      process.removeListener('exit', cleanup)
      await rm(dir, {recursive: true, force: true})
    }
  }
}

/**
 * A partial build (`--only`, `--format`) keeps what it did not make: every file of the previous
 * output `from` (only below the top-level `folders` when given) that the staging folder `dir`
 * does not have is put into it, as a hard link (a copy where links cannot be made). Links and
 * other special files of the previous output are left out. Returns the files carried over,
 * relative to the output folder.
 */
export async function carryOver(from: string, dir: string, folders?: readonly string[]): Promise<string[]> {
  const carried: string[] = []
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(from, relative), {withFileTypes: true}).catch(() => [])
    for (const entry of entries) {
      const name = relative ? `${relative}/${entry.name}` : entry.name
      if (!relative && (entry.name === outputMarker || (folders && !folders.includes(entry.name)))) continue
      const target = path.join(dir, name)
      if (entry.isDirectory()) {
        const existing = await lstat(target).catch(() => undefined)
        if (existing && !existing.isDirectory()) continue
        if (!existing) await mkdir(target)
        await walk(name)
      } else if (entry.isFile()) {
        if (await lstat(target).then(() => true, () => false)) continue
        const source = path.join(from, name)
        await link(source, target).catch(() => copyFile(source, target))
        carried.push(name)
      }
    }
  }
  await walk('')
  return carried
}
