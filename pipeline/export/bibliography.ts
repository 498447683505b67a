/**
 * The bibliography's exports, written into `<outDir>/bib/`: CSL-JSON, BibLaTeX, legacy BibTeX,
 * RIS, the formatted bibliography (HTML and text), every citation occurrence, and per document
 * the items it cites. It loads neither the documents' TEI and Pandoc exports nor the Markdown
 * stage, which a build thread writing these files never needs.
 */
import {mkdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {FormattedEntry} from '../shared/types/citation.js'
import type {CslItem} from '../shared/types/csl.js'
import type {DocumentMeta} from '../shared/types/document.js'
import type {Bibliography} from '../bibliography/index.js'
import {toBibtex} from './bibtex.js'
import {biblatexEntries} from './biblatex.js'
import {toCslJson} from './csl-json.js'
import {bibliographyHtml, bibliographyText, formatBibliography} from './formatted.js'
import {toRis} from './ris.js'
import {serializeEntry} from './tex.js'
import {chunked} from '../html/stream.js'
import {isErrno} from '../shared/output.js'

/** The items each document cites, in key order, in one pass over the occurrences. */
function itemsByDocument(bib: Bibliography): Map<string, CslItem[]> {
  const citing = new Map<string, Set<string>>()
  for (const occurrence of bib.occurrences) {
    let slugs = citing.get(occurrence.key)
    if (!slugs) citing.set(occurrence.key, (slugs = new Set()))
    slugs.add(occurrence.document)
  }
  const out = new Map<string, CslItem[]>()
  for (const item of bib.items) {
    for (const slug of citing.get(item.id) ?? []) {
      let items = out.get(slug)
      if (!items) out.set(slug, (items = []))
      items.push(item)
    }
  }
  return out
}

/**
 * BibLaTeX files of items (as `toBiblatex` writes them) from the formatted entries, which carry
 * each item's entry, made beside its formatting; an item without one is converted here.
 */
function biblatexOf(entries: readonly FormattedEntry[]): (items: CslItem[]) => string {
  const known = new Map(entries.flatMap((entry) => (entry.bibtex ? [[entry.id, entry.bibtex] as const] : [])))
  return (items) => {
    const missing = items.filter((item) => !known.has(item.id))
    const converted = new Map(biblatexEntries(missing).map((entry, index) => [missing[index]!.id, serializeEntry(entry)]))
    return items.map((item) => known.get(item.id) ?? converted.get(item.id)).join('\n\n') + '\n'
  }
}

export interface ExportOptions {
  /** The formatted entries, when the caller has them or is making them (default: formatted here). */
  entries?: FormattedEntry[] | Promise<FormattedEntry[]>
  /** Heading of the formatted bibliography (default: `Bibliography`). */
  title?: string
  /**
   * Whether `outDir` is a folder that exists (a build's staging folder): it is then not created,
   * so a staging folder removed by a failed build while a worker writes is not made again.
   */
  existing?: boolean
}

const emptyOptions: ExportOptions = {}

/** `JSON.stringify(items, null, 2)` and a line end, in parts: one per item. */
export function* jsonArray(items: readonly unknown[]): Generator<string> {
  if (items.length === 0) {
    yield '[]\n'
    return
  }
  yield '['
  for (let index = 0; index < items.length; index++) {
    yield `${index === 0 ? '' : ','}\n  ${JSON.stringify(items[index], null, 2).replace(/\n/g, '\n  ')}`
  }
  yield '\n]\n'
}

/** Write every export of the bibliography into `outDir/bib/`. */
export async function writeBibliographyExports(bib: Bibliography, docs: Array<{meta: DocumentMeta}>, outDir: string, options: ExportOptions = emptyOptions): Promise<void> {
  const folder = join(outDir, 'bib')
  if (options.existing) {
    await mkdir(folder).catch((error: unknown) => {
      if (!isErrno(error) || error.code !== 'EEXIST') throw error
    })
  } else await mkdir(folder, {recursive: true})
  const title = options.title ?? 'Bibliography'
  const write = (name: string, text: string | Iterable<string>) => writeFile(join(folder, name), typeof text === 'string' ? text : chunked(text), 'utf8')
  await write('bibliography.json', toCslJson(bib.items))
  // Tens of megabytes for a large edition: written as it is made, item by item.
  await write('citations.json', jsonArray(bib.occurrences))
  await write('bibliography.bibtex.bib', toBibtex(bib.items))
  await write('bibliography.ris', toRis(bib.items))
  const cited = itemsByDocument(bib)
  for (const {meta} of docs) await write(`${meta.slug}.json`, toCslJson(cited.get(meta.slug) ?? []))
  // The formatted entries last: they may still be in the making, and they carry the BibLaTeX.
  const entries = (await options.entries) ?? formatBibliography(bib.items)
  const biblatex = biblatexOf(entries)
  await write('bibliography.bib', biblatex(bib.items))
  // A document that cites nothing gets no `.bib` (an empty one is no BibLaTeX file a tool wants); its `.json` is `[]`.
  for (const {meta} of docs) {
    const items = cited.get(meta.slug)
    if (items && items.length > 0) await write(`${meta.slug}.bib`, biblatex(items))
  }
  await write('bibliography.html', bibliographyHtml(entries, title))
  await write('bibliography.txt', bibliographyText(entries, title))
}
