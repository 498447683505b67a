import {VFile} from 'vfile'
import {extractCitations} from '../../pipeline/citations/index.js'
import {parseMarkdown} from '../../pipeline/markdown/index.js'
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
