/**
 * A build thread's entry (dist/pipeline/worker.js): piscina runs its exports by name
 * (pipeline/build/executor.ts). It loads the same bundle's chunks as the CLI (pipeline/bundle.ts).
 */
import {tasks} from './bundle.js'

export const {document, format, page, exports} = tasks
