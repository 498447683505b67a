/**
 * Sources in every encoding a user may hand in, run through the compiled CLI: what can be read
 * is read (and said when guessed), what cannot is an error at its line and column, never
 * silently turned into other characters.
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {compileCli, parseReport, runCompiledCli, stackTrace, tempDir, type JsonReport} from '../robustness/helpers.js'

const root = tempDir('encodings')

beforeAll(() => {
  compileCli()
}, 240_000)

afterAll(() => {
  rmSync(root, {recursive: true, force: true})
})

const sample = 'The harbour treaty was signed at Portmere in 1874 [1], “against all advice,” for 40 €.\n\n[1] R. Fenwick, Harbour Papers (Leeds, 1901), 17.\n'
const cyrillic = 'Новый договор подписан в городе Северск в 1874 году.\nВторой абзац говорит о торговле и пошлинах.\n'
const macRomanText = 'Caf\u00e9 \u201cna\u00efve\u201d r\u00e9sum\u00e9 of the old harbour.\n'

/** Mac Roman's bytes for the few characters `macRomanText` and `macRomanLong` use beyond ASCII. */
const macRoman: Record<string, number> = {'é': 0x8e, 'ï': 0x95, '“': 0xd2, '”': 0xd3, 'è': 0x8f, 'à': 0x88, 'ç': 0x8d}
const macRomanLong = 'Caf\u00e9 \u201cna\u00efve\u201d, r\u00e9sum\u00e9 of the harbour: \u00e9t\u00e9, fran\u00e7ais, \u00e0 la m\u00e8re, pr\u00e9cis.\n'
const greek = 'Η νέα συνθήκη υπογράφηκε στην πόλη Λιμνιώτη το 1874.\nΗ δεύτερη παράγραφος μιλά για το εμπόριο και τους δασμούς.\n'
const czech = 'Smlouva o přístavu byla podepsána v Řekově roku 1874; řeka, šťastný úředník a celnice.\n'
/**
 * Czech and Polish whose Windows-1250 bytes Windows-1252 defines all (`ř` is its `ø`, `ł` its `³`);
 * their `š` and `ś` (0x80–0x9F) tell Windows-1250 from ISO-8859-2.
 */
const czechPlain = 'Obecní rada se sešla v úterý večer a projednala stavbu nového mostu přes řeku. Starosta řekl, že peníze na opravu silnice už jsou připravené. Občané žádali, aby se práce začaly ještě před zimou.\n'
const polish = 'Rada miejska zebrała się we wtorek wieczorem i omówiła budowę nowego mostu na rzece. Burmistrz powiedział, że pieniądze na naprawę drogi są już gotowe. Mieszkańcy prosili, żeby prace zaczęły się przed zimą, bo wieś czeka na to od dawna.\n'

/** An 8-bit encoding's bytes for text, by its table (the first byte that reads as each character). */
function encodeByTable(text: string, encoding: string): Uint8Array {
  const decoder = new TextDecoder(encoding)
  const table: Record<string, number> = {}
  for (let byte = 0x80; byte <= 0xff; byte++) table[decoder.decode(Uint8Array.of(byte))] ??= byte
  return encodeSingleByte(text, table)
}

function encodeSingleByte(text: string, table: Record<string, number>): Uint8Array {
  return Uint8Array.from([...text].map((char) => table[char] ?? char.charCodeAt(0)))
}

/** A double-byte encoding's bytes for text, by decoding every pair of bytes once (ASCII stays one byte). */
function encodeDoubleByte(text: string, encoding: string): Uint8Array {
  const decoder = new TextDecoder(encoding)
  const table: Record<string, number[]> = {}
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(Uint8Array.of(lead, trail))
      if ([...char].length === 1 && char !== '\ufffd') table[char] ??= [lead, trail]
    }
  }
  return Uint8Array.from([...text].flatMap((char) => table[char] ?? [char.charCodeAt(0)]))
}

const japanese = '港の条約は一八七四年に結ばれた。\n第二の段落では、関税と商人の話をする。\n'
const chinese = '港口条约于一八七四年签订。\n第二段讲述关税和商人的故事。\n'
const korean = '항구 조약은 1874년에 체결되었다.\n두 번째 단락은 관세와 상인에 관한 것이다.\n'

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le')
  const be = Buffer.alloc(le.length)
  for (let index = 0; index + 1 < le.length; index += 2) {
    be[index] = le[index + 1] ?? 0
    be[index + 1] = le[index] ?? 0
  }
  return be
}

