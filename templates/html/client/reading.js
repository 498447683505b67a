// The reading switch and the emendations, enhanced. Without this script the switch works all
// the same (the stylesheet reads the radio buttons) and an emendation shows its printed reading
// while it has the focus. With it, the choice of reading is kept from page to page, and a tap
// or Enter on an emendation shows or hides its printed reading until the next one.
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
