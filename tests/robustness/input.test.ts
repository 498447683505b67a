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
import type {DocumentMeta} from '../../pipeline/types/document.js'
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
