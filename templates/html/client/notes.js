// Notes, enhanced. Without this script a note reference jumps to the note in the list at the
// end and the note's number jumps back. With it, on a wide screen the reference highlights
// the note already standing in the margin (long notes are shortened there, so they stay near
// their reference, and open in full when chosen); on a narrow one it opens the note in place.
(function () {
  'use strict'
  var wide = window.matchMedia('(min-width: 72em)')
  var root = document.documentElement
  root.classList.add('js')

  function noteOf(link) {
    var id = link.getAttribute('aria-controls')
    return id ? document.getElementById(id) : null
  }

  var sidenotes = document.querySelectorAll('.sidenote')

  var links = document.querySelectorAll('a[role="doc-noteref"][aria-controls]')

  // In the margin a note gets the room up to the next note's reference (at least a few lines,
  // at most a dozen), so notes stay beside their references; a shortened note fades out and
  // opens in full when chosen. In the text (narrow screens) a note opens and closes.
  function layout() {
    var rem = parseFloat(getComputedStyle(root).fontSize) || 16
    var tops = []
    for (var k = 0; k < sidenotes.length; k++) {
      var reference = document.querySelector('[aria-controls="' + sidenotes[k].id + '"]')
      tops.push(reference ? reference.getBoundingClientRect().top : 0)
    }
    for (var n = 0; n < sidenotes.length; n++) {
      var room = n + 1 < tops.length ? tops[n + 1] - tops[n] - 0.75 * rem : Infinity
      sidenotes[n].style.maxHeight = wide.matches ? Math.max(5.5 * rem, Math.min(12 * rem, room)) + 'px' : ''
    }
    for (var m = 0; m < sidenotes.length; m++) {
      var note = sidenotes[m]
      note.classList.toggle('is-clamped', wide.matches && note.scrollHeight > note.clientHeight + 2)
    }
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
    layout()
  }

  layout()
  window.addEventListener('resize', layout)
  if (document.fonts) document.fonts.ready.then(layout)

  document.addEventListener('click', function (event) {
    var target = event.target
    if (!target || !target.closest) return
    var clamped = target.closest('.sidenote.is-clamped')
    if (clamped && !target.closest('a')) {
      choose(clamped)
      return
    }
    var link = target.closest('a[role="doc-noteref"][aria-controls]')
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
