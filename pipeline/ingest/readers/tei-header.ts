/**
 * The `teiHeader` as the document's metadata. Its words go to the front matter (title,
 * authors, date, language), not to the body: they are no part of the witness.
 */
import type {Element, ElementContent, RootContent} from 'xast'
import type {SourceMetadata} from './types.js'
import {attribute, childElements, findElement, localName, spacedText} from './tei-xast.js'

export function headerMetadata(header: Element | undefined, top: ReadonlyArray<ElementContent | RootContent>): SourceMetadata | undefined {
  const metadata: SourceMetadata = {}
  if (header) {
    const titleStmt = findElement(header.children, 'titleStmt')
    if (titleStmt) {
      const titles = childElements(titleStmt).filter((element) => localName(element) === 'title')
      const main = titles.find((title) => {
        const type = attribute(title, 'type')
        return type === undefined || type === 'main'
      }) ?? titles[0]
      const title = main && spacedText(main.children)
      if (title) metadata.title = title
      const authors = childElements(titleStmt)
        .filter((element) => localName(element) === 'author')
        .map((author) => spacedText(author.children))
        .filter((name) => name !== '')
      if (authors.length > 0) metadata.authors = authors
    }
    const date = dateOf(findElement(header.children, 'creation')) ?? dateOf(findElement(header.children, 'sourceDesc')) ?? dateOf(findElement(header.children, 'publicationStmt'))
    if (date) metadata.date = date
    const language = findElement(header.children, 'langUsage')
    const ident = language && findElement(language.children, 'language')
    const code = ident && attribute(ident, 'ident')
    if (code) metadata.language = code
  }
  if (!metadata.language) {
    // `xml:lang` on the root or on `<text>` speaks for the whole work; on a `<div>`, only for it.
    for (const node of top) {
      if (node.type !== 'element') continue
      const name = localName(node)
      if (name !== 'TEI' && name !== 'teiCorpus' && name !== 'text') continue
      const lang = attribute(node, 'xml:lang') ?? (name === 'text' ? undefined : textLanguage(node))
      if (lang) {
        metadata.language = lang
        break
      }
    }
  }
  return Object.keys(metadata).length > 0 ? metadata : undefined
}

function textLanguage(root: Element): string | undefined {
  const text = childElements(root).find((element) => localName(element) === 'text')
  return text && attribute(text, 'xml:lang')
}

/** The first `<date>` inside: its `@when` (ISO), else its words. */
function dateOf(scope: Element | undefined): string | undefined {
  const date = scope && findElement(scope.children, 'date')
  if (!date) return undefined
  const when = attribute(date, 'when') ?? attribute(date, 'notBefore')
  const value = when ?? spacedText(date.children)
  return value === '' ? undefined : value
}
