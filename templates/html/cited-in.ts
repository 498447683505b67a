/** The "cited in" line: every note that cites an entry, grouped by document. */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import {byDocument, type BackLink} from '../../pipeline/html/backlinks.js'

export function citedIn(links: readonly BackLink[] | undefined): Element {
  if (!links || links.length === 0) return h('p.cited-in', 'Not cited in a note.')
  const groups = byDocument(links)
  const parts: Array<ElementContent | string> = ['Cited in ']
  groups.forEach((group, groupIndex) => {
    if (groupIndex > 0) parts.push('; ')
    parts.push(h('cite', group.title), ', ')
    group.links.forEach((link, index) => {
      if (index > 0) parts.push(', ')
      parts.push(h('a', {href: link.href, title: link.at ? `cited at ${link.at}` : undefined}, link.label ?? `n. ${link.note}`))
    })
  })
  parts.push('.')
  return h('p.cited-in', parts)
}
