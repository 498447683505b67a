/**
 * TEI P5 export of a document, from its annotated Markdown: the `teiHeader` from its metadata,
 * the source's front and back matter in `<front>` and `<back>`, sections as `<div>`s, each
 * note in place as `<note n place>`, each emendation as `<choice>` (`<sic>`/`<corr>` for an
 * error corrected, `<orig>`/`<reg>` for a form regularized) with its rule as `@type`, removed
 * artifacts as `<note type="removed">`, and each citation as a `<bibl>` whose `<ref>` points to
 * its entry in `bibliography.xml` and whose `<citedRange>` holds its locator. The tree is built
 * with xastscript and serialized with xast-util-to-xml, which escapes every text and value.
 */
import type {Definition, FootnoteDefinition, List, PhrasingContent, Root, RootContent, Table} from 'mdast'
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import {toString} from 'mdast-util-to-string'
import type {Element, ElementContent} from 'xast'
import {x} from 'xastscript'
import {pointsOf} from '../bibliography/pages.js'
import {directive, editorialRule, unspecifiedRule, type EmendationRule} from '../shared/annotations.js'
import type {DocumentMeta, EditionConfig, NoteConvention} from '../shared/types/document.js'
import {isoWhen, languageTag, teiDocument, teiNamespace, xmlId, xmlText} from './tei-xml.js'

export interface TeiOptions {
  /** The edition, for the header's series and authority (default: none). */
  edition?: EditionConfig
  /** Keys of the bibliography: a citation with another key (or none) is a `<bibl>` without `<ref>` (default: every key is linked). */
  keys?: ReadonlySet<string>
  /** Address of the edition's TEI bibliography, relative to the document's file (default `bibliography.xml`). */
  bibliography?: string
}

const emptyOptions: TeiOptions = {}

/** Where a convention prints its notes (`@place`). */
const notePlaces: Record<NoteConvention, 'foot' | 'end'> = {
  'superscript-page-notes': 'foot', 'bracketed-endnotes': 'end', 'word-footnote-refs': 'foot',
  'markdown-footnotes': 'foot', 'footnote-blocks': 'foot', 'notes-section': 'end', 'symbol-notes': 'foot',
  'tei-notes': 'foot', 'html-notes': 'end', 'docx-notes': 'foot', none: 'foot'
}

/**
 * Emendation rules that regularize a form the source printed correctly (`<orig>`/`<reg>`); the
 * other rules correct an error of the source (`<sic>`/`<corr>`).
 */
const regularizations: ReadonlySet<string> = new Set<EmendationRule>(['hyphenation', 'dp-hyphen', 'tei-orig', 'tei-abbr'])

/** Who made a change: an editor (sidecar overrides) or the pipeline's automatic repairs. */
const editorId = 'editor'
const apparatusId = 'apparatus'

/** The TEI P5 document of a document already read (`parseDocument`): its metadata and body tree. */
export function teiOfDocument({meta, tree}: {meta: DocumentMeta; tree: Root}, options: TeiOptions = emptyOptions): string {
  const definitions = new Map<string, FootnoteDefinition>()
  const links = new Map<string, Definition>()
  const front: RootContent[] = []
  const back: RootContent[] = []
  const body: RootContent[] = []
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition') definitions.set(node.identifier, node)
    else if (node.type === 'definition') links.set(node.identifier, node)
    else if (node.type === 'containerDirective' && node.name === directive.frontMatter) front.push(...node.children)
    else if (node.type === 'containerDirective' && node.name === directive.backMatter) back.push(...node.children)
    else body.push(node)
  }
  const context = new Context(meta, definitions, links, options)
  const text: Element[] = []
  if (front.length > 0) text.push(x('front', context.sections(front, 'front-matter')))
  const bodyDivs = context.sections(body)
  text.push(x('body', bodyDivs.length > 0 ? bodyDivs : [x('p')]))
  const backDivs = context.sections(back, 'back-matter')
  const unreferenced = [...definitions.values()].filter((definition) => !context.placed.has(definition.identifier))
  if (unreferenced.length > 0) backDivs.push(x('div', {type: 'notes'}, unreferenced.map((definition) => context.note(definition))))
  if (backDivs.length > 0) text.push(x('back', backDivs))
  const language = languageTag(meta.language)
  return teiDocument(x('TEI', {xmlns: teiNamespace, 'xml:lang': language}, [header(meta, options.edition, context.hasEditorial), x('text', text)]))
}

