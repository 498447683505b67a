/**
 * A document of the edition: header with metadata and provenance, numbered reading text with
 * sidenotes, the notes, the apparatus (emendations, removed artifacts), and how to cite it.
 */
import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import {metaDate} from '../../pipeline/html/dates.js'
import type {RenderedDocument, RenderedNote} from '../../pipeline/html/document.js'
import {conventionLabels, kindLabel} from '../../pipeline/html/labels.js'
import {ruleLabel} from '../../pipeline/shared/annotations.js'
import {anchorId, documentPage, hrefTo, ids} from '../../pipeline/html/urls.js'
import type {DocumentMeta} from '../../pipeline/shared/types/document.js'
import type {DocumentPageOptions} from '../../pipeline/html/views.js'
import {joinWords, page} from './layout.js'

export function documentPageTree(options: DocumentPageOptions): Root {
  const {meta, document} = options
  return page({
    site: options.site,
    title: meta.shortTitle ?? meta.title,
    section: 'document',
    scripts: ['assets/notes.js', 'assets/reading.js'],
    lang: meta.language && meta.language !== options.site.edition.language ? meta.language : undefined,
    content: [
      h('article.page.document', [
        documentHeader(options),
        readingSwitch(document.data.emendations.length + document.data.sic.length + document.data.removed.length > 0),
        h('div.reading-text', {id: 'text'}, [
          ...document.body,
          meta.truncated ? h('p.truncation-mark', h('a', {href: '#apparatus'}, '[The source breaks off here.]')) : undefined
        ]),
        notesSection(document.notes),
        apparatusSection(document.data),
        citeThis(options),
        documentNavigation(options)
      ])
    ]
  })
}

function documentHeader(options: DocumentPageOptions): Element {
  const {meta, document} = options
  const date = metaDate(meta.date)
  const emendations = document.data.emendations.length
  const removed = document.data.removed.length
  const facts: Array<[string, ElementContent | string | Array<ElementContent | string>]> = []
  if (meta.publication) facts.push(['Published', meta.publication])
  if (date) facts.push(['Date', date.iso ? h('time', {dateTime: date.iso}, date.text) : date.text])
  if (meta.rights) facts.push(['Rights', meta.rights])
  facts.push(['Source', h('code', meta.source)])
  facts.push(['SHA-256', h('code.hash', meta.sha256)])
  facts.push(['Notes', `${document.notes.length} (${conventionLabels[meta.convention] ?? meta.convention})`])
  const {front, back} = document.data.matterParagraphs
  facts.push(['Paragraphs', `${document.data.paragraphs}${front + back > 0 ? ` (and ${front + back} in the source’s front and back matter, numbered F1…, B1…)` : ''}`])
  facts.push(['Interventions', h('a', {href: '#apparatus'}, `${plural(emendations, 'emendation')}, ${plural(removed, 'removed artifact')}`)])
  if (options.bibliographyKey) facts.push(['Cited in the edition', h('a', {href: hrefTo('bibliography.html', anchorId(options.bibliographyKey))}, 'bibliography entry')])
  if (meta.inferred && meta.inferred.length > 0) facts.push(['Inferred by the build', meta.inferred.join(', ')])

  return h('header.document-header', [
    h('p.kind', `${kindLabel(meta.kind)} · Document ${options.position} of ${options.total}`),
    h('h1', meta.title),
    meta.authors.length > 0 ? h('p.authors', joinWords(meta.authors)) : undefined,
    meta.truncated ? truncationNotice() : undefined,
    h('dl.provenance', facts.flatMap(([term, value]) => [h('dt', term), h('dd', value)])),
    tableOfContents(options)
  ])
}

function truncationNotice(): Element {
  return h('div.notice', {role: 'note'}, [
    h('p', [
      h('strong', 'Truncated excerpt. '),
      'The source is an excerpt that breaks off: the text below ends where the source ends, and the rest of the work is not part of this edition. What was cut or hidden (a paywall, for instance) is listed in the ',
      h('a', {href: '#apparatus'}, 'apparatus'),
      '.'
    ])
  ])
}

function tableOfContents(options: DocumentPageOptions): Element {
  const {document} = options
  const headings = document.data.headings
  const items: Element[] = headings.map((heading) => h(`li.toc-depth-${heading.depth}`, h('a', {href: `#${heading.id}`}, heading.text)))
  // Without headings of its own, the work's text still gets its entry, after any front matter.
  if (document.data.paragraphs > 0 && headings.every((heading) => heading.matter)) {
    const position = headings.filter((heading) => heading.matter === 'front').length
    items.splice(position, 0, h('li.toc-depth-2', h('a', {href: `#${ids.paragraph(1)}`}, 'Text')))
  }
  if (document.notes.length > 0) items.push(h('li', h('a', {href: '#notes'}, 'Notes')))
  items.push(h('li', h('a', {href: '#apparatus'}, 'Apparatus')), h('li', h('a', {href: '#cite'}, 'Cite this document')))
  return h('nav.toc', {ariaLabelledBy: 'toc-heading'}, [h('h2', {id: 'toc-heading'}, 'Contents'), h('ol', items)])
}

