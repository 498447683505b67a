/**
 * Exports read back (issue 21, item 5): CSL-JSON through citation-js keeps every field, the
 * archival ones (`archive`, `archive_location`, `custom`) too; RIS carries the archive and the
 * place in it in the tags Zotero reads (`DB` archive, `AN` and `AV` archive location);
 * BibLaTeX gives every archival item its archive and place (`library`, `howpublished`), which
 * pandoc renders in any style (item 2).
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import {Cite} from '@citation-js/core'
import '@citation-js/plugin-csl'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildBibliography} from '../../pipeline/bibliography/index.js'
import {stylePath, writeBibliographyExports} from '../../pipeline/export/index.js'
import {archiveLocationText} from '../../pipeline/bibliography/archival-text.js'
import {isArchivalItem} from '../../pipeline/bibliography/hierarchy.js'
import type {CslItem} from '../../pipeline/shared/types/csl.js'
import {fullInput} from '../bibliography/gold.js'

const input = fullInput()
const bib = buildBibliography(input)
let out = ''

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'apparatus-round-trips-'))
  await writeBibliographyExports(bib, input, out)
})

afterAll(() => {
  rmSync(out, {recursive: true, force: true})
})

describe('export round trips', () => {
  it('keeps every field of CSL-JSON through citation-js, the archival ones too', () => {
    const items = JSON.parse(readFileSync(join(out, 'bib/bibliography.json'), 'utf8')) as Array<Record<string, unknown>>
    const back = new Cite(items).format('data', {format: 'object'}) as Array<Record<string, unknown>>
    expect(back).toHaveLength(items.length)
    const lost: string[] = []
    items.forEach((item, index) => {
      const read = back[index] ?? {}
      for (const field of new Set([...Object.keys(item), ...Object.keys(read)])) {
        if (!isDeepStrictEqual(item[field], read[field])) lost.push(`${String(item.id)}.${field}: ${JSON.stringify(item[field])} → ${JSON.stringify(read[field])}`)
      }
    })
    expect(lost).toEqual([])
    const archival = (items as CslItem[]).filter(isArchivalItem)
    expect(archival.length).toBeGreaterThan(0)
    for (const item of archival) {
      const read = back.find((entry) => entry.id === item.id) as CslItem | undefined
      expect(read?.archive, item.id).toBe(item.archive)
      expect(read?.custom?.archival, item.id).toEqual(item.custom?.archival)
      expect(read?.['archive_location'], item.id).toBe(item['archive_location'])
    }
  })

  it('writes RIS whose archival records carry the archive in DB and the place in AN and AV, as Zotero reads them', () => {
    const records = new Map(
      readFileSync(join(out, 'bib/bibliography.ris'), 'utf8')
        .split(/\n\n/)
        .map((record) => [/^ID {2}- (.*)$/m.exec(record)?.[1] ?? '', record] as const)
    )
    for (const item of bib.items.filter(isArchivalItem)) {
      const record = records.get(item.id) ?? ''
      const tag = (name: string) => new RegExp(`^${name} {2}- (.*)$`, 'm').exec(record)?.[1]
      const location = [item['archive_location'], item.custom?.archival?.sdCode].filter(Boolean).join(', ') || undefined
      expect(tag('TY'), item.id).toBe('MANSCPT')
      expect(tag('DB'), item.id).toBe(item.archive ?? item.custom?.archival?.archive)
      expect(tag('AN'), item.id).toBe(location)
      expect(tag('AV'), item.id).toBe(location)
    }
  })

  it('writes BibLaTeX from which pandoc renders every archival item with its archive and place, in two styles', () => {
    const text = readFileSync(join(out, 'bib/bibliography.bib'), 'utf8')
    const archival = bib.items.filter(isArchivalItem)
    for (const item of archival) {
      const entry = text.slice(text.indexOf(`{${item.id},`)).split('\n}\n')[0] ?? ''
      // A document whose citation names no archive has no place to give.
      const place = archiveLocationText(item)
      if (place) expect(entry, item.id).toContain(`howpublished = {${place}}`)
      else expect(entry, item.id).not.toContain('howpublished')
      expect(entry, item.id).not.toContain('Untitled')
    }
    expect(archival.filter((item) => archiveLocationText(item)).length).toBeGreaterThan(0)
    const markdown = join(out, 'archival.md')
    writeFileSync(markdown, `---\nnocite: |\n  ${archival.map((item) => `@${item.id}`).join(', ')}\n---\n`)
    const styles = [stylePath(), new URL('../fixtures/csl/author-date.csl', import.meta.url).pathname]
    for (const style of styles) {
      const result = spawnSync('pandoc', [markdown, '--citeproc', '--bibliography', join(out, 'bib/bibliography.bib'), '--csl', style, '-t', 'html', '--wrap=none'], {encoding: 'utf8'})
      expect(result.stderr, style).toBe('')
      const missing = archival.filter((item) => archiveLocationText(item)).filter((item) => {
        const at = result.stdout.indexOf(`id="ref-${item.id}"`)
        const entry = at < 0 ? '' : result.stdout.slice(at, result.stdout.indexOf('</div>', at)).replace(/<[^>]+>/g, '').replace(/&amp;/g, '&')
        return !entry.includes(archiveLocationText(item) ?? '\u0000') && !(entry.includes(item.archive ?? '\u0000') && entry.includes(item['archive_location'] ?? '\u0000'))
      })
      expect(missing.map((item) => item.id), style).toEqual([])
    }
  })
})
