/**
 * The exports in one module, for callers that use several: the bibliography's files
 * (./bibliography.ts) and the documents' TEI and Pandoc exports (./documents.ts). The build loads
 * each from its own module, so that writing one does not load the other.
 */
export {formatBibliography} from './formatted.js'
export {readRis} from './ris.js'
export {stylePath} from './cite.js'
export {teiOfDocument} from './tei.js'
export {toTeiBibliography} from './tei-bibliography.js'
export {pandocOfDocument} from './pandoc.js'
export {jsonArray, writeBibliographyExports} from './bibliography.js'
