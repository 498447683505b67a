/**
 * Decode the bytes of a source into text: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM
 * or detected by the pattern of NUL bytes), Windows-1252 as the fallback for invalid UTF-8.
 * UTF-8 with a few stray bytes keeps its UTF-8 and reads each stray byte as Windows-1252, and
 * says where the first one is. Other 8-bit and East Asian encodings (KOI8-R, Windows-1250,
 * Shift-JIS…) are guessed by chardet's language statistics and checked by a strict reading.
 * Binary data (NUL or control bytes in text that is not UTF-16) and 8-bit text that neither
 * Windows-1252 nor a sure guess fits are refused.
 */
import chardet from 'chardet'

/** An encoding by its WHATWG name (`TextDecoder`'s `encoding`), such as `koi8-r` or `shift_jis`. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'windows-1252' | (string & {})

/** Where a source's encoding was declared: its sidecar's `encoding:`, an XML declaration, an HTML `<meta>`. */
export interface Declaration {
  label: string
  by: 'sidecar' | 'xml' | 'html'
  /** Where the label stands in the source (0 for the sidecar). */
  offset: number
}

export interface DecodeOptions {
  /** The encoding the sidecar declares (a label `isEncodingLabel` accepts). */
  declared?: string
  /** Look for an XML declaration or an HTML `<meta charset>` in the source's first kilobyte. */
  markup?: boolean
}

export type Decoded =
  /**
   * `guessed`: the encoding was inferred from the bytes (no byte order mark, not UTF-8).
   * `invalid`: UTF-8 with bytes that are not UTF-8 (read as Windows-1252): where in the text
   * the first stands, its byte, and how many there are.
   */
  | {
      ok: true
      text: string
      encoding: Encoding
      fallback: boolean
      guessed: boolean
      invalid?: InvalidBytes
      /** How sure the guess of an 8-bit or East Asian encoding is (0–1), when one was made. */
      confidence?: number
      /** The declaration the text was read by. */
      declaration?: Declaration
      /** A declaration that was not followed: its label is unknown, or the bytes are UTF-8 and not what it says. */
      ignored?: Declaration & {why: string}
      /** C1 controls that stood for Windows-1252 characters, read as those characters. */
      controls?: RepairedControls
    }
  /**
   * `offset`: where in the decoded text the first sign of binary data, or the first byte of
   * an unknown encoding, stands (0 when empty).
   */
  | {ok: false; reason: 'empty' | 'binary' | 'encoding'; detail: string; text: string; offset: number}

export interface InvalidBytes {
  offset: number
  /** What the first is, as a diagnostic says it: ``byte 0xFF that is not UTF-8``. */
  what: string
  /** How it was read: ``read as Windows-1252 `ÿ` ``. */
  read: string
  count: number
}

/**
 * Windows-1252 text once read as Latin-1 and saved as Unicode: each of its characters in
 * 0x80–0x9F (`š`, `ž`, `Œ`, dashes, quotes, `€`) became the C1 control of that number, which no
 * text means. Where the first stands, what it was read as, and how many there are.
 */
export interface RepairedControls {
  offset: number
  /** The first control, as a diagnostic names it: `U+009A`. */
  what: string
  /** What it was read as: `š`. */
  read: string
  count: number
}

/** Share of sampled bytes that may be NUL at odd or even positions before we call it UTF-16. */
const utf16NulShare = 0.3
/** How many bytes to sample for the UTF-16 and binary heuristics. */
const sampleSize = 4096

/** Whether `TextDecoder` reads the encoding a label names (`koi8-r`, `cp1251`, `shift_jis`, `macintosh`…). */
export function isEncodingLabel(label: string): boolean {
  try {
    new TextDecoder(label.trim())
    return true
  } catch {
    return false
  }
}

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  if (bytes.length === 0) return {ok: false, reason: 'empty', detail: 'the file has 0 bytes', text: '', offset: 0}
  const bom = byteOrderMark(bytes)
  // A byte order mark says more than any declaration; a declaration of UTF-8 or UTF-16 leaves the reading to the bytes.
  const declaration = bom ? undefined : options.declared !== undefined ? {label: options.declared.trim(), by: 'sidecar' as const, offset: 0} : options.markup ? markupDeclaration(bytes) : undefined
  let ignored: (Declaration & {why: string}) | undefined
  if (declaration) {
    const encoding = isEncodingLabel(declaration.label) ? new TextDecoder(declaration.label).encoding : undefined
    if (!encoding) ignored = {...declaration, why: 'an encoding that is not known'}
    else if (declaration.by !== 'sidecar' && encoding !== 'utf-8' && isUtf8Beyond7Bits(bytes)) ignored = {...declaration, why: 'but the bytes are UTF-8'}
    else if (!encoding.startsWith('utf-')) return decodeDeclared(bytes, encoding, declaration)
  }
  const decoded = decodeDetected(bytes, bom)
  if (decoded.ok && ignored) decoded.ignored = ignored
  if (decoded.ok && decoded.encoding.startsWith('utf-')) repairControls(decoded)
  return decoded
}

