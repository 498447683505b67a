// Search, run in the browser from the index built with the edition: assets/search-index.js
// lists its shards, loaded as local scripts when the first query is run; no request leaves the
// site. Results are built with textContent: nothing is parsed as HTML.
(function () {
  'use strict'
  var data = self.apparatusSearch
  var form = document.getElementById('search-form')
  var input = document.getElementById('search-input')
  var status = document.getElementById('search-status')
  var list = document.getElementById('search-results')
  if (!data || !self.MiniSearch || !form || !input || !status || !list) return
  var indexes = null
  var waiting = []
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

  // Every shard, each loaded by a script that puts its index at its place in apparatusSearchShards.
  function withIndexes(callback) {
    if (indexes) return callback()
    waiting.push(callback)
    if (waiting.length > 1) return
    var pending = data.shards.length
    var loaded = function () {
      var shards = self.apparatusSearchShards || []
      indexes = data.shards.map(function (_, position) {
        return self.MiniSearch.loadJS(shards[position], data.options)
      })
      self.apparatusSearchShards = null
      waiting.splice(0).forEach(function (waiter) { waiter() })
    }
    if (pending === 0) return loaded()
    status.textContent = 'Loading the search index…'
    data.shards.forEach(function (src) {
      var script = document.createElement('script')
      script.src = src
      script.onload = function () {
        if (--pending === 0) loaded()
      }
      script.onerror = function () {
        status.textContent = 'The search index could not be loaded.'
      }
      document.head.appendChild(script)
    })
  }

  // The hits of every shard, best first (the shards' order among equals).
  function search(query) {
    var hits = []
    for (var i = 0; i < indexes.length; i++) {
      hits = hits.concat(indexes[i].search(query, {prefix: true, fuzzy: 0.15, combineWith: 'AND', boost: {title: 1.5}}))
    }
    return hits.sort(function (a, b) { return b.score - a.score })
  }

  function run(query) {
    list.textContent = ''
    query = query.trim()
    if (!query) {
      status.textContent = 'Type words to search the texts, the notes and the bibliography.'
      return
    }
    withIndexes(function () { show(query) })
  }

  function show(query) {
    list.textContent = ''
    var hits = search(query)
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
