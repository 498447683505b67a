// Tests call ingest's synchronous functions on sources of every kind: the readers of markup
// formats, which the build loads when a source of their kind is read, are loaded here first.
import {loadReaders} from '../pipeline/ingest/readers/index.js'

await loadReaders()
