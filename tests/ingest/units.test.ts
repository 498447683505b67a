/** The parts of ingest on their own: decoding, joins, detection, apparatus, robustness. */
import fc from 'fast-check'
import type {PhrasingContent, Root} from 'mdast'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {decimal, forEachRun, letter, mark, number} from '../../pipeline/ingest/characters.js'
import {prefixLazyLines, restorePositions} from '../../pipeline/ingest/conventions/lazy-lines.js'
import {decodeBytes, normalizeNewlines} from '../../pipeline/ingest/decode.js'
import {callsOffLineStarts, phrasingAll} from '../../pipeline/ingest/inline.js'
import {words as wordsOf} from '../../pipeline/ingest/conservation.js'
import {ingestSource, lostWords} from '../../pipeline/ingest/index.js'
import {endsSentence, isLeadIn, joinSpans} from '../../pipeline/ingest/repair/join.js'
import {repairCitations} from '../../pipeline/ingest/repair/ocr.js'
import {vocabulary} from '../../pipeline/ingest/repair/vocabulary.js'
import {lineKeeping} from '../../pipeline/ingest/repair/verse.js'
import {readingOf, type Span} from '../../pipeline/ingest/spans.js'
import {parseDocument, parseMarkdown, stringifyDocument, stringifyMarkdown, stringifyOptions, stringifyPhrasing} from '../../pipeline/markdown/index.js'
import type {Sidecar} from '../../pipeline/shared/types/document.js'

const text = (value: string, offset = 0): Span => ({type: 'text', value, offset})

function ingestText(value: string | Uint8Array, sidecar?: Sidecar) {
  const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value
  const file = new VFile({path: 'sources/test.txt'})
  const result = ingestSource({path: 'sources/test.txt', bytes, sidecar}, file)
  return {file, result, markdown: result ? stringifyDocument(result.meta, result.tree) : ''}
}

describe('decode', () => {
  it('reads UTF-8 with a BOM and UTF-16 without one', () => {
    const bom = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x42]))
    expect(bom.ok && bom.text).toBe('AB')
    const le = decodeBytes(new Uint8Array(Buffer.from('Hello, world', 'utf16le')))
    expect(le.ok && [le.text, le.encoding]).toEqual(['Hello, world', 'utf-16le'])
  })

  it('falls back to Windows-1252 and maps its quotes', () => {
    const decoded = decodeBytes(new Uint8Array([0x93, 0x41, 0x94, 0x20, 0x80]))
    expect(decoded.ok && [decoded.text, decoded.fallback]).toEqual(['“A” €', true])
  })

  it('reads the C1 controls of Windows-1252 once read as Latin-1 as its characters, one for one', () => {
    const decoded = decodeBytes(new TextEncoder().encode('Ko\u009aice, \u008eilina 1950\u00961952; \u0081 stays'))
    expect(decoded.ok && decoded.text).toBe('Košice, Žilina 1950–1952; \u0081 stays')
    expect(decoded.ok && decoded.controls).toEqual({offset: 2, what: 'U+009A', read: 'š', count: 3})
    const {file, markdown} = ingestText('# Mosty\n\nJan \u008aimek wrote of Ko\u009aice.\n')
    expect(markdown).toContain('Jan Šimek wrote of Košice.')
    expect(file.messages.find((message) => message.ruleId === 'encoding-controls')).toMatchObject({line: 3, column: 5})
  })

  it('leaves C1 controls in text of a declared 8-bit encoding as they are', () => {
    const decoded = decodeBytes(new Uint8Array([0x41, 0x9a, 0x42]), {declared: 'iso-8859-2'})
    expect(decoded.ok && [decoded.text, decoded.controls]).toEqual(['A\u009aB', undefined])
  })

  it('refuses empty and binary input', () => {
    expect(decodeBytes(new Uint8Array([]))).toMatchObject({ok: false, reason: 'empty'})
    expect(decodeBytes(new Uint8Array([0x41, 0x00, 0x01, 0x02, 0x42, 0x00, 0x00, 0x07]))).toMatchObject({ok: false, reason: 'binary'})
  })

  it('normalizes CR and CRLF', () => {
    expect(normalizeNewlines('a\r\nb\rc\n')).toBe('a\nb\nc\n')
  })
})

