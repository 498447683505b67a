/** `apparatus new DIR`: a starter edition with one sample source and its sidecar. */
import {mkdir, readdir, writeFile} from 'node:fs/promises'
import path from 'node:path'

const edition = `title: "A New Edition"
editors: [Your Name]
language: en
introduction: |
  Say here what the edition gathers and why.
order:
  - sample-document
`

const sidecar = `title: "A Sample Document"
shortTitle: "Sample"
slug: sample-document
authors: [Jane Historian]
date: "1995"
publication: "Where the text first appeared"
kind: article
rights: "State the rights here"
language: en
`

const source = `A Sample Document

The Politburo discussed the Korean question on 24 September 1949 and sent its decision to the
embassy in Pyongyang.[1] Historians have read the decision in different ways.[2]

Notes

[1] Ciphered telegram from Gromyko to Tunkin, 11 September 1949, AVP RF, Fond 059a, Opis 5a, Delo 3, Papka 11, Listy 45-46.

[2] Sergei Goncharov, John Lewis, and Xue Litai, Uncertain Partners: Stalin, Mao and the Korean War (Stanford, CA: Stanford University Press, 1993), 130-35; Ibid., 140.
`

/** Write the starter edition into `dir` (which must be empty or absent). Returns the files written. */
export async function createEdition(dir: string): Promise<string[]> {
  const sources = path.join(dir, 'sources')
  try {
    if ((await readdir(dir)).length > 0) throw new Error(`\`${dir}\` is not empty; choose a new folder`)
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error
  }
  await mkdir(sources, {recursive: true})
  const files: Array<[string, string]> = [
    [path.join(sources, 'edition.yml'), edition],
    [path.join(sources, 'sample-document.yml'), sidecar],
    [path.join(sources, 'sample-document.txt'), source]
  ]
  for (const [file, content] of files) await writeFile(file, content, {flag: 'wx'})
  return files.map(([file]) => file)
}
