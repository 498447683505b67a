/**
 * citation-js, configured for this material: no ASCII folding (Russian, Chinese and
 * diacritics survive as written), keys equal to CSL ids, and the edition's CSL style.
 * citation-js keeps its configuration globally; we set ours for the length of a call and
 * put the previous one back.
 */
import {readFileSync} from 'node:fs'
import {Cite, plugins} from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-csl'
import '@citation-js/plugin-ris'
import {projectFile} from '../shared/project-files.js'

/** Name under which the edition's style, as citeproc formats bibliography entries with it, is registered with citation-js. */
export const styleName = 'apparatus'

/** Path of the edition's CSL style. */
export const stylePath = (): string => projectFile('templates/apparatus.csl')

let registered = false

function registerStyle(): void {
  if (registered) return
  const config = plugins.config.get('@csl')
  config.styles.add(styleName, bibliographyStyle(readFileSync(stylePath(), 'utf8')))
  registered = true
}

/**
 * The style without what only citations and sorting use. citeproc renders each item's
 * citation (to find ambiguous cites) and its sort keys even when it formats a bibliography
 * unsorted: two renderings of every item besides its entry. A style that disambiguates
 * nothing gives the same entries with an empty citation layout and no sort keys
 * (`orderEntries` sorts), at half the cost.
 */
export function bibliographyStyle(xml: string): string {
  const citation = /<citation\b[^>]*>[\s\S]*?<\/citation>/.exec(xml)
  if (!citation || /disambiguate/.test(citation[0])) return xml
  return xml.replace(citation[0], '<citation><layout><text value=""/></layout></citation>').replace(/<sort>[\s\S]*?<\/sort>/, '')
}

/** Run `action` with citation-js's BibTeX settings for this edition. */
export function withBibtexSettings<T>(action: () => T): T {
  const format = plugins.config.get('@bibtex').format
  const previous = {...format}
  format.asciiOnly = false
  format.useIdAsLabel = true
  try {
    return action()
  } finally {
    Object.assign(format, previous)
  }
}

/** A citation-js instance over CSL data, with the edition's style registered. */
export function cite(data: unknown[]): Cite {
  registerStyle()
  return new Cite(data)
}

/** Read text in a format citation-js knows (RIS, BibTeX) into CSL-JSON records. */
export function parseWithCitationJs(text: string): unknown[] {
  return withBibtexSettings(() => new Cite(text).data)
}
