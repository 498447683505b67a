/** Word `.docx` files. */
import {report} from '../../diagnostics.js'
import type {Reader} from './index.js'

export const docxReader: Reader = {
  extensions: ['.docx'],
  read(_input, file) {
    report(file, 'unknown-source-type', 'Unexpected Word source, expected a reader (not written yet)')
    return undefined
  }
}
