/**
 * The content-hash cache in `<out>/.cache`. Entries are read from the previous output's cache
 * and the ones a build uses are carried into the new output (so the cache holds what the
 * current output needs, no more). Keys are hashes of every input of the cached work, salted
 * with a hash of the pipeline's own code so a new version never reuses stale results.
 */
import {createHash} from 'node:crypto'
import {copyFile, link, mkdir, readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {VFile} from 'vfile'

export function sha256(...parts: Array<string | Uint8Array>): string {
  const hash = createHash('sha256')
  for (const part of parts) {
    hash.update(part)
    hash.update('\0')
  }
  return hash.digest('hex')
}

let codeSalt: string | undefined

/**
 * The file in which scripts/compile.mjs records the hash of the compiled modules
 * (`dist/pipeline/`), so that a build does not read them all again.
 */
export const compiledHashFile = 'code-hash.json'

/**
 * A hash of the pipeline's code (the modules in `pipeline/`, or the compiled ones in
 * `dist/pipeline/`, whichever bundle this module is in) and of the page templates, computed
 * once per process. The compiled modules' hash is the one recorded when they were compiled;
 * the sources and the templates, which change without a compilation, are read each time.
 */
export async function pipelineSalt(): Promise<string> {
  if (codeSalt) return codeSalt
  // The nearest folder named `pipeline` above this module: `pipeline/` or `dist/pipeline/`.
  let root = path.dirname(fileURLToPath(import.meta.url))
  while (path.basename(root) !== 'pipeline' && path.dirname(root) !== root) root = path.dirname(root)
  const compiled = await readFile(path.join(root, compiledHashFile), 'utf8').then(
    (text) => (JSON.parse(text) as {sha256?: unknown}).sha256,
    () => undefined
  )
  const files: string[] = []
  const walk = async (dir: string) => {
    const entries = await readdir(dir, {withFileTypes: true}).catch(() => [])
    for (const entry of entries) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) await walk(full)
      else if (/\.(?:c?js|ts|json|csl|css)$/.test(entry.name)) files.push(full)
    }
  }
  // From dist/pipeline, the compiled templates are in dist/templates and the sources in templates.
  const templates = [...new Set([path.join(root, '..', 'templates'), path.join(root, '..', '..', 'templates')])]
  const hash = createHash('sha256')
  if (typeof compiled === 'string') hash.update(`compiled ${compiled}\n`)
  for (const dir of typeof compiled === 'string' ? templates : [root, ...templates]) await walk(dir)
  files.sort()
  for (const file of files) hash.update(path.relative(root, file)).update(await readFile(file))
  codeSalt = hash.digest('hex')
  return codeSalt
}

/**
 * Every entry starts with a header line: a version tag and the SHA-256 of its kind, key and
 * payload. An entry whose header does not hold (truncated, edited, another entry's file) is
 * read as a miss, so a damaged cache costs a rebuild of what it held, never wrong output.
 */
const entryTag = 'apparatus-cache-1 '
const headerLength = entryTag.length + 64 + 1

/** An entry's bytes: the header, then the payload. */
export function encodeEntry(kind: string, key: string, data: string | Uint8Array): Buffer {
  const payload = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  return Buffer.concat([Buffer.from(`${entryTag}${sha256(kind, key, payload)}\n`, 'latin1'), payload])
}

/** An entry's payload, or undefined when its bytes are not the entry `kind`/`key` as written. */
function decodeEntry(kind: string, key: string, bytes: Buffer): Buffer | undefined {
  if (bytes.length < headerLength || bytes.toString('latin1', 0, entryTag.length) !== entryTag || bytes[headerLength - 1] !== 0x0a) return undefined
  const payload = bytes.subarray(headerLength)
  return bytes.toString('latin1', entryTag.length, headerLength - 1) === sha256(kind, key, payload) ? payload : undefined
}

/** Read and check an entry of a cache folder; throws when it is missing or damaged. */
export async function readEntry(dir: string, kind: string, key: string): Promise<Buffer> {
  const payload = decodeEntry(kind, key, await readFile(path.join(dir, kind, key)))
  if (!payload) throw new Error(`The cache entry ${kind}/${key} is damaged`)
  return payload
}

