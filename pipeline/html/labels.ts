/** Words the pages use for rule ids, document kinds and locator labels (English edition). */
import type {LocatorLabel} from '../types/citation.js'
import type {DocumentKind, NoteConvention} from '../types/document.js'

/** Emendation and removal rules as the apparatus names them; unknown ids are shown as they are. */
export const ruleLabels: Record<string, string> = {
  'ocr-folio': 'OCR: folio abbreviation',
  'ocr-fond': 'OCR: fond number',
  'ocr-confusion': 'OCR: letter confusion',
  hyphenation: 'line-end hyphenation',
  'page-break': 'page break',
  'page-separator': 'page separator of the proofing text',
  'proofer-note': 'proofreader’s note',
  'dp-hyphen': 'proofreader’s uncertain hyphen',
  'dp-markup': 'proofreaders’ block marker',
  editorial: 'editorial correction',
  'word-comment-anchor': 'Word comment anchor',
  'word-bookmark': 'Word bookmark',
  bookmark: 'Word bookmark',
  paywall: 'paywall notice',
  cookie: 'cookie notice',
  'cookie-banner': 'cookie notice',
  'running-head': 'running head',
  'page-number': 'page number',
  metadata: 'database metadata',
  'tei-sic': 'TEI sic/corr: error of the source corrected',
  'tei-orig': 'TEI orig/reg: spelling regularized',
  'tei-abbr': 'TEI abbr/expan: abbreviation expanded',
  'tei-figure': 'TEI: figure and its caption',
  'tei-del': 'TEI: deletion in the source',
  'tei-variant': 'TEI: variant reading',
  'html-navigation': 'site navigation',
  'html-site-header': 'site header',
  'html-site-footer': 'site footer',
  'html-sidebar': 'site sidebar',
  'html-dialog': 'pop-up dialog',
  'html-skip-link': '“skip to content” link',
  'html-code': 'scripts and styles (code, left out)',
  'html-backlink': 'link back to the note reference',
  'html-image': 'image (its text description)',
  'notes-heading': 'heading of the notes',
  'word-comment': 'Word comment',
  'word-deletion': 'deleted text (tracked change)',
  unspecified: 'unspecified'
}

export function ruleLabel(rule: string): string {
  return ruleLabels[rule] ?? rule
}

/** Labels of the sections holding the source's front and back matter. */
export const matterLabels: Record<string, string> = {
  'front-matter': 'Front matter of the source',
  'back-matter': 'Back matter of the source'
}

export const kindLabels: Record<DocumentKind, string> = {
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

export const locatorLabels: Record<LocatorLabel, [singular: string, plural: string]> = {
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
  if (!label || !isLocatorLabel(label)) return locator
  const words = locatorLabels[label]
  return `${/[-–,&]/.test(locator) ? words[1] : words[0]} ${locator}`
}
