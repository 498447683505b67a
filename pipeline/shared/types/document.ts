import type {LocatorLabel} from './citation.js'
import type {CslItemDraft, CslType} from './csl.js'

/** Kinds of document an edition holds. */
export const documentKinds = [
  'working-paper', 'article', 'essay', 'document-translation', 'review', 'chapter', 'book',
  'report', 'document', 'other'
] as const
export type DocumentKind = (typeof documentKinds)[number]

/** The note conventions ingest understands. */
export const noteConventions = [
  'superscript-page-notes', 'bracketed-endnotes', 'word-footnote-refs', 'markdown-footnotes',
  'footnote-blocks', 'notes-section', 'symbol-notes', 'tei-notes', 'html-notes', 'docx-notes',
  'none'
] as const
export type NoteConvention = (typeof noteConventions)[number]

/** Counts written to the front matter. */
export interface DocumentCounts {
  notes: number
  paragraphs: number
  /** Emendations per rule id. */
  emendations: Record<string, number>
  /** Removed artifacts per rule id. */
  removed: Record<string, number>
}

/** Metadata of one document: the sidecar merged with what ingest found (front matter). */
export interface DocumentMeta {
  slug: string
  title: string
  /** Short title for running heads. */
  shortTitle?: string
  authors: string[]
  date?: string
  publication?: string
  kind: DocumentKind
  rights?: string
  language: string
  /** Path of the raw file relative to the project root (or to the sources' parent). */
  source: string
  sha256: string
  convention: NoteConvention
  /** True when the source is an excerpt cut off (e.g. by a paywall). */
  truncated: boolean
  counts: DocumentCounts
  /** Fields that were inferred because the sidecar did not give them. */
  inferred?: string[]
  /** Words the editor confirms as the author's errors (sidecar `sic`): kept as printed, marked [sic]. */
  sic?: string[]
}

/** Editorial override of one word or passage (sidecar `overrides.emendations`). */
export interface EmendationOverride {
  /** Exact text to find in the source. */
  find: string
  replace: string
  reason: string
  /** Which occurrence (1-based); all when absent. */
  occurrence?: number
}

/**
 * Editorial fix of a note boundary (sidecar `overrides.notes`). Exactly one of `end`, `split`
 * and `mergeWith` says what changes; passages are exact text of one paragraph of the note.
 */
export interface NoteOverride {
  /** The note as numbered in the source (the first note with that number). */
  note: string
  reason: string
  /** The note ends after this passage: what follows is body text. */
  end?: string
  /** With `end`: the note resumes at this passage; only the stretch between is body text. */
  resume?: string
  /** A new note starts at this passage. */
  split?: string
  /** The number of the note split off (default: the next number). */
  label?: string
  /** The next note with this number after `note` continues it. */
  mergeWith?: string
  /** With `mergeWith`: the merged note's printed number stays as text (default) or is removed. */
  marker?: 'text' | 'removed'
}

/** CSL fields an editor gives for a citation: each replaces the parsed one, `null` removes it. */
export type CslPatch = {[K in Exclude<keyof CslItemDraft, 'custom' | 'type'>]?: CslItemDraft[K] | null} & {type?: CslType}

/** Editorial fix of one citation (sidecar `overrides.citations`). */
export interface CitationOverride {
  /** Note number. */
  note: number
  /** Position of the citation in the note, from 1. */
  citation: number
  reason: string
  csl?: CslPatch
  /** Bibliography key: citations with the same key are one entry. */
  key?: string
  locator?: string
  label?: LocatorLabel
}

export interface Overrides {
  convention?: NoteConvention
  emendations?: EmendationOverride[]
  notes?: NoteOverride[]
  citations?: CitationOverride[]
}

/** The edition (sources/edition.yml). */
export interface EditionConfig {
  title: string
  subtitle?: string
  editors: string[]
  introduction?: string
  language: string
  date?: string
  /** Address the site is published at (ending in `/`): citations of a document give its full URL. */
  baseUrl?: string
  /** Document slugs in reading order; documents not listed follow in file-name order. */
  order: string[]
}

/** What an editor writes in `sources/<name>.yml` (validated in pipeline/build/sources.ts). */
export interface Sidecar {
  title?: string
  shortTitle?: string
  slug?: string
  authors?: string[]
  date?: string
  publication?: string
  kind?: DocumentKind
  rights?: string
  language?: string
  /** The encoding the source is in (a WHATWG label: `koi8-r`, `windows-1251`, `shift_jis`), which wins over detection. */
  encoding?: string
  /** Words confirmed as the author's errors (often reported as `possible-sic`). */
  sic?: string[]
  overrides?: Overrides
}

/** A raw source handed to ingest. */
export interface SourceInput {
  /** Path relative to the project root, as written to the front matter (`sources/000_x.txt`). */
  path: string
  bytes: Uint8Array
  sidecar?: Sidecar
  /** True when a sidecar file exists but could not be read (its errors are reported on it). */
  sidecarInvalid?: boolean
}
