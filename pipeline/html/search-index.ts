/**
 * The search index, built at build time with minisearch and written as scripts: pages opened
 * from file:// cannot fetch JSON, but they can load a local script. The index is cut into
 * shards of about two million characters of text, each a minisearch index of its own: the build holds one shard at
 * a time, whatever the size of the edition, and the search page loads the shards when it is
 * first asked something. `assets/search-index.js` lists them.
 */
import MiniSearch, {type Options} from 'minisearch'
import type {SearchRecord} from './types.js'

/**
 * Options shared by the build and the browser (they must match to load the index). Results
 * carry the stored fields; the text is stored (with its spaces made single) so that the search
 * page can show each hit in its context, not the start of its paragraph.
 */
export const searchOptions = {
  idField: 'id',
  fields: ['text'],
  storeFields: ['url', 'title', 'kind', 'text']
} satisfies Options

/** Name of the global the index script sets: `{options, shards}`, the shards' paths relative to the site. */
export const searchGlobal = 'apparatusSearch'

/** Name of the global array each shard script puts its index in, at the shard's position. */
export const shardGlobal = 'apparatusSearchShards'

/** Path of the index script, relative to the site. */
const searchIndexPath = 'assets/search-index.js'

export interface SearchIndexOptions {
  /** Characters of indexed text after which a shard is closed at the end of a document (default 2,000,000). */
  shardSize?: number
}

/** A written part of the index: path relative to the site, and the script. */
export interface SearchFile {
  path: string
  content: string
}

/** A part of the index as a builder hands it back: its script, or none when the builder wrote it. */
export interface SearchPart {
  path: string
  content?: string
}

/**
 * Where the index is built, records in edition order: here (`SearchIndex`) or on a thread of
 * its own that writes the shards itself (`openSearchThread` in pipeline/build/executor.ts).
 */
export interface SearchBuilder {
  /** Index one document's records (or a slice of the bibliography); the parts it completed, if any. */
  addAll(records: readonly SearchRecord[]): SearchPart[]
  /** The last parts: the last shard and the index script. */
  finish(): SearchPart[] | Promise<SearchPart[]>
  /** Stop building (a thread is stopped); after `finish`, or instead of it when the site fails. */
  close?(): Promise<void>
}

/**
 * The search index of the site, filled page by page: only the shard being filled is kept (its
 * index and excerpts); a full one is handed back as a script by `addAll`.
 */
export class SearchIndex implements SearchBuilder {
  private readonly shardSize: number
  private readonly shards: string[] = []
  private search = new MiniSearch(searchOptions)
  private size = 0
  private next = 0

  constructor(options: SearchIndexOptions = {}) {
    this.shardSize = options.shardSize ?? 2_000_000
  }

  /**
   * Index the records of one document; returns the shards it filled, if any. A shard is closed
   * after the record that fills it, so that a very long document is held a shard at a time too.
   */
  addAll(records: readonly SearchRecord[]): SearchFile[] {
    const filled: SearchFile[] = []
    for (const record of records) {
      this.search.add({id: this.next++, ...record, text: record.text.replace(/\s+/g, ' ').trim()})
      this.size += record.text.length
      if (this.size >= this.shardSize) filled.push(this.closeShard())
    }
    return filled
  }

  /** The last shard, then the index script: `self.apparatusSearch = {options, shards}`. */
  finish(): SearchFile[] {
    const last = this.size > 0 || this.shards.length === 0 ? [this.closeShard()] : []
    const script = `self.${searchGlobal} = ${JSON.stringify({options: searchOptions, shards: this.shards})};\n`
    return [...last, {path: searchIndexPath, content: script}]
  }

  private closeShard(): SearchFile {
    const position = this.shards.length
    const path = `assets/search/${position + 1}.js`
    const content = `(self.${shardGlobal} = self.${shardGlobal} || [])[${position}] = ${JSON.stringify(this.search.toJSON())};\n`
    this.shards.push(path)
    this.search = new MiniSearch(searchOptions)
    this.size = 0
    return {path, content}
  }
}
