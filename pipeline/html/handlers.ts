/**
 * mdast → hast handlers for the edition's nodes: numbered paragraphs with permalinks, anchored
 * headings, emendations (both readings), confirmed author's errors ([sic]), citation links,
 * front/back matter, and note references that carry a sidenote copy of their note. In print
 * mode the same handlers render a chapter of the PDF (see `PrintMode`).
 */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {FootnoteDefinition, FootnoteReference, Heading, Paragraph} from 'mdast'
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import type {Handlers, State} from 'mdast-util-to-hast'
import type {VFile} from 'vfile'
import {report} from './rules.js'
import {containerDirectiveNames, directive, directiveList, isMatterName, matterLabels, ruleLabel, textDirectiveNames, unspecifiedRule, type MatterName} from '../shared/annotations.js'
import {citedAt} from './labels.js'
import {phrasingCopy} from './phrasing.js'
import {anchorId, hrefTo, ids} from './urls.js'

export interface HandlerContext {
  file: VFile
  /** Keys of the bibliography. */
  keys: ReadonlySet<string>
  /** Page of the bibliography (default `bibliography.html`). */
  bibliographyPage: string
  /** Converted note content by identifier; absent while the notes themselves are converted. */
  notes?: ReadonlyMap<string, ElementContent[]>
  /** Render for print rather than for the screen (default: the screen). */
  print?: PrintMode
}

/**
 * Print: a note is printed whole at its first call (Paged.js floats it to the foot of the page),
 * an emendation shows the corrected reading alone and a removal leaves an empty mark (the
 * chapter's apparatus lists both), citations link to the printed bibliography, nothing is
 * interactive. Ids of emendations, removals and headings come with the mdast
 * (`data.hProperties`), set by the PDF stage in the order it prints.
 */
export interface PrintMode {
  /** The document's note definitions by identifier. */
  notes: ReadonlyMap<string, FootnoteDefinition>
  /** Id of a note's text. */
  noteId: (label: string) => string
  /** Id of a note's first call. */
  callId: (label: string) => string
  /** Href of the printed bibliography entry of a key. */
  entryHref: (key: string) => string
  /** Labels of the source's front and back matter. */
  matterLabels: Readonly<Record<MatterName, string>>
}

export function editionHandlers(context: HandlerContext): Handlers {
  const referenceCounts = new Map<string, number>()
  /** Entries of the document's reference lists so far: `ref<n>`, as the citations stage numbers them. */
  let entries = 0

  return {
    paragraph(state: State, node: Paragraph): Element {
      const anchor = node.data?.paragraphAnchor
      const children = state.all(node)
      const result = anchor
        ? h('p', {id: anchor.id}, [h('a.pnum', {href: `#${anchor.id}`, ariaLabel: `¶ ${anchor.label}`, dataN: anchor.label}), ...children])
        : h('p', children)
      state.patch(node, result)
      return state.applyData(node, result)
    },

    heading(state: State, node: Heading): Element {
      const result = h(`h${node.depth}`, {id: node.data?.headingId}, state.all(node))
      state.patch(node, result)
      return state.applyData(node, result)
    },

    textDirective(state: State, node: TextDirective): ElementContent | ElementContent[] | undefined {
      switch (node.name) {
        case directive.emend:
          return context.print ? printed(state, node, h('span.emend', state.all(node))) : emendation(state, node)
        case directive.sic:
          return sic(state, node)
        case directive.cite:
          return citation(state, node, context)
        case directive.removed:
          return context.print ? printed(state, node, h('span.removed-mark')) : removed(state, node)
        case directive.boundary:
          return undefined
        default:
          report(context.file, 'unknown-directive', `Unexpected directive \`:${node.name}\`, expected ${directiveList(textDirectiveNames)}; shown as text`, node.position)
          return asWritten(':', node, state.all(node))
      }
    },

    containerDirective(state: State, node: ContainerDirective): Element | undefined {
      if (node.name === directive.removed) return context.print ? printed(state, node, h('div.removed-mark')) : removed(state, node)
      if (node.name === directive.references) return referenceList(state, node, context.print ? undefined : () => ++entries)
      if (!isMatterName(node.name)) {
        report(context.file, 'unknown-directive', `Unexpected container directive \`:::${node.name}\`, expected ${directiveList(containerDirectiveNames)}; its content is shown`, node.position)
        return h('div', state.wrap(state.all(node), true))
      }
      if (context.print) return h(`div.${node.name}`, [h('p.matter-label', context.print.matterLabels[node.name]), ...state.all(node)])
      const headingId = node.data?.matterId ?? `${node.name}-label`
      return h(`section.${node.name}`, {ariaLabelledBy: headingId}, [
        h('h2.matter-label', {id: headingId}, matterLabels[node.name]),
        ...state.wrap(state.all(node), true)
      ])
    },

    leafDirective(state: State, node: LeafDirective): Element {
      report(context.file, 'unknown-directive', `Unexpected leaf directive \`::${node.name}\`, expected none; shown as text`, node.position)
      return h('p', asWritten('::', node, state.all(node)))
    },

    footnoteReference(state: State, node: FootnoteReference): ElementContent[] {
      if (context.print) return printedNote(state, node, context.print, referenceCounts)
      const label = node.label ?? node.identifier
      const content = context.notes?.get(node.identifier)
      if (!content) return [h('sup.note-ref', label)]
      const count = (referenceCounts.get(node.identifier) ?? 0) + 1
      referenceCounts.set(node.identifier, count)
      const first = count === 1
      // The first call opens the note's copy beside (or below) its block; a later one the note at the end.
      const link = h('a', {
        href: `#${first ? ids.sidenote(label) : ids.note(label)}`,
        id: ids.noteRef(label, count),
        role: 'doc-noteref',
        ariaControls: first ? ids.sidenote(label) : undefined
      }, label)
      const reference = h('sup.note-ref', link)
      state.patch(node, reference)
      if (!first) return [reference]
      const sidenote = h('span.sidenote', {id: ids.sidenote(label), role: 'note'}, [
        h('span.sidenote-number', `${label}.`),
        {type: 'text', value: ' '},
        ...phrasingCopy(content)
      ])
      return [reference, sidenote]
    }
  }
}

