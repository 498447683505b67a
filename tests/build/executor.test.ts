import {describe, expect, it} from 'vitest'
import {formatOn, inOrder, inThisThread, mapTasks, type Executor} from '../../pipeline/build/executor.js'
import {formatBibliography} from '../../pipeline/export/formatted.js'
import type {CslItem} from '../../pipeline/shared/types/csl.js'

/** An executor whose `page` tasks end when the test says, and which counts the tasks under way. */
function controlled(concurrency: number) {
  const started: string[] = []
  const waiting = new Map<string, () => void>()
  let running = 0
  let most = 0
  const executor: Executor = {
    concurrency,
    run: (async (_name: string, input: {meta: {slug: string}}) => {
      const slug = input.meta.slug
      started.push(slug)
      most = Math.max(most, ++running)
      await new Promise<void>((resolve) => waiting.set(slug, resolve))
      running--
      return `made ${slug}`
    }) as never,
    release: async () => {},
    close: async () => {}
  }
  return {executor, started, end: (slug: string) => waiting.get(slug)!(), most: () => most, running: () => running}
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('mapTasks', () => {
  it('keeps at most `concurrency` tasks under way, starts them in the order given, and returns the outputs in input order', async () => {
    const slugs = ['a', 'b', 'c', 'd', 'e']
    const {executor, started, end, most} = controlled(2)
    const done: number[] = []
    const outputs = mapTasks(executor, 'page', slugs.map((slug) => ({meta: {slug}}) as never), (at) => done.push(at), [4, 3, 2, 1, 0])
    await tick()
    expect(started).toEqual(['e', 'd'])
    end('d')
    await tick()
    expect(started).toEqual(['e', 'd', 'c'])
    expect(done).toEqual([3])
    for (const slug of ['e', 'c', 'b', 'a']) {
      await tick()
      end(slug)
    }
    expect(await outputs).toEqual(slugs.map((slug) => `made ${slug}`))
    expect(done).toEqual([3, 4, 2, 1, 0])
    expect(most()).toBe(2)
  })
})

describe('formatOn', () => {
  it('formats in batches in this thread, grouped and ordered as the whole bibliography at once', async () => {
    const items: CslItem[] = Array.from({length: 230}, (_, n) => ({id: `item${n}`, type: 'book', title: `Title ${230 - n}`, author: [{family: `Family${n % 7}`, given: 'A.'}], issued: {'date-parts': [[1900 + (n % 50)]]}}))
    const batches: Array<[number, number]> = []
    const entries = await formatOn(inThisThread, items, (done, total) => batches.push([done, total]))
    expect(batches).toEqual([[1, 3], [2, 3], [3, 3]])
    expect(entries).toEqual(formatBibliography(items))
  })
})

describe('inOrder', () => {
  it('keeps `ahead` runs under way and yields the outputs in input order, whichever ends first', async () => {
    const {executor, started, end, most} = controlled(2)
    const slugs = ['a', 'b', 'c', 'd']
    const taken: string[] = []
    const consumed = (async () => {
      for await (const output of inOrder(slugs, (slug) => executor.run('page', {meta: {slug}} as never) as Promise<string>, 2)) taken.push(output)
    })()
    await tick()
    expect(started).toEqual(['a', 'b'])
    end('b')
    await tick()
    // b is done, but a comes first: nothing is taken and nothing more starts.
    expect(taken).toEqual([])
    expect(started).toEqual(['a', 'b'])
    end('a')
    await tick()
    expect(taken).toEqual(['made a', 'made b'])
    expect(started).toEqual(['a', 'b', 'c', 'd'])
    end('d')
    end('c')
    await consumed
    expect(taken).toEqual(slugs.map((slug) => `made ${slug}`))
    expect(most()).toBe(2)
  })
})
