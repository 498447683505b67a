/**
 * The search index thread of a large edition (`openSearchThread` in pipeline/build/executor.ts): it
 * indexes the records it is sent, in order, and writes the shards and the index script into
 * the site itself. It loads minisearch and nothing else of the pipeline.
 */
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {parentPort} from 'node:worker_threads'
import {SearchIndex} from '../html/search-index.js'
import type {SearchRecord} from '../html/types.js'

/** Add records to the index (or finish it), writing the completed parts into `dir`. */
export interface SearchTask {
  id: number
  dir: string
  shardSize?: number
  records: SearchRecord[]
  finish?: boolean
}

export type SearchReply = {id: number; paths: string[]} | {id: number; error: string}

let index: SearchIndex | undefined

parentPort?.on('message', (task: SearchTask) => {
  let reply: SearchReply
  try {
    index ??= new SearchIndex({shardSize: task.shardSize})
    const parts = [...index.addAll(task.records), ...(task.finish ? index.finish() : [])]
    for (const part of parts) writeFileSync(path.join(task.dir, part.path), part.content)
    reply = {id: task.id, paths: parts.map((part) => part.path)}
  } catch (error) {
    reply = {id: task.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error)}
  }
  parentPort?.postMessage(reply)
})
