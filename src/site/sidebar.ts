/**
 * Builds the wiki's sidebar from the docs Docusaurus has read: one category per
 * department (labelled with the department article's title, linking to it), and
 * inside it one group per article type. Root-level articles come first.
 */
import { TYPE_PLURAL_LABELS } from '../core/schema/labels';

export interface SidebarDoc {
  id: string;
  title: string;
  sourceDirName: string;
  frontMatter: Record<string, unknown>;
  sidebarPosition?: number;
}

export type SidebarItem =
  | { type: 'doc'; id: string; label?: string }
  | { type: 'category'; label: string; collapsed?: boolean; collapsible?: boolean; link?: { type: 'doc'; id: string }; items: SidebarItem[] };

/** Groups inside a department, in this order, labelled with the types' plurals. */
const GROUPS = (['post', 'process', 'handover', 'guide'] as const).map((type) => ({ type, label: TYPE_PLURAL_LABELS[type]! }));

function byPositionThenTitle(a: SidebarDoc, b: SidebarDoc): number {
  const pa = a.sidebarPosition ?? Number.POSITIVE_INFINITY;
  const pb = b.sidebarPosition ?? Number.POSITIVE_INFINITY;
  if (pa !== pb) return pa - pb;
  // Posts read best in the order of their ids (stelle-32-001, -002, …).
  if (a.frontMatter.type === 'post' && b.frontMatter.type === 'post') return a.id.localeCompare(b.id, 'de');
  return a.title.localeCompare(b.title, 'de');
}

const docItem = (doc: SidebarDoc): SidebarItem => ({ type: 'doc', id: doc.id });

export function buildSidebar(docs: SidebarDoc[]): SidebarItem[] {
  const folders = new Map<string, SidebarDoc[]>();
  const rootDocs: SidebarDoc[] = [];
  for (const doc of docs) {
    const folder = doc.sourceDirName === '.' ? undefined : doc.sourceDirName.split('/')[0];
    if (folder === undefined) rootDocs.push(doc);
    else folders.set(folder, [...(folders.get(folder) ?? []), doc]);
  }
  const items: SidebarItem[] = rootDocs.sort(byPositionThenTitle).map(docItem);
  for (const folder of [...folders.keys()].sort((a, b) => a.localeCompare(b, 'de', { numeric: true }))) {
    const inFolder = folders.get(folder)!;
    const department = inFolder.find((d) => d.frontMatter.type === 'department' && d.sourceDirName === folder);
    const rest = inFolder.filter((d) => d !== department);
    const groups: SidebarItem[] = GROUPS.map(({ type, label }) => ({
      type: 'category' as const,
      label,
      collapsed: true,
      items: rest.filter((d) => d.frontMatter.type === type).sort(byPositionThenTitle).map(docItem),
    })).filter((g) => g.items.length > 0);
    const others = rest.filter((d) => !GROUPS.some((g) => g.type === d.frontMatter.type)).sort(byPositionThenTitle).map(docItem);
    items.push({
      type: 'category',
      label: department?.title ?? folder,
      collapsed: true,
      ...(department ? { link: { type: 'doc' as const, id: department.id } } : {}),
      items: [...groups, ...others],
    });
  }
  return items;
}
