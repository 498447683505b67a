import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {ingestSource, lostWords} from '../../../pipeline/ingest/index.js'
import {teiReader} from '../../../pipeline/ingest/readers/tei.js'
import {stringifyDocument} from '../../../pipeline/markdown/index.js'

function read(xml: string | Uint8Array) {
  const file = new VFile({path: 'sources/x.xml'})
  const bytes = typeof xml === 'string' ? new TextEncoder().encode(xml) : xml
  const result = teiReader.read({path: 'sources/x.xml', bytes}, file)
  return {result, file}
}

function markdownOf(xml: string) {
  const file = new VFile({path: 'sources/x.xml'})
  const result = ingestSource({path: 'sources/x.xml', bytes: new TextEncoder().encode(xml), sidecar: {title: 'T'}}, file)
  if (!result) throw new Error(`not read: ${file.messages.map(String).join('; ')}`)
  const markdown = stringifyDocument(result.meta, result.tree)
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '')
  return {markdown, body, witness: result.witness ?? '', file}
}

describe('TEI reader: parsing', () => {
  it('reads a fragment of sibling elements and reports positions in the source', () => {
    const {result, file} = read('<div><p>one</p></div>\n<div><p>two</div>')
    expect(result).toBeUndefined()
    const [message] = file.messages
    expect(message?.ruleId).toBe('xml-invalid')
    expect(message?.fatal).toBe(true)
    // `</div>` on line 2 closes a `<p>`: the column is the source's, not the wrapped text's.
    expect(message?.line).toBe(2)
    expect(message?.column).toBe(12)
  })

  it('keeps line 1 columns right in a fragment', () => {
    const {file} = read('<p>a & b</p>')
    expect(file.messages[0]?.line).toBe(1)
    expect(file.messages[0]?.column).toBe(8)
  })

  it('reads a document with a declaration; an undefined entity is a positioned error', () => {
    expect(read('<?xml version="1.0"?>\n<TEI><text><body><p>x</p></body></text></TEI>').result).toBeDefined()
    const {result, file} = read('<?xml version="1.0"?>\n<TEI><text><body><p>a&nbsp;b</p></body></text></TEI>')
    expect(result).toBeUndefined()
    expect(file.messages[0]?.reason).toMatch(/nbsp/)
    expect(file.messages[0]?.line).toBe(2)
  })

  it('never throws on empty, binary or odd input', () => {
    for (const input of ['', '   ', 'plain text, no markup', '<', '<<<>>>', '</p>', '<a><b></a></b>', '<!DOCTYPE x><x/>', '\u0000\u0001binary']) {
      expect(() => read(input)).not.toThrow()
    }
    expect(read('').file.messages[0]?.ruleId).toBe('empty-input')
    expect(read('plain text, no markup').result?.witness.trim()).toBe('plain text, no markup')
  })

  it('decodes UTF-16 with a byte order mark', () => {
    const text = '<div><p>Café</p></div>'
    const bytes = new Uint8Array(2 + text.length * 2)
    bytes.set([0xff, 0xfe])
    for (let index = 0; index < text.length; index++) bytes[2 + index * 2] = text.charCodeAt(index)
    expect(read(bytes).result?.tree).toMatchObject({children: [{type: 'paragraph', children: [{type: 'text', value: 'Café'}]}]})
  })
})

