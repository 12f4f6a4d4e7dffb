import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryService, type LibraryService } from '../../../../electron/library/service.js';
import { seedLike, writeTree } from '../../../helpers/articles.js';
import { eventually } from '../../../helpers/eventually.js';
import { tempDir } from '../../../helpers/tmp.js';

let service: LibraryService | null = null;
afterEach(async () => {
  await service?.closeAsync();
  service = null;
});

describe('watched folders through the service', () => {
  it('follows files added, changed and removed on disk, and can be turned off', async () => {
    const folder = tempDir();
    writeTree(folder, { 'a.txt': seedLike({ title: 'First' }) });
    service = createLibraryService({ dbPath: join(tempDir(), 'lib.db'), watch: true });
    const api = service.api;
    const { jobId } = await api.imports.start({ folders: [folder] });
    await eventually(async () => (await api.imports.status({ jobId })).state === 'done');
    const total = async (query = '') => (await api.articles.search({ query })).total;
    expect(await total()).toBe(1);
    const [info] = await api.library.folders({});
    expect(info).toMatchObject({ watched: true, status: 'online', articleCount: 1 });

    writeFileSync(join(folder, 'b.txt'), seedLike({ title: 'Second', body: '<p>arrived later</p>' }));
    await eventually(async () => (await total('arrived')) === 1);

    writeFileSync(join(folder, 'a.txt'), seedLike({ title: 'First, edited' }));
    await eventually(async () => (await total('edited')) === 1);

    rmSync(join(folder, 'b.txt'));
    await eventually(async () => (await total('is:missing')) === 1);

    await api.library.setFolderWatched({ id: info!.id, watched: false });
    writeFileSync(join(folder, 'c.txt'), seedLike({ title: 'Unwatched', body: '<p>should wait</p>' }));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await total('wait')).toBe(0);
  }, 30_000);

  it('works the same with imports on their own threads (the built app)', async () => {
    const out = resolve(__dirname, '../../../../out');
    expect(existsSync(join(out, 'importWorker.cjs')), 'run `npm run build` first').toBe(true);
    const folder = tempDir();
    writeTree(folder, { 'a.txt': seedLike({ title: 'Threaded' }) });
    service = createLibraryService({ dbPath: join(tempDir(), 'lib.db'), watch: true, workerDir: out });
    const api = service.api;
    const { jobId } = await api.imports.start({ folders: [folder] });
    await eventually(async () => (await api.imports.status({ jobId })).state === 'done');
    await eventually(async () => (await api.library.folders({}))[0]?.status === 'online', 20_000);
    writeFileSync(join(folder, 'b.txt'), seedLike({ title: 'Seen from a thread', body: '<p>threadwatch</p>' }));
    await eventually(async () => (await api.articles.search({ query: 'threadwatch' })).total === 1, 20_000);
  }, 60_000);

  it('after a restart, catches up with what changed while the app was closed, from a snapshot beside the database', async () => {
    const folder = tempDir();
    const dbPath = join(tempDir(), 'lib.db');
    writeTree(folder, { 'a.txt': seedLike({ title: 'Before closing' }) });
    service = createLibraryService({ dbPath, watch: true });
    const { jobId } = await service.api.imports.start({ folders: [folder] });
    await eventually(async () => (await service!.api.imports.status({ jobId })).state === 'done');
    // The first catch-up reimport leaves the folder's snapshot beside the database.
    await eventually(async () => existsSync(`${dbPath}-watch`) && readdirSync(`${dbPath}-watch`).some((f) => f.endsWith('.snapshot')));
    await service.closeAsync();

    writeFileSync(join(folder, 'b.txt'), seedLike({ title: 'While closed', body: '<p>offhours</p>' }));
    rmSync(join(folder, 'a.txt'));
    service = createLibraryService({ dbPath, watch: true });
    await eventually(async () => (await service!.api.articles.search({ query: 'offhours' })).total === 1);
    await eventually(async () => (await service!.api.articles.search({ query: 'is:missing' })).total === 1);
  }, 30_000);

  it('reports a folder that vanished as offline, keeping its articles', async () => {
    const folder = tempDir();
    writeTree(folder, { 'a.txt': seedLike({ title: 'On a drive' }) });
    service = createLibraryService({ dbPath: join(tempDir(), 'lib.db'), watch: true });
    const api = service.api;
    const { jobId } = await api.imports.start({ folders: [folder] });
    await eventually(async () => (await api.imports.status({ jobId })).state === 'done');
    rmSync(folder, { recursive: true });
    await eventually(async () => (await api.library.folders({}))[0]!.status === 'offline');
    expect((await api.articles.search({ query: '' })).total).toBe(1);
    expect((await api.articles.search({ query: 'is:missing' })).total).toBe(0);
  }, 30_000);
});
