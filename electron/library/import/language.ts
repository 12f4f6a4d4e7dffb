/**
 * An article's language: from the front matter (`lang`, `language`, `languageCode`), else from
 * a language suffix in the file name as Hugo writes translations (`home.de.md`,
 * `about.zh-cn.md`). Pure. Codes are stored lowercase, BCP 47 style (`pt-br`).
 */
import { COUNTRY_AS_LANGUAGE, normalizeLanguage } from '../../../shared/language.js';

export { normalizeLanguage };

// ISO 639-1, without `io` (Ido): `crates.io.md` names a site, not a language.
const ISO_639_1 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu ' +
    'fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik is it iu ja jv ka kg ki kj kk kl km kn ko ' +
    'kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa ' +
    'pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ' +
    'ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
);

/**
 * What may follow the language in a file or folder name: a region (`-br`, `-419`) or a common
 * script (`-hans`). Narrower than BCP 47 on purpose: `my-notes` is a folder, not Burmese.
 */
const SUBTAG = '(?:[-_](?:[a-z]{2}|\\d{3}|hans|hant|latn|cyrl))?';
const FILE_SUFFIX = new RegExp(`\\.([a-z]{2})(${SUBTAG})\\.[^.]+$`, 'i');
const FOLDER_NAME = new RegExp(`^([a-z]{2})${SUBTAG}$`, 'i');

/** The language a file name's suffix names (`page.de.md` → `de`), or null. */
export function languageFromFileName(relPath: string): string | null {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1);
  const m = FILE_SUFFIX.exec(base);
  if (!m) return null;
  const primary = m[1]!.toLowerCase();
  if (!ISO_639_1.has(primary) && !(primary in COUNTRY_AS_LANGUAGE)) return null;
  return normalizeLanguage(primary + m[2]!);
}

/** The article's language: the front matter's value when it is a language tag, else the file name's. */
export function articleLanguage(frontMatterValue: unknown, relPath: string): string | null {
  if (typeof frontMatterValue === 'string') {
    const code = normalizeLanguage(frontMatterValue);
    if (code !== null) return code;
  }
  return languageFromFileName(relPath);
}

/** Whether a folder or file name is a language code (`en`, `zh-cn`, `jp`): generic, not a site's name. */
export function isLanguageCode(name: string): boolean {
  const m = FOLDER_NAME.exec(name);
  return m !== null && (ISO_639_1.has(m[1]!.toLowerCase()) || m[1]!.toLowerCase() in COUNTRY_AS_LANGUAGE);
}
