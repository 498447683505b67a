/**
 * What a processed document leaves in the build's cache: its summary (`documents/<key>`) and
 * its annotated Markdown with placeholder keys (`markdown/<key>`), and that Markdown with the
 * bibliography's keys put in. Apart from the per-document stages (pipeline/build/records.ts),
 * which a build whose documents all come from the cache never loads.
 */
import {escapeRegExp} from '../shared/regexp.js'

/** Cache entries of a document: its summary and its Markdown with placeholder keys. */
export const summaryKind = 'documents'
export const markdownKind = 'markdown'

/**
 * The record's Markdown with the bibliography's keys in place of the placeholders; a citation
 * without a key keeps its `ref` (`<note>.<index>`), as `applyKeys` leaves it.
 */
export function withKeys(record: {placeholder: string; markdown?: string}, keyOf: (note: number, index: number) => string | undefined): string {
  const escaped = escapeRegExp(record.placeholder)
  const pattern = new RegExp(`key="${escaped}(\\d+)\\.(\\d+)"`, 'g')
  return (record.markdown ?? '').replace(pattern, (_, note: string, index: string) => {
    const key = keyOf(Number(note), Number(index))
    return key === undefined ? `ref="${note}.${index}"` : `key="${key.replace(/&/g, '&#x26;').replace(/"/g, '&#x22;')}"`
  })
}
