import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {cached} from '../../pipeline/build/cached.js'
import {openCache} from '../../pipeline/shared/cache.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'apparatus-cached-'))
})
afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

/** A function that counts its calls: the square of its input, with a note of the input written to `file`. */
function counted() {
  const calls: number[] = []
  const fn = async (input: {n: number; file?: string}) => {
    calls.push(input.n)
    if (input.file) await writeFile(input.file, `file of ${input.n}`)
    return {square: input.n * input.n, written: input.file !== undefined}
  }
  return {fn, calls}
}

const how = {kind: 'squares', key: (input: {n: number}) => `key-${input.n}`, file: (input: {file?: string}, output: {written: boolean}) => (output.written ? input.file : undefined)}

describe('cached', () => {
  it('makes an output once: the next build reads it, and its file, from the previous cache and carries both on', async () => {
    const first = counted()
    const once = cached(openCache(undefined, path.join(dir, 'one'), undefined), first.fn, how)
    expect(await once({n: 3, file: path.join(dir, 'a.txt')})).toEqual({square: 9, written: true})
    expect(first.calls).toEqual([3])

    const second = counted()
    const again = cached(openCache(path.join(dir, 'one'), path.join(dir, 'two'), undefined), second.fn, how)
    const target = path.join(dir, 'b.txt')
    expect(await again({n: 3, file: target})).toEqual({square: 9, written: true})
    expect(await again({n: 4})).toEqual({square: 16, written: false})
    // 3 came from the cache with its file; 4 was made.
    expect(second.calls).toEqual([4])
    expect(await readFile(target, 'utf8')).toBe('file of 3')

    const third = counted()
    const carried = cached(openCache(path.join(dir, 'two'), undefined, undefined), third.fn, how)
    await carried({n: 3, file: path.join(dir, 'c.txt')})
    await carried({n: 4})
    expect(third.calls).toEqual([])
  })

  it('makes the output again when its file has gone from the cache', async () => {
    const first = counted()
    await cached(openCache(undefined, path.join(dir, 'one'), undefined), first.fn, how)({n: 5, file: path.join(dir, 'a.txt')})
    await rm(path.join(dir, 'one', 'squares-files'), {recursive: true})
    const second = counted()
    await cached(openCache(path.join(dir, 'one'), path.join(dir, 'two'), undefined), second.fn, how)({n: 5, file: path.join(dir, 'b.txt')})
    expect(second.calls).toEqual([5])
  })

  it('takes a damaged entry for a miss and says so', async () => {
    const first = counted()
    await cached(openCache(undefined, path.join(dir, 'one'), undefined), first.fn, how)({n: 2})
    await writeFile(path.join(dir, 'one', 'squares', 'key-2'), 'not an entry')
    const damaged: string[] = []
    const second = counted()
    expect(await cached(openCache(path.join(dir, 'one'), undefined, (kind, key) => damaged.push(`${kind}/${key}`)), second.fn, how)({n: 2})).toEqual({square: 4, written: false})
    expect(second.calls).toEqual([2])
    expect(damaged).toEqual(['squares/key-2'])
  })
})
