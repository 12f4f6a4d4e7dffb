import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { parseQuery } from '../../../../shared/query/parse.js';
import type { ChangeResult, Facets, TagInfo } from '../../../../shared/types.js';
import { useParentCounts } from './useParentCounts';
import { usePersistentState } from '../../hooks/usePersistentState';
import { formatCount, plural } from '../../lib/format';
import { colorName } from '../../lib/tagColors';
import { filteredTagNames, renameTagInQuery, setTagFilter, tagFilterModes, type TagFilterMode } from '../../lib/tagFilters';
import { ancestorsOf, buildTagTree, type TagNode } from '../../lib/tagTree';
import { Icon } from '../widgets/Icon';
import { SidebarSection } from '../sidebar/SidebarSection';
import { TagManagerDialog, type TagDialogRequest } from './TagManagerDialog';
import { MoreIcon, TagMenu, type TagMenuTarget } from './TagMenu';

/** The query as typed, which the tag tree edits (adds and removes tag filters in). */
export interface TagQuery {
  text: string;
  set: (text: string) => void;
}

interface Props {
  facets: Facets;
  /** False while the facets shown still belong to the previous query. */
  facetsFresh: boolean;
  /** The query the facets were counted over (parents' counts are asked for the same one). */
  activeQuery: string;
  query: TagQuery;
  /** Runs a curation change (toast with Undo); resolves to an error message or null. */
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  /** Every tag (colours, library-wide counts), kept current by the app. */
  tags: TagInfo[];
}

/** Roots shown before "Show all": the flat list it replaces showed 10. */
const INITIAL = 10;
const isNames = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * The Tags section: names with `/` nest under their parent (`policy` holds
 * `policy/uk`), each row filtering the list by its tag (a parent includes its
 * children, as `tag:policy` does). Click: all of; shift-click: any of; alt-click:
 * exclude; the ⋯ menu offers the same and the tag's own commands.
 */
