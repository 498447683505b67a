/** Shared helpers of the robustness suite: source folders, the CLI, and HTML inspection. */
import {spawn, spawnSync, type ChildProcessByStdio} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {Readable} from 'node:stream'
import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {visit} from 'unist-util-visit'
import {visitParents} from 'unist-util-visit-parents'
import {decodeBytes, normalizeNewlines} from '../../pipeline/ingest/decode.js'
import type {CorpusCase} from './cases.js'

export const repoRoot = path.resolve(import.meta.dirname, '..', '..')

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `apparatus-robust-${prefix}-`))
}

/** A source's text as the build reads it (decoded, line ends normalized): what no word of may be lost. */
export function sourceText(file: string): string {
  return normalizeNewlines(decodeBytes(readFileSync(file)).text)
}

/** Write the cases (and their sidecars) into a new sources folder. */
export function writeSources(cases: readonly CorpusCase[], dir = tempDir('sources')): string {
  mkdirSync(dir, {recursive: true})
  for (const item of cases) {
    writeFileSync(path.join(dir, item.name), item.bytes)
    if (item.sidecar !== undefined) writeFileSync(path.join(dir, `${item.name.replace(/\.[^.]+$/, '')}.yml`), item.sidecar)
  }
  return dir
}

/**
 * Sources that cannot be read. Tests run as root, where chmod 000 does not stop reading, so
 * these are a folder named like a source and a symlink to nowhere.
 */
export const unreadableNames = ['folder-source.txt', 'dangling.txt'] as const

export function addUnreadable(dir: string): void {
  mkdirSync(path.join(dir, 'folder-source.txt'))
  symlinkSync(path.join(dir, 'no-such-target.txt'), path.join(dir, 'dangling.txt'))
}

export interface CliRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface CliOptions {
  env?: NodeJS.ProcessEnv
  /** Called once the child runs, e.g. to interrupt it. */
  onSpawn?: (child: ReturnType<typeof spawn>) => void
}

/** Whether this test file has compiled the CLI (runCli compiles it once, on first use). */
let compiledHere = false

/** Run `apparatus` as a user would: the compiled CLI of this checkout (compiled on first use). */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  if (!compiledHere) {
    compileCli()
    compiledHere = true
  }
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist', 'pipeline', 'cli.js'), ...args], {
    cwd: repoRoot,
    env: {...process.env, ...options.env},
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const run = outcome(child)
  options.onSpawn?.(child)
  return run
}

/** The exit and the output of a child spawned with piped stdout and stderr. */
export function outcome(child: ChildProcessByStdio<null, Readable, Readable>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}))
  })
}

/** What the bundles in dist/ are compiled from (bench/corpus and results are data). */
const compiledFrom = ['pipeline', 'templates', 'styles', 'bench', 'scripts/compile.mjs', 'package-lock.json']

/** The latest modification time of the files `compiledFrom` names. */
function newestSource(): number {
  let newest = 0
  const walk = (file: string) => {
    const stats = statSync(file, {throwIfNoEntry: false})
    if (!stats) return
    if (!stats.isDirectory()) newest = Math.max(newest, stats.mtimeMs)
    else for (const name of readdirSync(file)) if (!(file.endsWith('bench') && (name === 'corpus' || name === 'results.json'))) walk(path.join(file, name))
  }
  for (const name of compiledFrom) walk(path.join(repoRoot, name))
  return newest
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/**
 * Compile dist/ (scripts/compile.mjs) for `runCompiledCli`, unless it was compiled from the
 * sources as they are. One test file at a time (a lock folder beside the checkout's temporary
 * files): a compile replaces dist/, and must not do so under a CLI another test file runs.
 */
export function compileCli(): void {
  const lock = path.join(tmpdir(), `apparatus-compile-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 12)}.lock`)
  const stamp = path.join(repoRoot, 'dist', '.compiled-from')
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(lock)
      break
    } catch {
      // A lock left by a test process that was killed is taken after two minutes.
      if (waited > 120_000) rmSync(lock, {recursive: true, force: true})
      sleep(100)
    }
  }
  try {
    const newest = newestSource()
    let compiledAt = Number.NaN
    try {
      compiledAt = Number(readFileSync(stamp, 'utf8'))
    } catch {
      // Not compiled by a test yet.
    }
    if (compiledAt >= newest) return
    const compiled = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'compile.mjs')], {cwd: repoRoot, encoding: 'utf8'})
    if (compiled.status !== 0) throw new Error(`scripts/compile.mjs failed:\n${compiled.stdout}${compiled.stderr}`)
    writeFileSync(stamp, String(newest))
  } finally {
    rmSync(lock, {recursive: true, force: true})
  }
}

