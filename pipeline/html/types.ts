/** What rendering a document collects beside its HTML: places, apparatus, notes, search text. */
import type {FootnoteDefinition} from 'mdast'

/** Where something sits in a document: a numbered paragraph, a note, or between paragraphs. */
export interface Place {
  /** Anchor on the document page. */
  id: string
  /** Human label: `¶ 12`, `note 3`, `after ¶ 40`. */
  label: string
}

/** One emendation of the apparatus. */
export interface EmendationRecord {
  n: number
  rule: string
  original: string
  corrected: string
  place: Place
}

/** A decision of the editor from the sidecar, kept apart from the automatic repairs. */
export interface EditorialRecord {
  n: number
  kind: 'emendation' | 'note boundary' | 'citation'
  /** What changed, in words. */
  change: string
  reason: string
  place: Place
}

/** An author's error kept as printed and marked [sic] (sidecar `sic`). */
export interface SicRecord {
  n: number
  word: string
  place: Place
}

/** One artifact removed from the reading text. */
export interface RemovedRecord {
  n: number
  rule: string
  text: string
  /** Whether it was a block (paywall notice, cookie banner) rather than a run of text. */
  block: boolean
  place: Place
}

/** One note of the document, in the order of the source. */
export interface NoteRecord {
  identifier: string
  label: string
  node: FootnoteDefinition
  /** Number of references to it in the text. */
  references: number
}

/** A heading of the reading text, for the table of contents. */
export interface HeadingRecord {
  id: string
  depth: number
  text: string
  /** Set on the entry of a front or back matter section. */
  matter?: 'front' | 'back'
}

/** A unit of text for the search index. */
export interface SearchRecord {
  /** Page and anchor: `slug.html#p3`. */
  url: string
  /** Where it is: document title and `¶ 3` / `note 12`. */
  title: string
  kind: 'paragraph' | 'note' | 'heading' | 'bibliography'
  text: string
}

/** Everything the document transforms leave in `file.data.edition`. */
/** A numbered paragraph: `p12` shown as `12`; front and back matter count apart (`f3` → `F3`, `b1` → `B1`). */
export interface ParagraphAnchor {
  id: string
  label: string
}

export interface EditionData {
  /** Paragraphs of the work's text (¶ 1…n). */
  paragraphs: number
  /** Anchored sections: headings and front/back matter sections (`s1`, `s2`…). */
  sections: number
  /** Paragraphs of the source's front and back matter, numbered apart. */
  matterParagraphs: {front: number; back: number}
  headings: HeadingRecord[]
  notes: NoteRecord[]
  emendations: EmendationRecord[]
  removed: RemovedRecord[]
  editorial: EditorialRecord[]
  sic: SicRecord[]
}

declare module 'vfile' {
  interface DataMap {
    edition: EditionData
  }
}

declare module 'mdast' {
  interface ParagraphData {
    /** Anchor of a numbered paragraph (¶), set by remarkPlaces. */
    paragraphAnchor?: ParagraphAnchor
  }
  interface HeadingData {
    /** Anchor of a heading, set by remarkPlaces. */
    headingId?: string
  }
}

declare module 'mdast-util-directive' {
  interface ContainerDirectiveData {
    /** Anchor of a front or back matter section, set by remarkPlaces. */
    matterId?: string
    /** Number of a removed artifact in the apparatus, set by remarkApparatus. */
    removedNumber?: number
  }
  interface TextDirectiveData {
    /** Number of the emendation in the apparatus, set by remarkApparatus. */
    emendationNumber?: number
    /** Number of a confirmed author's error, set by remarkApparatus. */
    sicNumber?: number
    /** Number of a removed artifact in the apparatus, set by remarkApparatus. */
    removedNumber?: number
  }
}

/** A fresh, empty `file.data.edition`. */
export function emptyEditionData(): EditionData {
  return {paragraphs: 0, sections: 0, matterParagraphs: {front: 0, back: 0}, headings: [], notes: [], emendations: [], removed: [], editorial: [], sic: []}
}
