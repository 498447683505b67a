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

/** The search index of the site, filled page by page: only the index and excerpts are kept. */
export class SearchIndex {
  private readonly search = new MiniSearch(searchOptions)
  private readonly length: number
  private next = 0

  constructor(options: SearchIndexOptions = {}) {
    this.length = options.excerptLength ?? 220
  }

  addAll(records: readonly SearchRecord[]): void {
    this.search.addAll(records.map((record) => ({id: this.next++, ...record, excerpt: excerpt(record.text, this.length)})))
  }

  /** The index script: `self.apparatusSearch = {options, index}`. */
  script(): string {
    return `self.${searchGlobal} = ${JSON.stringify({options: searchOptions, index: this.search.toJSON()})};\n`
  }
}