/** C1 controls a Windows-1252 character stands behind. */
const windows1252Controls = /[\u0080-\u009f]/g

/**
 * Read each C1 control that Windows-1252 defines a character for as that character (`U+009A` →
 * `š`, `U+0096` → `–`), one code unit for one, so offsets stay as they are; the five it leaves
 * undefined stay.
 */
function repairControls(decoded: Decoded & {ok: true}): void {
  let first: {offset: number; code: number; read: string} | undefined
  let count = 0
  const text = decoded.text.replace(windows1252Controls, (control, offset: number) => {
    const code = control.charCodeAt(0)
    const mapped = windows1252High[code - 0x80] ?? code
    if (mapped === code) return control
    const read = String.fromCharCode(mapped)
    first ??= {offset, code, read}
    count++
    return read
  })
  if (!first) return
  decoded.text = text
  decoded.controls = {offset: first.offset, what: `U+${first.code.toString(16).toUpperCase().padStart(4, '0')}`, read: first.read, count}
}

/** Bytes that are well-formed UTF-8 and not all ASCII (which no 8-bit text is by chance). */
function isUtf8Beyond7Bits(bytes: Uint8Array): boolean {
  if (!bytes.some((byte) => byte >= 0x80)) return false
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** The encoding an XML declaration or an HTML `<meta>` names in the first kilobyte (read as ASCII). */
function markupDeclaration(bytes: Uint8Array): Declaration | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 1024))
  const xml = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']*)["']/.exec(head)
  if (xml?.[1] !== undefined) return {label: xml[1], by: 'xml', offset: xml.index + xml[0].length - xml[1].length - 1}
  // `<meta charset="…">`, and `<meta http-equiv="Content-Type" content="text/html; charset=…">`.
  const meta = /<meta\s[^>]*?\bcharset\s*=\s*["']?([^"'\s/>;]*)/i.exec(head)
  if (meta?.[1] !== undefined) return {label: meta[1], by: 'html', offset: meta.index + meta[0].length - meta[1].length}
  return undefined
}

/**
 * Bytes read by the encoding declared for them. Bytes the encoding does not allow are read as
 * U+FFFD and the first is reported; control characters are binary data as elsewhere.
 */
function decodeDeclared(bytes: Uint8Array, encoding: Encoding, declaration: Declaration): Decoded {
  let text: string
  let invalid: InvalidBytes | undefined
  try {
    text = new TextDecoder(encoding, {fatal: true}).decode(bytes)
  } catch {
    text = new TextDecoder(encoding).decode(bytes)
    const offset = text.indexOf('\ufffd')
    const count = text.split('\ufffd').length - 1
    invalid = {offset: Math.max(offset, 0), what: `bytes that are not ${encoding.toUpperCase()} (declared by ${declaredBy(declaration)})`, read: 'read as U+FFFD', count}
  }
  const refused = refusal(text, controlCharacter(text))
  if (refused) return refused
  const decoded: Decoded = {ok: true, text, encoding, fallback: false, guessed: false, declaration}
  if (invalid) decoded.invalid = invalid
  return decoded
}

/** Text refused as binary data (at its control character, when `control` is not -1) or as empty. */
function refusal(text: string, control: number): (Decoded & {ok: false}) | undefined {
  if (control !== -1) {
    const code = text.charCodeAt(control)
    return {ok: false, reason: 'binary', detail: `it contains the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`, text, offset: control}
  }
  if (text.trim() === '') return {ok: false, reason: 'empty', detail: 'the file holds only white space', text, offset: 0}
  return undefined
}

