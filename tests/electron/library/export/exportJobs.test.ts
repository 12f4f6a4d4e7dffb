import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/library/dispatch.js';
import type { LibraryService } from '../../../../electron/library/service.js';
import type { LibraryEvent } from '../../../../shared/api.js';
import { exportEnded, serviceWith } from '../../../helpers/service.js';
import { tempDir } from '../../../helpers/tmp.js';

let service: LibraryService;
afterEach(() => service.close());

async function exportTitles(source: { query: string; sort: 'title' | 'source' | 'date-asc' }): Promise<string[]> {
  const out = join(tempDir(), 'out.json');
  const { jobId } = await service.api.exports.start({ source, format: 'json', out });
  expect((await exportEnded(service, jobId)).state).toBe('done');
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

describe('starting an export at a taken target', () => {
  it('answers conflict at once and starts no job; with overwrite it replaces the file', async () => {
    service = await serviceWith({ 'a.txt': { title: 'Only', date: '2025-01-01T00:00:00Z' } });
    const dir = tempDir();
    const out = join(dir, 'taken.json');
    writeFileSync(out, 'mine');
    const events: LibraryEvent[] = [];
    service.onEvent((e) => events.push(e));
    const refused = await dispatch(service.api, 'exports', 'start', { source: { all: true }, format: 'json', out });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(refused.ok === false && refused.error.message).toContain(out);
    expect(events).toEqual([]);
    expect(readFileSync(out, 'utf8')).toBe('mine');

    const missing = await dispatch(service.api, 'exports', 'start', { source: { all: true }, format: 'json', out: join(dir, 'nope', 'x.json') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'folder' } });

    mkdirSync(join(dir, 'full'));
    writeFileSync(join(dir, 'full', 'keep.txt'), 'x');
    // Someone's own folder is no conflict to resolve: it is never replaced.
    const folder = await dispatch(service.api, 'exports', 'start', {
      source: { all: true },
      format: 'folder',
      out: join(dir, 'full'),
      overwrite: false,
    });
    expect(folder).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('Will not replace') } });

    const replaced = await dispatch(service.api, 'exports', 'start', { source: { all: true }, format: 'json', out, overwrite: true });
    expect(replaced.ok).toBe(true);
    const jobId = (replaced as { value: { jobId: string } }).value.jobId;
    expect((await exportEnded(service, jobId)).state).toBe('done');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ articles: [{ title: 'Only' }] });
  });
});
