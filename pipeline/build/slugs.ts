/**
 * Documents' slugs, made unique before any document work: a slug names a document's files in
 * every output folder (`markdown/<slug>.md`, `bib/<slug>.json`, `html/<slug>.html`,
 * `pdf/<slug>.pdf`), so one that names a file of the edition itself, or another document's,
 * would overwrite it. Such a slug is renamed apart (`bibliography` → `bibliography-1`) with a
 * warning; the first document (by file name) keeps a slug that two share.
 */
import type {VFile} from 'vfile'
import {report} from './rules.js'
import {slugOf} from '../ingest/meta.js'
import type {LoadedSource} from './sources.js'

/**
 * The names of the edition's own files beside the documents' (tests/robustness/output.test.ts
 * checks them against a build): `bib/bibliography.*` and `bib/citations.json`, the site's
 * pages `html/index.html`, `bibliography.html`, `archives.html`, `search.html` and its
 * `assets/` folder (a document with one of those names had its page at `<name>-text.html`),
 * and the book `pdf/reader.pdf`.
 */
export const reservedSlugs: readonly string[] = ['archives', 'assets', 'bibliography', 'citations', 'index', 'reader', 'search', 'archives-text', 'assets-text', 'bibliography-text', 'index-text', 'search-text']

/** The 1-based line of the sidecar's `slug:` field, if it has one at the top level. */
function slugLine(sidecar: VFile): {line: number; column: number} | undefined {
  const lines = String(sidecar.value ?? '').split(/\r?\n/)
  const index = lines.findIndex((line) => /^slug\s*:/.test(line))
  return index === -1 ? undefined : {line: index + 1, column: 1}
}

/**
 * Give every source a slug of its own and none of the reserved ones; a renamed source's sidecar
 * gets the new slug (one is made for a source without a sidecar). Returns the sources that had
 * no sidecar and were given one, whose `sidecar-missing` the build reports itself.
 */
export function assignSlugs(sources: readonly LoadedSource[]): Set<LoadedSource> {
  const reserved = new Set(reservedSlugs)
  const wanted = sources.map(({input}) => input.sidecar?.slug ?? slugOf(input.path))
  // Renamed slugs keep off every slug a document asked for, so no rename takes another's.
  const avoid = new Set([...reservedSlugs, ...wanted])
  const owner = new Map<string, LoadedSource>()
  const madeSidecars = new Set<LoadedSource>()
  sources.forEach((source, index) => {
    const slug = wanted[index]!
    const first = owner.get(slug)
    if (!reserved.has(slug) && !first) {
      owner.set(slug, source)
      return
    }
    let renamed: string
    for (let n = 1; ; n++) {
      renamed = `${slug}-${n}`
      if (!avoid.has(renamed)) break
    }
    avoid.add(renamed)
    owner.set(renamed, source)
    const fromSidecar = source.input.sidecar?.slug !== undefined && source.sidecarFile !== undefined
    const file = fromSidecar ? source.sidecarFile! : source.file
    const place = fromSidecar ? slugLine(source.sidecarFile!) : {line: 1, column: 1}
    if (first) {
      report(file, 'duplicate-slug', `Unexpected slug \`${slug}\`, already used by \`${first.input.path}\`; renamed \`${renamed}\``, place)
    } else {
      report(file, 'slug-reserved', `Unexpected slug \`${slug}\`, which names a file of the edition itself; renamed \`${renamed}\``, place)
    }
    if (!source.input.sidecar) madeSidecars.add(source)
    source.input.sidecar = {...source.input.sidecar, slug: renamed}
  })
  return madeSidecars
}
