import {VFile} from 'vfile'
import {extractCitations} from '../../pipeline/citations/index.js'
import {ingestSource} from '../../pipeline/ingest/index.js'
import {parseMarkdown} from '../../pipeline/markdown/index.js'
import type {ParsedCitation} from '../../pipeline/shared/types/citation.js'
import type {DocumentKind, DocumentMeta} from '../../pipeline/shared/types/document.js'

/** The metadata of a test document of this kind and language, with no counts yet. */
export function testMeta(kind: DocumentKind, language: string): DocumentMeta {
  return {
    slug: 'test', title: 'Test', authors: [], kind, language, source: 'sources/test.md',
    sha256: '', convention: 'markdown-footnotes', truncated: false,
    counts: {notes: 0, paragraphs: 0, emendations: {}, removed: {}}
  }
}

/** The citations of a Markdown document. */
export function citationsOf(markdown: string, meta: DocumentMeta) {
  return extractCitations(parseMarkdown(markdown), meta, new VFile({path: 'test.md', value: markdown}))
}

/** The words of a test document's title and of the sentence that calls its notes. */
export interface NotesWords {
  title: string
  call: string
  and: string
}

/** A Markdown document whose one sentence calls each of these notes in turn (`Text[^1] and Text[^2].`). */
function notesDocument(notes: readonly string[], words: NotesWords = {title: 'Test', call: 'Text', and: 'and'}): string {
  const calls = notes.map((_, index) => `${words.call}[^${index + 1}]`).join(` ${words.and} `)
  return `# ${words.title}\n\n${calls}.\n\n${notes.map((note, index) => `[^${index + 1}]: ${note}`).join('\n\n')}\n`
}

/**
 * The citations of these notes in an article in this language: all of them, those of one
 * note, and the citation another resolves to.
 */
export function citeNotes(notes: readonly string[], language = 'en', words?: NotesWords) {
  const citations = citationsOf(notesDocument(notes, words), testMeta('article', language))
  const target = (citation: ParsedCitation | undefined) => citations.find((other) => other.note === citation?.resolvesTo?.note && other.index === citation?.resolvesTo?.index)
  return {citations, target, inNote: (note: number) => citations.filter((citation) => citation.note === note)}
}

/** The family names (or literal names) of a list of names. */
export const familyNames = (list: ReadonlyArray<{family?: string; literal?: string}> | undefined) => list?.map((name) => name.family ?? name.literal)

/** The family names (or literal names) of a citation's authors or editors. */
export const families = (citation: ParsedCitation | undefined, field: 'author' | 'editor' = 'author') => familyNames(citation?.item[field])

/**
 * A source ingested and its citations read: the reference list's entries, the entry a citation
 * resolves to, and the reference-list rules reported.
 */
export function referenceListOf(source: string, path = 'sources/test.md') {
  const file = new VFile({path})
  const result = ingestSource({path, bytes: new TextEncoder().encode(source)}, file)
  if (!result) throw new Error('not ingested')
  const citations = extractCitations(result.tree, result.meta, file)
  const entries = citations.filter((citation) => citation.place === 'references')
  const entryOf = (citation: ParsedCitation | undefined) => entries.find((entry) => citation?.resolvesTo?.note === 0 && entry.index === citation.resolvesTo.index)
  const rules = file.messages.map((message) => message.ruleId).filter((rule) => rule?.startsWith('citation-reference'))
  return {result, citations, entries, entryOf, rules}
}
