import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryService } from '../../../electron/library/service.js';
import { idsByTitle, serviceWith } from '../../helpers/service.js';

let service: LibraryService;
afterEach(() => service.close());

const body = (n: number) => `<p>Text ${n}</p><img src="https://images.invalid/${n}.png" alt="Picture ${n}">`;

describe('remote images in the preview', () => {
  it('are placeholders until allowed once for an article, or always for its source', async () => {
    service = await serviceWith({
      'a.txt': { title: 'A', source: 'Wire', body: body(1) },
      'b.txt': { title: 'B', source: 'Wire', body: body(2) },
      'c.txt': { title: 'C', source: 'Other', body: body(3) },
    });
    const ids = await idsByTitle(service);
    const preview = (title: string, allowRemoteImages?: boolean) => service.api.articles.preview({ id: ids[title]!, allowRemoteImages });

    const blocked = await preview('A');
    expect(blocked.remoteImagesAllowed).toBe(false);
    expect(blocked.html).not.toContain('src="https://images.invalid/1.png"');
    expect(blocked.blockedRemote).toEqual([{ kind: 'image', url: 'https://images.invalid/1.png' }]);

    const once = await preview('A', true);
    expect(once.html).toContain('src="https://images.invalid/1.png"');
    expect((await preview('A')).html).not.toContain('src="https://images.invalid/1.png"'); // once means once

    await service.api.articles.setRemoteImagesForSource({ source: 'Wire', allowed: true });
    expect((await preview('B')).html).toContain('src="https://images.invalid/2.png"');
    expect((await service.api.articles.get({ id: ids.B! })).remoteImagesAllowedForSource).toBe(true);
    expect((await preview('C')).html).not.toContain('src="https://images.invalid/3.png"'); // another source

    await service.api.articles.setRemoteImagesForSource({ source: 'Wire', allowed: false });
    expect((await preview('B')).html).not.toContain('src="https://images.invalid/2.png"');
  });
});
