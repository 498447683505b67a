/**
 * The formatted bibliography, grouped the way historians read one: archival sources by
 * archive and fond, then published works, then what could not be parsed. Entries are
 * formatted by citation-js with the edition's CSL style; each item appears once.
 */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {toString} from 'hast-util-to-string'
import {fragmentTree} from '../html/fragment.js'
import {fill, serialize, slot} from '../html/stream.js'
import type {FormattedEntry} from '../shared/types/citation.js'
import type {CslItem} from '../shared/types/csl.js'
import {formatBatches, groupOf, orderEntries} from './order.js'
import {biblatexEntries} from './biblatex.js'
import {cite, styleName} from './cite.js'
import {serializeEntry} from './tex.js'

function entryArray(value: unknown): Array<[string, string]> {
  if (!Array.isArray(value)) return []
  const out: Array<[string, string]> = []
  for (const entry of value) {
    if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string') out.push([entry[0], entry[1]])
  }
  return out
}

/** Format items as bibliography entries, grouped and ordered. */
export function formatBibliography(items: CslItem[]): FormattedEntry[] {
  return orderEntries(formatBatches(items).flatMap(formatEntries), items)
}

/** Format one batch of items, in the order given (see `orderEntries`). */
export function formatEntries(items: CslItem[]): FormattedEntry[] {
  if (items.length === 0) return []
  const engine = cite(items.map(({custom, ...fields}) => fields))
  // One citeproc pass (the costly part), unsorted: `orderEntries` sorts. The plain text is the HTML's text content.
  const html = new Map(entryArray(engine.format('bibliography', {format: 'html', template: styleName, lang: 'en-US', asEntryArray: true, nosort: true})))
  const bibtex = new Map(biblatexEntries(items).map((entry) => [entry.label, serializeEntry(entry)]))
  return items.map((item) => {
    // A citation that could not be read is shown as printed, with nothing a style adds ("n.d.").
    const entryHtml = item.custom?.unparsed && item.title ? toHtml(h('div', {className: ['csl-entry']}, item.title)) : (html.get(item.id) ?? '').trim()
    return {id: item.id, group: groupOf(item), html: entryHtml, text: textContent(entryHtml).trim(), bibtex: bibtex.get(item.id) ?? ''}
  })
}

/** The text content of an HTML fragment (citeproc's output), entities decoded. */
function textContent(html: string): string {
  return toString(fragmentTree(html)).replace(/\s+/g, ' ')
}

/** Headings to open when the group path changes from `previous` to `next`. */
function headings(previous: string[], next: string[]): Array<{level: number; text: string}> {
  let same = 0
  while (same < next.length && previous[same] === next[same]) same++
  return next.slice(same).map((text, offset) => ({level: same + offset, text}))
}

/**
 * The formatted bibliography as a standalone HTML page, in parts: built as hast, so every text
 * is escaped, and written entry by entry.
 */
export function* bibliographyHtml(entries: readonly FormattedEntry[], title = 'Bibliography'): Generator<string> {
  const page = h('html', {lang: 'en'}, [h('head', [h('meta', {charset: 'utf-8'}), h('title', title)]), h('body', [h('main', [h('h1', title), slot])])])
  yield* fill({type: 'root', children: [{type: 'doctype'}, page]}, serialize(entryNodes(entries)))
  yield '\n'
}

function* entryNodes(entries: readonly FormattedEntry[]): Generator<Element> {
  let previous: string[] = []
  for (const entry of entries) {
    for (const heading of headings(previous, entry.group)) yield h(`h${Math.min(6, heading.level + 2)}`, heading.text)
    previous = entry.group
    // citeproc's own `<div class="csl-entry">` is replaced by ours, which carries the anchor.
    const fragment = fragmentTree(entry.html).children
    const citeprocDiv = fragment.length === 1 && fragment[0]?.type === 'element' && fragment[0].tagName === 'div' ? fragment[0] : undefined
    const inner = (citeprocDiv ? citeprocDiv.children : fragment).filter((node): node is ElementContent => node.type === 'element' || node.type === 'text')
    yield h('div', {className: ['csl-entry'], id: entry.id}, inner)
  }
}

/** The formatted bibliography as plain text, line by line. */
export function* bibliographyText(entries: readonly FormattedEntry[], title = 'Bibliography'): Generator<string> {
  let last = '='.repeat(title.length)
  yield `${title}\n${last}\n`
  let previous: string[] = []
  for (const entry of entries) {
    for (const heading of headings(previous, entry.group)) {
      yield `${last === '' ? '' : '\n'}${heading.text}\n${(heading.level === 0 ? '-' : '~').repeat(heading.text.length)}\n\n`
      last = ''
    }
    previous = entry.group
    yield `${entry.text}\n`
    last = entry.text
  }
}
