import type { Target } from '../../../shared/types.js';

/** Articles dragged from the list carry a Target (shared/types.ts) as JSON under this type. */
export const DRAG_TYPE = 'application/x-gleaner-articles';

/** Whether a drag carries articles (only the type is readable before the drop). */
export const carriesArticles = (data: DataTransfer): boolean => data.types.includes(DRAG_TYPE);

export function writeDragTarget(data: DataTransfer, target: Target, label: string): void {
  data.setData(DRAG_TYPE, JSON.stringify(target));
  data.setData('text/plain', label);
  data.effectAllowed = 'copyMove';
}

/** The dropped articles; null for anything that is not a payload the list wrote. */
export function readDragTarget(data: DataTransfer): Target | null {
  try {
    const value = JSON.parse(data.getData(DRAG_TYPE)) as unknown;
    if (value && typeof value === 'object') {
      if ('ids' in value && Array.isArray(value.ids) && value.ids.every((id) => Number.isInteger(id))) return { ids: value.ids as number[] };
      if ('query' in value && typeof value.query === 'string') return { query: value.query };
    }
  } catch {
    // not ours (or empty)
  }
  return null;
}
