/**
 * A processed document as the build keeps it in memory: its metadata, citations and
 * diagnostics. Its annotated Markdown goes to the cache as soon as it is made and is read
 * back one document at a time, and its decoded text is not kept, so the main thread of a
 * large edition holds about a fifth of what its documents weigh.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {encodeEntry} from '../shared/cache.js'
import {processSource, type DocumentRecord} from './document.js'
import {markdownKind, summaryKind} from './entries.js'
import type {SourceInput} from '../shared/types/document.js'

export type DocumentSummary = Pick<DocumentRecord, 'meta' | 'placeholder' | 'citations' | 'messages' | 'timings'> & {
  /** True when the source was text and its Markdown is in the cache (`markdown/<key>`). */
  markdown: boolean
}

/** Where a processed document goes: the cache folder being written, and the document's key. */
export interface RecordStore {
  dir: string
  key: string
}

/** Run the per-document stages; store the summary and the Markdown when `store` is given. */
export function processDocument(input: SourceInput, store?: RecordStore): DocumentSummary {
  const record = processSource(input)
  const summary: DocumentSummary = {
    meta: record.meta,
    placeholder: record.placeholder,
    citations: record.citations,
    messages: record.messages,
    timings: record.timings,
    markdown: record.markdown !== undefined
  }
  if (store) {
    if (record.markdown !== undefined) writeEntry(store, markdownKind, record.markdown)
    writeEntry(store, summaryKind, JSON.stringify(summary))
  }
  return summary
}

function writeEntry(store: RecordStore, kind: string, data: string): void {
  mkdirSync(path.join(store.dir, kind), {recursive: true})
  writeFileSync(path.join(store.dir, kind, store.key), encodeEntry(kind, store.key, data))
}
