/**
 * Note texts cut from a raw seed with the hand-checked note boundaries of
 * `tests/fixtures/gold/notes.json`: the fallback the evaluation uses while ingest is absent,
 * so the citation grammar can be measured on its own.
 */
import type {Root} from 'mdast'
import {parseMarkdown} from '../markdown/index.js'

export interface GoldNote {
  n: number
  noteStart: string
  noteEnd: string
  noteLine: number
}

/** Markers that open a note paragraph in the seeds (superscripts, `[12]`, `[footnote:12]`). */
const noteMarker = /^\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[(?:footnote:)?\d+\]|\d+\.?)\s*/u

/** Cut every note's text out of the source lines. */
export function notesFromGold(source: string, notes: GoldNote[]): Map<number, string> {
  const lines = source.split(/\r?\n/)
  const out = new Map<number, string>()
  for (const note of notes) {
    const first = lines[note.noteLine - 1] ?? ''
    const start = first.indexOf(note.noteStart)
    let text = start >= 0 ? first.slice(start) : first.replace(noteMarker, '')
    const end = text.indexOf(note.noteEnd)
    if (end >= 0) {
      text = text.slice(0, end + note.noteEnd.length)
    } else {
      // The note continues further down (after a page break or body paragraphs).
      for (let index = note.noteLine; index < lines.length; index++) {
        const line = lines[index] ?? ''
        const at = line.indexOf(note.noteEnd)
        if (at >= 0) {
          text += ' ' + line.slice(0, at + note.noteEnd.length).trim()
          break
        }
      }
    }
    out.set(note.n, text.replace(/\s+/g, ' ').trim())
  }
  return out
}

/** Markdown-escape what would otherwise be read as syntax in plain note text. */
function escapeNote(text: string): string {
  return text.replace(/([\\[\]<`_])/g, '\\$1')
}

/** A development tree: one footnote definition per note, asterisks kept as emphasis. */
export function treeFromNotes(notes: Map<number, string>): Root {
  const markdown = [...notes]
    .map(([n, text]) => `x[^${n}]\n\n[^${n}]: ${escapeNote(text)}\n`)
    .join('\n')
  return parseMarkdown(markdown)
}
