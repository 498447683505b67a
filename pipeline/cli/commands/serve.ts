/**
 * `apparatus serve`: a preview of output/html on 127.0.0.1 with live reload. The reload
 * script is served from the same origin and injected into pages only here, so the built site
 * stays free of it; the page's Content-Security-Policy takes `connect-src 'self'` in place of
 * its `connect-src 'none'` for the event stream.
 */
import {readFile, realpath, stat} from 'node:fs/promises'
import type {Server, ServerResponse} from 'node:http'
import path from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8'
}

const reloadPath = '/__apparatus/livereload.js'
const eventsPath = '/__apparatus/events'
const reloadScript = `new EventSource(${JSON.stringify(eventsPath)}).addEventListener('reload', () => location.reload())\n`

export interface Preview {
  server: Server
  url: string
  /** Tell every open page to reload. */
  reload(): void
  close(): Promise<void>
}

/**
 * The policy `policy` with `connect-src 'self'` in place of its own `connect-src` (a browser
 * obeys the first of two directives of one name and ignores the second), or added to it.
 */
export function allowEventStream(policy: string): string {
  const directives = policy.split(';').map((directive) => directive.trim()).filter(Boolean)
  const others = directives.filter((directive) => directive.split(/\s+/)[0]!.toLowerCase() !== 'connect-src')
  return [...others, "connect-src 'self'"].join('; ')
}

function inject(html: string): string {
  const withScript = html.replace('</head>', `<script src="${reloadPath}" defer></script></head>`)
  return withScript.replace(/(<meta http-equiv="Content-Security-Policy" content=")([^"]*)"/, (_, start: string, policy: string) => {
    // The attribute as serialized: apostrophes may be character references.
    const text = policy.replace(/&#x27;|&#39;|&apos;/gi, "'")
    return `${start}${allowEventStream(text)}"`
  })
}

/** Serve `root` on 127.0.0.1:`port` (0 picks a free port). */
export async function servePreview(root: string, port: number): Promise<Preview> {
  const base = path.resolve(root)
  const clients = new Set<ServerResponse>()
  // Loaded here: a build, which every thread of the CLI's bundle may run, needs no HTTP server.
  const {createServer} = await import('node:http')
  let hosts = new Set<string>()
  const server = createServer(async (request, response) => {
    // DNS rebinding: a page of another site, its name pointed at 127.0.0.1, must not read the
    // preview. Only the names of this machine with the preview's port are served.
    if (!hosts.has((request.headers.host ?? '').toLowerCase())) {
      response.writeHead(403, {'content-type': types['.txt']!}).end('Forbidden: unexpected Host header')
      return
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === eventsPath) {
      response.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive'})
      response.write(': connected\n\n')
      clients.add(response)
      request.on('close', () => clients.delete(response))
      return
    }
    if (url.pathname === reloadPath) {
      response.writeHead(200, {'content-type': types['.js']!, 'cache-control': 'no-store'})
      response.end(reloadScript)
      return
    }
    let relative: string
    try {
      relative = decodeURIComponent(url.pathname)
    } catch {
      response.writeHead(400).end('Bad request')
      return
    }
    let file = path.resolve(base, `.${relative}`)
    if (file !== base && !file.startsWith(base + path.sep)) {
      response.writeHead(403).end('Forbidden')
      return
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html')
      // Links inside the output are followed only to files inside it (the output is swapped
      // in by each build: its real path is taken each time).
      const [real, realBase] = await Promise.all([realpath(file), realpath(base)])
      if (real !== realBase && !real.startsWith(realBase + path.sep)) {
        response.writeHead(403, {'content-type': types['.txt']!}).end('Forbidden')
        return
      }
      const body = await readFile(real)
      const type = types[path.extname(file)] ?? 'application/octet-stream'
      response.writeHead(200, {'content-type': type, 'cache-control': 'no-store'})
      response.end(type.startsWith('text/html') ? inject(body.toString('utf8')) : body)
    } catch {
      response.writeHead(404, {'content-type': types['.txt']!}).end('Not found')
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  const actualPort = address && typeof address === 'object' ? address.port : port
  hosts = new Set([`127.0.0.1:${actualPort}`, `localhost:${actualPort}`, `[::1]:${actualPort}`])
  return {
    server,
    url: `http://127.0.0.1:${actualPort}/`,
    reload() {
      for (const client of clients) client.write('event: reload\ndata: {}\n\n')
    },
    close() {
      for (const client of clients) client.end()
      clients.clear()
      return new Promise((resolve) => server.close(() => resolve()))
    }
  }
}
