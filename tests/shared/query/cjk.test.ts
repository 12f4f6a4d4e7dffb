import { describe, expect, it } from 'vitest';
import { hasCjk, joinCjk, separateCjk, UNIT_SEPARATOR } from '../../../shared/query/cjk.js';

/** Separators shown as `|` so expectations read like the units the index sees. */
const units = (text: string) => separateCjk(text).split(UNIT_SEPARATOR).join('|');

describe('CJK units', () => {
  it('separates every Chinese letter, and Latin words glued to them', () => {
    expect(units('Redox是一个用Rust语言编写的类UNIX操作系统 ,')).toBe('Redox|是|一|个|用|Rust|语|言|编|写|的|类|UNIX|操|作|系|统 ,');
  });

  it('separates Japanese kana and kanji, keeping the long-vowel mark as a unit of its own', () => {
    expect(units('マイクロカーネル設計')).toBe('マ|イ|ク|ロ|カ|ー|ネ|ル|設|計');
    expect(units('RedoxがOrbitalを実行')).toBe('Redox|が|Orbital|を|実|行');
  });

  it('separates Hangul syllables, so a word is found with a particle attached', () => {
    expect(units('레독스는 운영체제')).toBe('레|독|스|는 운|영|체|제');
  });

  it('keeps a combining mark with its letter and a Han letter outside the BMP whole', () => {
    expect(units('か\u3099き')).toBe('か\u3099|き');
    expect(units('𠀀𠀁a')).toBe('𠀀|𠀁|a');
  });

  it('adds nothing next to spaces and punctuation, which already break words', () => {
    expect(units('「漢字」。 漢')).toBe('「漢|字」。 漢');
  });

  it('leaves text without CJK letters exactly as it was', () => {
    const latin = 'Ünïcode café, naïve 123 — plain text';
    expect(separateCjk(latin)).toBe(latin);
    expect(hasCjk(latin)).toBe(false);
    expect(hasCjk('ok 漢')).toBe(true);
  });

  it('is idempotent and undone by joinCjk', () => {
    const text = 'Rust语言编写的 マイクロカーネル 레독스는';
    expect(separateCjk(separateCjk(text))).toBe(separateCjk(text));
    expect(joinCjk(separateCjk(text))).toBe(text);
  });
});
