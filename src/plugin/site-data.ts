import { articleRef, buildCoverageIndex, computeCoverage, type CheckId, type CheckState } from '../coverage/coverage';
import { formatIsoDate, type CalendarDate } from '../core/dates';
import { gapText } from '../coverage/texts';
import { stringList, stringValue, type Article } from '../core/article';
import { type ValidationResult } from '../validate/validate';
import { type Wiki } from '../core/wiki';
import { checklistOf } from '../coverage/coverage';
import { isStale, reviewDue } from '../core/review-dates';

/**
 * Everything the site shows besides the Markdown itself, derived once from the
 * loaded and validated wiki: metadata cards per article and the two dashboards.
 * No register is read here, so nothing about people or departures can appear.
 */
export interface LinkRef {
  id: string;
  title: string;
  permalink: string;
  department?: string;
}

export interface PostCard {
  type: 'post';
  criticality?: string;
  deputies: LinkRef[];
  owns: LinkRef[];
  performs: LinkRef[];
  systems: string[];
  reviewed?: string;
  due?: string;
  stale: boolean;
  coverage: number;
  checks: Record<CheckId, CheckState>;
  gaps: string[];
}

export interface ProcessCard {
  type: 'process';
  owner?: LinkRef;
  performers: LinkRef[];
  frequency?: string;
  leika?: string;
  legalBasis: string[];
  systems: string[];
  digital?: { status: string; bundle?: string };
  reviewed?: string;
  stale: boolean;
}

export interface HandoverCard {
  type: 'handover';
  post?: LinkRef;
  status?: string;
  due?: string;
  done: number;
  total: number;
  checklist: Array<{ text: string; checked: boolean }>;
}

export interface DepartmentCard {
  type: 'department';
  posts: Array<LinkRef & { criticality?: string; coverage: number; missing: CheckId[] }>;
  processes: Array<LinkRef & { owner?: LinkRef; digital?: string; bundle?: string }>;
}

export interface GuideCard {
  type: 'guide';
  owner?: LinkRef;
  reviewed?: string;
  stale: boolean;
}

export type Card = PostCard | ProcessCard | HandoverCard | DepartmentCard | GuideCard;

export interface CoverageDashboardData {
  today: string;
  departments: Array<LinkRef & { posts: number; secured: number; average: number; withoutDeputy: number; singlePerformer: number }>;
  posts: Array<LinkRef & { department: string; departmentTitle: string; criticality?: string; coverage: number; missing: CheckId[]; gaps: string[] }>;
  overdue: Array<LinkRef & { type: string; departmentTitle: string; reviewed: string; due: string }>;
}

export interface DigitalPlanData {
  bundles: string[];
  departments: Array<LinkRef & { processes: number; digitalOrOnline: number; share: number }>;
  processes: Array<LinkRef & { department: string; departmentTitle: string; status?: string; bundle?: string }>;
}

export interface SiteData {
  cards: Record<string, Card>;
  coverage: CoverageDashboardData;
  digital: DigitalPlanData;
}

const FIRST_BUNDLE_YEAR = 2025;
const LAST_BUNDLE_YEAR = 2034;

