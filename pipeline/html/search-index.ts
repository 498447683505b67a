/**
 * The search index, built at build time with minisearch and written as a script that sets a
 * global: pages opened from file:// cannot fetch JSON, but they can load a local script.
 */
import MiniSearch, {type Options} from 'minisearch'
import type {SearchRecord} from './types.js'

/** Options shared by the build and the browser (they must match to load the index); results carry the stored fields, the text is only indexed. */
export const searchOptions = {
  idField: 'id',
  fields: ['text'],
  storeFields: ['url', 'title', 'kind', 'excerpt']
} satisfies Options

/** Name of the global the index script sets. */
export const searchGlobal = 'apparatusSearch'

export interface SearchIndexOptions {
  /** Length of the stored excerpt in characters (default 220). */
  excerptLength?: number
}

function excerpt(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= length) return flat
  const cut = flat.slice(0, length)
  const space = cut.lastIndexOf(' ')
  return `${space > length / 2 ? cut.slice(0, space) : cut}…`
}

/** The index script: `self.apparatusSearch = {options, index}`. */
export function searchIndexScript(records: readonly SearchRecord[], options: SearchIndexOptions = {}): string {
  const length = options.excerptLength ?? 220
  const search = new MiniSearch(searchOptions)
  search.addAll(records.map((record, id) => ({id, ...record, excerpt: excerpt(record.text, length)})))
  const payload = JSON.stringify({options: searchOptions, index: search.toJSON()})
  return `self.${searchGlobal} = ${payload};\n`
}
