/** CSL-JSON, the one bibliographic model inside Apparatus (subset of csl-data.json we use). */

export type CslType =
  | 'article' | 'article-journal' | 'article-magazine' | 'article-newspaper' | 'bill' | 'book'
  | 'broadcast' | 'chapter' | 'classic' | 'collection' | 'dataset' | 'document' | 'entry'
  | 'entry-dictionary' | 'entry-encyclopedia' | 'event' | 'figure' | 'graphic' | 'hearing'
  | 'interview' | 'legal_case' | 'legislation' | 'letter' | 'manuscript' | 'map' | 'motion_picture'
  | 'musical_score' | 'pamphlet' | 'paper-conference' | 'patent' | 'performance' | 'periodical'
  | 'personal_communication' | 'post' | 'post-weblog' | 'regulation' | 'report' | 'review'
  | 'review-book' | 'software' | 'song' | 'speech' | 'standard' | 'thesis' | 'treaty' | 'webpage'

export interface CslName {
  family?: string
  given?: string
  'dropping-particle'?: string
  'non-dropping-particle'?: string
  suffix?: string
  literal?: string
}

export interface CslDate {
  'date-parts'?: Array<Array<number | string>>
  season?: number | string
  circa?: boolean | string | number
  literal?: string
  raw?: string
}

/** Archival structure of an item, kept in `custom.archival`. */
export interface ArchivalLocation {
  /** Normalized archive acronym, e.g. `AVP RF`, `APRF`, `RGASPI`. */
  archive?: string
  fond?: string
  opis?: string
  delo?: string
  papka?: string
  /** Code of a document collection such as `SD00245`. */
  sdCode?: string
  /**
   * The file's place in an archive not arranged in fonds, as printed: a shelfmark, record
   * group, box or folder (`B 136/2417`, `RG 59, Entry 1071, Box 4`).
   */
  shelfmark?: string
}

export interface CslCustom {
  archival?: ArchivalLocation
  /** Sender and recipient of an archival document, as printed. */
  sender?: string
  /** Slug of the edition document this item is (a work that is itself part of the edition). */
  editionDocument?: string
  /** True when the citation could not be parsed; the item holds the raw text as its title. */
  unparsed?: boolean
  [key: string]: unknown
}

type CslNameFields =
  | 'author' | 'editor' | 'translator' | 'recipient' | 'interviewer' | 'container-author'
  | 'collection-editor' | 'reviewed-author' | 'contributor' | 'compiler'

type CslStringFields =
  | 'title' | 'title-short' | 'container-title' | 'container-title-short' | 'collection-title'
  | 'collection-number' | 'publisher' | 'publisher-place' | 'volume' | 'issue' | 'page' | 'number'
  | 'edition' | 'genre' | 'medium' | 'note' | 'annote' | 'archive' | 'archive_location'
  | 'archive-place' | 'archive_collection' | 'authority' | 'event-title' | 'event-place' | 'section'
  | 'URL' | 'DOI' | 'ISBN' | 'ISSN' | 'language' | 'abstract' | 'original-title' | 'reviewed-title'
  | 'dimensions' | 'source' | 'status' | 'version' | 'call-number' | 'number-of-volumes'
  | 'number-of-pages' | 'chapter-number' | 'part' | 'supplement' | 'division' | 'jurisdiction'
  | 'citation-key' | 'volume-title'

type CslDateFields = 'issued' | 'accessed' | 'original-date' | 'event-date' | 'submitted'

export type CslItem = {
  id: string
  type: CslType
  custom?: CslCustom
} & { [K in CslNameFields]?: CslName[] } & { [K in CslStringFields]?: string } & {
  [K in CslDateFields]?: CslDate
}

/** A CSL item before the bibliography gives it its key. */
export type CslItemDraft = Omit<CslItem, 'id'>
