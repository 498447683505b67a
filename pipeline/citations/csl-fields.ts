/** The CSL-JSON variables an editor may set in a citation override, by kind, as data. */
import type {LocatorLabel} from '../shared/types/citation.js'
import type {CslItemDraft, CslType} from '../shared/types/csl.js'

export const cslTypes = [
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book',
  'broadcast', 'chapter', 'classic', 'collection', 'dataset', 'document', 'entry',
  'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic', 'hearing',
  'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture',
  'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical',
  'personal_communication', 'post', 'post-weblog', 'regulation', 'report', 'review',
  'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage'
] as const satisfies readonly CslType[]

export const cslNameFields = [
  'author', 'editor', 'translator', 'recipient', 'interviewer', 'container-author',
  'collection-editor', 'reviewed-author', 'contributor', 'compiler'
] as const satisfies ReadonlyArray<keyof CslItemDraft>

export const cslDateFields = ['issued', 'accessed', 'original-date', 'event-date', 'submitted'] as const satisfies ReadonlyArray<keyof CslItemDraft>

export const cslStringFields = [
  'title', 'title-short', 'container-title', 'container-title-short', 'collection-title',
  'collection-number', 'publisher', 'publisher-place', 'volume', 'issue', 'page', 'number',
  'edition', 'genre', 'medium', 'note', 'annote', 'archive', 'archive_location',
  'archive-place', 'archive_collection', 'authority', 'event-title', 'event-place', 'section',
  'URL', 'DOI', 'ISBN', 'ISSN', 'language', 'abstract', 'original-title', 'reviewed-title',
  'dimensions', 'source', 'status', 'version', 'call-number', 'number-of-volumes',
  'number-of-pages', 'chapter-number', 'part', 'supplement', 'division', 'jurisdiction',
  'citation-key', 'volume-title'
] as const satisfies ReadonlyArray<keyof CslItemDraft>

export const locatorLabelNames = [
  'page', 'folio', 'chapter', 'section', 'paragraph', 'volume', 'note', 'line', 'issue', 'book',
  'column', 'figure', 'number', 'part', 'document'
] as const satisfies readonly LocatorLabel[]
