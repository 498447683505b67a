/**
 * What the html stage asks of its page templates (templates/html/): the pages it makes and what
 * each is made from. The templates are handed to the stage (`SiteInput.views`; the build hands
 * it the edition's) and use the stage's helpers (urls, stream, labels); the stage imports none
 * of them, so the dependency runs one way.
 */
import type {ElementContent, Root} from 'hast'
import type {FormattedEntry} from '../shared/types/citation.js'
import type {DocumentMeta, EditionConfig} from '../shared/types/document.js'
import type {ArchiveNode} from './archives.js'
import type {BackLink} from './backlinks.js'
import type {RenderedDocument} from './document.js'

/** What every page shows of the edition. */
export interface SiteContext {
  edition: EditionConfig
  /** Build date from SOURCE_DATE_EPOCH; no date is shown without it. */
  built?: {text: string; iso: string}
}

export interface DocumentPageOptions {
  site: SiteContext
  document: RenderedDocument
  /** The document's metadata as the build knows it (authoritative over the front matter). */
  meta: DocumentMeta
  /** Position in the edition, from 1, and the number of documents. */
  position: number
  total: number
  previous?: DocumentMeta
  next?: DocumentMeta
  /** Key of the bibliography entry for this document, when the edition's sources cite it. */
  bibliographyKey?: string
}

export interface IndexPageOptions {
  site: SiteContext
  /** The introduction, rendered. */
  introduction: ElementContent[]
  documents: ReadonlyArray<{meta: DocumentMeta; notes: number}>
  entries: number
  archivalDocuments: number
}

export interface ArchivesPageOptions {
  site: SiteContext
  index: readonly ArchiveNode[]
  backLinks: ReadonlyMap<string, BackLink[]>
}

export interface BibliographyPageOptions {
  site: SiteContext
  entries: readonly FormattedEntry[]
  backLinks: ReadonlyMap<string, BackLink[]>
  /** Keys that have an entry in the archival index. */
  archival: ReadonlySet<string>
}

/**
 * The page templates of a site. A document page is made where its task runs (on a build
 * thread, too), so `documentPage` is also handed to `renderDocumentPage` on its own.
 */
export interface SiteViews {
  documentPage: (options: DocumentPageOptions) => Root
  indexPage: (options: IndexPageOptions) => Root
  searchPage: (site: SiteContext) => Root
  /** The page's HTML in parts: the largest pages are written as they are made. */
  archivesPage: (options: ArchivesPageOptions) => Iterable<string>
  bibliographyPage: (options: BibliographyPageOptions) => Iterable<string>
}
