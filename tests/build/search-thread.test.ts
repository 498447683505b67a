/**
 * The search index thread's failures end the build's wait with the error: a thread that cannot
 * start (here: run from the TypeScript sources, where its compiled entry does not exist) fails
 * `finish`, once, without an uncaught error and without hanging.
 */
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {openSearchThread} from '../../pipeline/build/executor.js'

describe('the search index thread', () => {
  it('a thread that cannot start makes finish throw, without hanging', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'apparatus-search-'))
    const search = openSearchThread({dir})
    const record = {id: 'a', document: 'a', title: 'A', text: 'Some words.', href: 'a.html'}
    search.addAll([record] as never)
    search.addAll([record] as never)
    await expect(search.finish()).rejects.toThrow()
    await search.close()
  }, 60_000)
})
