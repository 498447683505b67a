// A letter's item in the BibLaTeX and RIS exports: printed in a collection, an `@incollection`
// (a book section) dated by the collection with the letter's date as `origdate`; kept alone, a
// letter. Items written for these tests.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {toBiblatex} from '../../pipeline/export/biblatex.js'
import {toRis} from '../../pipeline/export/ris.js'
import type {CslItem} from '../../pipeline/shared/types/csl.js'

const printed: CslItem = {
  id: 'crane1789hester', type: 'letter', title: 'Hester Crane to Josiah Fell',
  author: [{family: 'Crane', given: 'Hester'}], recipient: [{family: 'Fell', given: 'Josiah'}],
  issued: {'date-parts': [[1789, 4, 12]]}, 'container-title': 'The Papers of Hester Crane',
  editor: [{family: 'Moyle', given: 'Agnes'}], volume: '4', publisher: 'Linden Press', 'publisher-place': 'Albany',
  custom: {containerIssued: {'date-parts': [[1971]]}}
}
const alone: CslItem = {
  id: 'crane1790crane', type: 'letter', title: 'Crane to Fell',
  author: [{family: 'Crane', given: 'Hester'}], recipient: [{family: 'Fell'}], issued: {'date-parts': [[1790, 6, 30]]}
}

/** The lines of one entry of a BibLaTeX file. */
function entry(bib: string, key: string): string {
  const start = bib.indexOf(`{${key},`)
  return bib.slice(bib.lastIndexOf('@', start), bib.indexOf('\n}', start))
}

describe('letters in the exports', () => {
  const bib = toBiblatex([printed, alone])

  test('BibLaTeX: a letter in a collection is an @incollection dated by the collection', () => {
    const printedEntry = entry(bib, printed.id)
    expect(printedEntry.startsWith('@incollection{')).toBe(true)
    expect(printedEntry).toMatch(/booktitle = \{The \{Papers\} of \{Hester\} \{Crane\}\}/)
    expect(printedEntry).toMatch(/\bdate = \{1971\}/)
    expect(printedEntry).toMatch(/origdate = \{1789-04-12\}/)
    expect(printedEntry).toMatch(/publisher = \{Linden Press\}/)
    expect(printedEntry).toMatch(/note = \{To Josiah Fell\}/)
    const aloneEntry = entry(bib, alone.id)
    expect(aloneEntry.startsWith('@misc{')).toBe(true)
    expect(aloneEntry).toMatch(/type = \{letter\}/)
    expect(aloneEntry).toMatch(/\bdate = \{1790-06-30\}/)
  })

  test('biber validates both entries against its data model', () => {
    const folder = mkdtempSync(join(tmpdir(), 'apparatus-letters-'))
    try {
      writeFileSync(join(folder, 'letters.bib'), bib)
      const result = spawnSync('biber', ['--tool', '--validate-datamodel', '--output-file', join(folder, 'checked.bib'), join(folder, 'letters.bib')], {cwd: folder, encoding: 'utf8'})
      expect(result.status).toBe(0)
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/WARN|ERROR/)
    } finally {
      rmSync(folder, {recursive: true, force: true})
    }
  })

  test('RIS: a book section, and a letter kept alone a personal communication', () => {
    const [first, second] = toRis([printed, alone]).split(/\n\n/)
    expect(first).toMatch(/^TY {2}- CHAP$/m)
    expect(first).toMatch(/^T2 {2}- The Papers of Hester Crane$/m)
    expect(second).toMatch(/^TY {2}- PCOMM$/m)
    expect(second).toMatch(/^DA {2}- 1790\/6\/30\/$/m)
  })
})
