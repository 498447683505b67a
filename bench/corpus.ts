/**
 * Synthetic corpus for the benchmark: N documents made from the seeds. Documents with
 * bracketed endnotes or Word footnote references get their paragraphs shuffled and their notes
 * renumbered in reading order; every document gets its years and page numbers varied so the
 * bibliography grows with N. Deterministic for a given N.
 */
import {mkdir, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import YAML from 'yaml'

/** mulberry32: a small deterministic PRNG. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffle<T>(items: T[], next: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** Shift years and page numbers in notes so citations differ from the seed's. */
function vary(text: string, next: () => number): string {
  const shift = 1 + Math.floor(next() * 40)
  return text
    .replace(/\b(19[0-9]{2})\b/g, (year) => String(Number(year) - shift))
    .replace(/\b(\d{2,3})-(\d{1,3})\b/g, (_, a: string, b: string) => `${Number(a) + shift}-${b}`)
}

/** Bracketed endnotes: shuffle body paragraphs, renumber references and endnotes in order. */
function shuffleBracketed(text: string, next: () => number): string {
  const blocks = text.split(/\n{2,}/)
  const firstNote = blocks.findIndex((block) => /^\[1\]\s?\S/.test(block))
  if (firstNote < 0) return text
  const body = shuffle(blocks.slice(1, firstNote), next)
  const notes = new Map<string, string>()
  for (const block of blocks.slice(firstNote)) {
    const match = /^\[(\d+)\]\s?([\s\S]*)$/.exec(block)
    if (match) notes.set(match[1]!, match[2]!)
  }
  const renumber = new Map<string, number>()
  const newBody = body.map((block) =>
    block.replace(/\[(\d+)\]/g, (whole, n: string) => {
      if (!notes.has(n) || renumber.has(n)) return whole
      renumber.set(n, renumber.size + 1)
      return `[${renumber.size}]`
    })
  )
  const newNotes = [...renumber].map(([old, n]) => `[${n}] ${vary(notes.get(old)!, next)}`)
  return [blocks[0]!, ...newBody, ...newNotes].join('\n\n') + '\n'
}

/** Word footnote references: shuffle paragraphs, renumber `[footnoteRef:n]` and `[n: …]`. */
function shuffleWordRefs(text: string, next: () => number): string {
  const lines = shuffle(text.split('\n').filter((line) => line.trim() !== ''), next)
  let counter = 0
  const renumber = new Map<string, number>()
  const renumbered = lines.map((line) =>
    line.replace(/\[footnoteRef:(\d+)\]/g, (_, n: string) => {
      renumber.set(n, ++counter)
      return `[footnoteRef:${counter}]`
    })
  )
  return renumbered
    .map((line) => line.replace(/\[(\d+): /g, (whole, n: string) => (renumber.has(n) ? `[${renumber.get(n)}: ` : whole)))
    .map((line) => vary(line, next))
    .join('\n\n') + '\n'
}

export interface Seed {
  name: string
  text: string
  sidecar: Record<string, unknown>
}

export async function readSeeds(dir: string): Promise<Seed[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort()
  return Promise.all(
    names.map(async (name) => {
      const sidecarPath = path.join(dir, name.replace(/\.txt$/, '.yml'))
      const sidecar = YAML.parse(await readFile(sidecarPath, 'utf8').catch(() => '{}')) as Record<string, unknown>
      return {name, text: await readFile(path.join(dir, name), 'utf8'), sidecar}
    })
  )
}

/** Write a corpus of `n` documents into `dir` (replacing what is there). Returns bytes written. */
export async function generateCorpus(seeds: Seed[], n: number, dir: string): Promise<number> {
  await rm(dir, {recursive: true, force: true})
  await mkdir(dir, {recursive: true})
  let bytes = 0
  await writeFile(path.join(dir, 'edition.yml'), YAML.stringify({title: `Benchmark edition of ${n} documents`, editors: ['Benchmark'], language: 'en'}))
  for (let i = 0; i < n; i++) {
    const seed = seeds[i % seeds.length]!
    const next = random(i + 1)
    let text: string
    if (/^\[1\]\s?\S/m.test(seed.text) && !seed.text.includes('[footnoteRef:')) text = shuffleBracketed(seed.text, next)
    else if (seed.text.includes('[footnoteRef:')) text = shuffleWordRefs(seed.text, next)
    else text = vary(seed.text, next)
    const name = `${String(i).padStart(5, '0')}-${seed.name.replace(/\.txt$/, '')}`
    const slug = `${String(seed.sidecar.slug ?? 'doc')}-v${i}`
    const sidecar = {...seed.sidecar, slug, title: `${String(seed.sidecar.title ?? name)} (variant ${i})`}
    await writeFile(path.join(dir, `${name}.txt`), text)
    await writeFile(path.join(dir, `${name}.yml`), YAML.stringify(sidecar))
    bytes += Buffer.byteLength(text)
  }
  return bytes
}
