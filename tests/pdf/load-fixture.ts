/** Read a PDF fixture folder (edition.json, *.md in the edition's order, bibliography, citations, entries). */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parseDocument} from '../../pipeline/markdown/index.js'
import type {PdfInput} from '../../pipeline/pdf/index.js'
import type {CitationOccurrence, FormattedEntry} from '../../pipeline/shared/types/citation.js'
import type {CslItem} from '../../pipeline/shared/types/csl.js'
import type {EditionConfig} from '../../pipeline/shared/types/document.js'

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T
}

export function loadFixture(folder: string): PdfInput {
  const edition = readJson<EditionConfig>(join(folder, 'edition.json'))
  const documents = edition.order.map((slug) => {
    const markdown = readFileSync(join(folder, `${slug}.md`), 'utf8')
    return {meta: parseDocument(markdown).meta, markdown}
  })
  return {
    edition,
    documents,
    bibliography: readJson<CslItem[]>(join(folder, 'bibliography.json')),
    occurrences: readJson<CitationOccurrence[]>(join(folder, 'citations.json')),
    entries: readJson<FormattedEntry[]>(join(folder, 'entries.json'))
  }
}
