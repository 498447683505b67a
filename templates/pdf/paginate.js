/*
 * Runs in the print page (plain browser JavaScript, not compiled): paginate with Paged.js once
 * the fonts are in, then report where each note and each outline target landed.
 */

/*
 * Paged.js numbers pages and notes with CSS counters. Chromium recounts every counter of the
 * document each time an element that changes one is laid out, which made most of the layout
 * time of a book: every page, every note and every list item added one recount. So in Chromium
 * the pages and notes change no counter (the notes print their own numbers), and the numbers
 * Paged.js would take from the page counter are attributes: the page's own for its margin boxes
 * (PageNumbers), the target's page for the contents (PageReferences), as for back references.
 * `--pagedjs-footnotes-height`, set on a page's area for each note, and `--pagedjs-page-count`
 * are used by the element they are set on and its children only: not inherited, they do not
 * restyle the whole page (or book) each time.
 */
const chromiumStyles = `
.pagedjs_page, [data-footnote-call], [data-footnote-marker] { counter-increment: none !important; }
.toc-link::after { content: attr(data-page) !important; }
@property --pagedjs-footnotes-height { syntax: '<length>'; inherits: false; initial-value: 0px; }
@property --pagedjs-page-count { syntax: '<integer>'; inherits: false; initial-value: 0; }
.pagedjs_area > * { --pagedjs-footnotes-height: inherit; }
`

/*
 * Where Paged.js breaks a text that runs over the page: at the first word, or letter, that is
 * past the page's end. Paged.js places a letter by the box around all of its range, and the range
 * of the letter after a soft hyphen where a line broke also holds the hyphen drawn at the end of
 * the line before: the letter looked as if it were on that line, the page took one letter too
 * many with a hyphen of its own, the line grew too long for the page and its end was hidden.
 * Here a letter is placed by its last box, its own. Patched once, on the layout's prototype,
 * when the first node is laid out (the Layout class is not exported).
 */
let breaksPatched = false
function breakWordsByLastBox(layout) {
  if (breaksPatched || typeof layout.textBreak !== 'function') return
  breaksPatched = true
  layout.textBreak = function (node, start, end, vStart, vEnd) {
    const text = node.nodeValue
    const range = document.createRange()
    const significant = node.parentElement && node.parentElement.nodeName === 'PRE'
    const word = significant ? /[^]+/g : /[\S\u202F\u00A0]+/g
    for (let match = word.exec(text); match; match = word.exec(text)) {
      range.setStart(node, match.index)
      range.setEnd(node, match.index + match[0].length)
      const box = range.getBoundingClientRect()
      if (Math.floor(box.left) >= end || Math.floor(box.top) >= vEnd) return match.index
      if (Math.floor(box.right) <= end && Math.floor(box.bottom) <= vEnd) continue
      for (let at = match.index; at < text.length; at++) {
        range.setStart(node, at)
        range.setEnd(node, at + 1)
        const boxes = range.getClientRects()
        const own = boxes[boxes.length - 1]
        if (own && (Math.floor(own.left) >= end || Math.floor(own.top) >= vEnd)) return at
      }
      return undefined
    }
    return undefined
  }
}
/*
 * Page numbers of back references (`a[data-page-ref]`: apparatus to emendations, bibliography
 * and index to note calls, contents to chapters). A target laid out before its link (all but
 * the contents') gives its number when the link is laid out; the rest get theirs once every
 * page is laid out. Paged.js's own `target-counter` recomputes styles for every reference,
 * which is slow on a book with hundreds of them.
 */
function pageOfTarget(link) {
  const target = document.getElementById(link.getAttribute('href').slice(1))
  const page = target ? target.closest('.pagedjs_page') : null
  if (page) link.setAttribute('data-page', page.dataset.pageNumber)
}
class PageReferences extends window.Paged.Handler {
  renderNode(node, source, layout) {
    if (layout) breakWordsByLastBox(Object.getPrototypeOf(layout))
    if (node.nodeType !== Node.ELEMENT_NODE) return
    const links = node.matches('a[data-page-ref]') ? [node] : node.querySelectorAll('a[data-page-ref]')
    for (const link of links) pageOfTarget(link)
  }

  afterRendered() {
    for (const link of document.querySelectorAll('a[data-page-ref]:not([data-page])')) pageOfTarget(link)
  }
}
window.Paged.registerHandlers(PageReferences)
/*
 * Page numbers without the page counter: where Paged.js's stylesheet prints `counter(page)` (the
 * margin boxes), it prints the `data-page-number` each page's margin boxes are given.
 */
class PageNumbers extends window.Paged.Handler {
  beforeParsed() {
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) {
        const content = rule.style ? rule.style.getPropertyValue('content') : ''
        if (content.includes('counter(page)')) rule.style.setProperty('content', content.replaceAll('counter(page)', 'attr(data-page-number)'))
      }
    }
    const style = document.createElement('style')
    style.textContent = chromiumStyles
    document.head.append(style)
  }

  afterPageLayout(page) {
    for (const box of page.querySelectorAll('.pagedjs_margin-content')) box.dataset.pageNumber = page.dataset.pageNumber
  }
}
window.Paged.registerHandlers(PageNumbers)
/*
 * Parts of Paged.js's page that print nothing: the bleed and crop-mark boxes (print.css sets no
 * `bleed` or `marks`) leave the page template, and once every page is laid out the margin boxes
 * of the sides and corners that got no content go (they sit in grid cells of their own). They
 * were more than half the elements of the book, and Chromium restyles every element to print.
 */
