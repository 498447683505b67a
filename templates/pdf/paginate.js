/*
 * Runs in the print page (plain browser JavaScript, not compiled): paginate with Paged.js once
 * the fonts are in, then report where each note and each outline target landed.
 */

/*
 * Page numbers of back references (`a[data-page-ref]`: apparatus to emendations, bibliography
 * and index to note calls). Their targets are always laid out before them, so the number is
 * known when the link is laid out; Paged.js's own `target-counter` recomputes styles for every
 * reference, which is slow on a book with hundreds of them (it is kept for the contents).
 */
class PageReferences extends window.Paged.Handler {
  renderNode(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return
    const links = node.matches('a[data-page-ref]') ? [node] : node.querySelectorAll('a[data-page-ref]')
    for (const link of links) {
      const target = document.getElementById(link.getAttribute('href').slice(1))
      const page = target ? target.closest('.pagedjs_page') : null
      if (page) link.setAttribute('data-page', page.dataset.pageNumber)
    }
  }
}
window.Paged.registerHandlers(PageReferences)
/*
 * Paged.js lays out one page per animation frame. Frames wait for the display's tick and never
 * come in a tab that is not in front, so a task queue takes their place: pages follow each
 * other as fast as they are laid out, and a background tab is not paused.
 */
function nextTask() {
  const channel = new MessageChannel()
  const waiting = []
  channel.port1.onmessage = function () {
    const callback = waiting.shift()
    if (callback) callback(performance.now())
  }
  return function (callback) {
    waiting.push(callback)
    channel.port2.postMessage(null)
    return waiting.length
  }
}
/*
 * The page is loaded with its body hidden (class `unpaginated` on the root, set by a script so
 * that renderers without scripts show it): Chromium never lays out the whole book as one long
 * page. The faces are loaded for the text's characters before Paged.js measures anything.
 */
async function loadFaces() {
  const text = document.body.textContent || ' '
  const faces = []
  for (const style of ['normal', 'italic']) {
    for (const weight of ['400', '600', '700']) faces.push(document.fonts.load(style + ' ' + weight + ' 16px "Source Serif 4"', text))
  }
  await Promise.all(faces)
  await document.fonts.ready
}
window.apparatusPaginate = async function (outlineIds) {
  window.requestAnimationFrame = nextTask()
  await loadFaces()
  // Paged.js takes the content out of the body into a template, so showing the body now lays out nothing.
  const content = window.PagedPolyfill.wrapContent()
  document.documentElement.classList.remove('unpaginated')
  await window.PagedPolyfill.preview(content)
  await document.fonts.ready
  // Paged.js names each note and links its (invisible) call to it by a random id; Chromium would
  // write those as named destinations, and the PDF would differ from run to run.
  for (const call of document.querySelectorAll('a[data-footnote-call]')) call.removeAttribute('href')
  for (const note of document.querySelectorAll('[data-footnote-marker][id]')) note.removeAttribute('id')
  const pages = Array.from(document.querySelectorAll('.pagedjs_page'))
  function pageOf(element) {
    const page = element ? element.closest('.pagedjs_page') : null
    return page ? pages.indexOf(page) + 1 : 0
  }
  const notes = Array.from(document.querySelectorAll('.note .note-number[id]')).map(function (number) {
    const call = document.querySelector('a.note-call[id][href="#' + number.id + '"]')
    const chapter = number.closest('[data-slug]') || (call && call.closest('[data-slug]'))
    const note = number.closest('.note')
    return {
      slug: chapter ? chapter.getAttribute('data-slug') : '',
      note: note ? note.getAttribute('data-note') : number.textContent,
      callPage: pageOf(call),
      notePage: pageOf(number)
    }
  })
  const targets = {}
  for (const id of outlineIds) {
    const element = document.getElementById(id)
    const page = element ? element.closest('.pagedjs_page') : null
    if (!page) continue
    targets[id] = {page: pages.indexOf(page) + 1, top: element.getBoundingClientRect().top - page.getBoundingClientRect().top}
  }
  return {pages: pages.length, notes, targets}
}
