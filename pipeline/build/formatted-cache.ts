/**
 * Formatted bibliography entries and document pages from the content-hash cache: citeproc
 * and page rendering are the costliest work of a build, and most of it is the same from one
 * build to the next when one source changes.
 */
import {formatBatchSize, orderEntries} from '../export/formatted.js'
import {sha256, type ContentCache} from '../shared/cache.js'
import type {PageResult, PageTask} from '../html/page.js'
import type {FormattedEntry} from '../shared/types/citation.js'
import type {CslItem} from '../shared/types/csl.js'

type Format = (items: readonly CslItem[], onBatch?: (done: number, total: number) => void) => Promise<FormattedEntry[]>

/**
 * Entries for `items`, grouped and ordered: each item whose CSL data is unchanged (the salt
 * covers the code and the CSL style) comes from the cache, the others are formatted. Formatting one item does
 * not depend on the others (see `formatBatchSize`), so entries can be reused one by one.
 */
export async function formatWithCache(items: readonly CslItem[], salt: string, cache: ContentCache, format: Format, onBatch?: (done: number, total: number) => void): Promise<FormattedEntry[]> {
  const stored = await cache.get('entries', 'entries.json')
  const known = new Map<string, FormattedEntry>(parsed<Array<[string, FormattedEntry]>>(stored) ?? [])
  const hashes = items.map((item) => sha256(salt, JSON.stringify(item)))
  const missing = items.filter((_, index) => !known.has(hashes[index]!))
  const batches = Math.max(1, Math.ceil(missing.length / formatBatchSize))
  onBatch?.(0, batches)
  const fresh = new Map((missing.length > 0 ? await format(missing, onBatch) : []).map((entry) => [entry.id, entry]))
  if (missing.length === 0) onBatch?.(1, 1)
  const kept: Array<[string, FormattedEntry]> = []
  items.forEach((item, index) => {
    const entry = fresh.get(item.id) ?? known.get(hashes[index]!)
    if (entry) kept.push([hashes[index]!, entry])
  })
  await cache.put('entries', 'entries.json', JSON.stringify(kept))
  return orderEntries(kept.map(([, entry]) => entry), items)
}

/**
 * A page maker that takes a page from the cache when its task (every input of it) is unchanged.
 * A page written where it was made (`writeTo`) is cached as a file of its own beside its result.
 */
export function cachedPages(salt: string, cache: ContentCache, render: (task: PageTask) => Promise<PageResult>): (task: PageTask) => Promise<PageResult> {
  return async (task) => {
    // Keyed by the Markdown's content, not by where it is read from or the page written to (the staging folder changes).
    const key = sha256(salt, JSON.stringify({...task, writeTo: task.writeTo !== undefined, markdown: typeof task.markdown === 'string' ? sha256(task.markdown) : task.markdown.sha256}))
    const hit = await cache.get('pages', key)
    if (hit) {
      const result = parsed<PageResult>(hit)
      const written = result?.content === undefined
      if (result && (!written || (task.writeTo !== undefined && (await cache.copyTo('page-files', key, task.writeTo))))) {
        await cache.keep('pages', key)
        if (written) await cache.keep('page-files', key)
        return result
      }
    }
    const result = await render(task)
    if (result.content === undefined && task.writeTo !== undefined) await cache.putFile('page-files', key, task.writeTo)
    await cache.put('pages', key, JSON.stringify(result))
    return result
  }
}

/** A cache entry's JSON (entries are checked when read; this guards against a format from another version). */
function parsed<T>(entry: Buffer | undefined): T | undefined {
  if (!entry) return undefined
  try {
    return JSON.parse(entry.toString('utf8')) as T
  } catch {
    return undefined
  }
}