/** How a diagnostic names a declaration: ``the sidecar's `encoding` field``, ``the XML declaration``. */
export function declaredBy(declaration: Declaration): string {
  return declaration.by === 'sidecar' ? "the sidecar's `encoding` field" : declaration.by === 'xml' ? 'the XML declaration' : 'the HTML `<meta>` element'
}

function decodeDetected(bytes: Uint8Array, bom: {encoding: Encoding; length: number} | undefined): Decoded {
  const encoding = bom?.encoding ?? sniffUtf16(bytes)
  const body = bom ? bytes.subarray(bom.length) : bytes
  let text: string
  let fallback = false
  let invalid: InvalidBytes | undefined
  let used: Encoding = encoding ?? 'utf-8'
  if (encoding === 'utf-16le' || encoding === 'utf-16be' || encoding === 'utf-32le' || encoding === 'utf-32be') {
    const wide = encoding.startsWith('utf-16') ? decodeUtf16(body, encoding === 'utf-16le') : decodeUtf32(body, encoding === 'utf-32le')
    text = wide.text
    invalid = wide.invalid
  } else {
    try {
      text = new TextDecoder('utf-8', {fatal: true}).decode(body)
    } catch {
      // With a UTF-8 byte order mark the text is UTF-8, however many bytes are not.
      const mixed = decodeUtf8WithStrayBytes(body, encoding === 'utf-8')
      if (mixed) {
        text = mixed.text
        invalid = mixed.invalid
      } else {
        text = decodeWindows1252(body)
        used = 'windows-1252'
        fallback = true
      }
    }
  }
  let control = controlCharacter(text)
  if (!bom && !encoding && (fallback || invalid || control !== -1)) {
    // Not UTF-8 nor plain text: UTF-16 without BOM in a script other than Latin has no NULs.
    const utf16 = decodeUtf16ByWhiteSpace(body)
    if (utf16) {
      text = utf16.text
      used = utf16.encoding
      fallback = false
      invalid = undefined
      control = controlCharacter(text)
    }
  }
  const refused = refusal(text, control)
  if (refused) return refused
  if (fallback) {
    // Windows-1252 is the fallback, taken when chardet ranks it first or is not sure and its reading is plausible.
    let guess = guessEncoding(body)
    const foreign = notWindows1252(body, text)
    if (foreign && guess?.encoding === 'windows-1252') guess = guessMacRoman(body, guess.confidence)
    if (guess && guess.encoding !== 'windows-1252') return {ok: true, text: guess.text, encoding: guess.encoding, fallback: false, guessed: true, confidence: guess.confidence}
    if (foreign) return {ok: false, reason: 'encoding', detail: foreign.detail, text, offset: foreign.offset}
  }
  const decoded: Decoded = {ok: true, text, encoding: used, fallback, guessed: !bom && used !== 'utf-8'}
  if (invalid) decoded.invalid = invalid
  return decoded
}

/**
 * Bytes that are valid UTF-8 except for a few: decoded as UTF-8, each stray byte as
 * Windows-1252. Taken when the valid multi-byte sequences are at least as many as the stray
 * bytes (a Windows-1252 file seldom has a pair of bytes that happens to be UTF-8).
 */
function decodeUtf8WithStrayBytes(bytes: Uint8Array, marked: boolean): {text: string; invalid: InvalidBytes} | undefined {
  let sequences = 0
  let strays = 0
  let index = 0
  while (index < bytes.length) {
    const length = utf8SequenceLength(bytes, index)
    if (length > 1) sequences++
    else if (length === 0) strays++
    index += Math.max(length, 1)
  }
  if (strays === 0 || (!marked && sequences < strays)) return undefined
  const decoder = new TextDecoder('utf-8')
  let text = ''
  let first: InvalidBytes | undefined
  let start = 0
  index = 0
  while (index < bytes.length) {
    const length = utf8SequenceLength(bytes, index)
    if (length > 0) {
      index += length
      continue
    }
    text += decoder.decode(bytes.subarray(start, index))
    const byte = decodeWindows1252(bytes.subarray(index, index + 1))
    first ??= {offset: text.length, what: `byte 0x${hex(bytes[index] ?? 0)} that is not UTF-8`, read: `read as Windows-1252 \`${byte}\``, count: strays}
    text += byte
    index++
    start = index
  }
  text += decoder.decode(bytes.subarray(start))
  return first ? {text, invalid: first} : undefined
}

