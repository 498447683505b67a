/**
 * Words the pages use for document kinds, note conventions and locator labels (English edition);
 * the words for annotations and their rules are in ../shared/annotations.ts.
 */
import type {LocatorLabel} from '../shared/types/citation.js'
import {printsItsCue} from '../shared/locator-cue.js'
import type {DocumentKind, NoteConvention} from '../shared/types/document.js'

const kindLabels: Record<DocumentKind, string> = {
  'working-paper': 'Working paper',
  article: 'Article',
  essay: 'Essay',
  'document-translation': 'Translated document',
  review: 'Review',
  chapter: 'Chapter',
  book: 'Book',
  report: 'Report',
  document: 'Document',
  other: 'Text'
}

function isKind(kind: string): kind is DocumentKind {
  return Object.hasOwn(kindLabels, kind)
}

export function kindLabel(kind: string): string {
  return isKind(kind) ? kindLabels[kind] : kind
}

export const conventionLabels: Record<NoteConvention, string> = {
  'superscript-page-notes': 'superscript note numbers, notes at the foot of each page',
  'bracketed-endnotes': 'bracketed note numbers, endnotes',
  'word-footnote-refs': 'Word footnote references',
  'markdown-footnotes': 'Markdown footnotes',
  'footnote-blocks': 'bracketed references with `[Footnote n: …]` note blocks',
  'notes-section': 'note numbers in the text, a notes section after it',
  'symbol-notes': 'symbol references (*, †, ‡) with notes on each page',
  'tei-notes': 'TEI notes',
  'html-notes': 'HTML footnotes',
  'docx-notes': 'Word footnotes and endnotes',
  none: 'no notes'
}

const locatorLabels: Record<LocatorLabel, [singular: string, plural: string]> = {
  page: ['page', 'pages'], folio: ['folio', 'folios'], chapter: ['chapter', 'chapters'],
  section: ['section', 'sections'], paragraph: ['paragraph', 'paragraphs'], volume: ['volume', 'volumes'],
  note: ['note', 'notes'], line: ['line', 'lines'], issue: ['issue', 'issues'], book: ['book', 'books'],
  column: ['column', 'columns'], figure: ['figure', 'figures'], number: ['number', 'numbers'],
  part: ['part', 'parts'], document: ['document', 'documents']
}

/** `page 145`, `folios 18-30`; the bare locator when the label is unknown. */
function isLocatorLabel(label: string): label is LocatorLabel {
  return Object.hasOwn(locatorLabels, label)
}

export function locatorText(locator: string, label: string | undefined): string {
  if (!label || !isLocatorLabel(label) || (label !== 'page' && printsItsCue(locator))) return locator
  const words = locatorLabels[label]
  return `${/[-–,&]/.test(locator) ? words[1] : words[0]} ${locator}`
}

/** Where a citation cites: its locator, and the page of the edition after it (`l. xliv, c. 17, p. 245`). */
export function citedAt(locator: string | undefined, label: string | undefined, page: string | undefined): string | undefined {
  if (!locator) return page ? locatorText(page, 'page') : undefined
  return page ? `${locatorText(locator, label)}, ${/[-–,&]/.test(page) ? 'pp.' : 'p.'} ${page}` : locatorText(locator, label)
}
