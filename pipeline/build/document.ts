/**
 * The per-document stages (ingest, citations, annotated Markdown) as one pure step from a
 * source to a record that can be cached and sent between threads.
 *
 * Bibliography keys are known only after the corpus-wide merge, so the Markdown is written
 * with a placeholder key on each citation, which `withKeys` (pipeline/build/entries.ts)
 * replaces. The record holds text, not the tree: it is small to cache, to send between
 * threads and to keep for a large edition.
 */
import type {Root} from 'mdast'
import {unified, type Plugin} from 'unified'
import {VFile} from 'vfile'
import {storeMessages, sha256, type StoredMessage} from '../shared/cache.js'
import {report} from './rules.js'
import {apparatusCitations, applyKeys} from '../citations/index.js'
import {apparatusIngest} from '../ingest/index.js'
import {lostWords} from '../ingest/conservation.js'
import {apparatusMarkdown} from '../markdown/index.js'
import type {ParsedCitation} from '../shared/types/citation.js'
import type {DocumentMeta, SourceInput} from '../shared/types/document.js'

export interface DocumentRecord {
  /** Absent when the source could not be read as text. */
  meta?: DocumentMeta
  /** Annotated Markdown with placeholder keys (see `withKeys`); absent with `meta`. */
  markdown?: string
  /** Prefix of this document's placeholder keys. */
  placeholder: string
  citations: ParsedCitation[]
  /** The decoded text (positions of diagnostics refer to it). */
  text: string
  messages: StoredMessage[]
  /** Milliseconds spent in each stage. */
  timings: {ingest: number; citations: number; markdown: number}
}

declare module 'vfile' {
  interface DataMap {
    /** Prefix of the document's placeholder keys (`placeholderKeys`). */
    placeholder: string
  }
}

/**
 * Key each citation with a placeholder (`<prefix><note>.<index>`): the bibliography's keys are
 * known only after the corpus-wide merge (`withKeys`). A prefix made from the source's own hash
 * cannot occur in the source.
 */
const placeholderKeys: Plugin<[], Root> = function () {
  return (tree, file) => {
    const placeholder = `apparatus-ref-${sha256(typeof file.value === 'string' ? file.value : '').slice(0, 16)}-`
    file.data.placeholder = placeholder
    if (file.data.meta) applyKeys(tree, (note, index) => `${placeholder}${note}.${index}`)
  }
}

/**
 * The per-document stages as one unified processor: ingest parses a source file into the
 * body tree (its metadata in `file.data.meta`), citations and the placeholder keys transform
 * it, and the annotated Markdown is its compiled text.
 */
const documentProcessor = unified().use(apparatusIngest).use(apparatusCitations).use(placeholderKeys).use(apparatusMarkdown).freeze()

/** Ingest a source, extract its citations and write its Markdown; diagnostics are kept in the record. */
export function processSource(input: SourceInput): DocumentRecord {
  const file = new VFile({path: input.path, value: input.bytes, data: {...(input.sidecar ? {sidecar: input.sidecar} : {}), ...(input.sidecarInvalid ? {sidecarInvalid: true} : {})}})
  const start = performance.now()
  const parsed = documentProcessor.parse(file)
  const ingested = performance.now()
  const tree = documentProcessor.runSync(parsed, file)
  const cited = performance.now()
  const text = typeof file.value === 'string' ? file.value : ''
  const meta = file.data.meta
  let markdown: string | undefined
  if (meta) {
    markdown = documentProcessor.stringify(tree, file)
    const lost = lostWords(file.data.witness ?? text, markdown)
    if (lost.length > 0) {
      report(file, 'words-lost', `Unexpected loss of ${lost.length} word(s) of the source (${lost.slice(0, 5).join(', ')}), expected every word in the text or the apparatus`)
    }
  }
  const done = performance.now()
  return {
    meta,
    markdown,
    placeholder: file.data.placeholder ?? '',
    citations: file.data.citations ?? [],
    text,
    messages: storeMessages(file),
    timings: {ingest: ingested - start, citations: cited - ingested, markdown: done - cited}
  }
}