export function TagTree({ facets, facetsFresh, activeQuery, query, change, tags }: Props) {
  const { text: queryText, set: setQuery } = query;
  const parsed = useMemo(() => parseQuery(queryText), [queryText]);
  const modes = useMemo(() => tagFilterModes(parsed), [parsed]);
  const filtered = useMemo(() => filteredTagNames(parsed), [parsed]);
  // Once the query filters by tags, every tag keeps a row (with its count here, often 0): a tag
  // outside these results is exactly what "any of" adds, and an excluded one must stay to be let back.
  const extra = useMemo(() => (filtered.length > 0 ? [...filtered, ...tags.map((t) => t.name)] : []), [filtered, tags]);
  const tree = useMemo(() => buildTagTree(facets.tags, extra), [facets.tags, extra]);
  const infos = useMemo(() => new Map(tags.map((t) => [t.name, t])), [tags]);
  // Names line up behind swatches only once some tag has a colour; until then no empty slot.
  const anyColor = tags.some((t) => t.color !== null);

  const [openList, setOpenList] = usePersistentState<string[]>('tagTreeOpen', [], isNames);
  const open = useMemo(() => new Set(openList), [openList]);
  const toggleOpen = (name: string) => setOpenList((prev) => (prev.includes(name) ? prev.filter((n) => n !== name) : [...prev, name]));
  // A new filter on a child (typed, or from a saved search) opens its parents, so its state
  // shows; only when the filters change, so a person can still fold the group afterwards.
  const filteredKey = filtered.join('\n');
  useEffect(() => {
    const needed = filteredKey.split('\n').filter(Boolean).flatMap(ancestorsOf);
    if (needed.length > 0) setOpenList((prev) => (needed.every((n) => prev.includes(n)) ? prev : [...new Set([...prev, ...needed])]));
  }, [filteredKey, setOpenList]);

  const [showAll, setShowAll] = useState(false);
  const roots = showAll ? tree : tree.filter((r, i) => i < INITIAL || hasFilter(r, modes));
  const parents = useMemo(() => visibleParents(roots, open), [roots, open]);
  const honest = useParentCounts(activeQuery, parents, facetsFresh ? facets : null);

  const [menu, setMenu] = useState<TagMenuTarget | null>(null);
  const lastClosed = useRef({ name: '', at: 0 });
  const [dialog, setDialog] = useState<TagDialogRequest | null>(null);

  const filter = (name: string, mode: TagFilterMode | null) => setQuery(setTagFilter(queryText, name, mode));
  const pick = (name: string, e: MouseEvent) => {
    const current = modes.get(name.toLowerCase()) ?? null;
    const wanted: TagFilterMode = e.shiftKey ? 'any' : e.altKey ? 'none' : 'all';
    // Any click on a filtered tag's row takes its filter out; a modifier click on another mode switches to it.
    filter(name, current === wanted || (current !== null && wanted === 'all') ? null : wanted);
  };
  const countOf = (node: TagNode) => (node.children.length > 0 ? (honest.get(node.name) ?? node.atLeast) : (node.own ?? 0));
  const openMenu = (node: TagNode, anchor: HTMLButtonElement) => {
    // The click that light-dismissed this row's menu must not open it again at once.
    if (lastClosed.current.name === node.name && performance.now() - lastClosed.current.at < 300) return;
    setMenu({ name: node.name, isTag: infos.has(node.name), count: countOf(node), anchor });
  };

  const row = (node: TagNode) => {
    const mode = modes.get(node.name.toLowerCase()) ?? null;
    const isParent = node.children.length > 0;
    const expanded = isParent && open.has(node.name);
    const count = countOf(node);
    const color = infos.get(node.name)?.color ?? null;
    const title = isParent
      ? `${node.name}: ${honest.has(node.name) ? '' : 'at least '}${formatCount(count)} with it or a tag under it` +
        (node.own === null ? ' (a group: no article has “' + node.name + '” itself)' : ` (${formatCount(node.own)} with “${node.name}” itself)`)
      : `${node.name}: ${formatCount(count)}`;
    const hint = `${title}${color ? `, ${colorName(color)}` : ''}. Click: only these; shift-click: any of; alt-click: exclude; more in ⋯`;
    return (
      <li key={node.name}>
        <div className={`tag-row${count === 0 ? ' tag-row-empty' : ''}`} data-mode={mode ?? undefined}>
          {isParent ? (
            <button
              type="button"
              className="disclosure"
              aria-expanded={expanded}
              aria-label={`${expanded ? 'Hide' : 'Show'} tags under ${node.name}`}
              onClick={() => toggleOpen(node.name)}
            >
              <Icon name="chevron" size={12} />
            </button>
          ) : (
            <span className="disclosure-space" />
          )}
          <button
            type="button"
            className="sidebar-item tag-item"
            aria-pressed={mode !== null}
            // The whole tag (policy/uk, though the row shows uk): the visible words stay in it, in order (WCAG 2.5.3).
            aria-label={`Filter by tag ${node.name}${mode === 'any' ? ' any of' : mode === 'none' ? ' excluded' : ''} ${plural(count, 'article')}`}
            title={hint}
            onClick={(e) => pick(node.name, e)}
          >
            {(color || anyColor) && (
              <span className={`tag-swatch${color ? '' : ' tag-swatch-none'}`} style={color ? { background: color } : undefined} />
            )}
            <span className="sidebar-item-label">{node.label}</span> {mode === 'any' && <span className="tag-mode">any of</span>}
            {mode === 'none' && <span className="tag-mode tag-mode-none">excluded</span>} <span className="count">{formatCount(count)}</span>
          </button>
          <button
            type="button"
            className="btn btn-ghost icon-btn tag-menu-btn"
            aria-label={`Options for tag ${node.name}`}
            aria-haspopup="menu"
            aria-expanded={menu?.name === node.name}
            title="Filter options, rename, merge, colour, delete"
            onClick={(e) => openMenu(node, e.currentTarget)}
          >
            <MoreIcon />
          </button>
        </div>
        {expanded && <ul className="facet-list nested tag-children">{node.children.map(row)}</ul>}
      </li>
    );
  };

  return (
    <SidebarSection headingId="facet-tag" title="Tags">
      {tree.length === 0 ? <p className="sidebar-empty">None in these results</p> : <ul className="facet-list tag-tree">{roots.map(row)}</ul>}
      <div className="tag-section-foot">
        {tree.length > INITIAL && (
          <button type="button" className="sidebar-more" aria-expanded={showAll} onClick={() => setShowAll((s) => !s)}>
            {showAll ? 'Show fewer' : `Show all ${formatCount(tree.length)}`}
          </button>
        )}
        {tags.length > 0 && (
          <button type="button" className="sidebar-more" onClick={() => setDialog({ action: 'manage' })}>
            Manage tags…
          </button>
        )}
      </div>
      {menu && (
        <TagMenu
          target={menu}
          mode={modes.get(menu.name.toLowerCase()) ?? null}
          onFilter={(mode) => filter(menu.name, modes.get(menu.name.toLowerCase()) === mode ? null : mode)}
          onAction={(action) => setDialog(action === 'manage' ? { action } : { action, name: menu.name })}
          onClose={() => {
            lastClosed.current = { name: menu.name, at: performance.now() };
            setMenu(null);
          }}
        />
      )}
      {dialog && (
        <TagManagerDialog
          request={dialog}
          tags={tags}
          change={change}
          onClose={() => setDialog(null)}
          onRenamed={(from, to, withChildren) => {
            const next = renameTagInQuery(query.text, from, to, withChildren);
            if (next !== query.text) query.set(next);
          }}
        />
      )}
    </SidebarSection>
  );
}

function hasFilter(node: TagNode, modes: Map<string, TagFilterMode>): boolean {
  return modes.has(node.name.toLowerCase()) || node.children.some((c) => hasFilter(c, modes));
}

/** Parents whose rows are on screen: their honest counts are worth asking for. */
function visibleParents(nodes: TagNode[], open: Set<string>): string[] {
  return nodes.flatMap((n) => (n.children.length === 0 ? [] : [n.name, ...(open.has(n.name) ? visibleParents(n.children, open) : [])]));
}