describe('joins', () => {
  it('knows sentence ends and lead-ins', () => {
    expect(endsSentence('the end.”')).toBe(true)
    expect(endsSentence('a title “in quotes”')).toBe(true)
    expect(endsSentence('in the months preceding')).toBe(false)
    expect(isLeadIn('referred to above read:')).toBe(true)
    expect(isLeadIn('He explained that')).toBe(true)
    expect(isLeadIn('so that')).toBe(false)
  })

  it('keeps an attested compound, mends a broken word with an emendation', () => {
    const words = vocabulary('agitation-propaganda appears here; so does government.')
    expect(readingOf(joinSpans([text('any Soviet agitation-')], [text('propaganda work')], words))).toBe('any Soviet agitation-propaganda work')
    const mended = joinSpans([text('the govern-', 10)], [text('ment of', 30)], words)
    expect(mended).toEqual([
      {type: 'text', value: 'the ', offset: 10},
      {type: 'emend', corrected: 'government', orig: 'govern-ment', rule: 'hyphenation', offset: 14},
      {type: 'text', value: ' of', offset: 34}
    ])
  })
})

describe('OCR repair', () => {
  it('mends folios only after an archival unit', () => {
    const spans = repairCitations([text('Delo 18, Papka 5, 1. 18-30; see item 1. 5 above')])
    expect(spans.filter((span) => span.type === 'emend')).toEqual([{type: 'emend', corrected: 'l.', orig: '1.', rule: 'ocr-folio', offset: 18}])
  })
})

describe('conventions', () => {
  it('detects superscript page notes and reports a missing note', () => {
    const {result, file} = ingestText('A sentence that cites a source in the usual way.¹ Another sentence cites a second source.²\n\n¹ Source one, 1.\n')
    expect(result?.meta.convention).toBe('superscript-page-notes')
    expect(result?.meta.counts.notes).toBe(1)
    expect(file.messages.map((message) => [message.ruleId, message.line, message.column])).toContainEqual(['reference-without-note', 1, 90])
  })

  it('reports duplicate note numbers and keeps both notes', () => {
    const {result, file, markdown} = ingestText('Text with a reference.[1] And another.[1]\n\n[1] First.\n[2] Second.\n[2] Third.\n')
    expect(result?.meta.counts.notes).toBe(3)
    expect(file.messages.map((message) => message.ruleId)).toContain('duplicate-note-number')
    expect(lostWords('Text with a reference. And another. First. Second. Third.', markdown)).toEqual([])
  })

  it('keeps apart the words around a Word note body glued inside a word', () => {
    const input = 'A claim[footnoteRef:1] that stands[1: The source.]alone, twice[footnoteRef:2][2: One.][3: Two.]over.\n'
    const {markdown} = ingestText(input)
    expect(markdown).toContain('stands alone, twice[^2] over.')
    expect(lostWords(input, markdown)).toEqual([])
  })
})

describe('line keeping in notes', () => {
  it('keeps set-in verse lines, but not a hanging indent that goes on a sentence', () => {
    const verse = lineKeeping()
    expect(verse.own(false, () => false)).toBe(false)
    verse.done(false)
    expect(verse.own(true, () => false)).toBe(true)
    verse.done(true)
    expect(verse.own(true, () => true)).toBe(true)
    expect(verse.breaksBefore(false)).toBe(true)
    const hanging = lineKeeping()
    expect(hanging.own(true, () => true)).toBe(false)
    expect(hanging.own(true, () => false)).toBe(false)
  })

  it('keeps every line of a DP block up to its closing marker or the next note', () => {
    const keeping = lineKeeping()
    keeping.marker('/*')
    expect(keeping.own(false, () => true)).toBe(true)
    keeping.marker('*/')
    expect(keeping.own(false, () => true)).toBe(false)
    keeping.marker('/P')
    keeping.close()
    expect(keeping.own(false, () => true)).toBe(false)
  })
})

describe('a call that opens a line', () => {
  it('goes after the emended word it stood before, which reads back the same', () => {
    const input = 'Some text first.\n\n[footnoteRef:1]Shykov came.\n\n[1: A note.]\n'
    const {markdown, file} = ingestText(input, {overrides: {emendations: [{find: 'Shykov', replace: 'Shtykov', reason: 'misprint'}]}})
    // `[^1]:emend[…]` would read back as a note definition.
    expect(markdown).toContain('\n:emend[Shtykov]{orig="Shykov" rule="editorial" reason="misprint"}[^1] came.\n')
    const reread = parseDocument(markdown)
    expect(stringifyDocument(reread.meta, reread.tree)).toBe(markdown)
    expect(file.messages.map((message) => [message.ruleId, message.line, message.column])).toContainEqual(['reference-moved', 3, 1])
    expect(lostWords(input, markdown)).toEqual([])
  })

  it('keeps its place when marks that are not read come first, and elsewhere in a line', () => {
    const call: Span = {type: 'ref', label: '1', raw: '¹', offset: 0}
    const mark: Span = {type: 'boundary', change: 'from-note', note: '1', reason: 'r'}
    const word: Span = {type: 'emend', corrected: 'b', orig: 'c', rule: 'editorial'}
    const moved: string[] = []
    const hear = (reference: {raw: string}) => moved.push(reference.raw)
    expect(callsOffLineStarts([call, mark, word], hear)).toEqual([mark, call, word])
    expect(callsOffLineStarts([text('a'), call, word], hear)).toEqual([text('a'), call, word])
    expect(callsOffLineStarts([text('a'), {type: 'break'}, text(' '), call, word], hear)).toEqual([text('a'), {type: 'break'}, text(' '), word, call])
    expect(moved).toEqual(['¹'])
  })
})