describe('TEI reader: notes', () => {
  it('labels notes from @n (`12)` → 12), a leading <label>, or 1, 2, … and keeps repeats apart', () => {
    const {body} = markdownOf('<text><body><p>a<note n="12)">x</note> b<note>y</note> c<note><label>7</label>z</note></p></body></text><text><body><p>d<note n="12)">w</note> e<note>v</note></p></body></text>')
    expect(body).toContain('a[^12] b[^1] c[^7]')
    expect(body).toContain('d[^12-2] e[^2]')
    expect(body).toContain('[^7]: z')
    expect(body).toContain('[^12-2]: w')
  })

  it('puts the reference after the word when a space stands before the note', () => {
    const {body} = markdownOf('<p>word <note n="1">x</note>next and end <note n="2">y</note></p>')
    expect(body).toContain('word[^1] next and end[^2]\n')
  })

  it('gives a note of several paragraphs several paragraphs, and a note in a note its text in brackets', () => {
    const {body, witness, markdown} = markdownOf('<p>a<note n="1"><p>one</p><p>two <note>inner</note> three</p></note></p>')
    expect(body).toContain('[^1]: one\n\n    two \\[inner] three')
    expect(lostWords(witness, markdown)).toEqual([])
  })

  it('attaches a note that stands between paragraphs to the paragraph before', () => {
    const {body} = markdownOf('<div><p>first.</p><note n="1">x</note><p>second.</p></div>')
    expect(body).toContain('first.[^1]\n\nsecond.')
  })
})

describe('TEI reader: the witness', () => {
  it('leaves out the header, attribute values and element names', () => {
    const {result} = read('<TEI><teiHeader><fileDesc><titleStmt><title>Header Title</title></titleStmt></fileDesc></teiHeader><text><body><p rend="italic">Body <hi rend="bold">words</hi></p></body></text></TEI>')
    expect(result?.witness).not.toMatch(/Header|italic|bold|rend/)
    expect(result?.witness).toMatch(/Body\s+words/)
    expect(result?.metadata).toEqual({title: 'Header Title'})
  })

  it('joins what the Markdown joins: emphases side by side, names, page breaks', () => {
    const {body, witness, markdown} = markdownOf('<p><hi rend="italic">ϑ</hi><hi rend="italic">n</hi> and Ver<pb n="3"/>bindung and <persName>Jo</persName>hn</p>')
    expect(body).toContain('*ϑn* and Verbindung and John')
    expect(lostWords(witness, markdown)).toEqual([])
  })

  it('writes emphasis Markdown reads back, without character references', () => {
    const {body, witness, markdown} = markdownOf('<p><hi rend="italic">Alexejew\'</hi>s and <hi rend="italic">foo </hi>bar and x<hi rend="bold">(a)</hi>b and <hi rend="italic">(c</hi>)</p>')
    expect(body).not.toMatch(/&#x/)
    expect(body).toContain("*Alexejew*'s and *foo* bar and x(**a**)b and *(c*)")
    expect(lostWords(witness, markdown)).toEqual([])
  })

  /** A small seeded generator of TEI paragraphs mixing every construct the reader knows. */
  function generate(seed: number): string {
    let state = seed
    const next = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0
      return (state >>> 8) % n
    }
    const wordList = ['alpha', 'Beta', '12', "l'eau", '(gamma)', 'delta,', '“quoted”', 'x', 'ϑ', 'café', '-', 'Zimmer-']
    const text = () => Array.from({length: next(3)}, () => wordList[next(wordList.length)]).join(next(2) ? ' ' : '')
    const inline = (depth: number): string => {
      const parts: string[] = []
      for (let count = next(4) + 1; count > 0; count--) {
        const choice = depth > 2 ? 0 : next(14)
        const inner = () => inline(depth + 1)
        switch (choice) {
          case 1: parts.push(`<hi rend="italic">${inner()}</hi>`); break
          case 2: parts.push(`<hi rend="bold">${inner()}</hi>`); break
          case 3: parts.push(`<note>${inner()}</note>`); break
          case 4: parts.push(next(2) ? '<lb/>' : '<lb break="no"/>'); break
          case 5: parts.push('<pb n="4"/>'); break
          case 6: parts.push(`<choice><sic>${text()}</sic><corr>${inner()}</corr></choice>`); break
          case 7: parts.push(`<persName>${inner()}</persName>`); break
          case 8: parts.push(`<figure><head>${inner()}</head></figure>`); break
          case 9: parts.push(`<formula>${text()}</formula>`); break
          case 10: parts.push(`<title>${inner()}</title>`); break
          case 11: parts.push(`<unknownThing>${inner()}</unknownThing>`); break
          case 12: parts.push(`<note n="3)"><p>${inner()}</p><p>${inner()}</p></note>`); break
          case 13: parts.push(`<del>${inner()}</del>`); break
          default: parts.push(text())
        }
        if (next(3) === 0) parts.push(' ')
      }
      return parts.join('')
    }
    const blocks = Array.from({length: next(3) + 1}, () => {
      switch (next(5)) {
        case 0: return `<head>${inline(1)}</head>`
        case 1: return `<lg><l>${inline(1)}</l><l>${inline(1)}</l></lg>`
        case 2: return `<list><item>${inline(1)}</item><item>${inline(1)}</item></list>`
        case 3: return `<table><row><cell>${inline(1)}</cell><cell>${inline(1)}</cell></row></table>`
        default: return `<p>${inline(0)}</p>`
      }
    })
    return `<div>${blocks.join('\n')}</div>`
  }

  it('loses no word and writes no character reference, whatever the mix of markup', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const xml = generate(seed)
      const {body, witness, markdown} = markdownOf(xml)
      expect(lostWords(witness, markdown), xml).toEqual([])
      expect(body, xml).not.toMatch(/&#x/)
    }
  })
})

