/**
 * Issue 22: hostile or unusual input never corrupts the apparatus. A sidecar's strings (a
 * reason with a blank line) are written so that they read back; a Markdown source's directive
 * syntax is content, not annotations. Each case runs the compiled CLI and asserts the exit
 * code, the rule ids, and that nothing outside the output folder changed.
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {Root} from 'mdast'
import type {TextDirective} from 'mdast-util-directive'
import {visit} from 'unist-util-visit'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parseDocument, stringifyDocument} from '../../pipeline/markdown/index.js'
import type {DocumentMeta} from '../../pipeline/shared/types/document.js'
import {compileCli, parseReport, runCompiledCli, stackTrace, tempDir, treeHashes, type CliRun, type JsonReport} from './helpers.js'

const root = tempDir('input')

beforeAll(() => {
  compileCli()
}, 240_000)

afterAll(() => {
  rmSync(root, {recursive: true, force: true})
})

/** Build `files` (name → content) in a folder of their own; nothing but `out` may change. */
async function build(name: string, files: Record<string, string | Uint8Array>, args: readonly string[] = []): Promise<{run: CliRun; report: JsonReport; out: string}> {
  const dir = path.join(root, name)
  const sources = path.join(dir, 'sources')
  mkdirSync(sources, {recursive: true})
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(sources, file), content)
  const before = treeHashes(dir)
  const out = path.join(dir, 'out')
  const run = await runCompiledCli(['build', '--sources', sources, '--out', out, '--format', 'markdown,html', '--json', ...args], {cwd: dir})
  expect(run.stderr).not.toMatch(stackTrace)
  expect(treeHashes(dir, [out])).toEqual(before)
  return {run, report: parseReport(run.stdout), out}
}

function ruleIds(report: JsonReport): string[] {
  return report.diagnostics.map((item) => item.ruleId ?? '')
}

function directives(tree: Root, name: string): TextDirective[] {
  const found: TextDirective[] = []
  visit(tree, 'textDirective', (node) => {
    if (node.name === name) found.push(node)
  })
  return found
}

const meta: DocumentMeta = {title: 'T', slug: 't', authors: [], kind: 'other', language: 'en', truncated: false, source: 't.txt', sha256: '', convention: 'none', counts: {notes: 0, paragraphs: 1}, inferred: []}

describe('a sidecar string with line ends is written so that it reads back (item 4)', () => {
  const reasons = [
    'misprint\n\nsecond paragraph',
    'one\n# not a heading\n---\n> not a quote\n',
    'carriage\r\nreturn "quoted" } { and &amp; an entity',
    '   \n\n\n   '
  ]

  it('round-trips every attribute of a text directive through the annotated Markdown', () => {
    for (const reason of reasons) {
      const tree: Root = {type: 'root', children: [{type: 'paragraph', children: [
        {type: 'text', value: 'The '},
        {type: 'textDirective', name: 'emend', attributes: {orig: 'Shy\nkov', rule: 'editorial', reason}, children: [{type: 'text', value: 'Shtykov'}]},
        {type: 'text', value: ' report.'}
      ]}]}
      const text = stringifyDocument(meta, tree)
      const back = parseDocument(text).tree
      const [emend] = directives(back, 'emend')
      expect(emend?.attributes, text).toEqual({orig: 'Shy\nkov', rule: 'editorial', reason})
      expect(back.children).toHaveLength(1)
    }
  })

  it('a YAML block scalar reason with a blank line keeps the original reading (compiled CLI)', async () => {
    // The sidecar trims a reason; its blank line stays.
    const reason = 'misprint "quoted" here\n\nsecond paragraph } with a brace'
    const {run, report, out} = await build('emendation-reason', {
      'doc.txt': 'The Shykov report says something about Korea.\n\nA second paragraph of the text.\n',
      'doc.yml': `title: Doc\noverrides:\n  emendations:\n    - find: Shykov\n      replace: Shtykov\n      reason: |\n        misprint "quoted" here\n\n        second paragraph } with a brace\n`
    })
    expect(run.code, run.stderr).toBe(0)
    expect(ruleIds(report)).not.toContain('html-emendation-without-original')
    const markdown = readFileSync(path.join(out, 'markdown', 'doc.md'), 'utf8')
    const {tree} = parseDocument(markdown)
    const [emend] = directives(tree, 'emend')
    expect(emend?.attributes).toEqual({orig: 'Shykov', rule: 'editorial', reason})
    expect(markdown).not.toMatch(/^second paragraph/m)
    const html = readFileSync(path.join(out, 'html', 'doc.html'), 'utf8')
    expect(html).not.toContain('{orig=')
    expect(html).toContain('second paragraph } with a brace')
  })
})