/** Windows-1252 bytes of the sample (its quotes and euro sign in 0x80–0x9F). */
const windows1252: Record<string, number> = {'“': 0x93, '”': 0x94, '€': 0x80}

const sources: Record<string, Uint8Array> = {
  'utf16le-bom.txt': Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(sample, 'utf16le')]),
  'utf16be-bom.txt': Buffer.concat([Buffer.of(0xfe, 0xff), utf16be(sample)]),
  'utf16le.txt': Buffer.from(sample, 'utf16le'),
  'utf16be.txt': utf16be(sample),
  'utf8-bom.txt': Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), Buffer.from(sample)]),
  'windows-1252.txt': encodeSingleByte(sample, windows1252),
  'latin-1.txt': Buffer.from("Le caf\u00e9 du port, l'\u00e9t\u00e9 de 1874, et la na\u00efve r\u00e9sum\u00e9e des faits.\n", 'latin1'),
  'cr-only.txt': Buffer.from('First paragraph of the harbour history.\r\rSecond paragraph, on the customs house.\r'),
  'mixed-line-ends.txt': Buffer.from('One line\r\nruns on here.\rAnd on.\n\nA second paragraph.\r\n'),
  'koi8-r.txt': encodeByTable(cyrillic, 'koi8-r'),
  'windows-1251.txt': encodeByTable(cyrillic, 'windows-1251'),
  // Shift-JIS by hand: 港 (8D 60) の (82 CC) 条 (8F F0) 約 (96 F1), then ASCII.
  'shift-jis.txt': Buffer.concat([Buffer.of(0x8d, 0x60, 0x82, 0xcc, 0x8f, 0xf0, 0x96, 0xf1), Buffer.from(' 1874.\n')]),
  'shift-jis.html': Buffer.concat([Buffer.from('<html><body><p>'), Buffer.of(0x8d, 0x60, 0x82, 0xcc, 0x8f, 0xf0, 0x96, 0xf1), Buffer.from(' 1874.</p></body></html>\n')]),
  'mac-roman.txt': encodeSingleByte(macRomanText, macRoman),
  'mac-roman-long.txt': encodeSingleByte(macRomanLong, macRoman),
  'shift-jis-long.txt': encodeDoubleByte(japanese, 'shift_jis'),
  'gb18030.txt': encodeDoubleByte(chinese, 'gb18030'),
  'euc-kr.txt': encodeDoubleByte(korean, 'euc-kr'),
  'windows-1253.txt': encodeByTable(greek, 'windows-1253'),
  'windows-1250.txt': encodeByTable(czech, 'windows-1250'),
  'windows-1250-czech.txt': encodeByTable(czechPlain, 'windows-1250'),
  'windows-1250-polish.txt': encodeByTable(polish, 'windows-1250'),
  'nul.txt': Buffer.from('Text before\u0000 a NUL byte.\n'),
  'image.txt': Buffer.concat([Buffer.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), Buffer.alloc(64)]),
  'utf32le-bom.txt': Buffer.concat([Buffer.of(0xff, 0xfe, 0, 0), Buffer.from(new Uint32Array([...sample].map((char) => char.codePointAt(0) ?? 0)).buffer)]),
  'utf16-lone-half.txt': Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from('Harbour ', 'utf16le'), Buffer.of(0x00, 0xd8), Buffer.from(' dues.\n', 'utf16le')]),
  'utf16-cut-short.txt': Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from('Harbour dues.\nCustoms.\n', 'utf16le')]).subarray(0, -1),
  'utf8-bom-stray.txt': Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), Buffer.from('Harbour dues.\nCustoms at '), Buffer.of(0xff), Buffer.from(' rates.\n')]),
  'ascii-one-byte.txt': Buffer.concat([Buffer.from('Only ASCII on the first line.\nThe second: '), Buffer.of(0xe9), Buffer.from(' and the rest.\n')]),
  'c1-controls.txt': Buffer.from('The bridge at Ko\u009aice.\nIts keeper, Jan \u008aimek, kept it 1950\u00961952 at \u008eilina.\n'),
  'one-stray-byte.txt': Buffer.concat([Buffer.from('A first line of the café.\nThe second line: '), Buffer.of(0xff), Buffer.from(' then more text.\n')]),
  // Declared encodings: by the sidecar, an XML declaration, an HTML `<meta>`.
  'declared-koi8-r.txt': encodeByTable(cyrillic, 'koi8-r'),
  'declared-koi8-r.yml': Buffer.from('title: Declared KOI8-R\nencoding: KOI8-R\n'),
  'declared-shift-jis.txt': Buffer.concat([Buffer.of(0x8d, 0x60, 0x82, 0xcc, 0x8f, 0xf0, 0x96, 0xf1), Buffer.from(' 1874.\nA second line '), Buffer.of(0x82, 0x20), Buffer.from(' cut.\n')]),
  'declared-shift-jis.yml': Buffer.from('title: Declared Shift-JIS\nencoding: shift_jis\n'),
  'declared-unknown.txt': Buffer.from('Plain text of the harbour.\n'),
  'declared-unknown.yml': Buffer.from('title: Unknown label\nencoding: harbour-8\n'),
  'meta-1251.html': Buffer.concat([Buffer.from('<!DOCTYPE html>\n<html><head><meta charset="windows-1251"><title>Договор</title></head>\n<body><p>'), encodeByTable(cyrillic, 'windows-1251'), Buffer.from('</p></body></html>\n')]),
  'http-equiv-koi8.html': Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head>\n<body><p>'), encodeByTable(cyrillic, 'koi8-r'), Buffer.from('</p></body></html>\n')]),
  'meta-contradicted.html': Buffer.from('<html><head>\n<meta charset="iso-8859-1"></head><body><p>Le café du port, naïve.</p></body></html>\n'),
  'xml-decl-1251.xml': Buffer.concat([
    Buffer.from('<?xml version="1.0" encoding="windows-1251"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Договор</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>\n<text><body><p>'),
    encodeByTable(cyrillic, 'windows-1251'),
    Buffer.from('</p></body></text></TEI>\n')
  ])
}