function header(meta: DocumentMeta, edition: EditionConfig | undefined, editorial: boolean): Element {
  const editors = edition?.editors ?? []
  const titleStmt = x('titleStmt', [
    x('title', {type: 'main'}, xmlText(meta.title)),
    meta.shortTitle ? x('title', {type: 'short'}, xmlText(meta.shortTitle)) : undefined,
    ...meta.authors.map((name) => x('author', xmlText(name))),
    ...editors.map((name) => x('editor', xmlText(name))),
    editorial ? x('respStmt', {'xml:id': editorId}, [x('resp', 'editorial decisions (sidecar overrides)'), x('name', editors.length > 0 ? xmlText(editors.join(', ')) : 'the editors')]) : undefined,
    x('respStmt', {'xml:id': apparatusId}, [x('resp', 'automatic repair of the source and apparatus'), x('name', 'Apparatus')])
  ])
  const when = isoWhen(edition?.date)
  const publicationStmt = x('publicationStmt', [
    x('authority', editors.length > 0 ? xmlText(editors.join(', ')) : 'Apparatus'),
    x('idno', {type: 'slug'}, meta.slug),
    when ? x('date', {when}, when) : undefined,
    meta.rights ? x('availability', [x('p', xmlText(meta.rights))]) : undefined
  ])
  const seriesStmt = edition ? x('seriesStmt', [x('title', {level: 's'}, xmlText(edition.subtitle ? `${edition.title}: ${edition.subtitle}` : edition.title))]) : undefined
  const date = meta.date ? x('date', {when: isoWhen(meta.date)}, xmlText(meta.date)) : undefined
  const sourceDesc = x('sourceDesc', [
    x('bibl', [
      ...meta.authors.map((name) => x('author', xmlText(name))),
      x('title', xmlText(meta.title)),
      meta.publication ? x('publisher', xmlText(meta.publication)) : undefined,
      date,
      x('idno', {type: 'file'}, xmlText(meta.source)),
      x('idno', {type: 'sha256'}, meta.sha256),
      meta.truncated ? x('note', {type: 'truncated'}, 'An excerpt: the source is cut off.') : undefined
    ])
  ])
  const rules = Object.entries(meta.counts.emendations).map(([rule, count]) => `${rule} ${count}`)
  const removed = Object.entries(meta.counts.removed).map(([rule, count]) => `${rule} ${count}`)
  const encodingDesc = x('encodingDesc', [
    x('editorialDecl', [
      x('p', `Notes read in the convention ${meta.convention}: ${meta.counts.notes} notes, ${meta.counts.paragraphs} paragraphs.`),
      x('p', `Emendations by rule: ${rules.length > 0 ? rules.join(', ') : 'none'}. Removed artifacts by rule: ${removed.length > 0 ? removed.join(', ') : 'none'}.`)
    ])
  ])
  const language = languageTag(meta.language)
  const profileDesc = language ? x('profileDesc', [x('langUsage', [x('language', {ident: language})])]) : undefined
  return x('teiHeader', [x('fileDesc', [titleStmt, publicationStmt, seriesStmt, sourceDesc]), encodingDesc, profileDesc])
}

class Context {
  /** Notes already placed at a reference (a later reference points to them). */
  readonly placed = new Set<string>()
  hasEditorial = false
  private emendations = 0
  private readonly place: 'foot' | 'end'
  private readonly bibliography: string

  constructor(
    meta: DocumentMeta,
    private readonly definitions: ReadonlyMap<string, FootnoteDefinition>,
    private readonly links: ReadonlyMap<string, Definition>,
    private readonly options: TeiOptions
  ) {
    this.place = notePlaces[meta.convention] ?? 'foot'
    this.bibliography = options.bibliography ?? 'bibliography.xml'
  }

  /** Blocks as `<div>`s, a new one at each heading (content before the first heading has none). */
  sections(blocks: readonly RootContent[], type?: string): Element[] {
    const divs: Element[] = []
    let current: ElementContent[] = []
    let hasHead = false
    const close = () => {
      if (current.length > 0) divs.push(x('div', {type}, current))
      current = []
      hasHead = false
    }
    for (const node of blocks) {
      if (node.type === 'heading') {
        close()
        current.push(x('head', this.phrasing(node.children)))
        hasHead = true
        continue
      }
      current.push(...this.block(node))
    }
    if (hasHead && current.length === 1) current.push(x('p'))
    close()
    return divs
  }

