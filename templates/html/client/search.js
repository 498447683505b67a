// Search, run in the browser from the index built with the edition: assets/search-index.js
// lists its shards, loaded as local scripts when the first query is run; no request leaves the
// site. It runs as the reader types (a pause of `delay` ms ends a query); each result shows its
// first hit in context, the words found marked. Results are built with textContent: nothing is
// parsed as HTML.
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
  var delay = 200
  var before = 70
  var after = 150
  var timer = null

  function element(name, className, text) {
    var node = document.createElement(name)
    if (className) node.className = className
    if (text) node.textContent = text
    return node
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }

  // The words found, as a pattern that matches them at the start of a word, longest first.
  function termPattern(terms) {
    var words = terms.filter(Boolean).sort(function (a, b) { return b.length - a.length }).map(escapeRegExp)
    return words.length === 0 ? null : new RegExp('(^|[^\\p{L}\\p{N}])(' + words.join('|') + ')', 'giu')
  }

  // The result's address, asking its page to mark the words found (`hl`) in the passage.
  function withHighlight(url, terms) {
    var hash = url.indexOf('#')
    var page = hash === -1 ? url : url.slice(0, hash)
    return page + '?hl=' + encodeURIComponent(terms.join(' ')) + (hash === -1 ? '' : url.slice(hash))
  }

  // Where the excerpt starts and ends: around the first hit, cut at spaces.
  function excerptRange(text, at) {
    var start = Math.max(0, at - before)
    var end = Math.min(text.length, at + after)
    if (start > 0) {
      var space = text.indexOf(' ', start)
      if (space !== -1 && space < at) start = space + 1
    }
    if (end < text.length) {
      var last = text.lastIndexOf(' ', end)
      if (last > at) end = last
    }
    return {start: start, end: end}
  }

  // The excerpt around the first hit with the words found marked, built node by node.
  function excerpt(text, terms) {
    var paragraph = element('p', 'search-excerpt')
    var pattern = termPattern(terms)
    var first = pattern ? pattern.exec(text) : null
    var at = first ? first.index + first[1].length : 0
    var range = excerptRange(text, at)
    var shown = text.slice(range.start, range.end)
    if (range.start > 0) paragraph.appendChild(document.createTextNode('…'))
    var last = 0
    if (pattern) {
      pattern.lastIndex = 0
      var match
      while ((match = pattern.exec(shown)) !== null) {
        var from = match.index + match[1].length
        if (from > last) paragraph.appendChild(document.createTextNode(shown.slice(last, from)))
        paragraph.appendChild(element('mark', null, match[2]))
        last = from + match[2].length
      }
    }
    if (last < shown.length) paragraph.appendChild(document.createTextNode(shown.slice(last)))
    if (range.end < text.length) paragraph.appendChild(document.createTextNode('…'))
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
      link.href = withHighlight(hit.url, hit.terms)
      item.appendChild(element('span', 'search-kind', kinds[hit.kind] || hit.kind))
      item.appendChild(link)
      item.appendChild(excerpt(hit.text, hit.terms))
      list.appendChild(item)
    }
  }

  var query = new URLSearchParams(window.location.search).get('q') || ''
  input.value = query
  run(query)

  // The query goes into the address, so a search can be linked and the back button returns to it.
  function runAndKeep() {
    if (timer) window.clearTimeout(timer)
    timer = null
    run(input.value)
    try {
      window.history.replaceState(null, '', '?q=' + encodeURIComponent(input.value))
    } catch (error) {
      // Some browsers refuse to rewrite file:// URLs; the results are shown all the same.
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault()
    runAndKeep()
  })
  input.addEventListener('input', function () {
    if (timer) window.clearTimeout(timer)
    timer = window.setTimeout(runAndKeep, delay)
  })
})()
