/**
 * Decode the bytes of a source into text: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM
 * or detected by the pattern of NUL bytes), Windows-1252 as the fallback for invalid UTF-8.
 * Binary data (NUL or control bytes in text that is not UTF-16) is refused.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export type Decoded =
  /** `guessed`: the encoding was inferred from the bytes (no byte order mark, not UTF-8). */
  | {ok: true; text: string; encoding: Encoding; fallback: boolean; guessed: boolean}
  /** `offset`: where in the decoded text the first sign of binary data stands (0 when empty). */
  | {ok: false; reason: 'empty' | 'binary'; detail: string; text: string; offset: number}

/** Share of sampled bytes that may be NUL at odd or even positions before we call it UTF-16. */
const utf16NulShare = 0.3
/** How many bytes to sample for the UTF-16 and binary heuristics. */
const sampleSize = 4096

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return {ok: false, reason: 'empty', detail: 'the file has 0 bytes', text: '', offset: 0}
  const bom = byteOrderMark(bytes)
  const encoding = bom?.encoding ?? sniffUtf16(bytes)
  const body = bom ? bytes.subarray(bom.length) : bytes
  let text: string
  let fallback = false
  let used: Encoding = encoding ?? 'utf-8'
  if (encoding) {
    text = new TextDecoder(encoding).decode(body)
  } else {
    try {
      text = new TextDecoder('utf-8', {fatal: true}).decode(body)
    } catch {
      text = decodeWindows1252(body)
      used = 'windows-1252'
      fallback = true
    }
  }
  let control = controlCharacter(text)
  if (!bom && !encoding && (fallback || control !== -1)) {
    // Not UTF-8 nor plain text: UTF-16 without BOM in a script other than Latin has no NULs.
    const utf16 = decodeUtf16ByWhiteSpace(body)
    if (utf16) {
      text = utf16.text
      used = utf16.encoding
      fallback = false
      control = controlCharacter(text)
    }
  }
  if (control !== -1) {
    const code = text.charCodeAt(control)
    return {ok: false, reason: 'binary', detail: `it contains the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`, text, offset: control}
  }
  if (text.trim() === '') return {ok: false, reason: 'empty', detail: 'the file holds only white space', text, offset: 0}
  return {ok: true, text, encoding: used, fallback, guessed: !bom && used !== 'utf-8'}
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
