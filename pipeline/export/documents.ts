/**
 * The exports made from each document's annotated Markdown: TEI P5 (`tei/<slug>.xml`, with
 * `tei/bibliography.xml`) and pandoc-ready Markdown (`pandoc/<slug>.md`). Each document is
 * read once for both; a document whose Markdown is unchanged takes its files from the cache.
 */
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {sha256} from '../shared/cache.js'
import {parseDocument} from '../markdown/index.js'
import {isErrno} from '../shared/output.js'
import type {CslItem} from '../shared/types/csl.js'
import type {DocumentMeta, EditionConfig} from '../shared/types/document.js'
import {pandocOfDocument} from './pandoc.js'
import {toTeiBibliography} from './tei-bibliography.js'
import {teiOfDocument} from './tei.js'

export interface DocumentExportInput {
  meta: DocumentMeta
  /** The annotated Markdown: its text, or the file it is in and the text's SHA-256. */
  markdown: string | {file: string; sha256: string}
}

export interface DocumentExportOptions {
  /** Write `tei/` (default true). */
  tei?: boolean
  /** Write `pandoc/` (default true). */
  pandoc?: boolean
  /** The edition, for the TEI headers (default: none). */
  edition?: EditionConfig
}

/** One document's export to make: its kind, the hash of its Markdown, the edition as JSON, and its document, read when needed. */
export interface ExportTask {
  kind: 'tei' | 'pandoc'
  sha256: string
  edition: string
  document: () => Promise<ReturnType<typeof parseDocument>>
}

/**
 * Makes one export: its text. An export depends only on its task (the Markdown's hash, the kind
 * and the edition), so a caller may make them through a function of its own composed around
 * `documentExporter`'s: the build takes an unchanged document's exports from its cache, without
 * reading its Markdown.
 */
export type MakeExport = (task: ExportTask) => Promise<string>

const emptyOptions: DocumentExportOptions = {}

/** Create a folder in `outDir`, which exists (a staging folder a failed build removed is not made again). */
async function folderIn(outDir: string, name: string): Promise<string> {
  const folder = join(outDir, name)
  await mkdir(folder).catch((error: unknown) => {
    if (!isErrno(error) || error.code !== 'EEXIST') throw error
  })
  return folder
}

/** Makes one document's TEI or pandoc export, citing the bibliography's `items`, for `edition` (default: none). */
export function documentExporter(items: readonly CslItem[], edition?: EditionConfig): MakeExport {
  const keys = new Set(items.map((item) => item.id))
  return async (task) => {
    const document = await task.document()
    return task.kind === 'tei' ? teiOfDocument(document, {edition, keys}) : pandocOfDocument(document, {keys})
  }
}

/**
 * Write the TEI and pandoc exports of the documents and the bibliography's `items` into
 * `outDir`, each made by `make` (default: `documentExporter(items, options.edition)`).
 */
export async function writeDocumentExports(documents: readonly DocumentExportInput[], items: readonly CslItem[], outDir: string, options: DocumentExportOptions = emptyOptions, make: MakeExport = documentExporter(items, options.edition)): Promise<string[]> {
  const wantTei = options.tei ?? true
  const wantPandoc = options.pandoc ?? true
  const written: string[] = []
  if (!wantTei && !wantPandoc) return written
  const teiFolder = wantTei ? await folderIn(outDir, 'tei') : undefined
  const pandocFolder = wantPandoc ? await folderIn(outDir, 'pandoc') : undefined
  const header = JSON.stringify(options.edition ?? null)
  for (const {meta, markdown} of documents) {
    const hash = typeof markdown === 'string' ? sha256(markdown) : markdown.sha256
    // Read once for both exports, and only when one is made.
    let read: Promise<ReturnType<typeof parseDocument>> | undefined
    const document = () => (read ??= (typeof markdown === 'string' ? Promise.resolve(markdown) : readFile(markdown.file, 'utf8')).then((text) => parseDocument(text, undefined, meta)))
    const targets = [
      teiFolder ? {kind: 'tei' as const, path: join(teiFolder, `${meta.slug}.xml`)} : undefined,
      pandocFolder ? {kind: 'pandoc' as const, path: join(pandocFolder, `${meta.slug}.md`)} : undefined
    ].filter((target) => target !== undefined)
    for (const target of targets) {
      await writeFile(target.path, await make({kind: target.kind, sha256: hash, edition: header, document}), 'utf8')
      written.push(target.path)
    }
  }
  if (teiFolder) {
    const path = join(teiFolder, 'bibliography.xml')
    await writeFile(path, toTeiBibliography(items, options.edition), 'utf8')
    written.push(path)
  }
  return written
}