/**
 * UTF-16 as it is, with its faults found: a lone surrogate and a last odd byte are read as
 * U+FFFD (as TextDecoder does), the first reported. One code unit is one character of the text.
 */
function decodeUtf16(bytes: Uint8Array, little: boolean): {text: string; invalid?: InvalidBytes} {
  const text = new TextDecoder(little ? 'utf-16le' : 'utf-16be').decode(bytes)
  const unit = (index: number) => (little ? (bytes[2 * index] ?? 0) | ((bytes[2 * index + 1] ?? 0) << 8) : ((bytes[2 * index] ?? 0) << 8) | (bytes[2 * index + 1] ?? 0))
  const units = bytes.length >> 1
  const name = little ? 'UTF-16LE' : 'UTF-16BE'
  let first: InvalidBytes | undefined
  let count = 0
  for (let index = 0; index < units; index++) {
    const code = unit(index)
    if (code < 0xd800 || code > 0xdfff) continue
    const next = index + 1 < units ? unit(index + 1) : -1
    if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      index++
      continue
    }
    count++
    first ??= {offset: index, what: `code unit 0x${code.toString(16).toUpperCase()} that is half a ${name} pair`, read: 'read as U+FFFD', count: 0}
  }
  if (bytes.length % 2 === 1) {
    count++
    first ??= {offset: units, what: `last byte that is half a ${name} code unit (the file is cut short)`, read: 'read as U+FFFD', count: 0}
  }
  return first ? {text, invalid: {...first, count}} : {text}
}

/** UTF-32 (which TextDecoder does not read): a value that is no character, or a cut-off end, is U+FFFD. */
function decodeUtf32(bytes: Uint8Array, little: boolean): {text: string; invalid?: InvalidBytes} {
  const name = little ? 'UTF-32LE' : 'UTF-32BE'
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const parts: string[] = []
  let length = 0
  let first: InvalidBytes | undefined
  let count = 0
  for (let index = 0; index + 4 <= bytes.length; index += 4) {
    const code = view.getUint32(index, little)
    const valid = code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
    if (!valid) {
      count++
      first ??= {offset: length, what: `value 0x${code.toString(16).toUpperCase()} that is no ${name} character`, read: 'read as U+FFFD', count: 0}
    }
    const char = valid ? String.fromCodePoint(code) : '\ufffd'
    parts.push(char)
    length += char.length
  }
  if (bytes.length % 4 !== 0) {
    count++
    first ??= {offset: length, what: `last bytes that are part of a ${name} character (the file is cut short)`, read: 'read as U+FFFD', count: 0}
    parts.push('\ufffd')
  }
  const text = parts.join('')
  return first ? {text, invalid: {...first, count}} : {text}
}

/** Length of the well-formed UTF-8 sequence at `index` (1 to 4), or 0 when its bytes are not UTF-8. */
function utf8SequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index] ?? 0
  if (lead < 0x80) return 1
  const continuation = (offset: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[index + offset]
    return byte !== undefined && byte >= low && byte <= high
  }
  if (lead >= 0xc2 && lead <= 0xdf) return continuation(1) ? 2 : 0
  if (lead >= 0xe0 && lead <= 0xef) {
    // Overlong forms (E0 80–9F) and surrogates (ED A0–BF) are not UTF-8.
    const second = continuation(1, lead === 0xe0 ? 0xa0 : 0x80, lead === 0xed ? 0x9f : 0xbf)
    return second && continuation(2) ? 3 : 0
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const second = continuation(1, lead === 0xf0 ? 0x90 : 0x80, lead === 0xf4 ? 0x8f : 0xbf)
    return second && continuation(2) && continuation(3) ? 4 : 0
  }
  return 0
}

/** Bytes Windows-1252 leaves undefined: another 8-bit encoding (Mac Roman, Shift-JIS, KOI8-R) uses them. */
const undefinedInWindows1252: ReadonlySet<number> = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d])
/** Share of letters that may be non-ASCII in Windows-1252 text; Latin-script languages stay far below. */
const nonAsciiLetterShare = 0.3
/** Fewest non-ASCII characters before their share is judged. */
const nonAsciiLetterMinimum = 8
/**
 * Symbols of Windows-1252 that no word holds between two of its letters, and capitals that
 * no lowercase word holds: Mac Roman's accented letters (é, à, ï, â…) read as these.
 */
