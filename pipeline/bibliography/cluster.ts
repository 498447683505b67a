/**
 * Grouping by shared index keys (union–find). Each record brings its keys and facts; it joins
 * the group already holding one of its keys when their facts agree. One hash lookup per key:
 * linear in the number of citations.
 */
import {combine, compatible, type Facts} from './identity.js'

export class Clusters {
  private readonly parent: number[] = []
  private readonly facts: Facts[] = []
  private readonly index = new Map<string, number>()

  /** The group a record belongs to. */
  find(record: number): number {
    let root = record
    while (this.parent[root] !== root) root = this.parent[root] ?? root
    let node = record
    while (this.parent[node] !== root) {
      const next = this.parent[node] ?? root
      this.parent[node] = root
      node = next
    }
    return root
  }

  /** Add a record; returns its id. */
  add(keys: string[], facts: Facts): number {
    const id = this.parent.length
    this.parent.push(id)
    this.facts.push(facts)
    for (const key of keys) {
      const other = this.index.get(key)
      if (other === undefined) continue
      const mine = this.find(id)
      const theirs = this.find(other)
      if (mine === theirs) continue
      const factsMine = this.facts[mine]
      const factsTheirs = this.facts[theirs]
      if (!factsMine || !factsTheirs || !compatible(factsTheirs, factsMine)) continue
      // The earlier group stays the root, so group ids follow first appearance.
      const [root, child] = theirs < mine ? [theirs, mine] : [mine, theirs]
      this.parent[child] = root
      this.facts[root] = combine(this.facts[root] ?? factsTheirs, this.facts[child] ?? factsMine)
    }
    for (const key of keys) if (!this.index.has(key)) this.index.set(key, this.find(id))
    return id
  }
}
