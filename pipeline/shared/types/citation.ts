import type {ArchivalLocation, CslItemDraft} from './csl.js'

/** CSL locator labels we use. */
export type LocatorLabel =
  | 'page' | 'folio' | 'chapter' | 'section' | 'paragraph' | 'volume' | 'note' | 'line'
  | 'issue' | 'book' | 'column' | 'figure' | 'number' | 'part' | 'document'

/** What an archival document citation says beyond its file (the item-level fields). */
export interface ArchivalDocument extends ArchivalLocation {
  /** Printed forms, e.g. `{archive: 'AVPRF', fond: 'F. 059a'}`. */
  asPrinted?: Partial<Record<keyof ArchivalLocation | 'folios', string>>
  /** Folios, OCR-corrected (`18-30`). */
  folios?: string
  /** Date of the document, ISO (`1950-01-19`), or partial (`1950-01`). */
  docDate?: string
  from?: string
  to?: string
  /** ciphered telegram, report, letter, resolution, record of conversation… */
  genre?: string
  description?: string
}

/** Reference from an Ibid./short form to the citation it stands for. */
export interface CitationRef {
  note: number
  index: number
}

/** One citation found in one note (output of the citations stage, before keys). */
export interface ParsedCitation {
  /** Note number (the footnote label as printed). */
  note: number
  /** Position within the note, from 0. */
  index: number
  /** The citation as printed (annotated Markdown of the span, lead-ins left out). */
  text: string
  /** Its words as a reader sees them: plain text, no Markdown escapes or markup (emendations as corrected). */
  printed?: string
  item: CslItemDraft
  locator?: string
  label?: LocatorLabel
  /** The page of the edition used, printed after a book or chapter locator (`l. iv. p. 318`). */
  page?: string
  ibid: boolean
  shortForm: boolean
  /** For Ibid./short forms/op. cit.: the citation it resolves to; null when nothing resolves. */
  resolvesTo?: CitationRef | null
  archival?: ArchivalDocument
  /** True when the grammar could not parse it; it still gets an entry. */
  unparsed?: boolean
  /** Bibliography key the editor set (sidecar `overrides.citations`). */
  key?: string
  /**
   * Where a citation outside the notes stands (its `note` is then 0): an entry of the
   * document's reference list, or an author-date citation in the body text.
   */
  place?: CitationPlace
  /** Id of the reference-list entry it is or resolves to (`ref3`), for back-links. */
  anchor?: string
  /** What the editor changed, when a sidecar override applies. */
  override?: EditorialOverride
}

/** Where a citation outside the notes stands. */
export type CitationPlace = 'references' | 'text'

/** An editor's fix of a citation: the fields set (CSL names, `key`, `locator`) and why. */
export interface EditorialOverride {
  fields: string[]
  reason: string
}


/** One citation occurrence with its bibliography key (output/bib/citations.json). */
export interface CitationOccurrence {
  source: string
  document: string
  note: number
  index: number
  /** The citation's words as a reader sees them: plain text, no Markdown escapes or markup. */
  text: string
  /** The citation as annotated Markdown (emendations as directives, Markdown escapes). */
  markdown: string
  key: string
  locator?: string
  label?: LocatorLabel
  /** The page of the edition used, beside a book or chapter locator. */
  page?: string
  ibid: boolean
  shortForm: boolean
  override?: EditorialOverride
  /** For a citation outside the notes: the reference list or the body text. */
  place?: CitationPlace
  /** Id of the reference-list entry on the document's page. */
  anchor?: string
}

/** One formatted bibliography entry, as the HTML and PDF renderers show it. */
export interface FormattedEntry {
  /** The CSL id (bibliography key). */
  id: string
  /** Group heading path, e.g. `['Archival sources', 'AVP RF', 'Fond 059a']` or `['Published works']`. */
  group: string[]
  /** Formatted entry as HTML (from citation-js with the edition's CSL style). */
  html: string
  text: string
  /** The entry in BibLaTeX. */
  bibtex: string
}