export interface CompiledOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  /** A shell prefix run before the CLI (e.g. `ulimit -f 40`). */
  shell?: string
}

/** Run the compiled CLI (`node dist/pipeline/cli.js`, the package's bin) as a user would. */
export function runCompiledCli(args: readonly string[], options: CompiledOptions = {}): Promise<CliRun> {
  const cli = path.join(repoRoot, 'dist', 'pipeline', 'cli.js')
  const [command, argv] = options.shell
    ? ['/bin/sh', ['-c', `${options.shell}; exec "$0" "$@"`, process.execPath, cli, ...args]]
    : [process.execPath, [cli, ...args]]
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, {cwd: options.cwd ?? repoRoot, env: {...process.env, ...options.env}, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}))
  })
}

/**
 * Every entry below `dir` (not following links), with the hash of each file's bytes and each
 * link's target; the folders in `skip` (absolute) are left out.
 */
export function treeHashes(dir: string, skip: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, {withFileTypes: true})) {
      const full = path.join(folder, entry.name)
      if (skip.includes(full)) continue
      const relative = path.relative(dir, full)
      if (entry.isSymbolicLink()) out[relative] = `link ${readlinkSync(full)}`
      else if (entry.isDirectory()) {
        out[`${relative}/`] = 'folder'
        walk(full)
      } else out[relative] = createHash('sha256').update(readFileSync(full)).digest('hex')
    }
  }
  walk(dir)
  return out
}

/** A process id that is not running: a finished child's. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''])
  if (child.pid === undefined) throw new Error('no pid')
  return child.pid
}

/** What a stack trace looks like in a message: `    at fn (file:line:col)`. */
export const stackTrace = /^\s+at .+[:(]\d+:\d+\)?$/m

export interface JsonReport {
  ok: boolean
  documents: Array<{slug: string; source: string; notes: number}>
  diagnostics: Array<{file: string; line?: number; column?: number; severity: string; ruleId?: string; reason: string}>
  outputs: string[]
}

function isJsonReport(value: unknown): value is JsonReport {
  return typeof value === 'object' && value !== null && 'documents' in value && 'diagnostics' in value && 'outputs' in value
}

export function parseReport(stdout: string): JsonReport {
  const value: unknown = JSON.parse(stdout)
  if (!isJsonReport(value)) throw new Error('Unexpected --json report shape')
  return value
}

/** Attributes that run code or load a page when they hold a URL. */
const urlAttributes = new Set(['href', 'src', 'action', 'formAction', 'xLinkHref', 'data', 'poster', 'srcSet'])
/** Elements that must never come from a source (forms are the site's search; their action is checked). */
const activeElements = new Set(['iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'meta', 'link', 'style'])
/** Where the templates themselves put such elements. */
const shellAncestors = new Set(['head'])

/** The dangers an HTML page holds: scripts that are not the site's own, handlers, script URLs. */
export function htmlDangers(html: string): string[] {
  const dangers: string[] = []
  visitParents(fromHtml(html), 'element', (node: Element, ancestors) => {
    const inShell = ancestors.some((ancestor) => ancestor.type === 'element' && shellAncestors.has(ancestor.tagName))
    if (node.tagName === 'script') {
      const src = node.properties.src
      if (typeof src !== 'string' || !src.startsWith('assets/') || node.children.length > 0) dangers.push(`<script> ${String(src ?? '(inline)')}`)
    }
    if (activeElements.has(node.tagName) && !inShell) dangers.push(`<${node.tagName}>`)
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) dangers.push(`${node.tagName}[${name}]`)
      // Browsers ignore control characters and case in the scheme, so the check does too.
      const url = String(value).replace(/[\u0000-\u001f\s]/g, '')
      if (urlAttributes.has(name) && /^(?:javascript|vbscript|data:text\/html)/i.test(url)) dangers.push(`${node.tagName}[${name}=${String(value)}]`)
    }
  })
  return dangers
}

/** The text a reader sees in the page's main content, white space squashed. */
export function mainText(html: string): string {
  const tree = fromHtml(html)
  let out = ''
  let main: Element | undefined
  visit(tree, 'element', (node: Element) => {
    if (!main && node.tagName === 'main') main = node
  })
  visit(main ?? tree, 'text', (node) => {
    out += node.value
  })
  return out.replace(/\s+/g, ' ')
}
