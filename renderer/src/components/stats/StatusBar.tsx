import type { ReactNode } from 'react';
import type { LibraryStats } from '../../../../shared/types.js';
import { formatCount, plural } from '../../lib/format';

/** Bottom line: the library at a glance, a running import, and how long the last search took. */
export function StatusBar({ stats, tookMs, children }: { stats: LibraryStats | null; tookMs: number | null; children?: ReactNode }) {
  return (
    <footer className="statusbar">
      <span>
        {stats
          ? `${plural(stats.articles, 'article')} in the library · ${plural(stats.folders, 'folder')}${stats.missing ? ` · ${formatCount(stats.missing)} missing on disk` : ''}`
          : 'Opening the library…'}
      </span>
      <span className="spacer" />
      {children}
      {tookMs !== null && <span title="Time the library took for the last search">Searched in {tookMs < 1 ? '<1' : Math.round(tookMs)} ms</span>}
    </footer>
  );
}