/** A print element whose id (if any) the PDF stage set on the mdast node. */
function printed(state: State, node: TextDirective | ContainerDirective, result: Element): Element {
  state.patch(node, result)
  return state.applyData(node, result)
}

/** A note's call and, at its first call, the note itself, its blocks still blocks (the PDF stage makes them phrasing). */
function printedNote(state: State, node: FootnoteReference, print: PrintMode, counts: Map<string, number>): ElementContent[] {
  const label = node.label ?? node.identifier
  const definition = print.notes.get(node.identifier)
  if (!definition) return [h('sup.note-call.note-undefined', label)]
  const count = (counts.get(node.identifier) ?? 0) + 1
  counts.set(node.identifier, count)
  const call = h('a.note-call', {href: `#${print.noteId(label)}`}, label)
  if (count > 1) return [call]
  call.properties.id = print.callId(label)
  return [call, h('span.note', {dataNote: label}, [h('span.note-number', {id: print.noteId(label)}, label), ' ', ...state.all(definition)])]
}

/** An unknown directive as it was written (`:name[label]{key="value"}`), so no text is lost. */
function asWritten(marker: string, node: TextDirective | LeafDirective, children: ElementContent[]): ElementContent[] {
  const attributes = Object.entries(node.attributes ?? {}).map(([key, value]) => (value ? `${key}="${value}"` : key))
  return [
    {type: 'text', value: `${marker}${node.name}${children.length > 0 ? '[' : ''}`},
    ...children,
    {type: 'text', value: `${children.length > 0 ? ']' : ''}${attributes.length > 0 ? `{${attributes.join(' ')}}` : ''}`}
  ]
}

/**
 * The corrected reading, with the original (shown by the reading switch, `hidden` otherwise) and
 * a note of the original and the rule, shown on focus and tap and read as the span's description.
 */
function emendation(state: State, node: TextDirective): Element {
  const n = node.data?.emendationNumber ?? 0
  const original = node.attributes?.orig ?? ''
  const rule = ruleLabel(node.attributes?.rule ?? unspecifiedRule)
  const tipId = ids.emendationTip(n)
  const printed = original === '' ? '(not recorded)' : original
  const result = h('span.emendation', {id: ids.emendation(n), tabIndex: 0, title: `Printed: ${printed} (${rule})`, dataOrig: original, ariaDescribedBy: tipId}, [
    h('span.reading-corrected', state.all(node)),
    h('span.reading-original', {hidden: true}, original),
    h('span.emendation-tip', {id: tipId, hidden: true}, [' (printed ', h('span.printed', printed), `; ${rule})`])
  ])
  state.patch(node, result)
  return result
}