  /** A block; headings out of a section's start become paragraphs marked as headings. */
  block(node: RootContent): ElementContent[] {
    switch (node.type) {
      case 'paragraph':
        return [x('p', this.phrasing(node.children))]
      case 'heading':
        return [x('p', {rend: `heading-${node.depth}`}, this.phrasing(node.children))]
      case 'blockquote':
        return [x('quote', this.blocks(node.children))]
      case 'list':
        return [this.list(node)]
      case 'table':
        return [this.table(node)]
      case 'code':
        return [x('ab', {type: 'code'}, xmlText(node.value))]
      case 'html':
        return [x('ab', {type: 'html'}, xmlText(node.value))]
      case 'thematicBreak':
        return [x('milestone', {unit: 'section', rend: 'rule'})]
      case 'containerDirective':
        return this.container(node)
      case 'leafDirective':
        return [x('p', this.asWritten('::', node))]
      case 'footnoteDefinition':
      case 'definition':
      case 'yaml':
        return []
      default:
        return [x('p', xmlText(toString(node)))]
    }
  }

  blocks(nodes: readonly RootContent[]): ElementContent[] {
    return nodes.flatMap((node) => this.block(node))
  }

  container(node: ContainerDirective): ElementContent[] {
    if (node.name === directive.removed) return [x('note', {type: directive.removed, subtype: ruleOf(node)}, this.blocks(node.children))]
    // Front and back matter out of place, and containers without a TEI meaning: their content.
    return this.blocks(node.children)
  }

  list(node: List): Element {
    return x('list', {rend: node.ordered ? 'numbered' : 'bulleted'}, node.children.map((item) => x('item', this.content(item.children))))
  }

  table(node: Table): Element {
    return x('table', node.children.map((row, index) => x('row', {role: index === 0 ? 'label' : undefined}, row.children.map((cell) => x('cell', this.phrasing(cell.children))))))
  }

  /** A note's or item's content: its one paragraph's phrasing, or its blocks. */
  content(children: readonly RootContent[]): ElementContent[] {
    const only = children.length === 1 ? children[0] : undefined
    return only?.type === 'paragraph' ? this.phrasing(only.children) : this.blocks(children)
  }

  phrasing(nodes: readonly PhrasingContent[]): ElementContent[] {
    return nodes.flatMap((node) => this.inline(node))
  }

  inline(node: PhrasingContent): ElementContent[] {
    switch (node.type) {
      case 'text':
        return [{type: 'text', value: xmlText(node.value)}]
      case 'emphasis':
        return [x('hi', {rend: 'italic'}, this.phrasing(node.children))]
      case 'strong':
        return [x('hi', {rend: 'bold'}, this.phrasing(node.children))]
      case 'delete':
        return [x('hi', {rend: 'strikethrough'}, this.phrasing(node.children))]
      case 'inlineCode':
        return [x('code', xmlText(node.value))]
      case 'break':
        return [x('lb')]
      case 'html':
        return [{type: 'text', value: xmlText(node.value)}]
      case 'link':
        return [x('ref', {target: target(node.url)}, this.phrasing(node.children))]
      case 'linkReference': {
        const definition = this.links.get(node.identifier)
        return definition ? [x('ref', {target: target(definition.url)}, this.phrasing(node.children))] : this.phrasing(node.children)
      }
      case 'image':
        return [x('graphic', {url: target(node.url)}, node.alt ? [x('desc', xmlText(node.alt))] : [])]
      case 'imageReference': {
        const definition = this.links.get(node.identifier)
        return definition ? [x('graphic', {url: target(definition.url)}, node.alt ? [x('desc', xmlText(node.alt))] : [])] : []
      }
      case 'footnoteReference':
        return [this.reference(node.identifier, node.label ?? node.identifier)]
      case 'textDirective':
        return this.directive(node)
      default:
        return [{type: 'text', value: xmlText(toString(node))}]
    }
  }

  reference(identifier: string, label: string): Element {
    const definition = this.definitions.get(identifier)
    if (!definition) return x('note', {n: label, place: this.place})
    if (this.placed.has(identifier)) return x('ptr', {type: 'noteAnchor', target: `#${xmlId(`note-${label}`, 'note')}`})
    return this.note(definition)
  }

  note(definition: FootnoteDefinition): Element {
    this.placed.add(definition.identifier)
    const label = definition.label ?? definition.identifier
    return x('note', {'xml:id': xmlId(`note-${label}`, 'note'), n: label, place: this.place}, this.content(definition.children))
  }