class PageFurniture extends window.Paged.Handler {
  afterParsed() {
    for (const bleed of this.chunker.pageTemplate.content.querySelectorAll('.pagedjs_bleed')) bleed.remove()
  }

  afterRendered() {
    for (const group of document.querySelectorAll('.pagedjs_margin-left, .pagedjs_margin-right, [class$="-corner-holder"]')) {
      if (!group.querySelector('.hasContent')) group.remove()
    }
  }
}
window.Paged.registerHandlers(PageFurniture)
/*
 * Paged.js lays out one page per animation frame (its queue took `requestAnimationFrame` when
 * the polyfill loaded). Frames wait for the display's tick and never come in a tab that is not
 * in front, so a task queue takes their place: pages follow each other as fast as they are laid
 * out, and a background tab is not paused.
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
/*
 * The print HTML has a soft hyphen at every break its words allow (pipeline/pdf/typography.ts).
 * Chromium writes each one into the PDF's text, so once the lines are laid out only those where
 * a line breaks stay (a reader's search and copy then find the words whole). All are measured
 * before any is removed: the layout is read once, not once per edit. Taking out a soft hyphen
 * where no line broke takes out a break not taken, so the lines stay as they are.
 */
function dropUnusedSoftHyphens() {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  const range = document.createRange()
  const edits = []
  let kept = 0
  function box(node, at) {
    range.setStart(node, at)
    range.setEnd(node, at + 1)
    // The last box: a range over a broken word's next letter also holds the hyphen drawn before the break.
    const rects = range.getClientRects()
    return rects.length > 0 ? rects[rects.length - 1] : null
  }
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data
    if (!text.includes('\u00ad')) continue
    let out = ''
    let from = 0
    for (let at = text.indexOf('\u00ad'); at !== -1; at = text.indexOf('\u00ad', at + 1)) {
      // At a text node's end (Paged.js splits the text where a page breaks) the line broke there.
      const before = at > 0 ? box(node, at - 1) : null
      const after = at + 1 < text.length ? box(node, at + 1) : null
      const broke = !before || !after || after.top >= before.bottom - before.height / 2
      out += text.slice(from, broke ? at + 1 : at)
      from = at + 1
      if (broke) kept++
    }
    edits.push([node, out + text.slice(from)])
  }
  for (const [node, value] of edits) node.data = value
  return kept
}
/*
 * Text of the pages that runs past its page's content box (below it, or into the column to its
 * right where overflow goes) is not printed: count its boxes, so that a lost line is reported.
 * Such text is at the end of its page, so each page is read from its end to its last text that
 * is all inside.
 */
function hiddenTextBoxes() {
  const range = document.createRange()
  let hidden = 0
  for (const content of document.querySelectorAll('.pagedjs_page_content')) {
    const bounds = content.getBoundingClientRect()
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT)
    const texts = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.data.trim() !== '') texts.push(node)
    for (let index = texts.length - 1; index >= 0; index--) {
      range.selectNodeContents(texts[index])
      let shown = 0
      let outside = 0
      for (const box of range.getClientRects()) {
        if (box.width === 0) continue
        if (box.left >= bounds.right - 1 || box.top >= bounds.bottom - 1) outside++
        else shown++
      }
      hidden += outside
      if (shown > 0 && outside === 0) break
    }
  }
  return hidden
}
window.apparatusPaginate = async function (outlineIds) {
  window.requestAnimationFrame = nextTask()
  window.PagedPolyfill.chunker.q.tick = window.requestAnimationFrame
  await loadFaces()
  // The content leaves the body for a template, so showing the body now lays out nothing. Moved,
  // not copied as Paged.js's wrapContent does (serializing and parsing the whole book again).
  const template = document.createElement('template')
  template.dataset.ref = 'pagedjs-content'
  template.content.append(...document.body.childNodes)
  document.body.append(template)
  const content = template.content
  document.documentElement.classList.remove('unpaginated')
  await window.PagedPolyfill.preview(content)
  await document.fonts.ready
  // Paged.js names each note and links its (invisible) call to it by a random id; Chromium would
  // write those as named destinations, and the PDF would differ from run to run.
  for (const call of document.querySelectorAll('a[data-footnote-call]')) call.removeAttribute('href')
  for (const note of document.querySelectorAll('[data-footnote-marker][id]')) note.removeAttribute('id')
  const hyphenated = dropUnusedSoftHyphens()
  const hidden = hiddenTextBoxes()
  const pages = Array.from(document.querySelectorAll('.pagedjs_page'))
  function pageOf(element) {
    const page = element ? element.closest('.pagedjs_page') : null
    return page ? pages.indexOf(page) + 1 : 0
  }
  const calls = new Map()
  for (const call of document.querySelectorAll('a.note-call[id]')) {
    if (!calls.has(call.getAttribute('href'))) calls.set(call.getAttribute('href'), call)
  }
  const notes = Array.from(document.querySelectorAll('.note .note-number[id]')).map(function (number) {
    const call = calls.get('#' + number.id)
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
  return {pages: pages.length, notes, targets, hyphenated, hidden}
}
