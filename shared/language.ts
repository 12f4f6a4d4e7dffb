/**
 * Language codes as Gleaner stores and filters them: lowercase BCP 47 style (`de`, `pt-br`,
 * `zh-hant`). Shared by the importer (front matter, file names) and the query parser (`lang:`).
 */

/**
 * Country codes that sites use as language codes (the Redox website names its Japanese and
 * Czech pages `.jp.md` and `.cz.md`), mapped to the language so `lang:ja` and the language
 * name work. Only codes that are not languages of their own are mapped.
 */
export const COUNTRY_AS_LANGUAGE: Readonly<Record<string, string>> = { jp: 'ja', cz: 'cs', gr: 'el', cn: 'zh', ua: 'uk', dk: 'da' };

const TAG = /^([a-z]{2,3})((?:-[a-z0-9]{2,8})*)$/;

/**
 * A language code as stored: lowercase, `_` as `-`, country-for-language codes mapped, or
 * null when the text is not shaped like a language tag (`English` is not; `en-US` is).
 */
export function normalizeLanguage(value: string): string | null {
  const m = TAG.exec(value.trim().toLowerCase().replace(/_/g, '-'));
  if (!m) return null;
  const primary = COUNTRY_AS_LANGUAGE[m[1]!] ?? m[1]!;
  return primary + m[2]!;
}