  directive(node: TextDirective): ElementContent[] {
    const attributes = node.attributes ?? {}
    switch (node.name) {
      case directive.emend:
        return this.emendation(node)
      case directive.removed:
        return [x('note', {type: directive.removed, subtype: ruleOf(node)}, this.phrasing(node.children))]
      case directive.cite:
        return [this.citation(node)]
      case directive.boundary:
        this.hasEditorial ||= attributes.rule === editorialRule
        return [x('milestone', {unit: 'note-boundary', type: attributes.change ?? undefined, n: attributes.note ?? undefined, resp: attributes.rule === editorialRule ? `#${editorId}` : `#${apparatusId}`})]
      default:
        return this.asWritten(':', node)
    }
  }

  emendation(node: TextDirective): ElementContent[] {
    const attributes = node.attributes ?? {}
    const rule = attributes.rule ?? unspecifiedRule
    const editorial = rule === editorialRule
    this.hasEditorial ||= editorial
    const id = `emend-${++this.emendations}`
    const [source, edited] = regularizations.has(rule) ? ['orig', 'reg'] : ['sic', 'corr']
    const choice = x('choice', {'xml:id': id}, [
      x(source, xmlText(attributes.orig ?? '')),
      x(edited, {type: rule, resp: editorial ? `#${editorId}` : `#${apparatusId}`}, this.phrasing(node.children))
    ])
    const reason = attributes.reason
    return reason ? [choice, x('note', {type: 'reason', target: `#${id}`}, xmlText(reason))] : [choice]
  }

  /** `<bibl>`: the citation's words before its locator in `<ref>`, the locator in `<citedRange>`. */
  citation(node: TextDirective): Element {
    const attributes = node.attributes ?? {}
    const key = attributes.key ?? undefined
    const locator = attributes.locator ?? undefined
    const unit = attributes.label ?? undefined
    if (attributes.override) this.hasEditorial = true
    const children = this.phrasing(node.children)
    const linked = key !== undefined && (this.options.keys?.has(key) ?? true)
    let range: Element | undefined
    let tail: ElementContent[] = []
    const last = children[children.length - 1]
    const at = locator && last?.type === 'text' ? last.value.lastIndexOf(locator) : -1
    if (locator && last?.type === 'text' && at >= 0) {
      const before = last.value.slice(0, at)
      const after = last.value.slice(at + locator.length)
      children.splice(children.length - 1, 1, ...(before ? [{type: 'text' as const, value: before}] : []))
      range = x('citedRange', {unit, ...pointsOf(locator)}, locator)
      if (after) tail = [{type: 'text', value: after}]
    } else if (locator) {
      range = citedRange(unit, locator)
    }
    // The page of the edition, beside a book and chapter (`l. xliv, c. 17, p. 245`).
    const page = attributes.page ? citedRange('page', attributes.page) : undefined
    const words = key !== undefined && linked ? [x('ref', {target: `${this.bibliography}#${xmlId(key, 'bibl')}`}, children)] : children
    return x('bibl', {resp: attributes.override ? `#${editorId}` : undefined}, [...words, range, page, ...tail])
  }

  asWritten(marker: string, node: TextDirective | LeafDirective): ElementContent[] {
    const attributes = Object.entries(node.attributes ?? {}).map(([name, value]) => (value ? `${name}="${value}"` : name))
    const children = this.phrasing(node.children)
    return [
      {type: 'text', value: xmlText(`${marker}${node.name}${children.length > 0 ? '[' : ''}`)},
      ...children,
      {type: 'text', value: xmlText(`${children.length > 0 ? ']' : ''}${attributes.length > 0 ? `{${attributes.join(' ')}}` : ''}`)}
    ]
  }
}

/** An empty `<citedRange>` of a page or range (`245`, `245-47`) in `@from`/`@to`, else as printed in `@n`. */
function citedRange(unit: string | undefined, value: string): Element {
  const points = pointsOf(value)
  return x('citedRange', points.from ? {unit, ...points} : {unit, n: xmlText(value)})
}

function ruleOf(node: TextDirective | ContainerDirective): string {
  return node.attributes?.rule || unspecifiedRule
}

/** A URI reference TEI accepts in `@target`/`@url` (spaces and the like encoded). */
function target(url: string): string {
  return encodeURI(decodeSafely(xmlText(url)))
}

function decodeSafely(url: string): string {
  try {
    return decodeURI(url)
  } catch {
    return url
  }
}