/**
 * The switch between the corrected reading and the original one (the source as printed) of the
 * whole text: two radio buttons the stylesheet reads (`:has`), so it works without the script,
 * which only remembers the choice. Without emendations, [sic] or removed artifacts there is
 * nothing to switch.
 */
function readingSwitch(any: boolean): Element | undefined {
  if (!any) return undefined
  const choice = (value: string, label: string, description: string, checked: boolean) => h('label.reading-choice', [
    h('input', {type: 'radio', name: 'reading', value, id: `reading-${value}`, checked, ariaDescribedBy: `reading-${value}-description`}),
    ` ${label}`,
    h('span.visually-hidden', {id: `reading-${value}-description`}, description)
  ])
  return h('fieldset.reading-switch', {id: 'reading-switch'}, [
    h('legend', 'Reading'),
    choice('corrected', 'Corrected', 'The text as the edition corrects it; each emendation shows the printed reading on focus or tap.', true),
    choice('original', 'As printed', 'The text as the source prints it: every emendation shows its original reading, without [sic], and what the edition removed is shown where it stood.', false)
  ])
}

function notesSection(notes: readonly RenderedNote[]): Element | undefined {
  if (notes.length === 0) return undefined
  return h('section.notes', {id: 'notes', ariaLabelledBy: 'notes-heading'}, [
    h('h2', {id: 'notes-heading'}, 'Notes'),
    h('ol.notes-list', notes.map(noteItem))
  ])
}

function noteItem(note: RenderedNote): Element {
  const [first, ...more] = note.references
  const number = first
    ? h('a', {href: `#${first}`, ariaLabel: `Note ${note.label}, back to the text`}, note.label)
    : h('span', {title: 'Not referenced in the text'}, note.label)
  const extra = more.map((id, index) => h('a', {href: `#${id}`, ariaLabel: `Back to reference ${index + 2} of note ${note.label}`}, `↩${index + 2}`))
  return h('li', {id: ids.note(note.label)}, [
    h('span.note-number', number),
    h('div.note-body', [...note.content, extra.length > 0 ? h('p.note-backrefs', ['Also referenced: ', ...extra]) : undefined])
  ])
}

function apparatusSection(data: RenderedDocument['data']): Element {
  const {emendations, removed, editorial, sic} = data
  return h('section.apparatus', {id: 'apparatus', ariaLabelledBy: 'apparatus-heading'}, [
    h('h2', {id: 'apparatus-heading'}, 'Apparatus'),
    h('p', 'Every change the edition made to the wording of the source, with the reading the source printed (set in a typewriter face, so that 1 and l, 0 and O differ).'),
    h('h3', {id: 'emendations'}, `Emendations (${emendations.length})`),
    emendations.length === 0
      ? h('p', 'None.')
      : h('table', [
        h('thead', h('tr', [h('th', {scope: 'col'}, 'No.'), h('th', {scope: 'col'}, 'Place'), h('th', {scope: 'col'}, 'Rule'), h('th', {scope: 'col'}, 'Original'), h('th', {scope: 'col'}, 'Correction')])),
        h('tbody', emendations.map((entry) => h('tr', {id: ids.apparatusEntry(entry.n)}, [
          h('td', h('a', {href: `#${ids.emendation(entry.n)}`, ariaLabel: `Emendation ${entry.n} in the text`}, String(entry.n))),
          h('td', h('a', {href: `#${entry.place.id}`}, entry.place.label)),
          h('td', ruleLabel(entry.rule)),
          h('td', [h('span.visually-hidden', 'Original: '), entry.original === '' ? h('span.not-recorded', '(not recorded)') : h('code.reading.original', entry.original)]),
          h('td', [h('span.visually-hidden', 'Correction: '), h('code.reading', entry.corrected)])
        ])))
      ]),
    ...(sic.length === 0
      ? []
      : [
          h('h3', {id: 'sic'}, `Author’s errors kept as printed (${sic.length})`),
          h('p', 'Words the editors confirm as errors of the source; the text keeps them and marks them [sic].'),
          h('ol.sic-list', sic.map((entry) => h('li', {id: ids.sicEntry(entry.n)}, [
            h('a', {href: `#${ids.sic(entry.n)}`}, entry.place.label),
            ': ',
            h('code.reading', entry.word),
            ' [', h('i', 'sic'), ']'
          ])))
        ]),
    h('h3', {id: 'removed'}, `Removed artifacts (${removed.length})`),
    removed.length === 0
      ? h('p', 'None.')
      : h('ol.removed-list', removed.map((entry) => h('li', {id: ids.removedEntry(entry.n)}, [
        h('a', {href: `#${entry.place.id}`}, entry.place.label),
        ` · ${ruleLabel(entry.rule)}${entry.block ? ' (block)' : ''}: `,
        h('span.removed-text', entry.text)
      ]))),
    // Only editions whose sidecars decide something have the section.
    editorial.length === 0 ? undefined : h('h3', {id: 'editorial'}, `Editorial decisions (${editorial.length})`),
    editorial.length === 0 ? undefined : h('p', 'Changes the editors made by hand, with their reasons, apart from the automatic repairs above.'),
    editorial.length === 0
      ? undefined
      : h('ol.editorial-list', editorial.map((entry) => h('li', {id: ids.editorialEntry(entry.n)}, [
        h('a', {href: `#${entry.place.id}`}, entry.place.label),
        ` · ${entry.kind}: ${entry.change}. `,
        h('span.editorial-reason', `Reason: ${entry.reason}`)
      ])))
  ])
}

