// The reading switch and the emendations, enhanced. Without this script the switch works all
// the same (the stylesheet reads the radio buttons) and an emendation shows its printed reading
// while it has the focus. With it, the choice of reading is kept from page to page, and a tap
// or Enter on an emendation shows or hides its printed reading until the next one, and the words
// a search result was found by are marked in the passage it leads to.
(function () {
  'use strict'
  var key = 'apparatus-reading'
  var original = document.getElementById('reading-original')
  var corrected = document.getElementById('reading-corrected')

  function remembered() {
    try {
      return window.localStorage.getItem(key)
    } catch (error) {
      return null
    }
  }

  if (original && corrected) {
    if (remembered() === 'original') original.checked = true
    var remember = function (event) {
      try {
        window.localStorage.setItem(key, event.target.value)
      } catch (error) {
        // Storage may be refused (file://, private windows): the switch works for this page.
      }
    }
    original.addEventListener('change', remember)
    corrected.addEventListener('change', remember)
  }

  // Words a search result asks to be marked (`?hl=`), in the passage it leads to.
  function highlight() {
    var words = (new URLSearchParams(window.location.search).get('hl') || '').split(' ').filter(Boolean)
    var passage = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null
    if (words.length === 0 || !passage) return
    var escaped = words.map(function (word) { return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') })
    var pattern = new RegExp('(^|[^\\p{L}\\p{N}])(' + escaped.join('|') + ')', 'giu')
    var walker = document.createTreeWalker(passage, NodeFilter.SHOW_TEXT)
    var texts = []
    while (walker.nextNode()) texts.push(walker.currentNode)
    texts.forEach(function (node) {
      var value = node.nodeValue
      var parts = document.createDocumentFragment()
      var last = 0
      var match
      pattern.lastIndex = 0
      while ((match = pattern.exec(value)) !== null) {
        var from = match.index + match[1].length
        parts.appendChild(document.createTextNode(value.slice(last, from)))
        var mark = document.createElement('mark')
        mark.className = 'search-hit'
        mark.textContent = match[2]
        parts.appendChild(mark)
        last = from + match[2].length
      }
      if (last === 0) return
      parts.appendChild(document.createTextNode(value.slice(last)))
      node.parentNode.replaceChild(parts, node)
    })
  }
  highlight()

  var shown = null
  function toggle(emendation) {
    if (shown && shown !== emendation) shown.classList.remove('is-shown')
    shown = emendation.classList.toggle('is-shown') ? emendation : null
  }

  document.addEventListener('click', function (event) {
    var target = event.target
    var emendation = target && target.closest ? target.closest('.emendation[tabindex]') : null
    if (emendation) toggle(emendation)
    else if (shown) toggle(shown)
  })
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' && event.key !== ' ') return
    var target = event.target
    if (!target || !target.matches || !target.matches('.emendation[tabindex]')) return
    event.preventDefault()
    toggle(target)
  })
})()
