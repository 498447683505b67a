/**
 * The build's steps on its output folder: guard it (never replace a folder that is not an
 * output of Apparatus), stage the new output beside it, and commit it, carrying over what a
 * partial build did not make. The folder's diagnostics go to `build.outputFile`.
 */
import {readdir, rm} from 'node:fs/promises'
import path from 'node:path'
import {report} from './catalog.js'
import {displayPath, formats, time, type Build} from './context.js'
import type {ContentCache} from '../shared/cache.js'
import {carryOver, isErrno, outputMarker, outputRefusal, recoverOutput, removeLeftovers, stage, type Leftover, type Staging} from '../shared/output.js'

/** Folder of the annotated Markdown in the output (written for every build, kept when asked for). */
export const markdownFolder = 'markdown'

/**
 * Whether the output folder may be written: false (and nothing written) when it is not an
 * output of Apparatus. An output left by a build that stopped while swapping is restored, and
 * the staging folders of processes that are gone are removed.
 */
export async function guardOutput(build: Build): Promise<boolean> {
  if (build.dryRun) return true
  const refusal = outputRefusal(build.outDir, build.sourcesDir)
  if (refusal) {
    report(build.outputFile, 'output-not-ours', `Unexpected output folder \`${build.outDir}\`: ${refusal}; expected a new or empty folder or an output of Apparatus (with its \`${outputMarker}\` file); nothing was written`)
    return false
  }
  try {
    const restored = await recoverOutput(build.outDir)
    if (restored) report(build.outputFile, 'output-restored', `Restored the previous output from \`${displayPath(restored)}\`, left by a build that stopped while swapping its output in`)
    for (const leftover of await removeLeftovers(build.outDir)) reportLeftover(build, leftover)
  } catch (error) {
    outputUnwritable(build, error)
  }
  return true
}

/**
 * The staging folder the new output is written into (a process that exits meanwhile, the CLI's
 * Ctrl-C, removes it: pipeline/shared/output.ts). None for a dry run, or when it cannot be
 * made: the documents are then still read for their diagnostics, and nothing is written.
 */
export async function stageOutput(build: Build): Promise<Staging | undefined> {
  if (build.dryRun) return undefined
  try {
    return await stage(build.outDir)
  } catch (error) {
    outputUnwritable(build, error)
    return undefined
  }
}

/**
 * Swap the staged output in. A partial build keeps the rest of the previous output: with
 * `--only`, every file it did not make again (the other documents' pages, Markdown, PDFs,
 * exports, cache entries); with `--format`, the folders of the formats not asked for.
 */
export async function commitOutput(build: Build, staging: Staging, cache: ContentCache, fingerprint: string, partial: boolean): Promise<void> {
  if (!build.wanted.has('markdown')) await rm(path.join(staging.dir, markdownFolder), {recursive: true, force: true})
  await time(build, 'cache', () => cache.put('build', 'fingerprint', fingerprint))
  const notWanted = formats.filter((format) => !build.wanted.has(format))
  if (partial || notWanted.length > 0) await time(build, 'carry-over', () => carryOver(path.resolve(build.outDir), staging.dir, partial ? undefined : notWanted))
  const leftover = await time(build, 'commit', () => staging.commit())
  if (leftover) reportLeftover(build, leftover)
}

/** A previous output or staging folder that could not be removed: the build went on. */
function reportLeftover(build: Build, leftover: Leftover): void {
  const reason = isErrno(leftover.error) && leftover.error.code ? leftover.error.code : errorMessage(leftover.error)
  report(build.outputFile, 'output-leftover', `Unexpected folder \`${displayPath(leftover.path)}\` that cannot be removed (${reason}), expected to remove it after the build; remove it by hand`)
}

/** The output's files, relative to the output folder (not its cache or marker), sorted. */
export async function listOutputs(build: Build): Promise<string[]> {
  return (await listFiles(path.resolve(build.outDir))).filter((file) => !file.startsWith('.cache/') && file !== outputMarker).sort()
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), relative)))
    else out.push(relative)
  }
  return out
}

/** The output folder cannot be written: its diagnostic (`suffix` says what is left). */
export function outputUnwritable(build: Build, error: unknown, suffix = ''): void {
  report(build.outputFile, 'output-unwritable', `Cannot write the output folder \`${build.outDir}\`: ${errorMessage(error)}${suffix}`)
}

/** An error's message, without the staging folder's and previous folder's process ids. */
function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.(?:staging|previous)-\d+/g, '')
}

/** A file system's error (ENOSPC, EACCES, EROFS, EIO…), also as a worker thread passes it on (its message only). */
export function isFileSystemError(error: unknown): boolean {
  if (isErrno(error) && typeof error.code === 'string' && /^E[A-Z0-9]+$/.test(error.code)) return true
  return error instanceof Error && /^E(?:NOSPC|ACCES|PERM|ROFS|IO|DQUOT|FBIG|MFILE|NFILE|NOTDIR|ISDIR|EXIST|NOENT|NOTEMPTY|BUSY|XDEV): /.test(error.message)
}
