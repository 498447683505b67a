/**
 * Formatted bibliography entries and document pages from the content-hash cache: citeproc
 * and page rendering are the costliest work of a build, and most of it is the same from one
 * build to the next when one source changes.
 */
import {formatBatchSize, orderEntries} from '../export/order.js'
import {sha256, type ContentCache} from '../shared/cache.js'
import type {PageResult, PageTask} from '../html/page.js'
import {cached, parsedJson} from './cached.js'
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
  const known = new Map<string, FormattedEntry>((stored && parsedJson<Array<[string, FormattedEntry]>>(stored)) ?? [])
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
  return cached(cache, render, {
    kind: 'pages',
    // Keyed by the Markdown's content, not by where it is read from or the page written to (the staging folder changes).
    key: (task) => sha256(salt, JSON.stringify({...task, writeTo: task.writeTo !== undefined, markdown: typeof task.markdown === 'string' ? sha256(task.markdown) : task.markdown.sha256})),
    file: (task, result) => (result.content === undefined ? task.writeTo : undefined)
  })
}
