import {describe, expect, it} from 'vitest'
import {boundHeap} from '../../pipeline/build/heap.js'

describe('boundHeap', () => {
  it('asks for a collection once the heap has grown by its headroom, and stops when released', async () => {
    const bound = boundHeap({headroomMb: 8, intervalMs: 5})
    let kept: string[] = []
    for (let round = 0; round < 40 && bound.collections() === 0; round++) {
      // Garbage the heap holds until it is collected: 16 MiB of strings per round.
      kept = Array.from({length: 4096}, (_, n) => `${round}:${n}:`.padEnd(2048, 'x'))
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect(kept.length).toBe(4096)
    expect(bound.collections()).toBeGreaterThan(0)
    bound.release()
    const after = bound.collections()
    kept = Array.from({length: 4096}, (_, n) => `${n}`.padEnd(2048, 'y'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(bound.collections()).toBe(after)
  })
})
