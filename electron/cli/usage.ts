import { FORMAT_DESCRIPTORS, formatsWhere } from '../library/export/formats/index.js';
import type { FormatDescriptor } from '../../shared/types.js';

/** The help's lines on export formats, written from their descriptors (so a new format documents itself). */
export function formatHelp(descriptors: readonly FormatDescriptor[]): string {
  const names = (test: (d: FormatDescriptor) => boolean) => formatsWhere(test, descriptors);
  return `  (FORMAT: ${names(() => true).join(', ')};
   ${names((d) => d.writes === 'folder').join(' and ')} write a folder, the others one file)
  (--embed-images: ${names((d) => d.embedsImages).join('/')} embed remote images held in the local image cache;
   --fetch-images: also download the missing ones now, contacting the sites that host them)`;
}

export const USAGE = `Gleaner: an offline article library.

Usage:
  gleaner import <folder>... [--max-file-size MB] [--workers N]
  gleaner search <query> [--sort S] [--limit N] [--offset N]
  gleaner list [query] [--sort S] [--limit N] [--offset N]
  gleaner show <id>
  gleaner stories [query] [--limit N] [--offset N]   (copies of one text across sources)
  gleaner stats
  gleaner folder list | source <path-or-id> <label> | source <path-or-id> --reset
  gleaner serve [--port N] [--open] [--no-watch]
  gleaner tag list | add <name> <query> | remove <name> <query> | rename <from> <to>
              | merge <from> <into> | delete <name> | color <name> <#rrggbb|none>
  gleaner collection list | create <name> | delete <name> | add <name> <query>
                     | remove <name> <query> | show <name>
  gleaner saved list | create <name> <query> [--sort S] | delete <name>
  gleaner mark read|unread|starred|unstarred <query>
  gleaner highlights [query] [--limit N] [--offset N]
  gleaner highlight add <id> --text "quoted text" [--color yellow|green|blue|pink|purple] [--note N]
  gleaner export [query] --format FORMAT --out PATH
                 [--collection NAME | --saved NAME | --tag NAME | --ids 1,2] [--title T] [--overwrite]
                 [--embed-images] [--fetch-images]
${formatHelp(FORMAT_DESCRIPTORS)}
  (where a command takes <query>, --ids 3,5,8 picks articles instead)

Options (every command):
  --db FILE   library database (default: the per-user data folder, or $GLEANER_DB)
  --json      print one JSON document on stdout
  --help      this text

Query syntax: words, "phrases", prefix*, -negation, OR, (groups), and filters
  tag:ai source:"IBN" author:"Mara Bos" lang:de after:2025-07 before:2025-08-01
  date:2025 draft:false has:enclosure is:missing title:word folder:name collection:"Reading pack"
  has:highlights highlight:word (highlighted text and notes)
  is:copy (not the first of its story) story:<id> (the story of article <id>)
Sorts: date-desc (default), date-asc, title, source, relevance (search's default),
collection (the order of a collection:"Name" filter).

Exit status: 0 when the command ran (per-file import failures are in the report),
2 for bad usage, a bad query or a missing folder, 1 for any other error.`;

/** Wrong invocation: the CLI prints one line and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