const symbolInWord = /\p{L}[†‡ˆ‰•˜™]\p{L}|\p{Ll}[ŽŸ]\p{Ll}/u

/**
 * Whether bytes read as Windows-1252 are another 8-bit encoding: a byte that Windows-1252
 * leaves undefined, mostly non-ASCII letters (Cyrillic, Greek, Japanese), or a symbol inside a
 * word. `offset` is the first byte that is not ASCII (the text has one character per byte).
 */
function notWindows1252(bytes: Uint8Array, text: string): {detail: string; offset: number} | undefined {
  const firstHigh = bytes.findIndex((byte) => byte >= 0x80)
  if (firstHigh === -1) return undefined
  const detail = (why: string) => `${why}; it is not UTF-8, UTF-16 or Windows-1252`
  const undefinedByte = bytes.findIndex((byte) => undefinedInWindows1252.has(byte))
  if (undefinedByte !== -1) return {detail: detail(`byte 0x${hex(bytes[undefinedByte] ?? 0)} has no character in Windows-1252`), offset: undefinedByte}
  let ascii = 0
  let high = 0
  for (const byte of bytes) {
    if (byte >= 0x80) high++
    else if ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a) ascii++
  }
  if (high >= nonAsciiLetterMinimum && high > nonAsciiLetterShare * (ascii + high)) {
    return {detail: detail(`${Math.round((100 * high) / (ascii + high))}% of its letters are not ASCII`), offset: firstHigh}
  }
  const symbol = symbolInWord.exec(text)
  if (symbol) return {detail: detail(`\`${symbol[0]}\` has a symbol inside a word`), offset: symbol.index + 1}
  return undefined
}

/** Least confidence (chardet's, 0–100) for a guess to be taken. */
const guessConfidence = 30
/** Least lead, in chardet's confidence, of the best reading over the next that reads otherwise. */
const guessMargin = 10
/** Fewest non-ASCII bytes for a Mac Roman reading (which chardet does not know) to be taken. */
const macRomanMinimum = 8

/**
 * ISO-8859 encodings whose Windows code page has letters in 0x80–0x9F: with such bytes the text
 * is in the code page (as browsers read it). ISO-8859-1 and -9 are Windows-1252 and -1254 already.
 */
const windowsCodePage: Readonly<Record<string, Encoding>> = {'iso-8859-2': 'windows-1250', 'iso-8859-7': 'windows-1253', 'iso-8859-8': 'windows-1255', 'iso-8859-6': 'windows-1256', 'iso-8859-13': 'windows-1257'}

/**
 * The encoding chardet ranks first for bytes that are not UTF-8, read strictly (a reading with
 * bytes the encoding does not allow is not taken), with chardet's confidence. Undefined when it
 * is not sure enough, or the next reading that differs is about as likely (a short text decides
 * nothing).
 */
function guessEncoding(bytes: Uint8Array): {encoding: Encoding; text: string; confidence: number} | undefined {
  const c1 = bytes.some((byte) => byte >= 0x80 && byte <= 0x9f)
  const readings: {encoding: Encoding; text: string; confidence: number}[] = []
  for (const {name, confidence} of chardet.analyse(bytes)) {
    if (name === 'ASCII' || name.startsWith('UTF-') || !isEncodingLabel(name)) continue
    const label = new TextDecoder(name).encoding
    const encoding = (c1 ? windowsCodePage[label] : undefined) ?? label
    try {
      const text = new TextDecoder(encoding, {fatal: true}).decode(bytes)
      if (!readings.some((reading) => reading.text === text)) readings.push({encoding, text, confidence})
    } catch {
      continue
    }
  }
  const [best, next] = readings
  if (!best || best.confidence < guessConfidence || (next && best.confidence - next.confidence < guessMargin)) return undefined
  return {...best, confidence: best.confidence / 100}
}

/**
 * Mac Roman, which chardet does not know, for Western European text that Windows-1252 does not
 * fit (Mac Roman's `ï` is Windows-1252's `•`, its `ç` a byte Windows-1252 leaves undefined):
 * taken when its own reading has no symbol inside a word and enough bytes beyond ASCII tell.
 */
