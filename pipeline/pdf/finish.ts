/**
 * After Chromium: the document information (title, author, subject, keywords, language, dates
 * that never come from the clock), the outline (bookmarks) built from where Paged.js placed
 * chapters and sections, and a file identifier derived from the content.
 *
 * Chromium's PDF is not parsed as a whole (pdf-lib took most of a second on the reader): its
 * cross-reference table locates each object, pdf-lib parses the few dictionaries to change (the
 * catalog and the page tree) and writes the file again with every other object as it came. A
 * PDF laid out otherwise (no classic table) is parsed whole by pdf-lib.
 */
import {createHash} from 'node:crypto'
import {inflateSync} from 'node:zlib'
import {ParseSpeeds, PDFArray, PDFContext, PDFDict, PDFDocument, PDFHexString, PDFInvalidObject, PDFName, PDFNull, PDFNumber, PDFObjectParser, PDFRawStream, PDFRef, PDFString, PDFWriter, type PDFObject} from 'pdf-lib'
import {markArtifacts} from './artifacts.js'
import type {OutlineEntry} from './book.js'
import type {TargetPlacement} from './render.js'

export interface PdfMetadata {
  title: string
  author: string
  subject?: string
  keywords: string[]
  /** BCP 47 tag, written to the catalog's /Lang. */
  language: string
  /** Creation and modification date; without one the file has none (Chromium writes the clock's). */
  date?: Date
  /** Stable text the file identifier is derived from (e.g. the print HTML). */
  identity: string
}

const creator = 'Apparatus'
const producer = 'Apparatus (Chromium, Paged.js, pdf-lib)'
/** CSS px to PDF points. */
const pointsPerPixel = 0.75

/** A printed page: its object and height in points. */
interface PageLeaf {
  ref: PDFRef
  height: number
}

interface Bookmark {
  entry: OutlineEntry
  target: TargetPlacement
  children: Bookmark[]
}

/** A PDF opened for finishing: its objects, its trailer's entries, and a reader of an object's value. */
interface OpenedPdf {
  context: PDFContext
  root: PDFObject | undefined
  info: PDFObject | undefined
  resolve(object: PDFObject | undefined): PDFObject | undefined
}

/**
 * Open a PDF by its classic cross-reference table (Chromium writes one, objects in order): each
 * object in use is kept as its bytes and parsed only when `resolve` reads it. Undefined when the
 * file has no such table.
 */
function openByTable(bytes: Uint8Array): OpenedPdf | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(buffer.toString('latin1', Math.max(0, buffer.length - 64)))
  const xref = startxref ? Number(startxref[1]) : -1
  const section = xref >= 0 ? buffer.toString('latin1', xref) : ''
  const trailerAt = section.indexOf('trailer')
  if (!section.startsWith('xref') || trailerAt === -1) return undefined
  // Subsections: `first count`, then `count` entries of `offset generation n|f`.
  const tokens = section.slice(4, trailerAt).trim().split(/\s+/)
  const offsets: Array<[number, number]> = []
  for (let at = 0; at < tokens.length;) {
    const first = Number(tokens[at])
    const count = Number(tokens[at + 1])
    at += 2
    for (let index = 0; index < count; index++, at += 3) {
      if (tokens[at + 2] === 'n') offsets.push([first + index, Number(tokens[at])])
    }
  }
  if (offsets.some(([number, offset]) => !Number.isInteger(number) || !Number.isInteger(offset))) return undefined
  offsets.sort((a, b) => a[1] - b[1])
  const context = PDFContext.create()
  const bodies = new Map<number, Uint8Array>()
  offsets.forEach(([number, offset], index) => {
    const next = offsets[index + 1]?.[1] ?? xref
    let start = buffer.indexOf('obj', offset, 'latin1') + 3
    while (buffer[start] === 0x0a || buffer[start] === 0x0d || buffer[start] === 0x20) start++
    let end = buffer.lastIndexOf('endobj', next, 'latin1')
    while (end > start && (buffer[end - 1] === 0x0a || buffer[end - 1] === 0x0d || buffer[end - 1] === 0x20)) end--
    bodies.set(number, bytes.subarray(start, end))
    context.assign(PDFRef.of(number), PDFInvalidObject.of(bytes.subarray(start, end)))
  })
  const trailer = PDFObjectParser.forBytes(bytes.subarray(xref + trailerAt + 'trailer'.length, bytes.length), context).parseObject()
  if (!(trailer instanceof PDFDict)) return undefined
  return {
    context,
    root: trailer.get(PDFName.of('Root')),
    info: trailer.get(PDFName.of('Info')),
    resolve: (object) => {
      const body = object instanceof PDFRef ? bodies.get(object.objectNumber) : undefined
      return body ? PDFObjectParser.forBytes(body, context).parseObject() : object
    }
  }
}

