import type { FacetCount, FolderInfo } from '../../../../shared/types.js';
import { FacetList } from './FacetList';
import { FolderSourceMenu } from './FolderSourceMenu';

interface Props {
  sources: FacetCount[];
  isActive: (source: string) => boolean;
  onPick: (source: string) => void;
  /** Imported folders: a source that comes from folders can be renamed from its entry. */
  folders: FolderInfo[];
}

/** The folders whose label is this source (the same spelling, whatever the case), for the Sources entry's menu. */
function foldersLabelled(folders: FolderInfo[], source: string): FolderInfo[] {
  const key = source.toLowerCase();
  return folders.filter((f) => f.sourceLabel?.toLowerCase() === key);
}

/** Sources counted over the current query; one that is a folder's label has a menu to rename it. */
export function SourcesSection({ sources, isActive, onPick, folders }: Props) {
  return (
    <FacetList
      title="Sources"
      noun="source"
      items={sources}
      isActive={isActive}
      onPick={onPick}
      menu={(v) => {
        const labelled = foldersLabelled(folders, v);
        return labelled.length > 0 ? <FolderSourceMenu source={v} folders={labelled} /> : null;
      }}
    />
  );
}