/**
 * A removed artifact (running head, page number, paywall notice…), kept for the reading as
 * printed and `hidden` in the corrected one: the reader sees what the edition took out, and where.
 */
function removed(state: State, node: TextDirective | ContainerDirective): Element {
  const rule = ruleLabel(node.attributes?.rule ?? unspecifiedRule)
  const n = node.data?.removedNumber
  const id = n === undefined ? undefined : ids.removed(n)
  const result = node.type === 'textDirective'
    ? h('span.removed-reading', {id, hidden: true, title: `Removed by the edition: ${rule}`}, state.all(node))
    : h('div.removed-reading', {id, hidden: true}, [h('p.removed-label', `Removed by the edition: ${rule}`), ...state.wrap(state.all(node), true)])
  state.patch(node, result)
  return result
}

/** An author's error the editor confirms, kept as printed and marked [sic] (not in the original reading). */
function sic(state: State, node: TextDirective): Element {
  const n = node.data?.sicNumber
  const result = h('span.sic', {id: n === undefined ? undefined : ids.sic(n)}, [...state.all(node), h('span.sic-mark', [' [', h('i', 'sic'), ']'])])
  state.patch(node, result)
  return result
}

function citation(state: State, node: TextDirective, context: HandlerContext): Element {
  const key = node.attributes?.key
  const locator = node.attributes?.locator ?? undefined
  const page = node.attributes?.page ?? undefined
  const at = citedAt(locator, node.attributes?.label ?? undefined, page)
  const children = withoutLinks(state.all(node))
  const unlinked = context.print ? 'span.cite' : 'span.citation'
  if (!key) {
    report(context.file, 'html-citation-without-key', 'Unexpected citation without `key`, expected a bibliography key; not linked', node.position)
    return h(unlinked, children)
  }
  if (!context.keys.has(key)) {
    report(context.file, 'html-unknown-citation-key', `Unexpected citation key \`${key}\`, expected a key of the bibliography; not linked`, node.position)
    return h(unlinked, children)
  }
  const result = context.print ? h('a.cite', {href: context.print.entryHref(key)}, children) : h('a.citation', {
    href: hrefTo(context.bibliographyPage, anchorId(key)),
    title: at ? `Bibliography entry; cited at ${at}` : 'Bibliography entry',
    dataLocator: locator,
    dataPage: page
  }, children)
  state.patch(node, result)
  return result
}

/** Links inside a citation become their text: a citation is one link to its entry. */
function withoutLinks(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node) => {
    if (node.type !== 'element') return [node]
    if (node.tagName === 'a') return withoutLinks(node.children)
    return [{...node, children: withoutLinks(node.children)}]
  })
}

/**
 * A reference list: its headings, and its entries as a list whose items carry the anchors
 * the bibliography's back-links point to (`ref<n>`, numbered by `next`; none in print).
 */
function referenceList(state: State, node: ContainerDirective, next: (() => number) | undefined): Element {
  const out: ElementContent[] = []
  let items: Element[] = []
  const flush = () => {
    if (items.length > 0) out.push(h('ol.reference-entries', items))
    items = []
  }
  const entry = (paragraph: Paragraph) => {
    const item = h('li.reference-entry', next ? {id: ids.referenceEntry(next())} : {}, state.all(paragraph))
    state.patch(paragraph, item)
    items.push(item)
  }
  for (const child of node.children) {
    if (child.type === 'paragraph') {
      entry(child)
    } else if (child.type === 'list') {
      for (const listItem of child.children) for (const inner of listItem.children) if (inner.type === 'paragraph') entry(inner)
    } else {
      flush()
      out.push(...state.wrap(state.all({type: 'root', children: [child]}), false))
    }
  }
  flush()
  const heading = node.children.find((child): child is Heading => child.type === 'heading')
  const labelled = heading?.data?.headingId
  return h('section.references', labelled ? {ariaLabelledBy: labelled} : {}, out)
}