describe('lazy lines', () => {
  it('of a note are indented before micromark reads a Markdown source, only where no block can begin', () => {
    const {text, prefixed} = prefixLazyLines('A.[^1]\n\n[^1]: First\nsecond\n  third\n    fourth\n- item\nafter\n\n```\n[^2]: code\nline\n```\n')
    expect(prefixed.map((entry) => entry.line)).toEqual([4, 5])
    expect(text).toBe('A.[^1]\n\n[^1]: First\n    second\n      third\n    fourth\n- item\nafter\n\n```\n[^2]: code\nline\n```\n')
  })

  it('of a block quote get the markers they lack, only where no block can begin', () => {
    const {text, prefixed} = prefixLazyLines('> First\nsecond\n> > deeper\n> third\nfourth\n- item\nafter\n\n  > indented\nlazy\n')
    expect(prefixed).toEqual([{line: 2, width: 2}, {line: 4, width: 2}, {line: 5, width: 4}])
    expect(text).toBe('> First\n> second\n> > deeper\n> > third\n> > fourth\n- item\nafter\n\n  > indented\nlazy\n')
  })

  it('parse to the same tree, positions included, as the source', () => {
    const piece = fc.constantFrom('a', 'word', ' ', '    ', '\t', '[^1]: ', '[^2]:', '[^1]', '```', '~~~', '`', '<div>', '<!--', '-->', '<script>', '</script>', '<?', '> ', '>', '- ', '1. ', '12 ', '|', '---', '===', ':::x', '#', '[a]: /u', 'é', '\u00a0', '*e*')
    const line = fc.oneof(
      fc.array(piece, {maxLength: 4}).map((pieces) => pieces.join('')),
      fc.constantFrom('a', 'more text', '  b', '[^1]: a', '[^2]: note', '    c', '', '> [^1]: a', '  [^1]: a', '  ```', '    ```', ':::x', '<div>', '1. a', '- a', 'a | b', '-|-', '===', '```'),
      fc.constantFrom('> a', '> > a', '>> b', '>b', '>', '> ```', '> - a', '> 1. a', '>     code', '>  b', '- > a', '  > a', '> a | b', '> ===', '[^1]: > a', '> [a]: /u')
    )
    fc.assert(
      fc.property(fc.array(line, {maxLength: 14}), (lines) => {
        const source = lines.join('\n')
        const {text, prefixed} = prefixLazyLines(source)
        const tree = parseMarkdown(text)
        restorePositions(tree, prefixed)
        expect(tree).toEqual(parseMarkdown(source))
      }),
      {numRuns: 600, seed: 1950}
    )
  })
})

describe('sidecar', () => {
  it('a convention override wins over detection and is reported', () => {
    const bytes = new TextEncoder().encode('A claim that cites a source.[1]\n\n[1] The source.\n')
    const file = new VFile({path: 'sources/x.txt'})
    const result = ingestSource({path: 'sources/x.txt', bytes, sidecar: {title: 'X', overrides: {convention: 'none'}}}, file)
    expect(result?.meta.convention).toBe('none')
    expect(result?.meta.counts.notes).toBe(0)
    expect(result?.meta.inferred).toEqual(['slug', 'authors', 'kind', 'language'])
    expect(file.messages.map((message) => message.ruleId)).toContain('convention-override')
  })
})

