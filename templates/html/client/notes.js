// Notes, enhanced. Without this script a note's copy stands beside its call in the margin on
// a wide screen and below the call's line on a narrow one, in full. With it, on a narrow screen
// the notes wait behind their calls: a call opens its note below the line and closes it again;
// on a wide one a call highlights its note in the margin.
(function () {
  'use strict'
  var wide = window.matchMedia('(min-width: 72em)')
  var root = document.documentElement
  root.classList.add('js')

  var links = document.querySelectorAll('a[role="doc-noteref"][aria-controls]')

  function noteOf(link) {
    var id = link.getAttribute('aria-controls')
    return id ? document.getElementById(id) : null
  }

  // aria-expanded only where a call opens and closes its note.
  function layout() {
    for (var i = 0; i < links.length; i++) {
      var link = links[i]
      if (wide.matches) link.removeAttribute('aria-expanded')
      else if (!link.hasAttribute('aria-expanded')) link.setAttribute('aria-expanded', 'false')
    }
  }

  function choose(note) {
    var current = document.querySelectorAll('.sidenote.is-current')
    for (var j = 0; j < current.length; j++) if (current[j] !== note) current[j].classList.remove('is-current')
    note.classList.add('is-current')
  }

  layout()
  if (wide.addEventListener) wide.addEventListener('change', layout)

  // A note the address points to is open.
  var target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null
  if (target && target.classList.contains('sidenote')) {
    target.classList.add('is-open')
    var call = document.querySelector('a[aria-controls="' + target.id + '"]')
    if (call && !wide.matches) call.setAttribute('aria-expanded', 'true')
  }

  document.addEventListener('click', function (event) {
    var target = event.target
    var link = target && target.closest ? target.closest('a[role="doc-noteref"][aria-controls]') : null
    if (!link) return
    var note = noteOf(link)
    if (!note) return
    event.preventDefault()
    if (wide.matches) {
      choose(note)
      return
    }
    var open = link.getAttribute('aria-expanded') !== 'true'
    link.setAttribute('aria-expanded', open ? 'true' : 'false')
    note.classList.toggle('is-open', open)
  })
})()
