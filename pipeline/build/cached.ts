/**
 * `cached(fn)`: a costly pure function through the content-hash cache (pipeline/shared/cache.ts).
 * Its output for an input whose key (a hash of every input of the work, salted with the
 * pipeline's code) is in the previous build's cache is read back instead of made, and carried
 * into the new cache; a new output is stored. The stages know nothing of it: the build wraps
 * the functions it hands them.
 */
import type {ContentCache} from '../shared/cache.js'

export interface Cached<Input, Output> {
  /** The cache's kind of entry (its folder in `.cache/`). */
  kind: string
  /** The content hash of the input. */
  key: (input: Input) => string
  /** The output as stored (default: JSON). */
  encode?: (output: Output) => string | Uint8Array
  /** A stored output, or undefined when it cannot be read (a miss; default: JSON). */
  decode?: (entry: Buffer) => Output | undefined
  /**
   * A file the function writes beside its output (its path, or undefined when it wrote none):
   * stored as an entry of kind `<kind>-files`, copied back to its path on a hit.
   */
  file?: (input: Input, output: Output) => string | undefined
}

/** `fn` taking its output from `cache` when the input's key is there. */
export function cached<Input, Output>(cache: ContentCache, fn: (input: Input) => Output | Promise<Output>, how: Cached<Input, Output>): (input: Input) => Promise<Output> {
  const encode = how.encode ?? ((output: Output) => JSON.stringify(output))
  const decode = how.decode ?? parsedJson<Output>
  const filesKind = `${how.kind}-files`
  return async (input) => {
    const key = how.key(input)
    const hit = await cache.get(how.kind, key)
    const stored = hit && decode(hit)
    if (stored !== undefined) {
      const file = how.file?.(input, stored)
      if (file === undefined || (await cache.copyTo(filesKind, key, file))) {
        await cache.keep(how.kind, key)
        if (file !== undefined) await cache.keep(filesKind, key)
        return stored
      }
    }
    const output = await fn(input)
    const file = how.file?.(input, output)
    if (file !== undefined) await cache.putFile(filesKind, key, file)
    await cache.put(how.kind, key, encode(output))
    return output
  }
}

/** A cache entry's JSON (entries are checked when read; this guards against a format from another version). */
export function parsedJson<T>(entry: Buffer): T | undefined {
  try {
    return JSON.parse(entry.toString('utf8')) as T
  } catch {
    return undefined
  }
}
