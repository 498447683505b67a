/** Writes docs/diagnostics.md from the catalog (`npx tsx scripts/diagnostics-doc.ts`); a test keeps it current. */
import {writeFileSync} from 'node:fs'
import {catalog} from '../pipeline/build/catalog.js'

export function diagnosticsDoc(): string {
  const rows = Object.entries(catalog)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, rule]) => `| \`${id}\` | ${rule.severity} | ${rule.description.replace(/\|/g, '\\|')} | ${rule.hint.replace(/\|/g, '\\|')} |`)
  return `# Diagnostics\n\nEvery message Apparatus prints has a rule id from this catalog (generated from \`pipeline/*/rules.ts\`).\nErrors make \`apparatus build\` and \`check\` exit 1; warnings do too with \`--strict\`; info messages never do.\n\n| rule id | severity | what it means | what to do |\n|---|---|---|---|\n${rows.join('\n')}\n`
}

if (import.meta.url === `file://${process.argv[1]}`) writeFileSync(new URL('../docs/diagnostics.md', import.meta.url), diagnosticsDoc())
