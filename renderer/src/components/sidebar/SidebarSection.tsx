import type { ReactNode } from 'react';

interface Props {
  /** Id of the heading, which names the section (`facet-…`). */
  headingId: string;
  title: ReactNode;
  children: ReactNode;
}

/** One titled section of the sidebar: Sidebar.tsx lists them in order, each a component of its own. */
export function SidebarSection({ headingId, title, children }: Props) {
  return (
    <section className="sidebar-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="sidebar-heading">
        {title}
      </h2>
      {children}
    </section>
  );
}