export function buildSiteData(wiki: Wiki, validation: ValidationResult, today: CalendarDate, baseUrl: string): SiteData {
  const index = buildCoverageIndex(wiki, validation);
  const usable = wiki.articles.filter((a) => a.type !== undefined && stringValue(a, 'id') !== undefined);
  const departmentTitle = (id: string | undefined) => (id && stringValue(wiki.departments.get(id)!, 'title')) || id || '';
  const link = (article: Article): LinkRef => {
    const ref = articleRef(article);
    return { id: ref.id, title: ref.title, permalink: `${baseUrl}${ref.path}`, department: stringValue(article, 'department') };
  };
  const postLink = (id: string | undefined): LinkRef | undefined => {
    const post = id ? wiki.posts.get(id) : undefined;
    return post ? link(post) : undefined;
  };
  const postLinks = (ids: string[]) => ids.map(postLink).filter((l): l is LinkRef => l !== undefined);
  const processes = usable.filter((a) => a.type === 'process');
  const coverageOf = new Map([...wiki.posts.keys()].map((id) => [id, computeCoverage(index, id, { today })]));

  const cards: Record<string, Card> = {};
  for (const article of usable) {
    const id = stringValue(article, 'id')!;
    const reviewed = stringValue(article, 'reviewed');
    const due = reviewDue(article);
    const stale = isStale(article, today);
    switch (article.type) {
      case 'post': {
        const coverage = coverageOf.get(id)!;
        cards[id] = {
          type: 'post',
          criticality: stringValue(article, 'criticality'),
          deputies: postLinks(stringList(article, 'deputies')),
          owns: processes.filter((p) => stringValue(p, 'owner') === id).map(link),
          performs: processes.filter((p) => stringList(p, 'performers').includes(id)).map(link),
          systems: stringList(article, 'systems'),
          reviewed,
          due: due ? formatIsoDate(due) : undefined,
          stale,
          coverage: coverage.coverage,
          checks: coverage.checks,
          gaps: coverage.gaps.map(gapText),
        };
        break;
      }
      case 'process': {
        const digital = article.data?.digital as { status?: unknown; bundle?: unknown } | undefined;
        cards[id] = {
          type: 'process',
          owner: postLink(stringValue(article, 'owner')),
          performers: postLinks(stringList(article, 'performers')),
          frequency: stringValue(article, 'frequency'),
          leika: stringValue(article, 'leika'),
          legalBasis: stringList(article, 'legal_basis'),
          systems: stringList(article, 'systems'),
          digital: typeof digital?.status === 'string'
            ? { status: digital.status, bundle: typeof digital.bundle === 'string' ? digital.bundle : undefined }
            : undefined,
          reviewed,
          stale,
        };
        break;
      }
      case 'handover': {
        const checklist = checklistOf(article);
        cards[id] = {
          type: 'handover',
          post: postLink(stringValue(article, 'post')),
          status: stringValue(article, 'status'),
          due: stringValue(article, 'due'),
          done: checklist.filter((t) => t.checked).length,
          total: checklist.length,
          checklist: checklist.map((t) => ({ text: t.text, checked: t.checked })),
        };
        break;
      }
      case 'department': {
        const inDepartment = (a: Article) => stringValue(a, 'department') === id;
        cards[id] = {
          type: 'department',
          posts: [...wiki.posts.values()].filter(inDepartment).map((p) => {
            const c = coverageOf.get(stringValue(p, 'id')!)!;
            return { ...link(p), criticality: stringValue(p, 'criticality'), coverage: c.coverage, missing: c.missing };
          }).sort((a, b) => a.id.localeCompare(b.id, 'de', { numeric: true })),
          processes: processes.filter(inDepartment).map((p) => {
            const digital = p.data?.digital as { status?: string; bundle?: string } | undefined;
            return { ...link(p), owner: postLink(stringValue(p, 'owner')), digital: digital?.status, bundle: digital?.bundle };
          }).sort((a, b) => a.title.localeCompare(b.title, 'de')),
        };
        break;
      }
      case 'guide':
        cards[id] = { type: 'guide', owner: postLink(stringValue(article, 'owner')), reviewed, stale };
        break;
    }
  }

  const departments = [...wiki.departments.values()].map(link).sort((a, b) => a.id.localeCompare(b.id, 'de', { numeric: true }));
  const posts = [...wiki.posts.values()].map((p) => {
    const c = coverageOf.get(stringValue(p, 'id')!)!;
    const department = stringValue(p, 'department') ?? '';
    return { ...link(p), department, departmentTitle: departmentTitle(department), criticality: stringValue(p, 'criticality'), coverage: c.coverage, missing: c.missing, gaps: c.gaps.map(gapText) };
  }).sort((a, b) => a.coverage - b.coverage || a.id.localeCompare(b.id, 'de', { numeric: true }));
  const overdue = usable.filter((a) => isStale(a, today)).map((a) => ({
    ...link(a),
    type: a.type!,
    departmentTitle: departmentTitle(stringValue(a, 'department')),
    reviewed: stringValue(a, 'reviewed')!,
    due: formatIsoDate(reviewDue(a)!),
  })).sort((a, b) => a.due.localeCompare(b.due));

  const processRows = processes.map((p) => {
    const digital = p.data?.digital as { status?: string; bundle?: string } | undefined;
    const department = stringValue(p, 'department') ?? '';
    return { ...link(p), department, departmentTitle: departmentTitle(department), status: digital?.status, bundle: digital?.bundle };
  }).sort((a, b) => (a.bundle ?? '9999').localeCompare(b.bundle ?? '9999') || a.title.localeCompare(b.title, 'de'));
  const bundles: string[] = [];
  for (let year = FIRST_BUNDLE_YEAR; year <= LAST_BUNDLE_YEAR; year++) bundles.push(`${year}-H1`, `${year}-H2`);
  for (const b of processRows.map((p) => p.bundle).filter((b): b is string => !!b)) if (!bundles.includes(b)) bundles.push(b);
  bundles.sort();

  return {
    cards,
    coverage: {
      today: formatIsoDate(today),
      departments: departments.map((d) => {
        const own = posts.filter((p) => p.department === d.id);
        return {
          ...d,
          posts: own.length,
          secured: own.filter((p) => p.missing.length === 0).length,
          average: own.length === 0 ? 0 : Math.floor(own.reduce((s, p) => s + p.coverage, 0) / own.length),
          withoutDeputy: own.filter((p) => p.missing.includes('deputies')).length,
          singlePerformer: own.filter((p) => p.missing.includes('processes')).length,
        };
      }),
      posts,
      overdue,
    },
    digital: {
      bundles,
      departments: departments.map((d) => {
        const own = processRows.filter((p) => p.department === d.id);
        const digitalOrOnline = own.filter((p) => p.status === 'digital' || p.status === 'online').length;
        return { ...d, processes: own.length, digitalOrOnline, share: own.length === 0 ? 0 : Math.round((digitalOrOnline * 100) / own.length) };
      }),
      processes: processRows,
    },
  };
}

