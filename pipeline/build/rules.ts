import {registerRules} from '../shared/diagnostics.js'
import type {RuleCatalog} from '../shared/rules.js'

export {report} from '../shared/diagnostics.js'

/** Rules of the build as a whole: sources, sidecars, the edition file, output. */
export const buildRules: RuleCatalog = {
  'sidecar-invalid': {severity: 'error', description: 'A sidecar is not valid YAML or has wrong fields', hint: 'Fix the field named in the message; see the README for the sidecar fields.'},
  'edition-invalid': {severity: 'error', description: 'sources/edition.yml is not valid', hint: 'Fix the field named in the message; see the README for edition.yml.'},
  'sidecar-orphan': {severity: 'warning', description: 'A sidecar has no source beside it', hint: 'Rename the sidecar to match its source, or remove it.'},
  'unknown-source-type': {severity: 'warning', description: 'A file in the sources folder is not a text or Markdown source', hint: 'Sources are .txt, .text, .md or .markdown files; move other files elsewhere.'},
  'hidden-source': {severity: 'warning', description: 'A file named like a source starts with a dot and is skipped', hint: 'Rename it without the leading dot to include it, or move it out of the sources folder.'},
  'source-unreadable': {severity: 'error', description: 'A source file cannot be read', hint: 'Check the file permissions and that it is a regular file.'},
  'sources-unreadable': {severity: 'error', description: 'The sources folder cannot be read; nothing is built and the output is left as it was', hint: 'Check the folder given with --sources (default `sources`): that it exists and can be read.'},
  'sources-empty': {severity: 'error', description: 'The sources folder holds no source; nothing is built and the output is left as it was', hint: 'Check the folder given with --sources (default `sources`), or add a source to it (`apparatus new DIR` makes a starter edition).'},
  'duplicate-slug': {severity: 'warning', description: 'Two documents have the same slug; the later one (by file name) was renamed apart (`<slug>-1`)', hint: 'Give one of them another `slug` in its sidecar.'},
  'slug-reserved': {severity: 'warning', description: 'A slug names a file of the edition itself (bibliography, citations, index, search, archives, assets, reader…); it was renamed apart (`<slug>-1`)', hint: 'Give the document another `slug` in its sidecar (or rename its file).'},
  'source-outside': {severity: 'error', description: 'A source is a link to a file outside the sources folder; it was not read', hint: 'Copy the file into the sources folder instead of linking to it.'},
  'unknown-document': {severity: 'warning', description: 'edition.yml orders a slug that no source has', hint: 'Remove it from `order` or add the source.'},
  'words-lost': {severity: 'error', description: 'A word of the source is in neither the text nor the apparatus', hint: 'This is a bug in ingest; please report it with the source.'},
  'pdf-unavailable': {severity: 'warning', description: 'The PDF reader could not be rendered (Chromium missing or failing)', hint: 'Install Chromium (`apt-get install chromium`) or set PUPPETEER_EXECUTABLE_PATH; the other outputs are built.'},
  'output-unwritable': {severity: 'error', description: 'The output folder cannot be written (exit 3); the previous output is left as it was', hint: 'Check permissions and free space, or choose another folder with --out.'},
  'output-not-ours': {severity: 'error', description: 'The output folder is not an output of Apparatus (no `.apparatus-output` marker and not empty, the sources or a folder holding them, the project, a git work tree, a file, or an output holding at its top something a build does not write); nothing was written (exit 2)', hint: 'Choose a new or empty folder with --out (default `output`); Apparatus replaces only folders it wrote.'},
  'output-leftover': {severity: 'warning', description: 'A previous output or a staging folder beside the output could not be removed (read-only, or in use); the build went on', hint: 'Make the folder writable (`chmod -R u+w`) and remove it; it is no part of the output.'},
  'output-restored': {severity: 'info', description: 'A build stopped between the two renames of its swap; the previous output was put back before building', hint: 'Nothing to do: the output is whole again.'},
  'cache-entry-damaged': {severity: 'info', description: 'An entry of the output\'s cache (`.cache`) did not match its checksum; it was ignored and its work done again', hint: 'Nothing to do: the build replaced it. If it recurs, check the disk.'},
  'source-date-epoch-invalid': {severity: 'warning', description: 'SOURCE_DATE_EPOCH is not a whole number of seconds a date can hold; it was ignored', hint: 'Set SOURCE_DATE_EPOCH to the seconds since 1970-01-01 UTC (e.g. `git log -1 --format=%ct`), or unset it.'},
  'serve-port-unavailable': {severity: 'error', description: '`apparatus serve` cannot listen on its port (in use, or not allowed); nothing was built (exit 3)', hint: 'Stop what uses the port or choose another with --port (0 picks a free one).'},
  'build-failed': {severity: 'error', description: 'The build failed unexpectedly (exit 3); the previous output is left as it was', hint: 'This is a bug; please report it with the message and the sources.'}
}

registerRules(buildRules)
