/**
 * A build thread's entry (dist/pipeline/worker.js): piscina runs its exports by name
 * (pipeline/build/executor.ts). It shares the pipeline's chunks with the CLI (scripts/compile.mjs)
 * but not the CLI itself: a build thread loads the tasks, not the commands, the reporter or the
 * build's conductor.
 *
 * Every build thread formats bibliography entries (and a small edition's one thread writes the
 * exports): those stages load with the thread, before it waits for its first task, as the whole
 * pipeline used to (the exports' module imports the formatting); the others (ingest, citations,
 * pages) load with their first task.
 */
import './export/bibliography.js'
import {tasks} from './build/tasks.js'

export const {document, format, page, exports} = tasks
