/** The note conventions ingest knows, in order of preference when scores tie. */
import {bracketedEndnotes} from './bracketed-endnotes.js'
import {footnoteBlocks} from './footnote-blocks.js'
import {markdownFootnotes} from './markdown-footnotes.js'
import {none} from './none.js'
import {notesSection} from './notes-section.js'
import {superscriptPageNotes} from './superscript-page-notes.js'
import {symbolNotes} from './symbol-notes.js'
import type {Convention} from './types.js'
import {wordFootnoteRefs} from './word-footnote-refs.js'

export const conventions: readonly Convention[] = [markdownFootnotes, wordFootnoteRefs, footnoteBlocks, bracketedEndnotes, notesSection, superscriptPageNotes, symbolNotes, none]
export type {Convention, ConventionContext} from './types.js'
