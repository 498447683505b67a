/**
 * The corpus of bad inputs: one row per case, with what the build must do with it. Text cases
 * live in `corpus/` beside this file; byte-level cases (encodings, line ends, binary) are made
 * here from their bytes, so no editor or git setting can normalize them away.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

export interface CorpusCase {
  /** File name in the sources folder. */
  name: string
  /** The raw bytes of the source. */
  bytes: Uint8Array
  /** Sidecar text, when the case has one. */
  sidecar?: string
  /** Rule ids that must be reported, each with a line and column, on the source or its sidecar. */
  rules: readonly string[]
  /** True when the document must still be built (false: refused with an error). */
  builds: boolean
  /** Strings the document's HTML page must show as text. */
  visible?: readonly string[]
}

const corpusDir = path.join(import.meta.dirname, 'corpus')

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le')
  const bytes = order === 'le' ? le : Buffer.from(le).swap16()
  const mark = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]
  return new Uint8Array([...(bom ? mark : []), ...bytes])
}

/** A 1×1 PNG: what a stray image renamed to .txt looks like. */
const png = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
  0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41,
  0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49,
  0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82
])

const utf16Text = 'Stalin and Kim Il Sung met in Moscow in April 1950.\nThe second line mentions a café.\n'

/** A citation of 10,000 characters: many works run together in one note. */
function longCitation(length = 10_000): string {
  let out = 'A. Author'
  for (let index = 0; out.length < length; index++) out += `, “Title number ${index} of a long work” (City${index}: Press, ${1900 + (index % 100)}), ${index}`
  return out.slice(0, length)
}

const byteCases: CorpusCase[] = [
  {name: 'empty.txt', bytes: new Uint8Array(), rules: ['empty-input'], builds: false},
  {name: 'blank.txt', bytes: utf8('   \n\t\n  \r\n'), rules: ['empty-input'], builds: false},
  {name: 'image.txt', bytes: png, rules: ['binary-input'], builds: false},
  {
    name: 'invalid-utf8.txt',
    bytes: new Uint8Array([...utf8('Café society met in Seoul.\nA bad byte '), 0xff, 0xfe, ...utf8(' here and '), 0xc3, ...utf8(' there.\n')]),
    rules: ['encoding-fallback'],
    builds: true,
    visible: ['Seoul', 'there.']
  },
  {
    name: 'windows-1252.txt',
    bytes: new Uint8Array([...utf8('The '), 0x93, ...utf8('quoted'), 0x94, ...utf8(' text '), 0x96, ...utf8(' a dash, caf'), 0xe9, ...utf8(' and na'), 0xef, ...utf8('ve r'), 0xe9, ...utf8('sum'), 0xe9, ...utf8('.\n')]),
    rules: ['encoding-fallback'],
    builds: true,
    visible: ['“quoted”', 'café', 'naïve', 'résumé']
  },
  {name: 'utf16-le-bom.txt', bytes: utf16(utf16Text, 'le', true), rules: [], builds: true, visible: ['Kim Il Sung', 'café']},
  {name: 'utf16-le-no-bom.txt', bytes: utf16(utf16Text, 'le', false), rules: [], builds: true, visible: ['Kim Il Sung', 'café']},
  {name: 'utf16-be-bom.txt', bytes: utf16(utf16Text, 'be', true), rules: [], builds: true, visible: ['Kim Il Sung', 'café']},
  {name: 'crlf.txt', bytes: utf8('First paragraph, line one\r\nand line two.\r\n\r\nSecond paragraph.\r\n'), rules: [], builds: true, visible: ['Second paragraph.']},
  {name: 'mixed-newlines.txt', bytes: utf8('Mixed one\r\nMixed two\nMixed three\rMixed four\r\n\r\nThe end.\n'), rules: [], builds: true, visible: ['Mixed four', 'The end.']},
  {
    name: 'long-citation.txt',
    bytes: utf8(`Text with a very long note.[1]\n\nNotes\n\n[1] ${longCitation()}.\n`),
    rules: [],
    builds: true,
    visible: ['Title number 0 of a long work']
  }
]

/** Expectations of the text cases in `corpus/` (keyed by file name). */
const textExpectations: Record<string, Omit<CorpusCase, 'name' | 'bytes' | 'sidecar'>> = {
  'good.txt': {rules: [], builds: true, visible: ['A good document']},
  'reference-without-note.txt': {rules: ['reference-without-note'], builds: true, visible: ['Another claim.']},
  'note-without-reference.txt': {rules: ['note-without-reference'], builds: true, visible: ['An orphan note']},
  'duplicate-notes.txt': {rules: ['duplicate-note-number', 'note-out-of-order'], builds: true, visible: ['Note one', 'Note two again']},
  'duplicate-notes-markdown.md': {rules: ['note-without-reference', 'duplicate-note-number', 'reference-without-note'], builds: true, visible: ['Fourth.', 'Dup two.']},
  'unbalanced.txt': {rules: [], builds: true, visible: ['Unbalanced ((( brackets [[[ and {{{ braces']},
  'hostile.txt': {
    rules: [],
    builds: true,
    visible: ["<script>alert('pwned')</script>", '<img src=x onerror="alert(1)">', '<a href="javascript:alert(3)">click</a>', ':emend[fake]{orig="real" rule="ocr-folio"}']
  },
  'hostile-markdown.md': {rules: [], builds: true, visible: ['raw anchor', 'javascript link']},
  'front-matter-notes.md': {rules: [], builds: true, visible: ['Body text after real front matter.']},
  'front-matter.md': {rules: [], builds: true, visible: ['Body text after a front matter look-alike.']},
  'unicode-traps.txt': {rules: [], builds: true, visible: ['evil', 'Precomposed: caf\u00e9', 'cafe\u0301']},
  'bad-yaml.txt': {rules: ['sidecar-invalid'], builds: true, visible: ['sidecar is broken']},
  'wrong-types.txt': {rules: ['sidecar-invalid'], builds: true, visible: ['wrong types']},
  'with spaces.txt': {rules: [], builds: true, visible: ['name has spaces']},
  'dots..name.txt': {rules: [], builds: true, visible: ['two dots in a row']}
}

function textCases(): CorpusCase[] {
  const names = readdirSync(corpusDir).filter((name) => !name.endsWith('.yml')).sort()
  return names.map((name) => {
    const expectation = textExpectations[name]
    if (!expectation) throw new Error(`corpus/${name} has no row in textExpectations`)
    const sidecarPath = path.join(corpusDir, `${name.replace(/\.[^.]+$/, '')}.yml`)
    const sidecar = existsSync(sidecarPath) ? readFileSync(sidecarPath, 'utf8') : undefined
    return {name, bytes: new Uint8Array(readFileSync(path.join(corpusDir, name))), sidecar, ...expectation}
  })
}

export const corpus: readonly CorpusCase[] = [...byteCases, ...textCases()]
