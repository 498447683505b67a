/**
 * Corpus-wide checks of archival references: problems of the sources that only show when
 * all documents are read together. They are reported, never fixed silently.
 */
import type {VFile} from 'vfile'
import {report} from './rules.js'
import type {CslItem} from '../shared/types/csl.js'

/** Report files cited under two archives, and fonds that differ only by leading zeros. */
export function archiveDisagreements(items: CslItem[], files: Array<VFile | undefined>): void {
  const archivesOfFile = new Map<string, {archive: string; position: number}>()
  const fondsOfArchive = new Map<string, string>()
  const reported = new Set<string>()
  items.forEach((item, position) => {
    const archival = item.custom?.archival
    const file = files[position]
    if (!archival?.archive || archival.fond === undefined || !file) return
    if (archival.opis !== undefined && archival.delo !== undefined) {
      const unit = `${archival.fond}|${archival.opis}|${archival.delo}`
      const seen = archivesOfFile.get(unit)
      if (!seen) archivesOfFile.set(unit, {archive: archival.archive, position})
      else if (seen.archive !== archival.archive && !reported.has(`a|${unit}`)) {
        reported.add(`a|${unit}`)
        report(file, 'bib-archive-disagreement', `Unexpected archive ${archival.archive} for fond ${archival.fond}, opis ${archival.opis}, delo ${archival.delo}, expected ${seen.archive} as cited elsewhere`)
      }
    }
    const bare = `${archival.archive}|${archival.fond.replace(/^0+(?=\w)/, '')}`
    const fond = fondsOfArchive.get(bare)
    if (fond === undefined) fondsOfArchive.set(bare, archival.fond)
    else if (fond !== archival.fond && !reported.has(`f|${bare}|${archival.fond}`)) {
      reported.add(`f|${bare}|${archival.fond}`)
      report(file, 'bib-fond-variant', `Unexpected fond ${archival.fond} in ${archival.archive}, expected ${fond} as cited elsewhere`)
    }
  })
}
