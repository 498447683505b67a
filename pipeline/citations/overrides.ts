/**
 * Editorial fixes of citations from the sidecar (`overrides.citations`): CSL fields that
 * replace the parsed ones, a locator, a bibliography key. Applied before Ibid. and short forms
 * are resolved, so they resolve to the corrected citation.
 */
import type {FootnoteDefinition} from 'mdast'
import type {VFile} from 'vfile'
import {report} from './rules.js'
import type {CslItemDraft} from '../shared/types/csl.js'
import type {CitationOverride, CslPatch} from '../shared/types/document.js'
import type {Candidate} from './resolve.js'

/** Apply each override to the citation it names; one that names none is reported. */
export function applyCitationOverrides(
  found: readonly Candidate[],
  overrides: readonly CitationOverride[],
  notes: ReadonlyMap<number, FootnoteDefinition>,
  file: VFile
): void {
  for (const override of overrides) {
    const definition = notes.get(override.note)
    const inNote = found.filter((entry) => entry.citation.note === override.note)
    const entry = inNote.find((candidate) => candidate.citation.index === override.citation - 1)
    if (!entry) {
      const expected = !definition ? `a note of the document (there is no note ${override.note})` : inNote.length === 0 ? `a note with citations (note ${override.note} has none)` : `a citation from 1 to ${inNote.length} of note ${override.note}`
      report(file, 'citation-override-not-found', `Unexpected override of citation ${override.citation} in note ${override.note}, expected ${expected}`, definition?.position)
      continue
    }
    const {citation} = entry
    const fields: string[] = []
    if (override.csl) {
      citation.item = patched(citation.item, override.csl)
      // The editor said what the citation cites: it stands for itself.
      citation.unparsed = undefined
      citation.ibid = false
      citation.shortForm = false
      citation.resolvesTo = undefined
      entry.incomplete = false
      entry.opCit = false
      fields.push(...Object.keys(override.csl))
    }
    if (override.locator !== undefined) {
      citation.locator = override.locator
      citation.label = override.label ?? citation.label ?? 'page'
      fields.push('locator')
    }
    if (override.label !== undefined) {
      citation.label = override.label
      fields.push('label')
    }
    if (override.key !== undefined) {
      citation.key = override.key
      fields.push('key')
    }
    citation.override = {fields, reason: override.reason}
  }
}

/** The item with the patch applied: each field given replaces the parsed one, `null` removes it. */
function patched(item: CslItemDraft, patch: CslPatch): CslItemDraft {
  const out: CslItemDraft = structuredClone(item)
  const record: Record<string, unknown> = out
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete record[field]
    else if (value !== undefined) record[field] = structuredClone(value)
  }
  if (out.custom?.unparsed) {
    const custom = {...out.custom}
    delete custom.unparsed
    if (Object.keys(custom).length > 0) out.custom = custom
    else delete out.custom
  }
  return out
}
