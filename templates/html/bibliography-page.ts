/**
 * The bibliography: the formatted entries grouped as in the exports, each with its anchor (the
 * key), the notes that cite it, and its BibLaTeX at hand. Written entry by entry: it grows
 * with the edition.
 */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import {entryContent} from '../../pipeline/html/formatted.js'
import {fill, serialize, slot} from '../../pipeline/html/stream.js'
import {anchorId, hrefTo} from '../../pipeline/html/urls.js'
import type {FormattedEntry} from '../../pipeline/shared/types/citation.js'
import {citedIn} from './cited-in.js'
import type {BibliographyPageOptions} from '../../pipeline/html/views.js'
import {page} from './layout.js'

/** The page's HTML, in parts. */
export function bibliographyPage(options: BibliographyPageOptions): Generator<string> {
  const content: ElementContent[] = [
    h('h1', 'Bibliography'),
    h('p', `${options.entries.length} works and archival documents cited in the notes of the edition. Each entry lists the notes that cite it; its BibLaTeX is under the entry.`)
  ]
  const groups = groupRuns(options.entries)
  const top = [...new Set(groups.map((group) => group.path[0]).filter((name): name is string => Boolean(name)))]
  if (top.length > 1) {
    content.push(h('nav.toc', {ariaLabel: 'Groups of the bibliography'}, h('ol', top.map((name) => h('li', h('a', {href: `#${groupId([name])}`}, name))))))
  }
  content.push(slot)
  return fill(page({site: options.site, title: 'Bibliography', section: 'bibliography', content: [h('article.page', content)]}), groupsHtml(groups, options))
}

function* groupsHtml(groups: ReturnType<typeof groupRuns>, options: BibliographyPageOptions): Generator<string> {
  let previous: string[] = []
  const used = new Set<string>()
  for (const group of groups) {
    const common = commonPrefix(previous, group.path)
    yield* serialize(group.path.slice(common).map((name, offset) => {
      const depth = Math.min(2 + common + offset, 6)
      return h(`h${depth}.group-heading`, {id: uniqueId(groupId(group.path.slice(0, common + offset + 1)), used)}, name)
    }))
    yield* fill(h('ul.entries', [slot]), serialize(entryItems(group.entries, options)))
    previous = group.path
  }
}

function* entryItems(entries: readonly FormattedEntry[], options: BibliographyPageOptions): Generator<Element> {
  for (const entry of entries) yield entryItem(entry, options)
}

function entryItem(entry: FormattedEntry, options: BibliographyPageOptions): Element {
  const archival = options.archival.has(entry.id)
  return h('li.entry', {id: anchorId(entry.id)}, [
    h('span.entry-text', entryContent(entry.html)),
    citedIn(options.backLinks.get(entry.id)),
    archival ? h('p.cited-in', h('a', {href: hrefTo('archives.html', anchorId(entry.id))}, 'In the archival index')) : undefined,
    entry.bibtex ? h('details', [h('summary', ['BibLaTeX', h('span.visually-hidden', ` for ${entry.id}`)]), h('pre', h('code', entry.bibtex))]) : undefined
  ])
}

/** Consecutive entries with the same group path. */
function groupRuns(entries: readonly FormattedEntry[]): Array<{path: string[]; entries: FormattedEntry[]}> {
  const runs: Array<{path: string[]; entries: FormattedEntry[]}> = []
  for (const entry of entries) {
    const last = runs.at(-1)
    if (last && samePath(last.path, entry.group)) last.entries.push(entry)
    else runs.push({path: entry.group, entries: [entry]})
  }
  return runs
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, index) => name === b[index])
}

function commonPrefix(a: readonly string[], b: readonly string[]): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  // A group that is an ancestor of the previous one gets its heading again.
  return n === b.length ? Math.max(0, n - 1) : n
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`
  used.add(candidate)
  return candidate
}

function groupId(path: readonly string[]): string {
  return `group-${anchorId(path.join('-'))}`
}
