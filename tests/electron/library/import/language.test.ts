import { describe, expect, it } from 'vitest';
import { articleLanguage, isLanguageCode, languageFromFileName, normalizeLanguage } from '../../../../electron/library/import/language.js';

describe('article language', () => {
  it.each([
    ['home.de.md', 'de'],
    ['news/home.zh.md', 'zh'],
    ['about.zh-cn.md', 'zh-cn'],
    ['about.pt_BR.md', 'pt-br'],
    // The Redox website's own codes for Japanese and Czech.
    ['community.jp.md', 'ja'],
    ['community.cz.md', 'cs'],
    ['home.md', null],
    ['Rust-1.88.0.md', null],
    // A site's name, not a language: Ido (`io`) is left out on purpose.
    ['crates.io.md', null],
    ['crates.io-incident.md', null],
    ['notes.xx.md', null],
    ['photo.final.md', null],
    ['about.zh-Hans.md', 'zh-hans'],
    ['about.es-419.md', 'es-419'],
    // Burmese is `my`, but `my-notes` is a name, not a language with a region.
    ['list.my-notes.md', null],
  ])('file name %s → %s', (name, lang) => {
    expect(languageFromFileName(name)).toBe(lang);
  });

  it('takes the front matter first, lowercased, and falls back to the file name when it is not a code', () => {
    expect(articleLanguage('en-US', 'post.de.md')).toBe('en-us');
    expect(articleLanguage('FR', 'post.md')).toBe('fr');
    expect(articleLanguage('English', 'post.de.md')).toBe('de');
    expect(articleLanguage(42, 'post.md')).toBeNull();
  });

  it('normalizes codes and refuses what is not shaped like one', () => {
    expect(normalizeLanguage(' zh_Hant_TW ')).toBe('zh-hant-tw');
    expect(normalizeLanguage('jp')).toBe('ja');
    expect(normalizeLanguage('deutsch')).toBeNull();
    expect(normalizeLanguage('')).toBeNull();
  });

  it('tells language folder names from site names', () => {
    expect(['en', 'zh-cn', 'jp'].map(isLanguageCode)).toEqual([true, true, true]);
    expect(['rust-blog', 'io', 'blog', 'my-notes', 'my-blog'].map(isLanguageCode)).toEqual([false, false, false, false, false]);
  });
});
