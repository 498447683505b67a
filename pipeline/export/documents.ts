/**
 * The exports made from each document's annotated Markdown: TEI P5 (`tei/<slug>.xml`, with
 * `tei/bibliography.xml`) and pandoc-ready Markdown (`pandoc/<slug>.md`). Each document is
 * read once for both; a document whose Markdown is unchanged takes its files from the cache.
 */
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {sha256, type ContentCache} from '../shared/cache.js'
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
  /** A content cache and the pipeline's salt: unchanged documents are copied from it (default: none). */
  cache?: {store: ContentCache; salt: string}
}

const emptyOptions: DocumentExportOptions = {}

/** Create a folder in `outDir`, which exists (a staging folder a failed build removed is not made again). */
async function folderIn(outDir: string, name: string): Promise<string> {
  const folder = join(outDir, name)
  await mkdir(folder).catch((error: unknown) => {
    if (!isErrno(error) || error.code !== 'EEXIST') throw error
  })
  return folder
}

/** Write the TEI and pandoc exports of the documents and the bibliography's `items` into `outDir`. */
export async function writeDocumentExports(documents: readonly DocumentExportInput[], items: readonly CslItem[], outDir: string, options: DocumentExportOptions = emptyOptions): Promise<string[]> {
  const wantTei = options.tei ?? true
  const wantPandoc = options.pandoc ?? true
  const written: string[] = []
  if (!wantTei && !wantPandoc) return written
  const teiFolder = wantTei ? await folderIn(outDir, 'tei') : undefined
  const pandocFolder = wantPandoc ? await folderIn(outDir, 'pandoc') : undefined
  const keys = new Set(items.map((item) => item.id))
  const cache = options.cache
  const header = JSON.stringify(options.edition ?? null)
  for (const {meta, markdown} of documents) {
    const hash = typeof markdown === 'string' ? sha256(markdown) : markdown.sha256
    const targets = [
      teiFolder ? {kind: 'tei', path: join(teiFolder, `${meta.slug}.xml`), make: (document: Parameters<typeof teiOfDocument>[0]) => teiOfDocument(document, {edition: options.edition, keys})} : undefined,
      pandocFolder ? {kind: 'pandoc', path: join(pandocFolder, `${meta.slug}.md`), make: (document: Parameters<typeof pandocOfDocument>[0]) => pandocOfDocument(document, {keys})} : undefined
    ].filter((target) => target !== undefined)
    const missing: typeof targets = []
    for (const target of targets) {
      const key = cache && sha256(cache.salt, target.kind, hash, header)
      if (cache && key && (await cache.store.copyTo(`export-${target.kind}`, key, target.path))) await cache.store.keep(`export-${target.kind}`, key)
      else missing.push(target)
      written.push(target.path)
    }
    if (missing.length === 0) continue
    const text = typeof markdown === 'string' ? markdown : await readFile(markdown.file, 'utf8')
    const document = parseDocument(text, undefined, meta)
    for (const target of missing) {
      const output = target.make(document)
      await writeFile(target.path, output, 'utf8')
      if (cache) await cache.store.put(`export-${target.kind}`, sha256(cache.salt, target.kind, hash, header), output)
    }
  }
  if (teiFolder) {
    const path = join(teiFolder, 'bibliography.xml')
    await writeFile(path, toTeiBibliography(items, options.edition), 'utf8')
    written.push(path)
  }
  return written
}
