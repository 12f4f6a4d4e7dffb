/**
 * The little of citation-js these exports (and their tests) use; the packages ship no types.
 * Input is CSL-JSON items or the text of a BibTeX or RIS file; `data` is CSL-JSON items.
 */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: Record<string, unknown>[];
    format(style: 'bibtex' | 'ris' | 'data', options?: { format?: 'text' | 'object' }): string | object;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