let report: JsonReport
let code: number | null
let stderr: string

beforeAll(async () => {
  const dir = path.join(root, 'sources')
  mkdirSync(dir, {recursive: true})
  for (const [name, bytes] of Object.entries(sources)) writeFileSync(path.join(dir, name), bytes)
  const run = await runCompiledCli(['build', '--sources', dir, '--out', path.join(root, 'out'), '--format', 'markdown', '--json'], {cwd: root})
  code = run.code
  stderr = run.stderr
  report = parseReport(run.stdout)
}, 240_000)

function rules(name: string): string[] {
  return report.diagnostics.filter((message) => path.basename(message.file) === name && message.ruleId !== 'sidecar-missing').map((message) => message.ruleId ?? '')
}

function message(name: string, ruleId: string) {
  const found = report.diagnostics.find((item) => path.basename(item.file) === name && item.ruleId === ruleId)
  if (!found) throw new Error(`no ${ruleId} for ${name}: ${JSON.stringify(report.diagnostics.filter((item) => path.basename(item.file) === name))}`)
  return found
}

function markdown(slug: string): string {
  return readFileSync(path.join(root, 'out', 'markdown', `${slug}.md`), 'utf8')
}

describe('encodings', () => {
  it('exits 1 for the sources that cannot be read, without a stack trace', () => {
    expect(stderr).not.toMatch(stackTrace)
    expect(code).toBe(1)
  })

  it('reads UTF-16 and UTF-8 with a byte order mark as they are', () => {
    for (const name of ['utf16le-bom', 'utf16be-bom', 'utf8-bom']) {
      expect(rules(`${name}.txt`)).toEqual([])
      expect(markdown(name)).toContain('“against all advice,” for 40 €')
    }
  })

  it('reads UTF-16 without a byte order mark and says it was guessed', () => {
    for (const name of ['utf16le', 'utf16be']) {
      expect(rules(`${name}.txt`)).toEqual(['encoding-detected'])
      expect(markdown(name)).toContain('“against all advice,” for 40 €')
    }
  })

  it('reads Windows-1252 and Latin-1 with their quotes and euro sign', () => {
    expect(rules('windows-1252.txt')).toEqual(['encoding-fallback'])
    expect(markdown('windows-1252')).toContain('“against all advice,” for 40 €')
    expect(rules('latin-1.txt')).toEqual(['encoding-fallback'])
    expect(markdown('latin-1')).toContain('naïve résumée')
    expect(message('latin-1.txt', 'encoding-fallback')).toMatchObject({line: 1, column: 7})
  })

  it('places the guess at the first byte that is not ASCII', () => {
    expect(message('ascii-one-byte.txt', 'encoding-fallback')).toMatchObject({line: 2, column: 13, severity: 'info'})
    expect(markdown('ascii-one-byte')).toContain('The second: é and the rest.')
  })

  it('reads CR-only and mixed line ends as paragraphs', () => {
    expect(rules('cr-only.txt')).toEqual([])
    expect(markdown('cr-only')).toMatch(/harbour history\.\n\nSecond paragraph/)
    expect(rules('mixed-line-ends.txt')).toEqual([])
    expect(markdown('mixed-line-ends')).toMatch(/And on\.\n\nA second paragraph/)
  })

  it('guesses KOI8-R, Windows-1251, Windows-1253, Windows-1250 and Mac Roman, with a warning at the first letter beyond ASCII', () => {
    for (const name of ['koi8-r', 'windows-1251']) {
      expect(rules(`${name}.txt`)).toEqual(['encoding-detected'])
      expect(message(`${name}.txt`, 'encoding-detected')).toMatchObject({line: 1, column: 1, severity: 'warning'})
      expect(message(`${name}.txt`, 'encoding-detected').reason).toMatch(new RegExp(`read as ${name.toUpperCase()} \\(a guess, \\d+% confident\\)`))
      expect(markdown(name)).toContain('Новый договор подписан в городе Северск в 1874 году.')
    }
    expect(message('windows-1253.txt', 'encoding-detected')).toMatchObject({line: 1, column: 1})
    expect(markdown('windows-1253')).toContain(greek.split('\n')[0])
    // Czech `ř` is Windows-1252's `ø`: read as Windows-1250, never `pøístav`.
    expect(message('windows-1250.txt', 'encoding-detected').reason).toMatch(/WINDOWS-1250/)
    expect(markdown('windows-1250')).toContain('Smlouva o přístavu')
    for (const [name, text] of [['windows-1250-czech', czechPlain], ['windows-1250-polish', polish]] as const) {
      expect(rules(`${name}.txt`)).toEqual(['encoding-detected'])
      expect(message(`${name}.txt`, 'encoding-detected').reason).toMatch(/read as WINDOWS-1250 \(a guess/)
      expect(markdown(name)).toContain(text.split('. ')[0])
    }
    expect(message('mac-roman-long.txt', 'encoding-detected')).toMatchObject({line: 1, column: 4})
    expect(markdown('mac-roman-long')).toContain(macRomanLong.trim())
  })

  it('guesses Shift-JIS, GB18030 and EUC-KR', () => {
    for (const [name, encoding, text] of [['shift-jis-long', 'SHIFT_JIS', japanese], ['gb18030', 'GB18030', chinese], ['euc-kr', 'EUC-KR', korean]] as const) {
      expect(rules(`${name}.txt`)).toEqual(['encoding-detected'])
      expect(message(`${name}.txt`, 'encoding-detected').reason).toContain(`read as ${encoding} (a guess`)
      expect(markdown(name)).toContain(text.split('\n')[0])
    }
  })

  it('refuses an 8-bit or East Asian text too short to tell, at the first byte that shows it', () => {
    expect(message('shift-jis.txt', 'encoding-unknown')).toMatchObject({line: 1, column: 1, severity: 'error'})
    // `na•ve`: Mac Roman's ï is Windows-1252's bullet.
    expect(message('mac-roman.txt', 'encoding-unknown')).toMatchObject({line: 1, column: 9, severity: 'error'})
    // The HTML and TEI readers say the same, not that the bytes are binary.
    expect(message('shift-jis.html', 'encoding-unknown')).toMatchObject({line: 1, column: 16, severity: 'error'})
    expect(report.documents.map((document) => document.slug)).not.toContain('shift-jis')
  })

  it('refuses binary data at its line and column', () => {
    expect(message('nul.txt', 'binary-input')).toMatchObject({line: 1, column: 12, severity: 'error'})
    expect(message('image.txt', 'binary-input')).toMatchObject({line: 2, column: 1, severity: 'error'})
  })

  it('reads UTF-32 with a byte order mark', () => {
    expect(rules('utf32le-bom.txt')).toEqual([])
    expect(markdown('utf32le-bom')).toContain('“against all advice,” for 40 €')
  })

  it('reports half a UTF-16 pair, a cut-off UTF-16 file and a stray byte after a UTF-8 mark at their places', () => {
    expect(message('utf16-lone-half.txt', 'encoding-invalid')).toMatchObject({line: 1, column: 9, severity: 'warning'})
    expect(message('utf16-lone-half.txt', 'encoding-invalid').reason).toMatch(/0xD800 .*UTF-16LE/)
    expect(message('utf16-cut-short.txt', 'encoding-invalid')).toMatchObject({line: 2, column: 9})
    expect(message('utf8-bom-stray.txt', 'encoding-invalid')).toMatchObject({line: 2, column: 12})
  })

  it('reads the encoding a sidecar declares, without a guess', () => {
    expect(rules('declared-koi8-r.txt')).toEqual([])
    expect(markdown('declared-koi8-r')).toContain('Новый договор подписан в городе Северск в 1874 году.')
  })

  it('reports bytes that the declared encoding does not allow at the first, naming the declaration', () => {
    expect(message('declared-shift-jis.txt', 'encoding-invalid')).toMatchObject({line: 2, column: 15, severity: 'warning'})
    expect(message('declared-shift-jis.txt', 'encoding-invalid').reason).toMatch(/SHIFT_JIS \(declared by the sidecar's `encoding` field\)/)
    expect(markdown('declared-shift-jis')).toContain('港の条約 1874.')
  })

  it('refuses an encoding label it does not know, naming the field', () => {
    const invalid = message('declared-unknown.yml', 'sidecar-invalid')
    expect(invalid).toMatchObject({line: 2, severity: 'error'})
    expect(invalid.reason).toMatch(/`encoding`.*`harbour-8`/)
  })

  it('reads HTML in the encoding its `<meta>` declares', () => {
    expect(rules('meta-1251.html')).toEqual([])
    expect(markdown('meta-1251')).toContain('Новый договор подписан в городе Северск в 1874 году.')
    expect(rules('http-equiv-koi8.html')).toEqual([])
    expect(markdown('http-equiv-koi8')).toContain('Второй абзац говорит о торговле и пошлинах.')
  })

  it('reads UTF-8 that a `<meta>` calls Latin-1 as UTF-8, with a warning at the declaration', () => {
    expect(message('meta-contradicted.html', 'encoding-declaration')).toMatchObject({line: 2, column: 16, severity: 'warning'})
    expect(markdown('meta-contradicted')).toContain('Le café du port, naïve.')
  })

  it('reads TEI in the encoding its XML declaration names', () => {
    expect(rules('xml-decl-1251.xml')).toEqual([])
    expect(markdown('xml-decl-1251')).toContain('Новый договор подписан в городе Северск в 1874 году.')
  })

  it('reads the C1 controls of Windows-1252 read as Latin-1 as its letters and dashes, and says where the first is', () => {
    expect(rules('c1-controls.txt')).toEqual(['encoding-controls'])
    expect(message('c1-controls.txt', 'encoding-controls')).toMatchObject({line: 1, column: 17, severity: 'warning'})
    expect(message('c1-controls.txt', 'encoding-controls').reason).toMatch(/U\+009A \(and 3 more\).*`š`/)
    expect(markdown('c1-controls')).toContain('Its keeper, Jan Šimek, kept it 1950–1952 at Žilina.')
  })

  it('keeps UTF-8 with one stray byte and reports the byte at its line and column', () => {
    expect(rules('one-stray-byte.txt')).toEqual(['encoding-invalid'])
    expect(message('one-stray-byte.txt', 'encoding-invalid')).toMatchObject({line: 2, column: 18, severity: 'warning'})
    expect(markdown('one-stray-byte')).toContain('A first line of the café.')
  })
})