/** A plain document beside the hostile one: its output must not depend on it. */
const plain = 'The plain document says something about Korea.[1]\n\nNotes\n\n[1] John Smith, The Book of Korea (London: Press, 1990), 12.\n'

describe('a Markdown source\'s directive syntax is text, never an annotation (item 7)', () => {
  const forged = [
    '# A forged text',
    '',
    'The report :emend[says]{orig="hides this" rule="editorial" reason="forged"} something.[^1]',
    '',
    ':::removed{rule="paywall"}',
    'Hidden words in a container.',
    ':::',
    '',
    '::boundary[leafy words]{change="to-body" note="1"}',
    '',
    'An image of width:725px, at 10:30, see:this and a:b[c]{d=e}.',
    '',
    '[^1]: Jane Doe, Another Book (Paris: Maison, 1980), 3. :cite[fake]{key="forged2000"}',
    ''
  ].join('\n')

  it('builds the forged annotations as visible text, counted as words, with no warning', async () => {
    const alone = await build('forged-alone', {'plain.txt': plain})
    const {run, report, out} = await build('forged', {'plain.txt': plain, 'forged.md': forged})
    expect(run.code, run.stderr).toBe(0)
    expect(ruleIds(report).sort()).toEqual(['sidecar-missing', 'sidecar-missing'])
    expect(readFileSync(path.join(out, 'markdown', 'plain.md'), 'utf8')).toBe(readFileSync(path.join(alone.out, 'markdown', 'plain.md'), 'utf8'))
    const {meta, tree} = parseDocument(readFileSync(path.join(out, 'markdown', 'forged.md'), 'utf8'))
    expect(Object.keys(meta.counts.emendations ?? {})).toEqual([])
    expect(Object.keys(meta.counts.removed ?? {})).toEqual([])
    const names: string[] = []
    visit(tree, (node) => {
      if (node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective') names.push(`${node.type}:${node.name}:${node.attributes?.key ?? ''}`)
    })
    // Only the citation Apparatus found in the note is an annotation.
    expect(names).toEqual(['textDirective:cite:doe1980another'])
    const html = readFileSync(path.join(out, 'html', 'forged.html'), 'utf8')
    for (const visible of [':emend[says]{orig="hides this" rule="editorial" reason="forged"}', ':::removed{rule="paywall"}', 'Hidden words in a container.', '::boundary[leafy words]', 'width:725px, at 10:30, see:this and a:b[c]{d=e}', ':cite[fake]{key="forged2000"}']) {
      expect(html.replace(/&#x22;|&quot;/g, '"')).toContain(visible)
    }
    expect(html).not.toContain('hides this</')
  })

  it('reads character references as the characters they stand for: no word lost (item 11)', async () => {
    const {run, report, out} = await build('references', {
      'entities.md': 'A caf&eacute; in &#233;t&eacute; and fen&ccedil;e.[^1] Code `na&iuml;ve` and \\&eacute;scaped, &lt;b&gt; and &bogus;word.\n\n[^1]: A note in a caf&#xe9;.\n\n```\nfen&ccedil;ed\n```\n'
    })
    expect(run.code, run.stderr).toBe(0)
    expect(ruleIds(report)).toEqual(['sidecar-missing'])
    const markdown = readFileSync(path.join(out, 'markdown', 'entities.md'), 'utf8')
    expect(markdown).toContain('A café in été and fençe.')
    expect(markdown).toContain('`na&iuml;ve`')
  })
})

describe('smaller cases of item 11', () => {
  it('a Word manual line break (U+000B) is a line end, not binary data', async () => {
    const {run, report, out} = await build('vertical-tab', {'word.txt': 'The report says\u000bsomething about Korea.\n\nA second paragraph.\n', 'plain.txt': plain})
    expect(run.code, run.stderr).toBe(0)
    expect(ruleIds(report)).not.toContain('binary-input')
    expect(readFileSync(path.join(out, 'markdown', 'word.md'), 'utf8')).toMatch(/The report says\s+something about Korea\./)
  })

  it('UTF-16LE and UTF-16BE without BOM in Cyrillic and Hangul (no NUL bytes) are read', async () => {
    const russian = 'Доклад о Корее говорит о войне.\n\nВторой абзац текста.\n'
    const korean = '한국전쟁은 1950년에 시작되었다.\n\n두 번째 문단이다.\n'
    const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16()
    const {run, report, out} = await build('utf-16', {'ru.txt': Buffer.from(russian, 'utf16le'), 'ko.txt': Buffer.from(korean, 'utf16le'), 'ko-be.txt': utf16be(korean)})
    expect(run.code, run.stderr).toBe(0)
    expect(ruleIds(report)).not.toContain('binary-input')
    expect(readFileSync(path.join(out, 'markdown', 'ru.md'), 'utf8')).toContain('Доклад о Корее говорит о войне.')
    expect(readFileSync(path.join(out, 'markdown', 'ko.md'), 'utf8')).toContain('한국전쟁은 1950년에 시작되었다.')
    expect(readFileSync(path.join(out, 'markdown', 'ko-be.md'), 'utf8')).toContain('두 번째 문단이다.')
  })

  it('terminal escape sequences in file names and sidecar strings are printed as text', async () => {
    const evil = 'evil\u001b]0;pwned\u0007name\u001b[2J'
    const dir = path.join(root, 'escapes')
    const sources = path.join(dir, 'sources')
    mkdirSync(sources, {recursive: true})
    writeFileSync(path.join(sources, `${evil}.txt`), 'A text about Korea.\n\nSecond paragraph.\n')
    writeFileSync(path.join(sources, 'doc.txt'), 'A document about Korea.\n\nSecond paragraph.\n')
    writeFileSync(path.join(sources, 'doc.yml'), 'title: "A \\e[31mred\\u009b2J title"\nkind: "\\e[2Jbad\\u202Eevil"\n')
    const before = treeHashes(dir)
    const run = await runCompiledCli(['build', '--sources', sources, '--out', path.join(dir, 'out'), '--format', 'markdown'], {cwd: dir})
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('sidecar-invalid')
    expect(run.stderr).toContain('evil\\u{1b}]0;pwned\\u{7}name\\u{1b}[2J')
    expect(run.stderr).toContain('\\u{1b}[2Jbad\\u{202e}evil')
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/)
    expect(treeHashes(dir, [path.join(dir, 'out')])).toEqual(before)
  })

  it('SOURCE_DATE_EPOCH beyond what a date holds is ignored with a warning, never NaN', async () => {
    const dir = path.join(root, 'epoch')
    const sources = path.join(dir, 'sources')
    mkdirSync(sources, {recursive: true})
    writeFileSync(path.join(sources, 'plain.txt'), plain)
    const run = await runCompiledCli(['build', '--sources', sources, '--out', path.join(dir, 'out'), '--format', 'markdown,html', '--json'], {cwd: dir, env: {SOURCE_DATE_EPOCH: '99999999999999999'}})
    expect(run.code, run.stderr).toBe(0)
    const report = parseReport(run.stdout)
    const warning = report.diagnostics.find((item) => item.ruleId === 'source-date-epoch-invalid')
    expect(warning?.severity).toBe('warning')
    for (const page of ['index.html', 'plain.html']) expect(readFileSync(path.join(dir, 'out', 'html', page), 'utf8')).not.toMatch(/NaN|Invalid Date/)
    const valid = await runCompiledCli(['build', '--sources', sources, '--out', path.join(dir, 'out'), '--format', 'markdown,html', '--json'], {cwd: dir, env: {SOURCE_DATE_EPOCH: '8640000000000'}})
    expect(valid.code, valid.stderr).toBe(0)
    expect(ruleIds(parseReport(valid.stdout))).not.toContain('source-date-epoch-invalid')
  })
})
