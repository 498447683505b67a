/**
 * The part of citation-js 0.8 the bibliography uses (the packages ship no types).
 * Values citation-js returns are typed `unknown` and narrowed where they are read.
 */
declare module '@citation-js/core' {
  export interface FormatOptions {
    format?: string
    template?: string
    lang?: string
    asEntryArray?: boolean
    entry?: string | string[]
    /** Keep the order of the data instead of the style's bibliography sort. */
    nosort?: boolean
  }

  export class Cite {
    constructor(data?: unknown, options?: Record<string, unknown>)
    data: unknown[]
    format(format: string, options?: FormatOptions): unknown
  }

  export interface BibtexConfig {
    format: {useIdAsLabel: boolean; checkLabel: boolean; asciiOnly: boolean}
    parse: {strict: boolean; sentenceCase: string}
  }

  export interface CslConfig {
    styles: {add(name: string, xml: string): void; has(name: string): boolean}
    locales: {add(name: string, xml: string): void; has(name: string): boolean}
  }

  export const plugins: {
    config: {
      get(name: '@bibtex'): BibtexConfig
      get(name: '@csl'): CslConfig
    }
  }
}

declare module '@citation-js/plugin-bibtex' {}
declare module '@citation-js/plugin-ris' {}
declare module '@citation-js/plugin-csl' {}
