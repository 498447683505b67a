/** HTML web copies. */
import {report} from '../../diagnostics.js'
import type {Reader} from './index.js'

export const htmlReader: Reader = {
  extensions: ['.html', '.htm'],
  read(_input, file) {
    report(file, 'unknown-source-type', 'Unexpected HTML source, expected a reader (not written yet)')
    return undefined
  }
}