describe('TEI reader: notes in parts', () => {
  it('reads a note continued on the next page (`@prev` only) as one note, its cut paragraph as one', () => {
    const xml = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>The weir was rebuilt<note place="foot" n="1" xml:id="a"><p>After the flood of that spring, which carried</p></note> in stone.</p><pb n="2"/><p>Its keeper stayed.</p><note place="foot" xml:id="b" prev="#a"><p>away the wooden sluice.</p><p>The mason was paid in grain.</p></note></body></text></TEI>'
    const {body, witness} = markdownOf(xml)
    expect(body).toContain('The weir was rebuilt[^1] in stone.\n\nIts keeper stayed.\n\n[^1]:')
    expect(body).toContain('[^1]: After the flood of that spring, which carried away the wooden sluice.\n\n    The mason was paid in grain.')
    expect(body).not.toContain('[^2]')
    expect(lostWords(witness, body)).toEqual([])
  })

  it('joins a word the page break cut between a note’s parts, and reads a forme work of a number as the page number', () => {
    const xml = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Der Damm<note n="*)" xml:id="a" next="#b">Die Kosten trug zur an-</note> hielt.<pb n="8"/><fw type="head">8</fw><note xml:id="b">dern Hälfte der Landesherr.</note> Die Schleuse folgte.</p></body></text></TEI>'
    const {body, witness} = markdownOf(xml)
    expect(body).toContain('[^star]: Die Kosten trug zur an-dern Hälfte der Landesherr.')
    expect(body).toContain(':removed[8]{rule="page-number"}')
    expect(lostWords(witness, body)).toEqual([])
  })

  it('labels editorial and margin notes apart from the author’s, and drops a reference’s printed mark', () => {
    const xml = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>A ford<note n="1">First.</note> and a mill<note type="editorial">Read mill for mell.</note>.<note place="margin">Mills.</note> See<ref target="#e">*</ref>.</p></body><back><div type="notes"><note xml:id="e" n="*">End.</note></div></back></text></TEI>'
    const {body} = markdownOf(xml)
    expect(body).toContain('A ford[^1] and a mill[^ed-1].[^margin-1] See[^star].')
  })
})

describe('TEI reader: line-end signs', () => {
  it('adds no space at a line break after an old print’s hyphenation sign', () => {
    const {body, witness} = markdownOf('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>in Pfannen ver¬<lb/>dampft und ge⸗<lb/>sotten, dann <lb/>getrocknet.</p></body></text></TEI>')
    expect(body).toContain('in Pfannen ver¬dampft und ge⸗sotten, dann getrocknet.')
    expect(lostWords(witness, body)).toEqual([])
  })
})