export interface ContentCache {
  /** An entry of the previous cache; undefined when there is none or it is damaged. */
  get(kind: string, key: string): Promise<Buffer | undefined>
  /** Whether the previous cache holds an entry, whole. */
  has(kind: string, key: string): Promise<boolean>
  /** Store an entry in the next cache (the one that will be swapped in). */
  put(kind: string, key: string, data: string | Uint8Array): Promise<void>
  /** Carry an entry of the previous cache into the next one unchanged (one that `get` or `has` found whole). */
  keep(kind: string, key: string): Promise<void>
  /** Store a copy of a file as an entry of the next cache. */
  putFile(kind: string, key: string, from: string): Promise<void>
  /** Copy an entry of the previous cache to a file; false when there is none or it is damaged. */
  copyTo(kind: string, key: string, to: string): Promise<boolean>
}

/** Told of each damaged entry the cache read (once per entry). */
export type OnDamagedEntry = (kind: string, key: string) => void

/** A cache reading `previousDir` and writing `nextDir` (either may be undefined). */
export function openCache(previousDir: string | undefined, nextDir: string | undefined, onDamaged?: OnDamagedEntry): ContentCache {
  const at = (dir: string, kind: string, key: string) => path.join(dir, kind, key)
  const damaged = new Set<string>()
  const get = async (kind: string, key: string): Promise<Buffer | undefined> => {
    if (!previousDir) return undefined
    let bytes: Buffer
    try {
      bytes = await readFile(at(previousDir, kind, key))
    } catch {
      return undefined
    }
    const payload = decodeEntry(kind, key, bytes)
    if (!payload && !damaged.has(`${kind}/${key}`)) {
      damaged.add(`${kind}/${key}`)
      onDamaged?.(kind, key)
    }
    return payload
  }
  const put = async (kind: string, key: string, data: string | Uint8Array): Promise<void> => {
    if (!nextDir) return
    await mkdir(path.join(nextDir, kind), {recursive: true})
    await writeFile(at(nextDir, kind, key), encodeEntry(kind, key, data))
  }
  return {
    get,
    async has(kind, key) {
      return (await get(kind, key)) !== undefined
    },
    put,
    async keep(kind, key) {
      if (!previousDir || !nextDir) return
      await mkdir(path.join(nextDir, kind), {recursive: true})
      const from = at(previousDir, kind, key)
      const to = at(nextDir, kind, key)
      await link(from, to).catch(() => copyFile(from, to)).catch(() => undefined)
    },
    async putFile(kind, key, from) {
      if (!nextDir) return
      // A copy, not a link: the output's file may be edited in place, the cache's must not.
      await put(kind, key, await readFile(from))
    },
    async copyTo(kind, key, to) {
      const payload = await get(kind, key)
      if (!payload) return false
      await writeFile(to, payload)
      return true
    }
  }
}

/** A diagnostic as stored in the cache. */
export interface StoredMessage {
  reason: string
  ruleId?: string
  source?: string
  fatal?: boolean | null
  note?: string
  place?: {start: {line: number; column: number}; end: {line: number; column: number}} | {line: number; column: number}
}

export function storeMessages(file: VFile): StoredMessage[] {
  return file.messages.map((message) => ({
    reason: message.reason,
    ruleId: message.ruleId,
    source: message.source,
    fatal: message.fatal,
    note: message.note,
    place: message.place
      ? 'start' in message.place
        ? {start: {line: message.place.start.line, column: message.place.start.column}, end: {line: message.place.end.line, column: message.place.end.column}}
        : {line: message.place.line, column: message.place.column}
      : undefined
  }))
}

export function replayMessages(file: VFile, messages: StoredMessage[]): void {
  for (const stored of messages) {
    const message = file.message(stored.reason, {place: stored.place, ruleId: stored.ruleId, source: stored.source})
    message.fatal = stored.fatal ?? undefined
    if (stored.note) message.note = stored.note
  }
}
