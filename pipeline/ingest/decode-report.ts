/** The diagnostics of reading a source's bytes that every reader gives alike. */
import type {VFile} from 'vfile'
import {declaredBy, normalizeNewlines, type Decoded} from './decode.js'
import {report} from './rules.js'
import {locator, type Locate} from './location.js'

/**
 * Report a guessed 8-bit or East Asian encoding (at the first character beyond ASCII), a
 * declaration that was not followed (at the declaration), bytes the encoding does not allow
 * (at the first; the readers of markup report only those of a declared encoding) and C1
 * controls read as Windows-1252 (at the first). `locate` turns an offset in the normalized text into a place.
 */
export function reportDeclaration(decoded: Decoded & {ok: true}, file: VFile, locate: Locate): void {
  const at = (offset: number) => locate(normalizeNewlines(decoded.text.slice(0, offset)).length)
  if (decoded.ignored) {
    const {label, why} = decoded.ignored
    const place = decoded.ignored.by === 'sidecar' ? {line: 1, column: 1} : at(decoded.ignored.offset)
    report(file, 'encoding-declaration', `Unexpected encoding \`${label}\` in ${declaredBy(decoded.ignored)}, ${why}; read as ${decoded.encoding.toUpperCase()}`, place)
  }
  if (decoded.confidence !== undefined) {
    // At the first character that is not ASCII: the guess is about those characters.
    const first = Math.max(0, decoded.text.search(/[^\0-\x7f]/u))
    const percent = Math.floor(100 * decoded.confidence)
    report(file, 'encoding-detected', `Unexpected text that is not UTF-8, expected UTF-8; read as ${decoded.encoding.toUpperCase()} (a guess, ${percent}% confident), check it or declare the encoding in the sidecar (\`encoding:\`)`, at(first))
  }
  if (decoded.invalid) {
    const {offset, what, read, count} = decoded.invalid
    const more = count > 1 ? ` (and ${count - 1} more)` : ''
    report(file, 'encoding-invalid', `Unexpected ${what}${more}, expected ${decoded.encoding.toUpperCase()}; ${read}`, at(offset))
  }
  if (decoded.controls) {
    const {offset, what, read, count} = decoded.controls
    const more = count > 1 ? ` (and ${count - 1} more)` : ''
    report(file, 'encoding-controls', `Unexpected control character ${what}${more}, expected text; read as the Windows-1252 character \`${read}\` it stands for`, at(offset))
  }
}

/**
 * `reportDeclaration` for a reader of markup, which reports bytes an encoding does not allow only
 * where the encoding was declared. `text` is the normalized text, located only when there is
 * something to report.
 */
export function reportMarkupDeclaration(decoded: Decoded & {ok: true}, file: VFile, text: string): void {
  if (!decoded.declaration && !decoded.ignored && decoded.confidence === undefined && !decoded.controls) return
  reportDeclaration({...decoded, invalid: decoded.declaration ? decoded.invalid : undefined}, file, locator(text))
}

/**
 * Report a source whose bytes could not be read: empty, binary, or in an encoding not told
 * (at the first character that shows it). `expected` names what the reader expects (`text`,
 * `HTML`, `TEI XML`).
 */
export function reportUndecoded(decoded: Decoded & {ok: false}, file: VFile, expected: string): void {
  const before = normalizeNewlines(decoded.text.slice(0, decoded.offset))
  const place = locator(before)(before.length)
  const at = {line: place.line, column: place.column}
  if (decoded.reason === 'empty') report(file, 'empty-input', `Unexpected empty source (${decoded.detail}), expected ${expected}`, at)
  else if (decoded.reason === 'encoding') report(file, 'encoding-unknown', `Unexpected text in an unknown encoding (${decoded.detail}), expected UTF-8`, at)
  else report(file, 'binary-input', `Unexpected binary data (${decoded.detail}), expected ${expected}`, at)
}
