/** The edition's page templates, as the html stage takes them (`SiteViews`). */
import type {SiteViews} from '../../pipeline/html/views.js'
import {archivesPage} from './archives-page.js'
import {bibliographyPage} from './bibliography-page.js'
import {documentPageTree} from './document-page.js'
import {indexPageTree} from './index-page.js'
import {searchPageTree} from './search-page.js'

export const siteViews: SiteViews = {
  documentPage: documentPageTree,
  indexPage: indexPageTree,
  searchPage: searchPageTree,
  archivesPage,
  bibliographyPage
}
