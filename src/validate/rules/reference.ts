import { closest, distance } from 'fastest-levenshtein';
import { stringList, stringValue, type Article } from '../../core/article';
import { fileLineOfPointer } from '../../core/frontmatter';
import type { Wiki } from '../../core/wiki';
import type { Report, WikiRule } from './rule';
import { ID_PATTERN } from '../../core/schema/schemas';

/**
 * `reference` — `department`, `owner`, `deputies`, `performers` or `post` names no
 * existing department/post, or a post lists itself as deputy. Also: an article's
 * `department` must be the folder it lies in, and a department article is
 * `<id>/index.md`. Messages name the nearest existing ids.
 *
 * ok:     `deputies: [stelle-1-001]` where that post exists.
 * not-ok: `deputies: [stelle-1-009]`, `deputies: [stelle-1-002]` in stelle-1-002 itself.
 */

function nearby(wanted: string, candidates: string[], sameDepartment: string[]): string {
  const closestId = candidates.length > 0 ? closest(wanted, candidates) : undefined;
  const best = closestId && distance(wanted, closestId) <= Math.max(3, Math.floor(wanted.length / 3)) ? closestId : undefined;
  const parts: string[] = [];
  if (best) parts.push(`Meinten Sie „${best}“?`);
  const local = sameDepartment.filter((id) => id !== best).slice(0, 6);
  if (local.length > 0) parts.push(`Vorhanden in diesem Fachbereich: ${local.join(', ')}${sameDepartment.length > 6 ? ', …' : ''}.`);
  else if (!best && candidates.length > 0) parts.push(`Vorhanden: ${candidates.slice(0, 6).join(', ')}${candidates.length > 6 ? ', …' : ''}.`);
  return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

/** Post ids per department, built once per check (only needed when a reference is broken). */
function postsByDepartment(wiki: Wiki): Map<string | undefined, string[]> {
  const byDepartment = new Map<string | undefined, string[]>();
  for (const [id, post] of wiki.posts) {
    const department = stringValue(post, 'department');
    byDepartment.set(department, [...(byDepartment.get(department) ?? []), id]);
  }
  return byDepartment;
}

interface Candidates {
  allPosts(): string[];
  postsOf(department: string | undefined): string[];
}

/** Candidate lists for „Meinten Sie …“, computed on first use. */
function candidates(wiki: Wiki): Candidates {
  let all: string[] | undefined;
  let byDepartment: Map<string | undefined, string[]> | undefined;
  return {
    allPosts: () => (all ??= [...wiki.posts.keys()]),
    postsOf: (department) => (byDepartment ??= postsByDepartment(wiki)).get(department) ?? [],
  };
}

function checkArticle(article: Article, wiki: Wiki, known: Candidates): Report[] {
  const reports: Report[] = [];
  const at = (pointer: string, message: string) =>
    reports.push({ article, line: fileLineOfPointer(article.frontMatter, pointer), column: 1, message });
  const department = stringValue(article, 'department');
  const checkPost = (pointer: string, id: string, role: string) => {
    if (!ID_PATTERN.test(id) || wiki.posts.has(id)) return;
    at(pointer, `${role} „${id}“: Eine Stelle mit dieser Kennung gibt es nicht.${nearby(id, known.allPosts(), known.postsOf(department))}`);
  };

  if (department !== undefined && ID_PATTERN.test(department)) {
    if (!wiki.departments.has(department)) {
      at('/department', `Fachbereich „${department}“ gibt es nicht.${nearby(department, [...wiki.departments.keys()], [])}`);
    } else if (article.folder !== undefined && article.folder !== department) {
      at('/department', `Fachbereich „${department}“ passt nicht zum Ordner „${article.folder}“: Tragen Sie „${article.folder}“ ein oder verschieben Sie die Datei nach ${department}/.`);
    }
  }
  if (article.type === 'department') {
    const id = stringValue(article, 'id');
    const expected = article.folder ? `${article.folder}/index.md` : undefined;
    if (article.relPath !== expected || id !== article.folder) {
      at('/id', `Ein Fachbereich liegt als <kennung>/index.md vor und seine Kennung ist der Ordnername: Legen Sie diese Datei als ${id ?? '<kennung>'}/index.md ab.`);
    }
  }
  const owner = stringValue(article, 'owner');
  if (owner !== undefined) checkPost('/owner', owner, 'Verantwortliche Stelle (owner)');
  if (article.type === 'post') {
    const self = stringValue(article, 'id');
    stringList(article, 'deputies').forEach((id, i) => {
      if (id === self) at(`/deputies/${i}`, `Die Stelle nennt sich selbst als Vertretung (deputies): Tragen Sie eine andere Stelle ein oder [] für keine.`);
      else checkPost(`/deputies/${i}`, id, 'Vertretung (deputies)');
    });
  }
  if (article.type === 'process') {
    stringList(article, 'performers').forEach((id, i) => checkPost(`/performers/${i}`, id, 'Ausführende Stelle (performers)'));
  }
  if (article.type === 'handover') {
    const post = stringValue(article, 'post');
    if (post !== undefined) checkPost('/post', post, 'Übergebende Stelle (post)');
  }
  return reports;
}

export const referenceRule: WikiRule = {
  id: 'reference',
  severity: 'error',
  scope: 'wiki',
  check({ wiki }) {
    const known = candidates(wiki);
    return wiki.articles.flatMap((article) => (article.data ? checkArticle(article, wiki, known) : []));
  },
  examples: [
    {
      title: 'an unknown deputy names the nearest posts',
      files: { 'fb1/stelle-1-002.md': 'REPLACE:deputies: [stelle-1-001]=>deputies: [stelle-1-011]' },
      expected: ['fb1/stelle-1-002.md:10:1 error Vertretung (deputies) „stelle-1-011“: Eine Stelle mit dieser Kennung gibt es nicht. Meinten Sie „stelle-1-001“? Vorhanden in diesem Fachbereich: stelle-1-002. [reference]'],
    },
    {
      title: 'a post that deputises for itself',
      files: { 'fb1/stelle-1-002.md': 'REPLACE:deputies: [stelle-1-001]=>deputies: [stelle-1-002]' },
      expected: ['fb1/stelle-1-002.md:10:1 error Die Stelle nennt sich selbst als Vertretung (deputies): Tragen Sie eine andere Stelle ein oder [] für keine. [reference]'],
    },
    {
      title: 'an unknown department',
      files: { 'fb1/anleitung-ablage.md': 'REPLACE:department: fb1=>department: fb2' },
      expected: ['fb1/anleitung-ablage.md:5:1 error Fachbereich „fb2“ gibt es nicht. Meinten Sie „fb1“? [reference]'],
    },
    {
      title: 'an unknown performer and handover post',
      files: {
        'fb1/antrag-bearbeiten.md': 'REPLACE:performers: [stelle-1-001]=>performers: [kasse]',
        'fb1/uebergabe-stelle-1-002.md': 'REPLACE:post: stelle-1-002=>post: stelle-1-003',
      },
      expected: [
        'fb1/antrag-bearbeiten.md:7:1 error Ausführende Stelle (performers) „kasse“: Eine Stelle mit dieser Kennung gibt es nicht. Vorhanden in diesem Fachbereich: stelle-1-001, stelle-1-002. [reference]',
        'fb1/uebergabe-stelle-1-002.md:7:1 error Übergebende Stelle (post) „stelle-1-003“: Eine Stelle mit dieser Kennung gibt es nicht. Meinten Sie „stelle-1-001“? Vorhanden in diesem Fachbereich: stelle-1-002. [reference]',
      ],
    },
  ],
};
