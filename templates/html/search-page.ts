/** The search page: a form that works without JavaScript (it reloads with `?q=`), results by script. */
import type {Root} from 'hast'
import {h} from 'hastscript'
import type {SiteContext} from '../../pipeline/html/views.js'
import {page} from './layout.js'

export function searchPageTree(site: SiteContext): Root {
  return page({
    site,
    title: 'Search',
    section: 'search',
    headerSearch: false,
    scripts: ['assets/minisearch.js', 'assets/search-index.js', 'assets/search.js'],
    content: [
      h('article.page', [
        h('h1', 'Search'),
        h('form.search-form', {id: 'search-form', action: 'search.html', method: 'get', role: 'search'}, [
          h('label', {for: 'search-input'}, 'Search the texts, notes and bibliography'),
          h('input', {type: 'search', name: 'q', id: 'search-input'}),
          h('button', {type: 'submit'}, 'Search')
        ]),
        h('p#search-status', {role: 'status'}),
        h('noscript', h('p', [
          'Search runs in your browser and needs JavaScript; nothing is sent anywhere. Without it, browse the ',
          h('a', {href: 'index.html#documents'}, 'documents'), ', the ',
          h('a', {href: 'bibliography.html'}, 'bibliography'), ' and the ',
          h('a', {href: 'archives.html'}, 'archival index'),
          ', or use your browser’s find in page.'
        ])),
        h('ol.search-results', {id: 'search-results'})
      ])
    ]
  })
}
