/**
 * The words the print edition adds around the texts, per language. English is the fallback;
 * add a language by adding a table.
 */
export interface PrintLabels {
  contents: string
  /** Heading of the edition's introduction when it has none of its own. */
  introduction: string
  bibliography: string
  archivalIndex: string
  apparatus: string
  editedBy: string
  /** Heading of the original front matter kept with a chapter. */
  frontMatter: string
  backMatter: string
  /** Printed under a chapter heading and at the break when the source is an excerpt. */
  excerpt: string
  truncated: string
  /** Column heads of the apparatus. */
  emended: string
  removed: string
  uncalledNotes: string
  page: string
  note: string
  notes: string
  citedIn: string
  noApparatus: string
  /** Descriptions of links (PDF/UA): to a note, to its call, to an emendation, to a removal. */
  linkNote: string
  linkCall: string
  linkEmendation: string
  linkRemoval: string
}

const en: PrintLabels = {
  contents: 'Contents',
  introduction: 'Introduction',
  bibliography: 'Bibliography',
  archivalIndex: 'Index of archival sources',
  apparatus: 'Editorial apparatus',
  editedBy: 'Edited by',
  frontMatter: 'Front matter of the original',
  backMatter: 'Back matter of the original',
  excerpt: 'Excerpt: the source breaks off before the end of the work.',
  truncated: 'The source text breaks off here.',
  emended: 'Emendations',
  removed: 'Removed from the source',
  uncalledNotes: 'Notes without a call in the text',
  page: 'p.',
  note: 'n.',
  notes: 'nn.',
  citedIn: 'Cited in',
  noApparatus: 'The text is printed as in the source, without emendations.',
  linkNote: 'Note',
  linkCall: 'Call of note',
  linkEmendation: 'Emendation',
  linkRemoval: 'Where text of the source was removed'
}

const tables: Record<string, PrintLabels> = {en}

/** Labels for a BCP 47 language tag (`en-US` → `en`), English when there is no table. */
export function printLabels(language: string | undefined): PrintLabels {
  const primary = (language ?? 'en').toLowerCase().split('-')[0] ?? 'en'
  return tables[primary] ?? en
}
