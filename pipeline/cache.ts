/**
 * The content-hash cache in `<out>/.cache`. Entries are read from the previous output's cache
 * and the ones a build uses are carried into the new output (so the cache holds what the
 * current output needs, no more). Keys are hashes of every input of the cached work, salted
 * with a hash of the pipeline's own code so a new version never reuses stale results.
 */
import {createHash} from 'node:crypto'
import {access, copyFile, link, mkdir, readdir, readFile, writeFile} from 'node:fs/promises'
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
 * A hash of the pipeline's code (the modules in `pipeline/`, or the compiled ones in
 * `dist/pipeline/`, whichever bundle this module is in) and of the page templates, computed
 * once per process.
 */
export async function pipelineSalt(): Promise<string> {
  if (codeSalt) return codeSalt
  const root = fileURLToPath(new URL('../pipeline/', import.meta.url))
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
  for (const dir of [root, ...templates]) await walk(dir)
  files.sort()
  const hash = createHash('sha256')
  for (const file of files) hash.update(path.relative(root, file)).update(await readFile(file))
  codeSalt = hash.digest('hex')
  return codeSalt
}

export interface ContentCache {
  get(kind: string, key: string): Promise<Buffer | undefined>
  /** Whether the previous cache holds an entry. */
  has(kind: string, key: string): Promise<boolean>
  /** Store an entry in the next cache (the one that will be swapped in). */
  put(kind: string, key: string, data: string | Uint8Array): Promise<void>
  /** Carry an entry of the previous cache into the next one unchanged. */
  keep(kind: string, key: string): Promise<void>
  /** Store a copy of a file as an entry of the next cache. */
  putFile(kind: string, key: string, from: string): Promise<void>
  /** Copy an entry of the previous cache to a file; false when there is none. */
  copyTo(kind: string, key: string, to: string): Promise<boolean>
}

/** A cache reading `previousDir` and writing `nextDir` (either may be undefined). */
export function openCache(previousDir: string | undefined, nextDir: string | undefined): ContentCache {
  const at = (dir: string, kind: string, key: string) => path.join(dir, kind, key)
  return {
    async get(kind, key) {
      if (!previousDir) return undefined
      try {
        return await readFile(at(previousDir, kind, key))
      } catch {
        return undefined
      }
    },
    async has(kind, key) {
      if (!previousDir) return false
      return access(at(previousDir, kind, key)).then(() => true, () => false)
    },
    async put(kind, key, data) {
      if (!nextDir) return
      await mkdir(path.join(nextDir, kind), {recursive: true})
      await writeFile(at(nextDir, kind, key), data)
    },
    async keep(kind, key) {
      if (!previousDir || !nextDir) return
      await mkdir(path.join(nextDir, kind), {recursive: true})
      const from = at(previousDir, kind, key)
      const to = at(nextDir, kind, key)
      await link(from, to).catch(() => copyFile(from, to)).catch(() => undefined)
    },
    async putFile(kind, key, from) {
      if (!nextDir) return
      await mkdir(path.join(nextDir, kind), {recursive: true})
      // A copy, not a link: the output's file may be edited in place, the cache's must not.
      await copyFile(from, at(nextDir, kind, key))
    },
    async copyTo(kind, key, to) {
      if (!previousDir) return false
      return copyFile(at(previousDir, kind, key), to).then(() => true, () => false)
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
