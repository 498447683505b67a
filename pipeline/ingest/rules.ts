import {registerRules} from '../shared/diagnostics.js'
import type {RuleCatalog} from '../shared/rules.js'

export {report} from '../shared/diagnostics.js'

/** Diagnostics of the ingest stage. */
export const ingestRules: RuleCatalog = {
  // Reported where ingest reads a source without metadata, and by the build for a renamed slug.
  'sidecar-missing': {severity: 'info', description: 'A source has no sidecar; metadata was inferred', hint: 'Add `sources/<name>.yml` with title, authors, date, kind and slug.'},
  'empty-input': {severity: 'error', description: 'A source holds no text (empty or white space only)', hint: 'Check that the file was exported completely; remove it from sources/ if it is a placeholder.'},
  'binary-input': {severity: 'error', description: 'A source is binary, not text (NUL or control bytes)', hint: 'Export the document as plain text (UTF-8) before adding it to sources/.'},
  'encoding-fallback': {severity: 'info', description: 'A source is not valid UTF-8 and was read as Windows-1252 (which Latin-1 files also read as)', hint: 'Check accented letters and quotation marks in the output; re-save the file as UTF-8 to be sure.'},
  'encoding-invalid': {severity: 'warning', description: 'A source has bytes that its encoding does not allow (a stray byte in UTF-8, read as Windows-1252; half a pair or a cut-off end in UTF-16 or UTF-32, read as U+FFFD)', hint: 'Check the text at the place given (a character pasted from another file, a damaged or truncated file) and re-save the file as UTF-8.'},
  'encoding-controls': {severity: 'warning', description: 'A source in Unicode holds C1 control characters (U+0080–U+009F) where Windows-1252 text was once read as Latin-1; each was read as the Windows-1252 character it stands for (U+009A as `š`, U+0096 as `–`)', hint: 'Check the characters at the place given; re-save the source from its original encoding to be sure.'},
  'encoding-unknown': {severity: 'error', description: 'A source is in an 8-bit or East Asian encoding that could not be told with confidence from its bytes (too short, or two readings fit as well); it was not read', hint: 'Declare the encoding in the sidecar (`encoding: koi8-r`), or re-save the file as UTF-8 (`iconv -f ENCODING -t UTF-8`).'},
  'encoding-detected': {severity: 'warning', description: 'A source without a byte order mark or a declared encoding was read in an encoding guessed from its bytes (UTF-16, KOI8-R, Windows-1251, Shift-JIS, Mac Roman…)', hint: 'Check the output; declare the encoding in the sidecar (`encoding: …`), or re-save the file as UTF-8, to be sure.'},
  'encoding-declaration': {severity: 'warning', description: "A source's declared encoding (sidecar `encoding`, XML declaration, HTML `<meta charset>`) is unknown, or the bytes are UTF-8 and not what it says; it was not followed", hint: 'Correct the declaration, or remove it and let the bytes be read as they are.'},
  'convention-override': {severity: 'info', description: 'The note convention was set by the sidecar, not detected', hint: 'Remove `overrides.convention` from the sidecar to let ingest detect it.'},
  'convention-uncertain': {severity: 'info', description: 'Two note conventions fit a source almost equally well', hint: 'Set `overrides.convention` in the sidecar if the detected convention is wrong.'},
  'reference-without-note': {severity: 'warning', description: 'A note reference has no note with its number', hint: 'Check the OCR of the marker, or whether the note was lost in the export; the marker is kept as text.'},
  'note-without-reference': {severity: 'warning', description: 'A note has no reference in the text', hint: 'Check whether its marker was lost or misread in the body text.'},
  'note-in-note': {severity: 'warning', description: 'A note refers to a note (or to itself); notes do not nest', hint: 'The reference is kept as text, as pandoc reads it; move it into the text or write out what the note means.'},
  'reference-moved': {severity: 'info', description: 'A note reference that opened a line right before an emended word was put after that word', hint: 'Markdown reads a reference at the start of a line followed by a directive as a note definition; check that the note fits after the word, or move the reference in the source.'},
  'note-numbering-gap': {severity: 'warning', description: 'Note numbers skip one or more numbers', hint: 'Check whether a note was lost or its number misread.'},
  'duplicate-note-number': {severity: 'warning', description: 'Two notes have the same number; the later one is renumbered apart', hint: 'Check the OCR of the note numbers.'},
  'note-out-of-order': {severity: 'warning', description: 'Note references or notes are not in ascending order', hint: 'Check the OCR of the markers; a misread number often shows here.'},
  'note-mark-misread': {severity: 'info', description: 'A note at the foot of a page opens with an OCR misreading of its mark (`t` or `+` for `†`, `$` for `§`)', hint: 'The note was paired with the reference that waited for it; check the pairing in the output.'},
  'note-number-misread': {severity: 'info', description: 'A note or its call has an OCR misreading of its number (`l` or `I` for 1) where the next note or call follows it', hint: 'The note was read with the number its place gives; check the pairing in the output.'},
  'second-convention': {severity: 'info', description: 'A text has symbol notes (`*`, `†`) beside the notes of its own convention, as a translator’s or editor’s notes beside an author’s', hint: 'Both sets are notes of the edition; check their pairing in the output.'},
  'notes-not-found': {severity: 'warning', description: 'A text has marks that look like note calls or note bodies, but no note convention fits them', hint: 'Check the notes in the output; set `overrides.convention` in the sidecar if one fits, or report the convention so it can be supported.'},
  'note-continuation': {severity: 'info', description: 'A note continued on a later page was merged into one note', hint: 'Check the merged note in the output if the page layout was unusual.'},
  'unterminated-note': {severity: 'warning', description: 'An inline note body has no closing bracket', hint: 'The note was taken to run to the end of the line; check the export.'},
  'unknown-artifact': {severity: 'warning', description: 'A bracketed field code of a word processor that ingest does not know', hint: 'It is kept as text; add its pattern to the artifact table if it is conversion residue.'},
  'possible-sic': {severity: 'info', description: 'A word looks like a misspelling of a word used elsewhere in the same text', hint: 'Author’s errors are kept as printed; add an editorial emendation in the sidecar if the edition should correct it.'},
  'truncated-source': {severity: 'info', description: 'The source is an excerpt cut off by a paywall or similar', hint: 'The document is marked `truncated`; obtain the full text to replace it.'},
  'note-override-not-found': {severity: 'warning', description: 'A sidecar note override names a note or passage that is not in the source', hint: 'Give the note number as printed and copy the passage exactly from one paragraph of that note; Markdown footnotes are fixed in the source itself.'},
  'override-not-found': {severity: 'warning', description: 'A sidecar emendation does not match the source text', hint: 'Copy the `find` text exactly from the source (including quotation marks and spaces).'},
  'html-malformed': {severity: 'info', description: 'An HTML source has parse errors; it was read as a browser reads it', hint: 'Check the output where the error points (an unclosed element can swallow what follows); save the page again from the browser if much is wrong.'},
  'html-notes-unpaired': {severity: 'warning', description: 'Superscript numbers in an HTML source run in sequence, but no list of as many notes follows them', hint: 'The numbers are kept as text. Check whether the notes were lost when the page was saved, or whether their list is numbered differently.'},
  'docx-invalid': {severity: 'error', description: 'A Word source cannot be read: not a complete .docx (ZIP) file, a missing `word/document.xml`, or malformed XML in it', hint: 'Open the file in Word or LibreOffice and save it again as .docx; a file cut short by a download must be fetched again.'},
  'docx-tracked-changes': {severity: 'info', description: 'A Word source has tracked changes: insertions were accepted, deleted text is kept in the apparatus', hint: 'Accept or reject the changes in Word if the edition should follow another reading.'},
  'xml-invalid': {severity: 'error', description: 'An XML (TEI) source is not well-formed', hint: 'Fix the markup at the position given (an unclosed or mismatched tag, a bare `&` or `<`, an entity such as `&nbsp;` that XML does not define: write the character itself); a fragment of sibling elements needs no root or declaration.'},
  'placeholder-character': {severity: 'warning', description: 'A source uses the brackets ⟦ ⟧ that ingest reserves', hint: 'They were replaced by U+FFFD; check what they stood for in the original.'}
}

registerRules(ingestRules)
