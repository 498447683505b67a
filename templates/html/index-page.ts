/** The edition's front page: title, editors, introduction, the documents in order. */
import type {ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import {metaDate} from '../../pipeline/html/dates.js'
import {kindLabel} from '../../pipeline/html/labels.js'
import {documentPage} from '../../pipeline/html/urls.js'
import type {IndexPageOptions} from '../../pipeline/html/views.js'
import {joinWords, page} from './layout.js'

export function indexPageTree(options: IndexPageOptions): Root {
  const {edition} = options.site
  const content: Array<ElementContent | undefined> = [
    h('h1', edition.title),
    edition.subtitle ? h('p.subtitle', edition.subtitle) : undefined,
    h('p.byline', [
      edition.editors.length > 0 ? `Edited by ${joinWords(edition.editors)}` : 'An edition',
      edition.date ? ` · ${edition.date}` : ''
    ]),
    options.introduction.length > 0 ? h('section.introduction', {ariaLabel: 'Introduction'}, options.introduction) : undefined,
    h('section', {ariaLabelledBy: 'documents'}, [
      h('h2', {id: 'documents'}, 'Documents'),
      h('ol.documents', options.documents.map(({meta, notes}) => {
        const date = metaDate(meta.date)
        return h('li', [
          h('a.document-link', {href: documentPage(meta.slug)}, meta.title),
          meta.truncated ? h('span.badge', 'excerpt') : undefined,
          h('p.document-facts', [
            meta.authors.length > 0 ? h('span', joinWords(meta.authors)) : undefined,
            date ? h('span', date.iso ? h('time', {dateTime: date.iso}, date.text) : date.text) : undefined,
            h('span', kindLabel(meta.kind)),
            h('span', `${notes} ${notes === 1 ? 'note' : 'notes'}`)
          ]),
          meta.publication ? h('p.document-facts', meta.publication) : undefined
        ])
      }))
    ]),
    h('section', {ariaLabelledBy: 'apparatus-heading'}, [
      h('h2', {id: 'apparatus-heading'}, 'Sources at hand'),
      h('ul', [
        h('li', [h('a', {href: 'bibliography.html'}, 'Bibliography'), ` · ${options.entries} entries, each with the notes that cite it`]),
        h('li', [h('a', {href: 'archives.html'}, 'Archival index'), ` · ${options.archivalDocuments} archival documents by archive, fond, opis and delo, with a timeline`]),
        h('li', [h('a', {href: 'search.html'}, 'Search'), ' · the texts, the notes and the bibliography'])
      ])
    ])
  ]
  return page({site: options.site, title: edition.title, section: 'index', content: [h('article.page', content)]})
}
