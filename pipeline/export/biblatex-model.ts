/**
 * The part of the BibLaTeX data model (biber's default datamodel) our exports use: which
 * fields each entry type may hold, which it must hold. Kept as data so an entry can be
 * checked, and its type or fields adjusted, before biber ever sees it.
 */

/** Fields every entry type may hold (the ones we write). */
export const globalFields = new Set([
  'abstract', 'annotation', 'crossref', 'doi', 'entrysubtype', 'keywords', 'langid', 'library',
  'origtitle', 'origlocation', 'origpublisher', 'shorttitle', 'shortjournal', 'url', 'urldate',
  'usera', 'userb', 'userc', 'userd', 'usere', 'userf', 'year', 'month', 'day', 'date', 'origdate', 'ids',
  'related', 'options'
])

/** Entry types we write and the fields each may hold besides the global ones (biber 2.18). */
export const entryFields: Record<string, Set<string>> = {
  article: new Set(['addendum', 'annotator', 'author', 'commentator', 'editor', 'editora', 'editorb', 'editorc', 'editortype', 'eid', 'issn', 'issue', 'issuetitle', 'issuesubtitle', 'journalsubtitle', 'journaltitle', 'journaltitleaddon', 'language', 'note', 'number', 'origlanguage', 'pages', 'pubstate', 'series', 'subtitle', 'title', 'titleaddon', 'translator', 'version', 'volume']),
  book: new Set(['author', 'addendum', 'afterword', 'annotator', 'chapter', 'commentator', 'edition', 'editor', 'editora', 'editorb', 'editorc', 'editortype', 'eid', 'foreword', 'introduction', 'isbn', 'language', 'location', 'maintitle', 'maintitleaddon', 'mainsubtitle', 'note', 'number', 'origlanguage', 'pages', 'pagetotal', 'part', 'publisher', 'pubstate', 'series', 'subtitle', 'title', 'titleaddon', 'translator', 'volume', 'volumes']),
  collection: new Set(['addendum', 'afterword', 'annotator', 'chapter', 'commentator', 'edition', 'editor', 'editora', 'editorb', 'editorc', 'editortype', 'eid', 'foreword', 'introduction', 'isbn', 'language', 'location', 'mainsubtitle', 'maintitle', 'maintitleaddon', 'note', 'number', 'origlanguage', 'pages', 'pagetotal', 'part', 'publisher', 'pubstate', 'series', 'subtitle', 'title', 'titleaddon', 'translator', 'volume', 'volumes']),
  inbook: new Set(['addendum', 'afterword', 'annotator', 'author', 'booktitle', 'bookauthor', 'booksubtitle', 'booktitleaddon', 'chapter', 'commentator', 'edition', 'editor', 'editora', 'editorb', 'editorc', 'editortype', 'eid', 'foreword', 'introduction', 'isbn', 'language', 'location', 'mainsubtitle', 'maintitle', 'maintitleaddon', 'note', 'number', 'origlanguage', 'part', 'publisher', 'pages', 'pubstate', 'series', 'subtitle', 'title', 'titleaddon', 'translator', 'volume', 'volumes']),
  incollection: new Set(['addendum', 'afterword', 'annotator', 'author', 'booksubtitle', 'booktitle', 'booktitleaddon', 'chapter', 'commentator', 'edition', 'editor', 'editora', 'editorb', 'editorc', 'editortype', 'eid', 'foreword', 'introduction', 'isbn', 'language', 'location', 'mainsubtitle', 'maintitle', 'maintitleaddon', 'note', 'number', 'origlanguage', 'pages', 'part', 'publisher', 'pubstate', 'series', 'subtitle', 'title', 'titleaddon', 'translator', 'volume', 'volumes']),
  inproceedings: new Set(['addendum', 'author', 'booksubtitle', 'booktitle', 'booktitleaddon', 'chapter', 'editor', 'editortype', 'eid', 'eventtitle', 'eventtitleaddon', 'isbn', 'language', 'location', 'mainsubtitle', 'maintitle', 'maintitleaddon', 'note', 'number', 'organization', 'pages', 'part', 'publisher', 'pubstate', 'series', 'subtitle', 'title', 'titleaddon', 'venue', 'volume', 'volumes']),
  misc: new Set(['addendum', 'author', 'editor', 'editortype', 'howpublished', 'language', 'location', 'note', 'organization', 'pubstate', 'subtitle', 'title', 'titleaddon', 'type', 'version']),
  online: new Set(['addendum', 'author', 'editor', 'editortype', 'language', 'note', 'organization', 'pubstate', 'subtitle', 'title', 'titleaddon', 'version']),
  report: new Set(['addendum', 'author', 'chapter', 'eid', 'institution', 'isrn', 'language', 'location', 'note', 'number', 'pages', 'pagetotal', 'pubstate', 'subtitle', 'title', 'titleaddon', 'type', 'version']),
  thesis: new Set(['addendum', 'author', 'chapter', 'eid', 'institution', 'language', 'location', 'note', 'pages', 'pagetotal', 'pubstate', 'subtitle', 'title', 'titleaddon', 'type']),
  unpublished: new Set(['addendum', 'author', 'eventtitle', 'eventtitleaddon', 'howpublished', 'language', 'location', 'note', 'pubstate', 'subtitle', 'title', 'titleaddon', 'type', 'venue'])
}

/** Mandatory fields per type; an inner array means one of them. A date (or year) is handled apart. */
export const mandatoryFields: Record<string, Array<string | string[]>> = {
  article: ['author', 'journaltitle', 'title'],
  book: ['author', 'title'],
  collection: ['editor', 'title'],
  inbook: ['author', 'title', 'booktitle'],
  incollection: ['author', 'editor', 'title', 'booktitle'],
  inproceedings: ['author', 'title', 'booktitle'],
  misc: ['title'],
  online: ['title', ['url', 'doi']],
  report: ['author', 'title', 'type', 'institution'],
  thesis: ['author', 'title', 'type', 'institution'],
  unpublished: ['author', 'title']
}

/** Fields whose value biber reads as an integer. */
export const integerFields = new Set(['volume', 'volumes'])

/** How a field that the final type cannot hold is kept in `addendum`. */
export const addendumLabels: Record<string, string> = {
  journaltitle: 'In', booktitle: 'In', maintitle: 'In', volume: 'vol.', volumes: 'vols.', number: 'no.',
  issue: 'no.', pages: 'pp.', publisher: 'Published by', institution: 'Issued by', location: 'Place:',
  edition: 'Edition:', series: 'Series:', chapter: 'ch.', editor: 'Edited by', type: '', howpublished: '',
  organization: '', eventtitle: '', venue: '', isbn: 'ISBN', issn: 'ISSN', part: 'part', eid: '',
  bookauthor: 'By', translator: 'Translated by', author: 'By', pagetotal: 'pages:', version: 'version', issuetitle: 'Issue:', subtitle: '', titleaddon: ''
}
