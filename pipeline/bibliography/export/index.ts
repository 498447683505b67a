/**
 * Bibliography exports, written into `<outDir>/bib/`: CSL-JSON, BibLaTeX, legacy BibTeX,
 * RIS, the formatted bibliography (HTML and text), every citation occurrence, and per
 * document the items it cites.
 */
import {mkdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {FormattedEntry} from '../../types/citation.js'
import type {CslItem} from '../../types/csl.js'
import type {DocumentMeta} from '../../types/document.js'
import type {Bibliography} from '../index.js'
import {toBibtex} from './bibtex.js'
import {toBiblatex} from './biblatex.js'
import {toCslJson} from './csl-json.js'
import {bibliographyHtml, bibliographyText, formatBibliography} from './formatted.js'
import {toRis} from './ris.js'

export {formatBibliography, groupOf} from './formatted.js'
export {toBiblatex, biblatexEntries} from './biblatex.js'
export {toBibtex} from './bibtex.js'
export {toRis, readRis} from './ris.js'
export {toCslJson} from './csl-json.js'
export {stylePath} from './cite.js'

/** The items a document cites, in key order. */
export function itemsOf(bib: Bibliography, slug: string): CslItem[] {
  const keys = new Set(bib.occurrences.filter((occurrence) => occurrence.document === slug).map((occurrence) => occurrence.key))
  return bib.items.filter((item) => keys.has(item.id))
}

export interface ExportOptions {
  /** The formatted entries, when the caller has them already (default: formatted here). */
  entries?: FormattedEntry[]
  /** Heading of the formatted bibliography (default: `Bibliography`). */
  title?: string
}

const emptyOptions: ExportOptions = {}

/** Write every export of the bibliography into `outDir/bib/`. */
export async function writeBibliographyExports(bib: Bibliography, docs: Array<{meta: DocumentMeta}>, outDir: string, options: ExportOptions = emptyOptions): Promise<void> {
  const folder = join(outDir, 'bib')
  await mkdir(folder, {recursive: true})
  const entries = options.entries ?? formatBibliography(bib.items)
  const title = options.title ?? 'Bibliography'
  const files: Array<[string, string]> = [
    ['bibliography.json', toCslJson(bib.items)],
    ['citations.json', JSON.stringify(bib.occurrences, null, 2) + '\n'],
    ['bibliography.bib', toBiblatex(bib.items)],
    ['bibliography.bibtex.bib', toBibtex(bib.items)],
    ['bibliography.ris', toRis(bib.items)],
    ['bibliography.html', bibliographyHtml(entries, title)],
    ['bibliography.txt', bibliographyText(entries, title)]
  ]
  for (const {meta} of docs) {
    const items = itemsOf(bib, meta.slug)
    files.push([`${meta.slug}.json`, toCslJson(items)], [`${meta.slug}.bib`, toBiblatex(items)])
  }
  await Promise.all(files.map(([name, text]) => writeFile(join(folder, name), text, 'utf8')))
}