describe('TEI reader: the apparatus of readings', () => {
  it('records an empty reading as the omission of the lemma in its witnesses, and every reading’s witnesses', () => {
    const xml = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>The boat was <app><lem wit="#A">very</lem><rdg wit="#B"/></app> old and <app><lem wit="#A #C">leaky</lem><rdg wit="#B">leaking</rdg></app>.</p><p>The river <app><rdg wit="#A">ran</rdg><rdg source="#B  #D"></rdg></app> high.</p></body></text></TEI>'
    const {body, witness, markdown} = markdownOf(xml)
    expect(body).toContain('The boat was very:removed[omitted]{rule="tei-variant" wit="#B" type="omission"} old and leaky:removed[leaking]{rule="tei-variant" wit="#B"}.')
    expect(body).toContain('The river ran:removed[omitted]{rule="tei-variant" wit="#B #D" type="omission"} high.')
    expect(markdown).toMatch(/removed:\n {4}tei-variant: 3/)
    expect(lostWords(witness, markdown)).toEqual([])
  })
})

describe('TEI reader: bibliographies', () => {
  it('reads a <listBibl> as the source’s list of references, a <biblStruct> printed with spaces and punctuation', () => {
    const xml = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>The weir was raised.<note n="1">See <biblStruct><monogr><author><surname>Brannock</surname><forename>Ivo</forename></author><title>Sluice Gates</title><imprint><date>1902</date></imprint></monogr></biblStruct>, 4.</note></p></body><back><div><head>Works cited</head><listBibl>' +
      '<bibl>Quell, Ashby. <title>Weirs and Sluices</title>. Kelby: Tarn Press, 1931.</bibl>' +
      '<biblStruct><monogr><author><surname>Marsh</surname><forename>Edwin</forename></author><title level="m">Ferries of the North</title><imprint><pubPlace>Kelby</pubPlace><publisher>Tarn</publisher><date when="1931">1931</date></imprint></monogr><idno type="ISBN">0-00-000000-0</idno></biblStruct>' +
      '<listBibl><biblStruct><analytic><author><persName><forename>Tamsin</forename><surname>Orlaway</surname></persName></author><title level="a">Closing the Orrin</title></analytic><monogr><title level="j">Journal of Inland Waters</title><imprint><biblScope unit="volume">4</biblScope><date>1990</date><biblScope unit="page">1–9</biblScope></imprint></monogr></biblStruct></listBibl>' +
      '</listBibl></div></back></text></TEI>'
    const {body, witness, markdown} = markdownOf(xml)
    expect(body).toContain('[^1]: See Brannock, Ivo. *Sluice Gates*, 1902, 4.')
    expect(body).toContain('## Works cited\n\n:::references\nQuell, Ashby. *Weirs and Sluices*. Kelby: Tarn Press, 1931.\n\nMarsh, Edwin. *Ferries of the North*, Kelby: Tarn, 1931. 0-00-000000-0.\n\nOrlaway, Tamsin. “Closing the Orrin”. In: *Journal of Inland Waters*, 1990, vol. 4, pp. 1–9.\n:::')
    expect(body.match(/:::references/g)).toHaveLength(1)
    expect(lostWords(witness, markdown)).toEqual([])
  })

  it('prints a <biblStruct> part’s own punctuation as it stands: an ellipsis, a spaced colon', () => {
    const xml = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>The quay was rebuilt.</p></body><back><div><head>Works cited</head><listBibl>' +
      '<biblStruct><monogr><author><surname>Vell</surname><forename>Oda</forename></author><title>And yet... Letters from Dunmere : A Reader</title><imprint><pubPlace>Dunmere</pubPlace><publisher>Saltbox</publisher><date>1925</date></imprint></monogr></biblStruct>' +
      '<biblStruct><analytic><author><surname>Arbery</surname><forename>Nell P.</forename></author><title>Ropes and yet...</title></analytic><monogr><title>Quay Notes</title><imprint><date>1930</date></imprint></monogr></biblStruct>' +
      '</listBibl></div></back></text></TEI>'
    const {body, witness, markdown} = markdownOf(xml)
    expect(body).toContain('Vell, Oda. *And yet... Letters from Dunmere : A Reader*, Dunmere: Saltbox, 1925.')
    expect(body).toContain('Arbery, Nell P. “Ropes and yet...” In: *Quay Notes*, 1930.')
    expect(lostWords(witness, markdown)).toEqual([])
  })
})
