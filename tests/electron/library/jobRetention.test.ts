import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportJobs } from '../../../electron/library/export/exportJobs.js';
import { ImportJobs } from '../../../electron/library/import/importJobs.js';
import { JobRetention } from '../../../electron/library/jobRetention.js';
import type { LibraryService } from '../../../electron/library/service.js';
import type { LibraryEvent } from '../../../shared/api.js';
import { seedLike, writeTree } from '../../helpers/articles.js';
import { serviceWith } from '../../helpers/service.js';
import { tempDir } from '../../helpers/tmp.js';

const MIN = 60_000;
let service: LibraryService | null = null;
afterEach(() => {
  service?.close();
  service = null;
});

describe('JobRetention', () => {
  it('forgets a finished job 10 minutes after it ended, or a minute after it was read, and keeps at most 100', () => {
    let now = 0;
    const forgotten: string[] = [];
    const retention = new JobRetention((id) => forgotten.push(id), { now: () => now });
    retention.ended('unread');
    retention.ended('read');
    now += 5 * MIN;
    retention.read('read');
    retention.read('still running'); // not ended: nothing to shorten, never pruned
    now += MIN - 1;
    retention.prune();
    expect(forgotten).toEqual([]);
    now += 1;
    retention.prune();
    expect(forgotten).toEqual(['read']);
    now += 4 * MIN;
    retention.prune();
    expect(forgotten).toEqual(['read', 'unread']);

    for (let i = 0; i < 150; i++) retention.ended(`job${i}`);
    expect(forgotten.length).toBe(2 + 50);
    expect(forgotten.slice(2, 4)).toEqual(['job0', 'job1']);
    expect(forgotten.at(-1)).toBe('job49');
  });
});

describe('long-running use: job maps are pruned', () => {
  it('an export job answers status until a while after its result was read, then not-found', async () => {
    service = await serviceWith({ 'a.txt': { title: 'One', date: '2025-01-01T00:00:00Z' } });
    let now = 1_000_000;
    const ended = new Set<string>();
    const jobs = new ExportJobs(service.db, (e: LibraryEvent) => e.type === 'export-finished' && ended.add(e.job.jobId), { now: () => now });
    const ids = service.db.prepare('SELECT id FROM articles').pluck().all() as number[];
    const jobId = jobs.start({ ids, format: 'json', out: join(tempDir(), 'out.json') });
    await expect.poll(() => ended.has(jobId)).toBe(true);
    expect(jobs.status(jobId).state).toBe('done');
    now += MIN - 1;
    expect(jobs.status(jobId).state).toBe('done'); // a late second reader still gets it
    now += 1;
    expect(() => jobs.status(jobId)).toThrow(`No export job ${jobId}`);
  });

  it('an import job nobody reads is forgotten 10 minutes after it ended, and its ending with it', async () => {
    service = await serviceWith({});
    const folder = tempDir();
    writeTree(folder, { 'a.txt': seedLike({ title: 'Imported' }) });
    let now = 1_000_000;
    const jobs = new ImportJobs(service.db, service.dbPath, () => undefined, null, { now: () => now });
    const jobId = jobs.start([folder]);
    expect((await jobs.ended(jobId)).state).toBe('done');
    now += 10 * MIN - 1;
    const other = jobs.start([folder]); // starting, reading or ending a job prunes
    await jobs.ended(other);
    expect(jobs.status(jobId)?.state).toBe('done');
    now += MIN;
    jobs.status(other);
    expect(jobs.status(jobId)).toBeUndefined();
    await expect(jobs.ended(jobId)).rejects.toThrow(`No import job ${jobId}`);
  });
});
