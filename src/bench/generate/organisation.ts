/** The departments and their posts: the skeleton every article type hangs on. */
import type { Random } from './random';
import { TOPICS } from './words';

export interface Post { id: string; title: string; department: Department; index: number }
export interface Department { id: string; number: number; title: string; posts: Post[] }

const DEPARTMENT_AREAS = [
  'zentrale-dienste', 'finanzen', 'ordnung', 'buergerdienste', 'bildung', 'kultur', 'sport', 'jugend', 'soziales',
  'planen', 'bauen', 'umwelt', 'tiefbau', 'gruenflaechen', 'wirtschaft', 'liegenschaften', 'personal', 'recht',
  'digitalisierung', 'feuerwehr', 'gesundheit', 'verkehr', 'standesamt', 'steuern',
];
const AREA_TITLES: Record<string, string> = {
  'zentrale-dienste': 'Zentrale Dienste', finanzen: 'Finanzen', ordnung: 'Öffentliche Ordnung', buergerdienste: 'Bürgerdienste',
  bildung: 'Bildung und Schulen', kultur: 'Kultur und Stadtbibliothek', sport: 'Sport und Bäder', jugend: 'Jugend und Familie',
  soziales: 'Soziales und Wohnen', planen: 'Stadtplanung', bauen: 'Bauaufsicht und Denkmalschutz', umwelt: 'Umwelt und Klimaschutz',
  tiefbau: 'Tiefbau und Straßen', gruenflaechen: 'Grünflächen und Friedhöfe', wirtschaft: 'Wirtschaftsförderung',
  liegenschaften: 'Liegenschaften', personal: 'Personal und Organisation', recht: 'Recht und Vergabe',
  digitalisierung: 'Digitalisierung und IT', feuerwehr: 'Feuerwehr und Katastrophenschutz', gesundheit: 'Gesundheit und Veterinärwesen',
  verkehr: 'Verkehr und Mobilität', standesamt: 'Standesamt und Friedhofsverwaltung', steuern: 'Steuern und Abgaben',
};
const POST_ROLES = [
  'Sachbearbeitung', 'Sachgebietsleitung', 'Teamleitung', 'Fachkraft', 'Koordination', 'Verwaltungsfachkraft', 'Fachberatung',
  'Referentin oder Referent', 'Assistenz', 'Projektleitung',
];

/** The department's title without „Fachbereich NN – “. */
export const areaTitle = (department: Department) => department.title.replace(/^Fachbereich \d+ – /, '');
/** The tag of the department's articles: the first word of its area. */
export const areaTag = (department: Department) => areaTitle(department).split(' ')[0]!;

/** `departments` departments, each with at least two posts (the first is the head), `posts` posts in all. */
export function organisation(r: Random, counts: { department: number; post: number }): { departments: Department[]; posts: Post[] } {
  const departments: Department[] = Array.from({ length: counts.department }, (_, i) => {
    const area = DEPARTMENT_AREAS[i % DEPARTMENT_AREAS.length]!;
    const number = 10 + i;
    const round = Math.floor(i / DEPARTMENT_AREAS.length);
    return { id: `fb${number}-${area}`, number, title: `Fachbereich ${number} – ${AREA_TITLES[area]}${round > 0 ? ` ${round + 1}` : ''}`, posts: [] };
  });
  const posts: Post[] = [];
  for (let i = 0; i < counts.post; i++) {
    const department = departments[i % departments.length]!;
    const index = department.posts.length + 1;
    const role = index === 1 ? 'Fachbereichsleitung' : r.pick(POST_ROLES);
    const post: Post = { id: `stelle-${department.number}-${String(index).padStart(3, '0')}`, title: `${role} ${index === 1 ? areaTitle(department) : r.pick(TOPICS)}`, department, index };
    department.posts.push(post);
    posts.push(post);
  }
  return { departments, posts };
}