/** Open a PDF by parsing all of it with pdf-lib. */
async function openWhole(bytes: Uint8Array): Promise<OpenedPdf> {
  const {context} = await PDFDocument.load(bytes, {updateMetadata: false, parseSpeed: ParseSpeeds.Fastest})
  return {
    context,
    root: context.trailerInfo.Root,
    info: context.trailerInfo.Info,
    resolve: (object) => (object instanceof PDFRef ? context.lookup(object) : object)
  }
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

/** Write the outline dictionaries; top-level chapters open, their sections closed. Returns its root, if any. */
function addOutline(context: PDFContext, pages: PageLeaf[], entries: OutlineEntry[], targets: Record<string, TargetPlacement>): PDFRef | undefined {
  const bookmarks = placed(entries, targets)
  if (bookmarks.length === 0) return undefined
  const rootRef = context.nextRef()

  function writeLevel(level: Bookmark[], parent: PDFRef, open: boolean): PDFRef[] {
    const refs = level.map(() => context.nextRef())
    level.forEach((bookmark, index) => {
      const page = pages[bookmark.target.page - 1]
      const ref = refs[index]
      if (!page || !ref) return
      const childRefs = writeLevel(bookmark.children, ref, false)
      const dict = context.obj({
        Title: PDFHexString.fromText(bookmark.entry.title),
        Parent: parent,
        Dest: [page.ref, PDFName.of('XYZ'), PDFNull, PDFNumber.of(Math.round(page.height - bookmark.target.top * pointsPerPixel)), PDFNull]
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
  if (!first || !last) return undefined
  context.assign(rootRef, context.obj({Type: 'Outlines', First: first, Last: last, Count: bookmarks.length}))
  return rootRef
}

/**
 * Structure types Chromium writes from PDF 2.0 (`<strong>`, `<em>`, …) mapped to the PDF 1.7
 * types that PDF/UA-1 and readers of 1.7 (poppler: "StructElem object is wrong type") know.
 */
const roleMap: Record<string, string> = {
  Strong: 'Span',
  Em: 'Span',
  Sub: 'Span',
  Title: 'P',
  FENote: 'Note',
  Aside: 'Div',
  DocumentFragment: 'Div'
}

function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * XMP metadata, which PDF/UA asks for beside the information dictionary (with the title as
 * `dc:title`). It claims no conformance: Chromium's tagging is not all that PDF/UA asks.
 */
export function xmpMetadata(metadata: PdfMetadata): string {
  const date = metadata.date?.toISOString().replace(/\.\d{3}Z$/, 'Z')
  const authors = metadata.author.trim() === '' ? [] : [metadata.author]
  const lines = [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(metadata.title)}</rdf:li></rdf:Alt></dc:title>`,
    ...(authors.length > 0 ? [`<dc:creator><rdf:Seq>${authors.map((author) => `<rdf:li>${xmlText(author)}</rdf:li>`).join('')}</rdf:Seq></dc:creator>`] : []),
    ...(metadata.subject ? [`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(metadata.subject)}</rdf:li></rdf:Alt></dc:description>`] : []),
    `<dc:language><rdf:Bag><rdf:li>${xmlText(metadata.language)}</rdf:li></rdf:Bag></dc:language>`,
    `<pdf:Keywords>${xmlText(metadata.keywords.join('; '))}</pdf:Keywords>`,
    `<pdf:Producer>${xmlText(producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${xmlText(creator)}</xmp:CreatorTool>`,
    ...(date ? [`<xmp:CreateDate>${date}</xmp:CreateDate>`, `<xmp:ModifyDate>${date}</xmp:ModifyDate>`, `<xmp:MetadataDate>${date}</xmp:MetadataDate>`] : []),
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>'
  ]
  return lines.join('\n')
}

/** Add the role map to the structure tree, if the PDF is tagged. */
function mapRoles(context: PDFContext, catalog: PDFDict, parse: OpenedPdf['resolve']): void {
  const rootRef = catalog.get(PDFName.of('StructTreeRoot'))
  const root = parse(rootRef)
  if (!(root instanceof PDFDict)) return
  const existing = parse(root.get(PDFName.of('RoleMap')))
  const map = existing instanceof PDFDict ? existing : context.obj({})
  for (const [type, standard] of Object.entries(roleMap)) {
    if (!map.has(PDFName.of(type))) map.set(PDFName.of(type), PDFName.of(standard))
  }
  root.set(PDFName.of('RoleMap'), map)
  if (rootRef instanceof PDFRef) context.assign(rootRef, root)
  else catalog.set(PDFName.of('StructTreeRoot'), root)
}

/** The text of a name or string, as a destination is named. */
function nameText(object: PDFObject | undefined): string | undefined {
  if (object instanceof PDFName) return object.decodeText()
  if (object instanceof PDFString || object instanceof PDFHexString) return object.decodeText()
  return undefined
}

/**
 * Give each link annotation without one a description (`/Contents`, as PDF/UA asks): its
 * destination's from `links` (by the destination's name, the target's id), a web link its address.
 */
function describeLinks(context: PDFContext, pages: PageLeaf[], links: Record<string, string>, parse: OpenedPdf['resolve']): void {
  for (const page of pages) {
    const node = parse(page.ref)
    const annots = node instanceof PDFDict ? parse(node.get(PDFName.of('Annots'))) : undefined
    if (!(annots instanceof PDFArray)) continue
    for (const ref of annots.asArray()) {
      const annot = parse(ref)
      if (!(ref instanceof PDFRef) || !(annot instanceof PDFDict)) continue
      if (annot.get(PDFName.of('Subtype')) !== PDFName.of('Link') || annot.has(PDFName.of('Contents'))) continue
      const action = parse(annot.get(PDFName.of('A')))
      const destination = nameText(parse(annot.get(PDFName.of('Dest'))))
      const uri = action instanceof PDFDict ? nameText(parse(action.get(PDFName.of('URI')))) : undefined
      const description = destination === undefined ? uri : links[destination]
      if (description === undefined) continue
      annot.set(PDFName.of('Contents'), PDFHexString.fromText(description))
      context.assign(ref, annot)
    }
  }
}

/**
 * Give each list item a list body, as PDF 1.7 and PDF/UA ask (`LI` holds `Lbl` and `LBody`):
 * Chromium puts an item's content straight under its `LI`. A list item that holds marked
 * content itself (not only structure elements) is left as it is: moving that would need the
 * parent tree changed too.
 */
function addListBodies(context: PDFContext, catalog: PDFDict, parse: OpenedPdf['resolve']): void {
  const edited = new Map<PDFRef, PDFDict>()
  const element = (ref: PDFObject | undefined): PDFDict | undefined => {
    const value = ref instanceof PDFRef ? edited.get(ref) ?? parse(ref) : undefined
    return value instanceof PDFDict && value.has(PDFName.of('S')) ? value : undefined
  }
  // A single kid is kept as it is written (a reference stays a reference); an array is read.
  const kidsOf = (dict: PDFDict): PDFObject[] => {
    const kids = dict.get(PDFName.of('K'))
    const array = parse(kids)
    return array instanceof PDFArray ? array.asArray() : kids === undefined ? [] : [kids]
  }
  const visit = (ref: PDFObject, depth: number): void => {
    const dict = element(ref)
    if (!dict || !(ref instanceof PDFRef) || depth > 200) return
    const kids = kidsOf(dict)
    if (dict.get(PDFName.of('S')) === PDFName.of('LI') && kids.length > 0 && kids.every((kid) => element(kid))) {
      const labels = kids.filter((kid) => element(kid)?.get(PDFName.of('S')) === PDFName.of('Lbl'))
      const body = kids.filter((kid) => !labels.includes(kid))
      if (body.length > 0 && !body.some((kid) => element(kid)?.get(PDFName.of('S')) === PDFName.of('LBody'))) {
        const bodyRef = context.nextRef()
        context.assign(bodyRef, context.obj({Type: 'StructElem', S: 'LBody', P: ref, K: body}))
        for (const kid of body) {
          const kidDict = element(kid)
          if (!(kid instanceof PDFRef) || !kidDict) continue
          kidDict.set(PDFName.of('P'), bodyRef)
          edited.set(kid, kidDict)
          context.assign(kid, kidDict)
        }
        dict.set(PDFName.of('K'), context.obj([...labels, bodyRef]))
        edited.set(ref, dict)
        context.assign(ref, dict)
      }
    }
    for (const kid of kids) visit(kid, depth + 1)
  }
  const root = parse(catalog.get(PDFName.of('StructTreeRoot')))
  if (!(root instanceof PDFDict)) return
  for (const kid of kidsOf(root)) visit(kid, 0)
}

/** Mark each page's untagged content as artifacts (see artifacts.ts), in its Flate-encoded content streams. */
function markPageArtifacts(context: PDFContext, pages: PageLeaf[], parse: OpenedPdf['resolve']): void {
  for (const page of pages) {
    const node = parse(page.ref)
    const contents = node instanceof PDFDict ? node.get(PDFName.of('Contents')) : undefined
    const parsed = parse(contents)
    const refs = parsed instanceof PDFArray ? parsed.asArray() : [contents]
    for (const ref of refs) {
      const stream = parse(ref)
      if (!(ref instanceof PDFRef) || !(stream instanceof PDFRawStream)) continue
      if (stream.dict.get(PDFName.of('Filter')) !== PDFName.of('FlateDecode') || stream.dict.has(PDFName.of('DecodeParms'))) continue
      const text = Buffer.from(inflateSync(stream.getContents())).toString('latin1')
      const marked = markArtifacts(text)
      if (marked !== text) context.assign(ref, context.flateStream(Buffer.from(marked, 'latin1')))
    }
  }
}

/**
 * Set metadata, outline and identifier on Chromium's PDF, and describe its links by `links`
 * (a description for each target id).
 */
export async function finishPdf(bytes: Uint8Array, metadata: PdfMetadata, outline: OutlineEntry[], targets: Record<string, TargetPlacement>, links: Record<string, string> = {}): Promise<Uint8Array> {
  const {context, root: rootRef, info: infoRef, resolve: parse} = openByTable(bytes) ?? (await openWhole(bytes))
  const catalog = parse(rootRef)
  if (!(rootRef instanceof PDFRef) || !(catalog instanceof PDFDict)) throw new Error('Unexpected PDF without a catalog')
  const pages: PageLeaf[] = []
  const collect = (ref: PDFObject | undefined, height: number) => {
    const node = parse(ref)
    if (!(ref instanceof PDFRef) || !(node instanceof PDFDict)) return
    const box = parse(node.get(PDFName.of('MediaBox')))
    const [, bottom, , top] = box instanceof PDFArray ? box.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : 0)) : []
    const own = top === undefined || bottom === undefined ? height : top - bottom
    const kids = parse(node.get(PDFName.of('Kids')))
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) collect(kid, own)
    else pages.push({ref, height: own})
  }
  collect(catalog.get(PDFName.of('Pages')), 0)

  const info = context.obj({
    Title: PDFHexString.fromText(metadata.title),
    Author: PDFHexString.fromText(metadata.author),
    ...(metadata.subject ? {Subject: PDFHexString.fromText(metadata.subject)} : {}),
    // Joined with semicolons: keywords may have several words.
    Keywords: PDFHexString.fromText(metadata.keywords.join('; ')),
    Creator: PDFHexString.fromText(creator),
    Producer: PDFHexString.fromText(producer),
    ...(metadata.date ? {CreationDate: PDFString.fromDate(metadata.date), ModDate: PDFString.fromDate(metadata.date)} : {})
  })
  // Chromium's information dictionary (with the clock's dates) is replaced, under its number.
  if (infoRef instanceof PDFRef) context.assign(infoRef, info)
  context.trailerInfo.Info = infoRef instanceof PDFRef ? infoRef : context.register(info)

  catalog.set(PDFName.of('Lang'), PDFString.of(metadata.language))
  catalog.set(PDFName.of('Metadata'), context.register(context.stream(new TextEncoder().encode(xmpMetadata(metadata)), {Type: 'Metadata', Subtype: 'XML'})))
  mapRoles(context, catalog, parse)
  describeLinks(context, pages, links, parse)
  if (catalog.has(PDFName.of('StructTreeRoot'))) {
    markPageArtifacts(context, pages, parse)
    addListBodies(context, catalog, parse)
  }
  const preferences = parse(catalog.get(PDFName.of('ViewerPreferences')))
  const viewer = preferences instanceof PDFDict ? preferences : context.obj({})
  // Viewers show the title, not the file name.
  viewer.set(PDFName.of('DisplayDocTitle'), context.obj(true))
  catalog.set(PDFName.of('ViewerPreferences'), viewer)
  const outlines = addOutline(context, pages, outline, targets)
  if (outlines) {
    catalog.set(PDFName.of('Outlines'), outlines)
    catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
  }
  context.assign(rootRef, catalog)
  context.trailerInfo.Root = rootRef
  const id = createHash('md5').update(metadata.identity).digest('hex')
  context.trailerInfo.ID = context.obj([PDFHexString.of(id), PDFHexString.of(id)])
  return PDFWriter.forContext(context, Number.POSITIVE_INFINITY).serializeToBuffer()
}
