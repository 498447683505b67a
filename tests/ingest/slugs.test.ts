/** Slugs of file names: letters beyond ASCII are spelled in Latin, ASCII names keep their slugs. */
import {describe, expect, it} from 'vitest'
import {slugOf} from '../../pipeline/ingest/meta.js'

describe('slugOf', () => {
  it.each([
    ['Über_Städte.txt', 'uber-stadte'],
    ['Ünïcødé.txt', 'unicode'],
    ['Straße der Fischer.md', 'strasse-der-fischer'],
    ['Łódź 1920.docx', 'lodz-1920'],
    ['Œuvres complètes.html', 'oeuvres-completes'],
    ['Новый_договор.txt', 'novyi-dogovor'],
    ['Щука и ёж.txt', 'shchuka-i-ezh'],
    ['Ἀθῆναι καὶ Σπάρτη.xml', 'athenai-kai-sparte'],
    ['Περὶ ψήφων.txt', 'peri-psephon']
  ])('%s → %s', (name, slug) => {
    expect(slugOf(name)).toBe(slug)
  })

  it.each([
    ['Harbour_Papers-1901.txt', 'harbour-papers-1901'],
    ['000_2777fb99a9e7d315.txt', '000-2777fb99a9e7d315'],
    ['sources/Notes (draft) v2.md', 'notes-draft-v2'],
    ['---.txt', 'document']
  ])('keeps the slug of an ASCII name: %s → %s', (name, slug) => {
    expect(slugOf(name)).toBe(slug)
  })

  it('leaves a name in a script without a table to the fallback slug, never an empty one', () => {
    expect(slugOf('日本.txt')).toBe('document')
  })
})
