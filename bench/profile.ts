/**
 * Self time of V8 CPU profiles (`node --cpu-prof`, one file per thread) by function and by
 * package: where a build spends its time, for the benchmark's report. Frames in the bundle
 * are traced back to their package through its source maps.
 */
import {existsSync, readFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {SourceMap} from 'node:module'
import {fileURLToPath} from 'node:url'

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
  columnNumber: number
}

interface CpuProfile {
  nodes: Array<{id: number; callFrame: CallFrame}>
  samples: number[]
  timeDeltas: number[]
}

export interface ProfileItem {
  name: string
  ms: number
  share: number
}

export interface ProfileSummary {
  totalMs: number
  packages: ProfileItem[]
  functions: ProfileItem[]
}

/** The package a script belongs to (`citeproc`, `@citation-js/core`), `apparatus`, or `node`. */
function packageOf(file: string): string {
  const modules = file.lastIndexOf('node_modules/')
  if (modules >= 0) {
    const parts = file.slice(modules + 'node_modules/'.length).split('/')
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!
  }
  return file.startsWith('node:') ? 'node' : 'apparatus'
}

const sourceMaps = new Map<string, SourceMap | undefined>()

/** The original file and line of a frame (through the bundle's source map when there is one). */
function originalOf(frame: CallFrame): {file: string; line: number} {
  if (!frame.url.startsWith('file://')) return {file: frame.url, line: frame.lineNumber + 1}
  const path = fileURLToPath(frame.url)
  if (!sourceMaps.has(path)) sourceMaps.set(path, existsSync(`${path}.map`) ? new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))) : undefined)
  const entry = sourceMaps.get(path)?.findEntry(frame.lineNumber, frame.columnNumber)
  return entry && 'originalSource' in entry ? {file: entry.originalSource, line: entry.originalLine + 1} : {file: path, line: frame.lineNumber + 1}
}

/** Self time by package and by function over the profiles of one run (its threads), largest first, `top` of each. */
export async function summarizeProfiles(files: readonly string[], top = 15): Promise<ProfileSummary> {
  const byFunction = new Map<string, number>()
  const byPackage = new Map<string, number>()
  let total = 0
  for (const file of files) {
    const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile
    const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
    profile.samples.forEach((id, index) => {
      const delta = profile.timeDeltas[index] ?? 0
      const frame = frames.get(id)
      if (!frame) return
      // Native frames (the garbage collector, idle, regular expressions) have no script.
      const original = frame.url ? originalOf(frame) : undefined
      const name = original ? `${frame.functionName || '(anonymous)'} ${original.file.split('/').slice(-2).join('/')}:${original.line}` : frame.functionName
      byFunction.set(name, (byFunction.get(name) ?? 0) + delta)
      const pkg = original ? packageOf(original.file) : frame.functionName
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + delta)
      total += delta
    })
  }
  const ranked = (map: Map<string, number>): ProfileItem[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({name, ms: micros / 1000, share: total > 0 ? micros / total : 0}))
  return {totalMs: total / 1000, packages: ranked(byPackage), functions: ranked(byFunction)}
}
