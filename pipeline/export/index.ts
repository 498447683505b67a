/**
 * The exports in one module, for callers that use several: the bibliography's files
 * (./bibliography.ts) and the documents' TEI and Pandoc exports (./documents.ts). The build loads
 * each from its own module, so that writing one does not load the other.
 */
export {formatBibliography} from './formatted.js'
export {toBiblatex, biblatexEntries} from './biblatex.js'
export {toBibtex} from './bibtex.js'
export {toRis, readRis} from './ris.js'
export {toCslJson} from './csl-json.js'
export {stylePath} from './cite.js'
export {writeDocumentExports} from './documents.js'
export {toTei, teiOfDocument} from './tei.js'
export {toTeiBibliography} from './tei-bibliography.js'
export {pandocOfDocument} from './pandoc.js'
export {jsonArray, writeBibliographyExports, type ExportOptions} from './bibliography.js'
