// Notes, enhanced. Without this script a note's copy stands beside its call in the margin on
// a wide screen (floated: where notes are dense, each waits below the one before) and below the
// call's line on a narrow one, in full. With it, on a wide screen the notes are placed as near
// their calls as they can be without overlapping: a run of notes that would crowd is centred on
// its calls (rising into the free margin beside the block before), so the notes of a dense
// paragraph stand partly above and partly below their calls instead of all below, and a block
// still makes room for the notes of its calls, so none drifts past it; a call highlights its note. On a narrow screen the notes wait behind their calls: a call opens its
// note below the line and closes it again.
(function () {
  'use strict'
  var wide = window.matchMedia('(min-width: 72em)')
  var root = document.documentElement
  root.classList.add('js')

  var links = document.querySelectorAll('a[role="doc-noteref"][aria-controls]')
  var text = document.querySelector('.reading-text')
  var blocks = text ? text.children : []
  var stretched = []

  function noteOf(link) {
    var id = link.getAttribute('aria-controls')
    return id ? document.getElementById(id) : null
  }

  function callOf(note) {
    return document.querySelector('a[role="doc-noteref"][aria-controls="' + note.id + '"]')
  }

  // Tops for notes of heights `heights` wanted at `wanted`, in order, `gap` apart and none above
  // `floor`: runs that would overlap are merged and centred on their notes' calls.
  function spread(wanted, heights, gap, floor) {
    var runs = []
    for (var i = 0; i < wanted.length; i++) {
      runs.push({first: i, last: i, top: Math.max(floor, wanted[i])})
      while (runs.length > 1) {
        var before = runs[runs.length - 2]
        var run = runs[runs.length - 1]
        if (before.top + extent(before, heights, gap) + gap <= run.top) break
        runs.pop()
        before.last = run.last
        var low = Infinity
        var high = -Infinity
        var offset = 0
        for (var j = before.first; j <= before.last; j++) {
          low = Math.min(low, wanted[j] - offset)
          high = Math.max(high, wanted[j] - offset)
          offset += heights[j] + gap
        }
        before.top = Math.max(floor, (low + high) / 2)
      }
    }
    var tops = []
    for (var r = 0; r < runs.length; r++) {
      var at = runs[r].top
      for (var k = runs[r].first; k <= runs[r].last; k++) {
        tops.push(at)
        at += heights[k] + gap
      }
    }
    return tops
  }

  function extent(run, heights, gap) {
    var size = 0
    for (var i = run.first; i <= run.last; i++) size += heights[i] + (i > run.first ? gap : 0)
    return size
  }

  // Back to the stylesheet's layout (floats in the margin, or notes in the text).
  function unplace() {
    var notes = document.querySelectorAll('.reading-text .sidenote')
    for (var i = 0; i < notes.length; i++) {
      var style = notes[i].style
      style.position = style.top = style.left = style.width = style.margin = ''
    }
    for (var j = 0; j < stretched.length; j++) stretched[j].style.minHeight = ''
    stretched = []
  }

  function place() {
    unplace()
    if (!wide.matches || !text) return
    var rem = parseFloat(getComputedStyle(root).fontSize) || 16
    var gap = 0.75 * rem
    // Page coordinates from here: the bottom of the last note placed.
    var floor = text.getBoundingClientRect().top + window.scrollY
    for (var b = 0; b < blocks.length; b++) {
      var block = blocks[b]
      var notes = block.querySelectorAll('.sidenote')
      if (notes.length === 0) continue
      var boxes = []
      for (var i = 0; i < notes.length; i++) boxes.push(notes[i].getBoundingClientRect())
      for (var j = 0; j < notes.length; j++) {
        var style = notes[j].style
        style.position = 'absolute'
        style.margin = '0'
        style.width = boxes[j].width + 'px'
      }
      var top = block.getBoundingClientRect().top + window.scrollY
      var wanted = []
      var heights = []
      for (var k = 0; k < notes.length; k++) {
        var call = callOf(notes[k])
        wanted.push(call ? call.getBoundingClientRect().top + window.scrollY - 0.2 * rem : top)
        heights.push(notes[k].getBoundingClientRect().height)
      }
      var tops = spread(wanted, heights, gap, floor)
      var bottom = floor
      for (var n = 0; n < notes.length; n++) {
        var frame = (notes[n].offsetParent || block).getBoundingClientRect()
        notes[n].style.top = (tops[n] - window.scrollY - frame.top) + 'px'
        notes[n].style.left = (boxes[n].left - frame.left) + 'px'
        bottom = Math.max(bottom, tops[n] + heights[n])
      }
      if (bottom > top + block.getBoundingClientRect().height) {
        block.style.minHeight = (bottom - top) + 'px'
        stretched.push(block)
      }
      floor = bottom + gap
    }
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
  place()
  if (wide.addEventListener) wide.addEventListener('change', layout)
  var pending = false
  function replace() {
    if (pending) return
    pending = true
    window.requestAnimationFrame(function () {
      pending = false
      place()
    })
  }
  window.addEventListener('resize', replace)
  if (document.fonts) document.fonts.ready.then(replace)
  // The reading as printed has other words: the calls move.
  document.addEventListener('change', function (event) {
    if (event.target && event.target.name === 'reading') replace()
  })

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
