import { useEffect, useState } from 'react';
import { client } from '../../transport';

/**
 * A number that grows whenever highlights may have changed: after a change, undo or redo
 * (curation-changed) and after imports (a re-imported body re-anchors them or detaches some).
 */
export function useHighlightChanges(): number {
  const [version, setVersion] = useState(0);
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.type === 'curation-changed' || event.type === 'library-changed' || event.type === 'import-finished') setVersion((v) => v + 1);
      }),
    [],
  );
  return version;
}
