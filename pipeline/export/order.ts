/**
 * The order of the formatted bibliography, apart from its formatting (pipeline/export/formatted.ts,
 * which loads citation-js): the groups historians read it in, archival sources by archive and
 * fond, then published works, then what could not be parsed; the batches entries are formatted in.
 */
import {compareUnits, isArchivalItem, unnamedArchive} from '../bibliography/hierarchy.js'
import {isoOf} from '../bibliography/dates.js'
import type {FormattedEntry} from '../shared/types/citation.js'
import type {CslItem} from '../shared/types/csl.js'

const groupLabels = {
  archival: 'Archival sources',
  published: 'Published works',
  unparsed: 'Unparsed citations'
} as const

/** Group heading path of an item. */
export function groupOf(item: CslItem): string[] {
  if (item.custom?.unparsed) return [groupLabels.unparsed]
  if (!isArchivalItem(item)) return [groupLabels.published]
  const archival = item.custom?.archival
  const archive = archival?.archive ?? item.archive ?? unnamedArchive
  return archival?.fond === undefined ? [groupLabels.archival, archive] : [groupLabels.archival, archive, `Fond ${archival.fond}`]
}

// Made when the entries are first ordered: a collator costs milliseconds to make, and the threads
// that only format entries never order them.
let collator: Intl.Collator | undefined
const compareText = (a: string, b: string): number => (collator ??= new Intl.Collator('en', {sensitivity: 'base', numeric: true})).compare(a, b)
const groupRank: Record<string, number> = {[groupLabels.archival]: 0, [groupLabels.published]: 1, [groupLabels.unparsed]: 2}

function compareGroups(a: string[], b: string[]): number {
  const rank = (groupRank[a[0] ?? ''] ?? 3) - (groupRank[b[0] ?? ''] ?? 3)
  if (rank !== 0) return rank
  const archiveA = a[1] ?? ''
  const archiveB = b[1] ?? ''
  if (archiveA !== archiveB) {
    if (archiveA === unnamedArchive || archiveB === unnamedArchive) return archiveA === unnamedArchive ? 1 : -1
    return compareText(archiveA, archiveB)
  }
  return compareUnits((a[2] ?? '').replace(/^Fond /, ''), (b[2] ?? '').replace(/^Fond /, ''))
}

/**
 * Items per citeproc call. citeproc's cost per item grows with the number of items it holds;
 * the style has no disambiguation or author substitution across entries, so batches format
 * exactly as the whole list does, in linear time.
 */
export const formatBatchSize = 100

/** The items in batches of `formatBatchSize`, each formatted by `formatEntries` (on any thread). */
export function formatBatches(items: readonly CslItem[]): CslItem[][] {
  const batches: CslItem[][] = []
  for (let start = 0; start < items.length; start += formatBatchSize) batches.push(items.slice(start, start + formatBatchSize))
  return batches
}

/** Entries grouped (archives, fonds, published, unparsed), archival ones by date, the rest by text. */
export function orderEntries(entries: FormattedEntry[], items: readonly CslItem[]): FormattedEntry[] {
  const dates = new Map(items.map((item) => [item.id, isoOf(item.issued) ?? '9999']))
  const dated = entries.map((entry) => ({entry, date: dates.get(entry.id) ?? '9999'}))
  dated.sort((a, b) => compareGroups(a.entry.group, b.entry.group) ||
    (a.entry.group[0] === groupLabels.archival ? (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) : 0) ||
    compareText(a.entry.text, b.entry.text) || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0))
  return dated.map(({entry}) => entry)
}
