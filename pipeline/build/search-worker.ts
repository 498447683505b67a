/**
 * The search index thread of a large edition (`openSearchThread` in pipeline/build/executor.ts),
 * a piscina pool of one thread: `addRecords` indexes the records it is sent, in the order they
 * are sent, and writes the shards and the index script into the site itself. The index is kept
 * between tasks, which is why it has a thread of its own. It loads minisearch and nothing else
 * of the pipeline.
 */
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {SearchIndex} from '../html/search-index.js'
import type {SearchRecord} from '../html/types.js'

/** Records to add to the index (or the index to finish), and where its completed parts are written. */
export interface SearchTask {
  dir: string
  shardSize?: number
  records: SearchRecord[]
  finish?: boolean
}

let index: SearchIndex | undefined

/** Add the task's records to the index (finishing it if asked) and write the parts completed: their paths in the site. */
export function addRecords(task: SearchTask): string[] {
  index ??= new SearchIndex({shardSize: task.shardSize})
  const parts = [...index.addAll(task.records), ...(task.finish ? index.finish() : [])]
  for (const part of parts) writeFileSync(path.join(task.dir, part.path), part.content)
  return parts.map((part) => part.path)
}