describe('robustness', () => {
  it('never throws and loses no word on arbitrary text', () => {
    const alphabet = fc.constantFrom('a', 'B', 'é', ' ', ' ', '\n', '\n\n', '.', ',', ':', '-', '*', '_', '[', ']', '(', ')', '#', '1', '2', '¹', '²', '>', '<', '&', '`', '\\', '!', '"', '”', '\t', 'word', 'Fond I ', 'Delo 4, 1. 5', '[footnoteRef:1]', '[1: note]', '[^1]', '[EAM1]', 'www.x.org')
    fc.assert(
      fc.property(fc.array(alphabet, {maxLength: 120}), (parts) => {
        const input = parts.join('')
        const {result, markdown} = ingestText(input)
        if (!result) return input.trim() === ''
        return lostWords(input, markdown).length === 0
      }),
      {numRuns: 300, seed: 42}
    )
  })

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 200}), (bytes) => {
        ingestText(bytes)
        return true
      }),
      {numRuns: 200, seed: 7}
    )
  })

  it('handles 10,000-character lines', () => {
    const line = 'word '.repeat(2000).trim()
    const {result} = ingestText(`${line}\n\n${line}.\n`)
    expect(result?.meta.counts.paragraphs).toBe(2)
  })
})

describe('words', () => {
  it('cuts the runs a property-escape expression matches', () => {
    const alphabet = fc.constantFrom('a', 'Z', '0', ' ', '-', 'é', 'e\u0301', '\u0301', 'Ж', 'İ', '中', '𝔘', '𝟙', '😀', '\ud800', '\udc00', '٣', '²', 'Ⅻ', '’')
    const cases: Array<[number, RegExp]> = [
      [letter | mark | decimal, /[\p{L}\p{M}\p{Nd}]+/gu],
      [letter | number, /[\p{L}\p{N}]+/gu],
      [letter, /\p{L}+/gu]
    ]
    fc.assert(
      fc.property(fc.array(alphabet, {maxLength: 30}), (parts) => {
        const value = parts.join('')
        return cases.every(([classes, expression]) => {
          const runs: string[] = []
          forEachRun(value, classes, (start, end) => runs.push(value.slice(start, end)))
          return JSON.stringify(runs) === JSON.stringify(value.match(expression) ?? [])
        })
      }),
      {numRuns: 500, seed: 3}
    )
  })

  it('finds lost words as a multiset of the words cut, whatever their code units', () => {
    // Few distinct words, so most are met again, some with one code unit changed, some glued.
    const alphabet = fc.constantFrom('a', 'b', 'Z', '0', ' ', '-', 'é', 'e\u0301', 'Ж', '𝔘', '\ud800', '&amp;', '&#233;', '<http://a.b>', 'footnoteRef', '\n')
    const text = fc.array(alphabet, {maxLength: 40}).map((parts) => parts.join(''))
    // What lostWords computes, as a count of every word of the Markdown, taken by the source's words.
    const reference = (raw: string, markdown: string): string[] => {
      const reference = /&(?:[A-Za-z][A-Za-z\d]{1,31}|#\d{1,7}|#[Xx][\dA-Fa-f]{1,6});/g
      const left = new Map<string, number>()
      for (const word of wordsOf(markdown.replace(/^---\n[\s\S]*?\n---(?:\n|$)/, '').replace(/<((?:https?|ftp|mailto):[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/gi, '$1').replace(reference, ' '))) left.set(word, (left.get(word) ?? 0) + 1)
      return wordsOf(raw.replace(reference, ' ')).filter((word) => {
        if (word === 'footnoteRef') return false
        const count = left.get(word) ?? 0
        left.set(word, count - 1)
        return count <= 0
      })
    }
    fc.assert(
      fc.property(text, text, (raw, markdown) => JSON.stringify(lostWords(raw, markdown)) === JSON.stringify(reference(raw, markdown))),
      {numRuns: 2000, seed: 5}
    )
    // Enough distinct words for the table to grow several times, every one of them found.
    const many = Array.from({length: 5000}, (_, index) => `w${index.toString(36)}`)
    expect(lostWords(many.join(' '), [...many].reverse().join(' '))).toEqual([])
    expect(lostWords([...many, 'w0'].join(' '), many.join(' '))).toEqual(['w0'])
    // Two words of one hash (FNV-1a) are still told apart; front matter's words are not the text's.
    expect(lostWords('yacxa glbvs', 'glbvs')).toEqual(['yacxa'])
    expect(lostWords('a b', '---\ntitle: a\n---\nb')).toEqual(['a'])
  })

  it('counts words and compounds of the lower-cased text, searched or counted', () => {
    const words = vocabulary('Agitation-Propaganda and agitation; a--b, x-y-z, 𝔞𝔟-c.')
    const answers = () => [
      [words.count('agitation'), words.count('propaganda'), words.count('a'), words.count('y'), words.count('agit'), words.count('𝔞𝔟')],
      [words.hasCompound('agitation-propaganda'), words.hasCompound('x-y-z'), words.hasCompound('y-z'), words.hasCompound('a--b'), words.hasCompound('𝔞𝔟-c')]
    ]
    const expected = [
      [2, 1, 1, 1, 0, 1],
      [true, true, false, false, true]
    ]
    // The first questions are searched for; after them, every word is counted.
    expect(answers()).toEqual(expected)
    expect(answers()).toEqual(expected)
  })
})

describe('inline Markdown of runs', () => {
  it('reads emphasis and code beside long stretches of text, and GFM where a run has it', () => {
    const stretch = 'a stretch of plain text with nothing to read as Markdown'
    const [emphasis, code, gfm] = phrasingAll([
      [text(`  See ${stretch}, *${stretch}* (${stretch}).  `)],
      [text(`\`  ${stretch}  \` and \\*${stretch}*`)],
      [text(`${stretch} at www.example.org and *${stretch}*`)]
    ])
    expect(emphasis).toEqual([
      {type: 'text', value: `See ${stretch}, `},
      {type: 'emphasis', children: [{type: 'text', value: stretch}]},
      {type: 'text', value: ` (${stretch}).`}
    ])
    expect(code).toEqual([
      {type: 'inlineCode', value: ` ${stretch} `},
      {type: 'text', value: ` and *${stretch}*`}
    ])
    expect(gfm?.map((node) => node.type)).toEqual(['text', 'link', 'text', 'emphasis'])
  })

  it('gives each run its own content, whatever line ends or blanks it holds', () => {
    const [returns, blanks, next, words] = phrasingAll([[text('a *b*\r\r c')], [text(' \t ')], [text('d *e*')], [text('  plain words\u00a0 ')]])
    expect(returns).toEqual([{type: 'text', value: 'a '}, {type: 'emphasis', children: [{type: 'text', value: 'b'}]}, {type: 'text', value: '   c'}])
    expect(blanks).toEqual([])
    expect(next).toEqual([{type: 'text', value: 'd '}, {type: 'emphasis', children: [{type: 'text', value: 'e'}]}])
    expect(words).toEqual([{type: 'text', value: 'plain words\u00a0'}])
  })
})

describe('annotated Markdown writing', () => {
  const {handlers: _, ...options} = stringifyOptions
  const plain = unified().use(remarkGfm).use(remarkDirective).use(remarkFrontmatter, ['yaml']).use(remarkStringify, options).freeze()
  const atoms = fc.constantFrom('a', 'word', ' ', 'W', '.', '1', '12', '-', '+', '*', '_', '[', ']', '(', ')', '!', '<', 'a<b', '&', '&c', '#', '~', '`', '\\', ':', ':a', 'p:/', 'x@y.z', 'www.x', '\n', '\t', '|', '=', 'é', '𝔘', '1.', '1)', ' \n')
  const value = fc.array(atoms, {minLength: 1, maxLength: 8}).map((parts) => parts.join(''))
  const phrasing: fc.Arbitrary<PhrasingContent> = fc.oneof(
    value.map((text): PhrasingContent => ({type: 'text', value: text})),
    value.map((text): PhrasingContent => ({type: 'emphasis', children: [{type: 'text', value: text}]})),
    value.map((text): PhrasingContent => ({type: 'textDirective', name: 'cite', attributes: {ref: '1.0'}, children: [{type: 'text', value: text}]})),
    fc.constant<PhrasingContent>({type: 'footnoteReference', identifier: '1', label: '1'}),
    value.map((text): PhrasingContent => ({type: 'link', url: `http://x.org/${text}`, children: [{type: 'text', value: text}]}))
  )
  const tree = fc.array(fc.array(phrasing, {minLength: 1, maxLength: 5}), {minLength: 1, maxLength: 3}).map(
    (paragraphs): Root => ({
      type: 'root',
      children: paragraphs.map((children, index) =>
        index === 1 ? {type: 'footnoteDefinition', identifier: '1', label: '1', children: [{type: 'paragraph', children}]} : {type: 'paragraph', children}
      )
    })
  )

  it('escapes what mdast-util-to-markdown escapes', () => {
    fc.assert(
      fc.property(tree, (root) => stringifyMarkdown(structuredClone(root)) === plain.stringify(structuredClone(root))),
      {numRuns: 1000, seed: 11}
    )
  })

  it('writes each run of phrasing as it writes a paragraph alone', () => {
    fc.assert(
      fc.property(fc.array(fc.array(phrasing, {maxLength: 5}), {maxLength: 4}), (runs) => {
        const expected = runs.map((children) => stringifyMarkdown(structuredClone({type: 'root', children: [{type: 'paragraph', children}]})).trim())
        return JSON.stringify(stringifyPhrasing(structuredClone(runs))) === JSON.stringify(expected)
      }),
      {numRuns: 300, seed: 5}
    )
  })
})