function guessMacRoman(bytes: Uint8Array, confidence: number): {encoding: Encoding; text: string; confidence: number} | undefined {
  if (bytes.filter((byte) => byte >= 0x80).length < macRomanMinimum) return undefined
  const text = new TextDecoder('macintosh').decode(bytes)
  return symbolInWord.test(text) ? undefined : {encoding: 'macintosh', text, confidence}
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0')
}

/**
 * Windows-1252 differs from Latin-1 in 0x80–0x9F (quotes, dashes, €); Node's decoder without
 * full ICU reads those as C1 controls, so the table is ours. Undefined bytes stay C1.
 */
const windows1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
]

function decodeWindows1252(bytes: Uint8Array): string {
  const codes = new Array<number>(bytes.length)
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] ?? 0
    codes[index] = byte >= 0x80 && byte < 0xa0 ? (windows1252High[byte - 0x80] ?? byte) : byte
  }
  let out = ''
  // Chunks keep String.fromCharCode within the engine's argument limit.
  for (let start = 0; start < codes.length; start += 8192) out += String.fromCharCode(...codes.slice(start, start + 8192))
  return out
}

/** Line endings CRLF and CR become LF; so do Word's manual line break (U+000B, vertical tab) and the form feed (U+000C). */
export function normalizeNewlines(text: string): string {
  const lines = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
  // Word's manual line break (U+000B) and the form feed between a PDF's pages (U+000C) end lines too.
  return /[\v\f]/.test(lines) ? lines.replace(/[\v\f]/g, '\n') : lines
}

function byteOrderMark(bytes: Uint8Array): {encoding: Encoding; length: number} | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return {encoding: 'utf-8', length: 3}
  // UTF-32LE's mark begins as UTF-16LE's does.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return {encoding: 'utf-32le', length: 4}
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return {encoding: 'utf-32be', length: 4}
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return {encoding: 'utf-16le', length: 2}
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return {encoding: 'utf-16be', length: 2}
  return undefined
}

/** UTF-16 without BOM: text in Latin script has a NUL in every other byte. */
function sniffUtf16(bytes: Uint8Array): Encoding | undefined {
  const length = Math.min(bytes.length, sampleSize) & ~1
  if (length < 2) return undefined
  let evenNul = 0
  let oddNul = 0
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenNul++
    if (bytes[index + 1] === 0) oddNul++
  }
  const pairs = length / 2
  if (oddNul / pairs > utf16NulShare && evenNul / pairs < 0.05) return 'utf-16le'
  if (evenNul / pairs > utf16NulShare && oddNul / pairs < 0.05) return 'utf-16be'
  return undefined
}

/**
 * UTF-16 without BOM and without NULs (Cyrillic, Hangul, CJK): its spaces and line ends are
 * code units `0x0020`, `0x000A`, `0x000D`, `0x0009`, a white space byte beside a NUL, on the
 * byte order's side only. The text is taken when it decodes without an unpaired surrogate.
 */
function decodeUtf16ByWhiteSpace(bytes: Uint8Array): {text: string; encoding: Encoding} | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined
  const length = Math.min(bytes.length, sampleSize * 4)
  const white = (byte: number | undefined) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09
  let little = 0
  let big = 0
  for (let index = 0; index + 1 < length; index += 2) {
    if (white(bytes[index]) && bytes[index + 1] === 0) little++
    if (bytes[index] === 0 && white(bytes[index + 1])) big++
  }
  const encoding: Encoding | undefined = little > 0 && big === 0 ? 'utf-16le' : big > 0 && little === 0 ? 'utf-16be' : undefined
  if (!encoding) return undefined
  try {
    return {text: new TextDecoder(encoding, {fatal: true}).decode(bytes), encoding}
  } catch {
    return undefined
  }
}

/** Index of the first C0 control character other than tab, LF, VT, CR, FF (a sign of binary data), or -1. */
function controlCharacter(text: string): number {
  const limit = text.length
  for (let index = 0; index < limit; index++) {
    const code = text.charCodeAt(index)
    // Tab, line ends, form feed and Word's manual line break (vertical tab) are text.
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0d && code !== 0x0c) return index
    if (code === 0x7f) return index
  }
  return -1
}
