/**
 * The per-document stages (ingest, then citations) as one pure step from a source to a
 * record that can be cached and sent between threads.
 */
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {storeMessages, type StoredMessage} from './cache.js'
import {extractCitations} from './citations/index.js'
import {ingestSource} from './ingest/index.js'
import type {ParsedCitation} from './types/citation.js'
import type {DocumentMeta, SourceInput} from './types/document.js'

export interface DocumentRecord {
  /** Absent when the source could not be read as text. */
  meta?: DocumentMeta
  tree?: Root
  citations: ParsedCitation[]
  /** The decoded text (positions of diagnostics refer to it). */
  text: string
  messages: StoredMessage[]
  /** Milliseconds spent in each stage. */
  timings: {ingest: number; citations: number}
}

/** Ingest a source and extract its citations; diagnostics are kept in the record. */
export function processSource(input: SourceInput): DocumentRecord {
  const file = new VFile({path: input.path})
  const start = performance.now()
  const result = ingestSource(input, file)
  const ingested = performance.now()
  const citations = result ? extractCitations(result.tree, result.meta, file, input.sidecar?.overrides?.citations) : []
  const done = performance.now()
  return {
    meta: result?.meta,
    tree: result?.tree,
    citations,
    text: typeof file.value === 'string' ? file.value : '',
    messages: storeMessages(file),
    timings: {ingest: ingested - start, citations: done - ingested}
  }
}