function citeThis(options: DocumentPageOptions): Element {
  const {meta, site} = options
  const date = metaDate(meta.date)
  const edition = site.edition
  const address = documentAddress(meta, edition.baseUrl)
  const published = [publicationOf(meta.publication), date?.text].filter(Boolean).join(', ')
  const citation = [
    meta.authors.length > 0 ? `${joinWords(meta.authors)}, ` : '',
    `“${meta.title},”`,
    published ? ` ${published}.` : '',
    ' In ',
    h('cite', edition.title),
    edition.editors.length > 0 ? `, edited by ${joinWords(edition.editors)}` : '',
    edition.date ? ` (${edition.date})` : '',
    ...(address ? [', ', h('a', {href: address}, address)] : []),
    '.'
  ]
  const passage = address ? `${address}#p3` : `${documentPage(meta.slug)}#p3`
  return h('section.cite-this', {id: 'cite', ariaLabelledBy: 'cite-heading'}, [
    h('h2', {id: 'cite-heading'}, 'Cite this document'),
    h('p.citation-text', citation),
    h('p', ['To cite a passage, add its paragraph number, e.g. “', `${meta.shortTitle ?? meta.title}, ¶ 3`, '”: every paragraph number is a link to the paragraph (', h('code', passage), ').']),
    h('details', [h('summary', 'BibLaTeX'), h('pre', h('code', biblatex(options)))])
  ])
}

/** The page's full address when the edition says where it is published (`baseUrl`). */
function documentAddress(meta: DocumentMeta, baseUrl: string | undefined): string | undefined {
  return baseUrl ? `${baseUrl}${documentPage(meta.slug)}` : undefined
}

/**
 * Where the document was published, as a citation gives it: the first part of the sidecar's
 * `publication`, up to a semicolon or a sentence's end outside brackets. What follows is the
 * editors' account of the source (its state, where a title comes from), not its imprint.
 */
export function publicationOf(publication: string | undefined): string | undefined {
  if (!publication) return undefined
  let depth = 0
  for (let index = 0; index < publication.length; index++) {
    const character = publication[index]
    if (character === '(' || character === '[') depth++
    else if ((character === ')' || character === ']') && depth > 0) depth--
    else if (depth === 0 && (character === ';' || (character === '.' && /^\s+\p{Lu}/u.test(publication.slice(index + 1)) && !/(?:^|[\s.])(?:\p{Lu}|[Nn]o|[Vv]ol|[Ee]d|[Ee]ds|[Pp]p?)$/u.test(publication.slice(0, index))))) {
      return publication.slice(0, index).trim()
    }
  }
  return publication.replace(/\.$/, '').trim()
}

function biblatex(options: DocumentPageOptions): string {
  const {meta, site} = options
  const clean = (value: string) => value.replace(/[{}\\]/g, '')
  const publication = publicationOf(meta.publication)
  const fields: Array<[string, string | undefined]> = [
    ['author', meta.authors.length > 0 ? meta.authors.map(clean).join(' and ') : undefined],
    ['title', clean(meta.title)],
    ['booktitle', clean(site.edition.title)],
    ['editor', site.edition.editors.length > 0 ? site.edition.editors.map(clean).join(' and ') : undefined],
    ['date', site.edition.date],
    ['origdate', metaDate(meta.date)?.iso],
    ['note', publication ? `Originally published: ${clean(publication)}` : undefined],
    ['url', documentAddress(meta, site.edition.baseUrl)]
  ]
  const body = fields.filter((field): field is [string, string] => Boolean(field[1])).map(([name, value]) => `  ${name} = {${value}},`)
  return `@incollection{${anchorId(meta.slug)},\n${body.join('\n')}\n}`
}

function documentNavigation(options: DocumentPageOptions): Element | undefined {
  const {previous, next} = options
  if (!previous && !next) return undefined
  return h('nav.doc-nav', {ariaLabel: 'Previous and next document'}, [
    previous ? h('a.previous', {href: documentPage(previous.slug), rel: 'prev'}, `← ${previous.shortTitle ?? previous.title}`) : undefined,
    next ? h('a.next', {href: documentPage(next.slug), rel: 'next'}, `${next.shortTitle ?? next.title} →`) : undefined
  ])
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}
