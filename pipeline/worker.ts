/** Worker thread: runs the per-document stages for the sources it is sent. */
import {parentPort} from 'node:worker_threads'
import {processSource} from './document.js'
import type {SourceInput} from './types/document.js'

parentPort?.on('message', (message: {id: number; input: SourceInput}) => {
  parentPort?.postMessage({id: message.id, record: processSource(message.input)})
})
