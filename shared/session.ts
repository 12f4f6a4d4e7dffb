/**
 * Browser mode's sign-in by one-time code (`gleaner serve --open`): the browser is opened on
 * `/?code=…`, never on the token, because a command line is visible to every user of the
 * computer. The page trades the code for the token here, once.
 */

/** POST `{ code }` here (no token): answers `{ ok: true, value: { token } }` the first time, within its lifetime. */
export const SESSION_PATH = 'api/session';

/** The query parameter that carries the code. */
export const CODE_PARAM = 'code';
