/**
 * Small synthetic cases, one folder each under tests/fixtures/ingest/: `input.<ext>` (bytes:
 * `.txt`, `.md`, `.xml`, `.html`, `.docx`), optional `sidecar.yml`; expected output in `expected.md` (annotated Markdown, empty when
 * the input is refused) and `expected-messages.txt` (diagnostics). `UPDATE=1` rewrites them.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import YAML from 'yaml'
import {decodeBytes, normalizeNewlines} from '../../pipeline/ingest/decode.js'
import {ingestSource, lostWords} from '../../pipeline/ingest/index.js'
import {stringifyDocument} from '../../pipeline/markdown/index.js'
import type {Sidecar} from '../../pipeline/shared/types/document.js'

const root = new URL('../fixtures/ingest/', import.meta.url).pathname
const update = process.env.UPDATE === '1'
const cases = readdirSync(root).sort()

function run(name: string) {
  const folder = join(root, name)
  const input = readdirSync(folder).find((entry) => entry.startsWith('input.'))
  if (!input) throw new Error(`fixture ${name} has no input file`)
  const extension = input.slice('input'.length)
  const bytes = readFileSync(join(folder, input))
  const sidecarPath = join(folder, 'sidecar.yml')
  const sidecar: Sidecar | undefined = existsSync(sidecarPath) ? YAML.parse(readFileSync(sidecarPath, 'utf8')) : undefined
  const path = `sources/${name}${extension}`
  const file = new VFile({path})
  const result = ingestSource({path, bytes, sidecar}, file)
  const markdown = result ? stringifyDocument(result.meta, result.tree) : ''
  const messages = file.messages.map((message) => `${message.line ?? 0}:${message.column ?? 0} ${message.ruleId} ${message.reason}`).join('\n') + '\n'
  return {bytes, result, markdown, messages, folder, file}
}

function extensionOf(name: string): string {
  const input = readdirSync(join(root, name)).find((entry) => entry.startsWith('input.')) ?? ''
  return input.slice('input'.length)
}

describe('ingest fixtures', () => {
  it('has the cases the brief asks for', () => {
    for (const name of ['superscript-page-notes', 'bracketed-endnotes', 'word-footnote-refs', 'markdown-footnotes', 'plain-text', 'crlf', 'utf16-bom', 'utf16be-nobom', 'windows-1252', 'empty', 'binary']) {
      expect(cases).toContain(name)
    }
  })

  for (const name of cases) {
    it(`${name}: output and diagnostics match the expected files`, () => {
      const {markdown, messages, folder} = run(name)
      const expectedMarkdown = join(folder, 'expected.md')
      const expectedMessages = join(folder, 'expected-messages.txt')
      if (update) {
        writeFileSync(expectedMarkdown, markdown)
        writeFileSync(expectedMessages, messages)
      }
      // A case without its expected files fails: a new fixture never passes by writing them.
      expect(existsSync(expectedMarkdown), `${expectedMarkdown} is missing (UPDATE=1 writes it)`).toBe(true)
      expect(existsSync(expectedMessages), `${expectedMessages} is missing (UPDATE=1 writes it)`).toBe(true)
      expect(markdown).toBe(readFileSync(expectedMarkdown, 'utf8'))
      expect(messages).toBe(readFileSync(expectedMessages, 'utf8'))
    })

    it(`${name}: never throws, loses no word`, () => {
      const {bytes, result, markdown, file} = run(name)
      if (result?.witness !== undefined) {
        expect(lostWords(result.witness, markdown)).toEqual([])
        return
      }
      const decoded = decodeBytes(bytes)
      // Bytes that decode but do not parse (malformed XML) are refused the same way.
      if (!decoded.ok || (result === undefined && extensionOf(name) === '.xml')) {
        expect(result).toBeUndefined()
        expect(file.messages.some((message) => message.fatal === true)).toBe(true)
        return
      }
      expect(result).toBeDefined()
      expect(lostWords(normalizeNewlines(decoded.text), markdown)).toEqual([])
    })
  }
})
