/**
 * After Chromium: the document information (title, author, subject, keywords, language, dates
 * that never come from the clock), the outline (bookmarks) built from where Paged.js placed
 * chapters and sections, and a file identifier derived from the content.
 */
import {createHash} from 'node:crypto'
import {ParseSpeeds, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFRef} from 'pdf-lib'
import type {OutlineEntry} from './book.js'
import type {TargetPlacement} from './render.js'

export interface PdfMetadata {
  title: string
  author: string
  subject?: string
  keywords: string[]
  /** BCP 47 tag, written to the catalog's /Lang. */
  language: string
  /** Creation and modification date; without one the dates are removed (Chromium writes the clock's). */
  date?: Date
  /** Stable text the file identifier is derived from (e.g. the print HTML). */
  identity: string
}

const creator = 'Apparatus'
const producer = 'Apparatus (Chromium, Paged.js, pdf-lib)'
/** CSS px to PDF points. */
const pointsPerPixel = 0.75

interface Bookmark {
  entry: OutlineEntry
  target: TargetPlacement
  children: Bookmark[]
}

/** Keep the entries whose target was laid out; their children are kept under them. */
function placed(entries: OutlineEntry[], targets: Record<string, TargetPlacement>): Bookmark[] {
  return entries.flatMap((entry) => {
    const target = targets[entry.id]
    const children = placed(entry.children, targets)
    return target ? [{entry, target, children}] : children
  })
}

function countAll(bookmarks: Bookmark[]): number {
  return bookmarks.reduce((sum, bookmark) => sum + 1 + countAll(bookmark.children), 0)
}

/** Write the outline dictionaries; top-level chapters open, their sections closed. */
function addOutline(pdf: PDFDocument, entries: OutlineEntry[], targets: Record<string, TargetPlacement>): void {
  const bookmarks = placed(entries, targets)
  if (bookmarks.length === 0) return
  const {context} = pdf
  const pages = pdf.getPages()
  const rootRef = context.nextRef()

  function writeLevel(level: Bookmark[], parent: PDFRef, open: boolean): PDFRef[] {
    const refs = level.map(() => context.nextRef())
    level.forEach((bookmark, index) => {
      const page = pages[bookmark.target.page - 1]
      if (!page) return
      const y = page.getHeight() - bookmark.target.top * pointsPerPixel
      const ref = refs[index]
      if (!ref) return
      const childRefs = writeLevel(bookmark.children, ref, false)
      const dict = context.obj({
        Title: PDFHexString.fromText(bookmark.entry.title),
        Parent: parent,
        Dest: [page.ref, PDFName.of('XYZ'), PDFNull, PDFNumber.of(Math.round(y)), PDFNull]
      })
      const previous = refs[index - 1]
      const next = refs[index + 1]
      if (previous) dict.set(PDFName.of('Prev'), previous)
      if (next) dict.set(PDFName.of('Next'), next)
      const first = childRefs[0]
      const last = childRefs.at(-1)
      if (first && last) {
        dict.set(PDFName.of('First'), first)
        dict.set(PDFName.of('Last'), last)
        // A negative count shows the item closed.
        dict.set(PDFName.of('Count'), PDFNumber.of(open ? countAll(bookmark.children) : -bookmark.children.length))
      }
      context.assign(ref, dict)
    })
    return refs
  }

  const top = writeLevel(bookmarks, rootRef, false)
  const first = top[0]
  const last = top.at(-1)
  if (!first || !last) return
  context.assign(rootRef, context.obj({Type: 'Outlines', First: first, Last: last, Count: bookmarks.length}))
  pdf.catalog.set(PDFName.of('Outlines'), rootRef)
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
}

/** Set metadata, outline and identifier on Chromium's PDF. */
export async function finishPdf(bytes: Uint8Array, metadata: PdfMetadata, outline: OutlineEntry[], targets: Record<string, TargetPlacement>): Promise<Uint8Array> {
  // Parsed and saved in one go: pdf-lib's default yields to the event loop every 100 objects.
  const pdf = await PDFDocument.load(bytes, {updateMetadata: false, parseSpeed: ParseSpeeds.Fastest})
  pdf.setTitle(metadata.title, {showInWindowTitleBar: true})
  pdf.setAuthor(metadata.author)
  if (metadata.subject) pdf.setSubject(metadata.subject)
  // pdf-lib's setKeywords joins with spaces, which runs multi-word keywords together.
  pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict).set(PDFName.of('Keywords'), PDFHexString.fromText(metadata.keywords.join('; ')))
  pdf.setLanguage(metadata.language)
  pdf.setCreator(creator)
  pdf.setProducer(producer)
  if (metadata.date) {
    pdf.setCreationDate(metadata.date)
    pdf.setModificationDate(metadata.date)
  } else {
    const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict)
    info.delete(PDFName.of('CreationDate'))
    info.delete(PDFName.of('ModDate'))
  }
  addOutline(pdf, outline, targets)
  const id = createHash('md5').update(metadata.identity).digest('hex')
  pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of(id), PDFHexString.of(id)])
  return pdf.save({useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY})
}
