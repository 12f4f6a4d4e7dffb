import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryService } from '../../../electron/library/service.js';
import type { ExportJob } from '../../../shared/api.js';
import { serviceWith } from '../../helpers/service.js';
import { tempDir } from '../../helpers/tmp.js';

let service: LibraryService;
afterEach(() => service.close());

async function exportTitles(source: { query: string; sort: 'title' | 'source' | 'date-asc' }): Promise<string[]> {
  const out = join(tempDir(), 'out.json');
  const { jobId } = await service.api.exports.start({ source, format: 'json', out });
  let job: ExportJob;
  do {
    await new Promise((r) => setTimeout(r, 20));
    job = await service.api.exports.status({ jobId });
  } while (job.state === 'running');
  expect(job.state).toBe('done');
  return (JSON.parse(readFileSync(out, 'utf8')) as { articles: { title: string }[] }).articles.map((a) => a.title);
}

describe('exporting a query', () => {
  it('writes the articles in the order the list shows for that sort', async () => {
    service = await serviceWith({
      'a.txt': { title: 'Beta', source: 'Zeta Wire', date: '2025-01-01T00:00:00Z' },
      'b.txt': { title: 'Alpha', source: 'Mid News', date: '2025-03-01T00:00:00Z' },
      'c.txt': { title: 'Gamma', source: 'Alpha Daily', date: '2025-02-01T00:00:00Z' },
    });
    expect(await exportTitles({ query: '', sort: 'title' })).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(await exportTitles({ query: '', sort: 'source' })).toEqual(['Gamma', 'Alpha', 'Beta']);
    expect(await exportTitles({ query: '', sort: 'date-asc' })).toEqual(['Beta', 'Gamma', 'Alpha']);
  });
});
