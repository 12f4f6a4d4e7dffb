import { describe, expect, it } from 'vitest';
import { parseAuthors, splitByline } from '../../../../electron/library/import/authors.js';

describe('author names from front matter', () => {
  // Each row is a byline shape found in the shared corpora (file named) or in common generators.
  it.each([
    ['one name (nodejs-blog)', 'Ryan Dahl', ['Ryan Dahl']],
    ['a team (rust-blog)', 'The Rust Release Team', ['The Rust Release Team']],
    ['"and" joins two (rust-blog: "Carol Nichols and David Wood")', 'Carol Nichols and David Wood', ['Carol Nichols', 'David Wood']],
    ['a list with a final "and"', 'Jakub Beránek, Jack Huey and Paul Lenz', ['Jakub Beránek', 'Jack Huey', 'Paul Lenz']],
    ['an Oxford comma', "Amanieu d'Antras, Jack Huey, and Jakub Beránek", ["Amanieu d'Antras", 'Jack Huey', 'Jakub Beránek']],
    ['"&" (redox-website: "Jackpot51 & Ticki")', 'Jackpot51 & Ticki', ['Jackpot51', 'Ticki']],
    ['a handle in brackets (nodejs-blog)', 'Minwoo Jung (@jmwsoft)', ['Minwoo Jung']],
    ['a site in brackets', 'Minwoo Jung (github.com/JungMinu)', ['Minwoo Jung']],
    ['a Markdown link (opentelemetry-blog)', '[Austin Parker](https://github.com/austinlparker)', ['Austin Parker']],
    ['a link and an organisation', '[Adriana Villela](https://github.com/avillela) (Lightstep)', ['Adriana Villela']],
    [
      'links with organisations holding commas',
      '[Juraci Paixão Kröhling](https://github.com/jpkrohling) (OpenTelemetry, Grafana Labs), [Pablo Baeyens](https://github.com/mx-psi) (OpenTelemetry, Datadog)',
      ['Juraci Paixão Kröhling', 'Pablo Baeyens'],
    ],
    [
      'links with no separator between them',
      '[Christos Markou](https://github.com/ChrsMark)(Elastic) [David Ashpole](https://github.com/dashpole)(Google)',
      ['Christos Markou', 'David Ashpole'],
    ],
    [
      'links joined by "and"',
      '[Matthew Kocher](https://github.com/mkocher) (VMware) and [Carson Long](https://github.com/ctlong) (VMware)',
      ['Matthew Kocher', 'Carson Long'],
    ],
    ['an organisation inside the link text', '[Reese Lee, New Relic](https://github.com/reese-lee)', ['Reese Lee']],
    ['brackets inside the link text', '[Lukasz Ciukaj (Cisco Splunk)](https://github.com/luke6Lh43)', ['Lukasz Ciukaj']],
    ['a trailing comma and newline (folded YAML)', '[Adriana Villela](https://github.com/avillela) (ServiceNow),\n', ['Adriana Villela']],
    [
      'quotes around the whole byline',
      '"[Ernest Owojori](https://github.com/E-STAT), [Victoria Nduka](https://github.com/nwanduka)"',
      ['Ernest Owojori', 'Victoria Nduka'],
    ],
    ['"on behalf of" (rust-blog)', 'Ben Striegel on behalf of the Edition 2024 Project Group', ['Ben Striegel']],
    ['an e-mail address (Cargo style)', 'Your Name <you@example.com>', ['Your Name']],
    ['an @handle as a name', 'Niko Matsakis and @mark-i-m', ['Niko Matsakis', 'mark-i-m']],
    ['quotes inside a name are kept', 'Sergey "Shnatsel" Davidoff', ['Sergey "Shnatsel" Davidoff']],
    ['blank and punctuation only', ' , & ', []],
  ])('%s', (_what, byline, names) => {
    expect(splitByline(byline)).toEqual(names);
  });

  it('reads lists, objects with a name, and several keys in order, without repeats', () => {
    expect(parseAuthors([undefined, ['Jakub Beránek', 'Jack Huey'], undefined, undefined])).toEqual(['Jakub Beránek', 'Jack Huey']);
    expect(parseAuthors([[{ name: 'Ada Lovelace', url: 'https://x' }, { Name: 'Alan Turing' }]])).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(parseAuthors([{ name: 'A and B' }])).toEqual(['A', 'B']);
    expect(parseAuthors(['Mara Bos', ['mara bos', 'Ryan Levick and Mara Bos'], 'RYAN LEVICK'])).toEqual(['Mara Bos', 'Ryan Levick']);
  });

  it('ignores values that name nobody: booleans, dates, objects without a name, empty lists', () => {
    expect(parseAuthors([true, new Date(0), { url: 'https://x' }, [], null, ''])).toEqual([]);
  });

  it('keeps numbers as names (handles like 4lDO2 are strings; a bare number still names someone)', () => {
    expect(parseAuthors([1337])).toEqual(['1337']);
  });

  it('caps absurd values: at most 50 names of at most 120 characters', () => {
    expect(parseAuthors([Array.from({ length: 80 }, (_, i) => `Person ${i}`)])).toHaveLength(50);
    expect(parseAuthors(['x'.repeat(500)])[0]).toHaveLength(120);
  });
});
