// Search, run in the browser from the index built with the edition (assets/search-index.js);
// no request leaves the page. Results are built with textContent: nothing is parsed as HTML.
(function () {
  'use strict'
  var data = self.apparatusSearch
  var form = document.getElementById('search-form')
  var input = document.getElementById('search-input')
  var status = document.getElementById('search-status')
  var list = document.getElementById('search-results')
  if (!data || !self.MiniSearch || !form || !input || !status || !list) return
  var index = self.MiniSearch.loadJS(data.index, data.options)
  var kinds = {paragraph: 'Text', heading: 'Heading', note: 'Note', bibliography: 'Bibliography'}
  var limit = 200

  function element(name, className, text) {
    var node = document.createElement(name)
    if (className) node.className = className
    if (text) node.textContent = text
    return node
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }

  // The excerpt with the matched terms marked, built node by node.
  function excerpt(text, terms) {
    var paragraph = element('p', 'search-excerpt')
    var words = terms.filter(Boolean).map(escapeRegExp)
    if (words.length === 0) {
      paragraph.textContent = text
      return paragraph
    }
    var pattern = new RegExp('(' + words.join('|') + ')', 'gi')
    var parts = text.split(pattern)
    for (var i = 0; i < parts.length; i++) {
      if (!parts[i]) continue
      paragraph.appendChild(i % 2 === 1 ? element('mark', null, parts[i]) : document.createTextNode(parts[i]))
    }
    return paragraph
  }

  function run(query) {
    list.textContent = ''
    query = query.trim()
    if (!query) {
      status.textContent = 'Type words to search the texts, the notes and the bibliography.'
      return
    }
    var hits = index.search(query, {prefix: true, fuzzy: 0.15, combineWith: 'AND', boost: {title: 1.5}})
    status.textContent = hits.length === 0
      ? 'No results for “' + query + '”.'
      : hits.length + (hits.length === 1 ? ' result' : ' results') + ' for “' + query + '”' + (hits.length > limit ? ', the first ' + limit + ' shown.' : '.')
    for (var i = 0; i < hits.length && i < limit; i++) {
      var hit = hits[i]
      var item = element('li', 'search-result')
      var link = element('a', null, hit.title)
      link.href = hit.url
      item.appendChild(element('span', 'search-kind', kinds[hit.kind] || hit.kind))
      item.appendChild(link)
      item.appendChild(excerpt(hit.excerpt, hit.terms))
      list.appendChild(item)
    }
  }

  var query = new URLSearchParams(window.location.search).get('q') || ''
  input.value = query
  run(query)

  form.addEventListener('submit', function (event) {
    event.preventDefault()
    run(input.value)
    try {
      window.history.replaceState(null, '', '?q=' + encodeURIComponent(input.value))
    } catch (error) {
      // Some browsers refuse to rewrite file:// URLs; the results are shown all the same.
    }
  })
})()
