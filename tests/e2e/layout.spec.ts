import { expect, test } from '@playwright/test';
import { openApp } from './helpers/app';
import { useGleaner } from './helpers/server';

const gleaner = useGleaner({ seed: true });

test('panes resize by dragging or with the keyboard, and keep their sizes', async ({ page }) => {
  await openApp(page, gleaner.server);
  const sidebar = page.getByRole('navigation', { name: 'Library' });
  const list = page.getByRole('region', { name: 'Articles' });
  const sidebarWidth = async () => Math.round((await sidebar.boundingBox())!.width);
  const listWidth = async () => Math.round((await list.boundingBox())!.width);
  const before = await sidebarWidth();

  const handle = page.getByRole('separator', { name: 'Resize sidebar' });
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 300);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + 300, { steps: 5 });
  await page.mouse.up();
  await expect.poll(sidebarWidth).toBe(before + 60);

  const listHandle = page.getByRole('separator', { name: 'Resize article list' });
  const listBefore = await listWidth();
  await listHandle.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(listWidth).toBe(listBefore + 16 + 64);
  await expect(listHandle).toHaveAttribute('aria-valuenow', String(listBefore + 80));

  await page.reload();
  await expect.poll(sidebarWidth).toBe(before + 60);
  await expect.poll(listWidth).toBe(listBefore + 80);
});
