/**
 * What the bundles have instead of node-fetch and sync-fetch. citation-js loads both to read
 * inputs given as URLs; Apparatus hands it items, never URLs, and builds without the network,
 * so a fetch is refused with a clear error rather than sent (and the two packages, with their
 * dependencies, are not loaded by every thread: about 20 ms each).
 */
class OfflineHeaders extends Map<string, string> {}

function refuse(url?: unknown): never {
  throw new Error(`Apparatus does not fetch anything from the network (asked for ${String(url)})`)
}

export const Headers = OfflineHeaders
export default Object.assign(refuse, {Headers: OfflineHeaders})
