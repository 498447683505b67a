/** TEI P5 XML (whole documents and `<div>`/`<text>` fragments). */
import {report} from '../../diagnostics.js'
import type {Reader} from './index.js'

export const teiReader: Reader = {
  extensions: ['.xml'],
  read(_input, file) {
    report(file, 'unknown-source-type', 'Unexpected TEI source, expected a reader (not written yet)')
    return undefined
  }
}
