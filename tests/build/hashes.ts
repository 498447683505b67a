/** Hashes of every file of a build's output (the cache left out), by path: to compare builds byte for byte. */
import {createHash} from 'node:crypto'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'

export async function outputHashes(dir: string, prefix = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.name === '.cache') continue
    if (entry.isDirectory()) Object.assign(out, await outputHashes(path.join(dir, entry.name), relative))
    else out[relative] = createHash('sha256').update(await readFile(path.join(dir, entry.name))).digest('hex')
  }
  return out
}
