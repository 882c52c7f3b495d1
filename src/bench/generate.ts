/**
 * A seeded, deterministic generator of benchmark wikis in the contract format
 * (contract/knowledge-model.md): departments, posts, processes, handovers and guides
 * with realistic – invented – German administrative text, plus an HR register of
 * departures. Pure (`generateWiki`) plus a small fs writer (`writeGeneratedWiki`).
 *
 * Design: the wiki validates with **zero errors** on the reference date (no `TODO:`
 * placeholders – `npm run build` refuses wikis with errors, and the bench builds it), but
 * carries the gaps an audit must find: empty `deputies`, empty `performers`, overdue
 * reviews (`stale` warnings), posts without processes, handovers not yet complete.
 * Everything derives from the seed; no clock is read.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { germanDate } from '../core/german';

/** Bumped whenever the output for a given (articles, seed) changes; part of the bench cache key. */
export const GENERATOR_VERSION = 2;

/** The date the generated wiki is meant to be validated and audited on. */
export const REFERENCE_DATE = '2026-11-28';

export const MIN_ARTICLES = 20;
export const MAX_ARTICLES = 200_000;

export interface GenerateOptions {
  articles: number;
  seed?: number;
}

export interface GeneratedWiki {
  /** Relative path under the wiki folder (`<department>/<id>.md`) → file content. */
  files: Map<string, string>;
  /** The register CSV (UTF-8 BOM, `;`, CRLF). */
  register: string;
  /** What was generated, for tests and the bench. */
  manifest: {
    counts: Record<'department' | 'post' | 'process' | 'handover' | 'guide', number>;
    /** Relative paths of the articles whose review is overdue on REFERENCE_DATE (`stale` warnings). */
    stale: string[];
    registerRows: number;
  };
}

// ---------------------------------------------------------------- randomness

/** mulberry32: a tiny 32-bit PRNG, good enough for test data and fully deterministic. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  /** `count` distinct items (fewer if the list is shorter), in random order. */
  sample<T>(list: readonly T[], count: number): T[] {
    const copy = [...list];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }
}

// ---------------------------------------------------------------- dates

const DAY_MS = 86_400_000;
const REF_MS = Date.parse(`${REFERENCE_DATE}T00:00:00Z`);

function isoDaysFromRef(days: number): string {
  return new Date(REF_MS + days * DAY_MS).toISOString().slice(0, 10);
}

function germanDaysFromRef(days: number): string {
  return germanDate(isoDaysFromRef(days));
}

// ---------------------------------------------------------------- word lists (invented)

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
const TOPICS = [
  'Gewerbeangelegenheiten', 'Meldewesen', 'Haushaltsplanung', 'Vollstreckung', 'Gebührenveranlagung', 'Vergabestelle',
  'Schulverwaltung', 'Kindertagesbetreuung', 'Wohngeld', 'Bauantragsverfahren', 'Baumschutz', 'Straßenunterhaltung',
  'Sondernutzungen', 'Friedhofsverwaltung', 'Sportstättenvergabe', 'Kulturförderung', 'Ausländerangelegenheiten',
  'Personalabrechnung', 'Ausbildung', 'Beschaffung', 'Gebäudemanagement', 'Fördermittel', 'Anlagenbuchhaltung',
  'Ratsangelegenheiten', 'Wahlen', 'Verkehrsbehördliche Anordnungen', 'Parkraumbewirtschaftung', 'Fundbüro',
  'Jugendhilfeplanung', 'Elterngeld', 'Denkmalschutz', 'Klimaschutzmanagement', 'Abfallwirtschaft', 'Grundsteuer',
  'Hundesteuer', 'Kassenwesen', 'Zahlungsverkehr', 'Archiv und Registratur', 'Datenschutz', 'IT-Sicherheit',
];
const PROCESS_OBJECTS = [
  ['gewerbeanmeldung', 'Gewerbeanmeldung'], ['meldebescheinigung', 'Meldebescheinigung'], ['bauantrag', 'Bauantrag'],
  ['widerspruch', 'Widerspruch'], ['foerderantrag', 'Förderantrag'], ['sondernutzung', 'Sondernutzungserlaubnis'],
  ['rechnung', 'Eingangsrechnung'], ['mahnung', 'Mahnung'], ['stundungsantrag', 'Stundungsantrag'],
  ['grundsteuerbescheid', 'Grundsteuerbescheid'], ['hundesteuerbescheid', 'Hundesteuerbescheid'], ['wohngeldantrag', 'Wohngeldantrag'],
  ['kitaplatz', 'Kitaplatzvergabe'], ['schuelerbefoerderung', 'Schülerbeförderung'], ['fundsache', 'Fundsache'],
  ['ratsvorlage', 'Ratsvorlage'], ['vergabeverfahren', 'Vergabeverfahren'], ['stellenausschreibung', 'Stellenausschreibung'],
  ['dienstreiseantrag', 'Dienstreiseantrag'], ['baumfaellantrag', 'Baumfällantrag'], ['verkehrsanordnung', 'Verkehrsanordnung'],
  ['veranstaltungsanzeige', 'Veranstaltungsanzeige'], ['gaststaettenerlaubnis', 'Gaststättenerlaubnis'], ['bestattung', 'Bestattung'],
  ['akteneinsicht', 'Akteneinsicht'], ['haushaltsansatz', 'Haushaltsansatz'], ['jahresabschluss', 'Jahresabschluss'],
  ['zuwendungsbescheid', 'Zuwendungsbescheid'], ['verwendungsnachweis', 'Verwendungsnachweis'], ['beschwerde', 'Beschwerde'],
] as const;
const PROCESS_VERBS = [
  ['bearbeiten', 'bearbeiten'], ['pruefen', 'prüfen'], ['bescheiden', 'bescheiden'], ['erteilen', 'erteilen'],
  ['erstellen', 'erstellen'], ['abschliessen', 'abschließen'], ['bewilligen', 'bewilligen'], ['vorbereiten', 'vorbereiten'],
] as const;
const GUIDE_SUBJECTS = [
  ['e-akte', 'Ablage in der e-Akte'], ['posteingang', 'Posteingang und Verteilung'], ['kassenabschluss', 'Kassenabschluss am Monatsende'],
  ['fristenkontrolle', 'Fristenkontrolle im Fachverfahren'], ['vertretung', 'Vertretung im Urlaub organisieren'],
  ['serienbrief', 'Serienbriefe aus dem Fachverfahren'], ['barrierefreiheit', 'Barrierefreie Dokumente erstellen'],
  ['datenschutz', 'Datenschutz im Bürgerkontakt'], ['telefonnotiz', 'Telefonnotizen und Rückrufe'], ['rechnungslauf', 'Rechnungslauf vorbereiten'],
  ['sitzungsdienst', 'Sitzungsdienst für Ausschüsse'], ['zeiterfassung', 'Zeiterfassung korrigieren'],
] as const;
const SYSTEMS = [
  'e-Akte', 'OK.VERKEHR', 'AutiSta', 'GIS', 'SAP', 'newsystem', 'ProBauG', 'Kita-Portal', 'Ratsinformationssystem',
  'Kassenverfahren', 'Vergabeplattform', 'Personalverfahren', 'Serviceportal', 'Terminvergabe', 'DMS', 'Wohngeldverfahren',
];
const LAWS = [
  'Verwaltungsverfahrensgesetz (VwVfG)', 'Gemeindeordnung', 'Gewerbeordnung (GewO)', 'Bundesmeldegesetz (BMG)', 'Baugesetzbuch (BauGB)',
  'Landesbauordnung', 'Kommunalabgabengesetz', 'Abgabenordnung (AO)', 'Wohngeldgesetz (WoGG)', 'Sozialgesetzbuch VIII',
  'Straßen- und Wegegesetz des Landes', 'Straßenverkehrs-Ordnung (StVO)', 'Gemeindehaushaltsverordnung', 'Vergabeverordnung (VgV)',
  'Unterschwellenvergabeordnung (UVgO)', 'Datenschutz-Grundverordnung (DSGVO)', 'Onlinezugangsgesetz (OZG)', 'Bestattungsgesetz des Landes',
  'Hundesteuersatzung', 'Gebührensatzung', 'Dienstanweisung Zahlungsverkehr', 'Allgemeine Geschäftsanweisung',
];
const SUBJECTS = [
  'Die Sachbearbeitung', 'Die Stelle', 'Das Sachgebiet', 'Die Fachbereichsleitung', 'Die Vertretung', 'Das Team',
  'Die zuständige Fachkraft', 'Die Servicestelle', 'Die Registratur', 'Die Kasse',
];
const VERBS = [
  'prüft', 'erfasst', 'bearbeitet', 'dokumentiert', 'bewertet', 'koordiniert', 'überwacht', 'ergänzt', 'versendet', 'archiviert',
  'bestätigt', 'berechnet', 'klärt', 'meldet', 'bündelt',
];
const OBJECTS = [
  'den Antrag', 'die Unterlagen', 'den Vorgang', 'die Stellungnahme', 'den Bescheid', 'die Rechnung', 'die Frist', 'den Zahlungseingang',
  'die Ratsvorlage', 'die Nachforderung', 'die Statistik', 'die Akte', 'den Entwurf', 'die Anhörung', 'die Gebühr', 'die Rückfrage',
];
const ADVERBIALS = [
  'im Fachverfahren', 'in der e-Akte', 'nach dem Vier-Augen-Prinzip', 'innerhalb von zwei Wochen', 'vor Ablauf der Frist',
  'in Abstimmung mit der Kämmerei', 'nach Rücksprache mit dem Rechtsamt', 'zum Monatsende', 'am Quartalsende',
  'gemäß Dienstanweisung', 'mit dem Serienbrief aus dem Fachverfahren', 'unter Beachtung des Datenschutzes',
  'für die Wiedervorlage', 'vollständig und nachvollziehbar', 'im Beteiligungsverfahren',
];
const CLAUSES = [
  'damit die Bearbeitung auch im Vertretungsfall nachvollziehbar bleibt',
  'weil sonst die gesetzliche Frist verstreicht',
  'sodass Bürgerinnen und Bürger eine verlässliche Auskunft erhalten',
  'bevor der Vorgang an die Fachbereichsleitung geht',
  'wobei Rückfragen telefonisch oder per E-Mail geklärt werden',
  'damit der Haushalt die Mittel rechtzeitig bereitstellt',
  'falls Unterlagen fehlen oder unleserlich sind',
  'soweit keine Sonderregelung der Satzung greift',
];
const CONTACTS = [
  'Rechtsamt', 'Kämmerei', 'Personalrat', 'Gleichstellungsbeauftragte', 'Datenschutzbeauftragte Stelle', 'Rechenzentrum des Zweckverbands',
  'Kreisverwaltung', 'Landesamt für Statistik', 'Rechnungsprüfungsamt', 'Bürgerbüro', 'Zentrale Vergabestelle', 'Polizeiinspektion',
  'Jobcenter', 'Finanzamt', 'Gutachterausschuss', 'Stadtwerke',
];
const DEADLINES = [
  ['15. Januar', 'Jahresstatistik an das Landesamt'], ['31. März', 'Verwendungsnachweise der Zuwendungsempfänger'],
  ['30. Juni', 'Halbjahresbericht an den Ausschuss'], ['15. September', 'Anmeldung der Haushaltsansätze'],
  ['monatlich', 'Abgleich der offenen Posten'], ['wöchentlich', 'Durchsicht der Wiedervorlagen'],
  ['2 Wochen', 'Eingangsbestätigung nach Antragseingang'], ['1 Monat', 'Widerspruchsfrist nach Bekanntgabe'],
  ['3 Monate', 'Entscheidungsfrist nach Vollständigkeit'], ['31. Dezember', 'Jahresabschluss der Vorgänge'],
] as const;
const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'on-demand'] as const;
const DIGITAL = ['analog', 'partial', 'digital', 'online'] as const;
const CRITICALITY = ['high', 'medium', 'low'] as const;
const REASONS = ['Ruhestand', 'Kündigung', 'Versetzung', 'Elternzeit', 'Befristung', 'Sonstiges'];

// ---------------------------------------------------------------- text building

function sentence(r: Random): string {
  const base = `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(ADVERBIALS)}`;
  return r.chance(0.45) ? `${base}, ${r.pick(CLAUSES)}.` : `${base}.`;
}

function paragraph(r: Random, min = 3, max = 5): string {
  return Array.from({ length: r.int(min, max) }, () => sentence(r)).join(' ');
}

function bulletList(r: Random, min = 3, max = 6): string {
  return Array.from({ length: r.int(min, max) }, () => `- ${sentence(r)}`).join('\n');
}

function numberedList(r: Random, min = 4, max = 7): string {
  return Array.from({ length: r.int(min, max) }, (_, i) => `${i + 1}. ${sentence(r)}`).join('\n');
}

function flowchart(r: Random, object: string): string {
  const steps = r.sample(['Eingang erfassen', 'Vollständigkeit prüfen', 'Stellungnahmen einholen', 'Entscheidung vorbereiten', 'Bescheid erstellen', 'Zahlung überwachen', 'Akte abschließen'], r.int(3, 5));
  const lines = ['```mermaid', 'flowchart TD', `  A[${object} geht ein] --> B{Vollständig?}`, '  B -- nein --> C[Unterlagen nachfordern]', '  C --> B'];
  let prev = 'B';
  steps.forEach((step, i) => {
    const node = `S${i}`;
    lines.push(`  ${prev}${prev === 'B' ? ' -- ja' : ''} --> ${node}[${step}]`);
    prev = node;
  });
  lines.push('```');
  return lines.join('\n');
}

function link(title: string, id: string): string {
  return `[${title}](./${id}.md)`;
}

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * Renders front matter + sections; pads random sections with paragraphs until the
 * article reaches `target` bytes, so sizes follow the chosen distribution.
 */
function render(r: Random, frontMatter: string[], intro: string | undefined, sections: Array<[string, string[]]>, target: number): string {
  const head = `---\n${frontMatter.join('\n')}\n---\n\n${intro ? `${intro}\n\n` : ''}`;
  const assemble = () => head + sections.map(([title, blocks]) => `## ${title}\n\n${blocks.join('\n\n')}\n`).join('\n');
  let text = assemble();
  let size = byteLength(text);
  while (size < target) {
    const extra = r.chance(0.3) ? bulletList(r, 2, 4) : paragraph(r);
    r.pick(sections)[1].push(extra);
    size += byteLength(extra) + 2;
  }
  text = assemble();
  return text;
}

const list = (items: readonly string[]) => `[${items.join(', ')}]`;
const quotedList = (items: readonly string[]) => `[${items.map((s) => JSON.stringify(s)).join(', ')}]`;

// ---------------------------------------------------------------- the wiki

interface Post { id: string; title: string; department: Department; index: number }
interface Department { id: string; number: number; title: string; posts: Post[] }

/** The number of articles of each type for N articles. */
export function articleCounts(n: number): GeneratedWiki['manifest']['counts'] {
  const department = Math.max(2, Math.round(n / 100));
  const post = Math.max(department * 2, Math.round(n * 0.35));
  const process = Math.round(n * 0.45);
  const handover = Math.max(1, Math.round(n * 0.05));
  const guide = n - department - post - process - handover;
  if (guide < 0) throw new RangeError(`zu wenige Artikel: ${n}`);
  return { department, post, process, handover, guide };
}

export function generateWiki(options: GenerateOptions): GeneratedWiki {
  const n = options.articles;
  if (!Number.isInteger(n) || n < MIN_ARTICLES || n > MAX_ARTICLES) throw new RangeError(`articles must be an integer from ${MIN_ARTICLES} to ${MAX_ARTICLES}`);
  const r = new Random(options.seed ?? 1);
  const counts = articleCounts(n);
  const files = new Map<string, string>();
  const stale: string[] = [];

  /** Article sizes: 2.5–6.5 KB, uniform, so the mean is about 4.5 KB. */
  const target = () => r.int(2500, 6500);
  /** `reviewed` and `review_months`: about 12 % are overdue on the reference date. */
  const review = (path: string): string[] => {
    if (r.chance(0.12)) {
      stale.push(path);
      return [`reviewed: ${isoDaysFromRef(-r.int(400, 900))}`, 'review_months: 12'];
    }
    const months = r.pick([12, 12, 12, 24, 6]);
    const maxAge = months === 6 ? 170 : 330;
    return [`reviewed: ${isoDaysFromRef(-r.int(5, maxAge))}`, ...(months === 12 && r.chance(0.5) ? [] : [`review_months: ${months}`])];
  };

  // Departments, each with at least two posts (the first is the head).
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
    const post: Post = { id: `stelle-${department.number}-${String(index).padStart(3, '0')}`, title: `${role} ${index === 1 ? department.title.replace(/^Fachbereich \d+ – /, '') : r.pick(TOPICS)}`, department, index };
    department.posts.push(post);
    posts.push(post);
  }

  // Processes first, so posts can link to the processes they own.
  const owned = new Map<string, Array<{ id: string; title: string }>>();
  for (let i = 0; i < counts.process; i++) {
    const department = r.pick(departments);
    // Leave some posts without processes: owners come from the first 80 % of the department.
    const owners = department.posts.slice(0, Math.max(1, Math.ceil(department.posts.length * 0.8)));
    const owner = r.pick(owners);
    const [objSlug, objTitle] = r.pick(PROCESS_OBJECTS);
    const [verbSlug, verbTitle] = r.pick(PROCESS_VERBS);
    const id = `${objSlug}-${verbSlug}-${i + 1}`;
    const title = `${objTitle} ${verbTitle}`;
    const path = `${department.id}/${id}.md`;
    const others = department.posts.filter((p) => p !== owner);
    const performers = r.chance(0.15) ? [] : r.sample(others, r.int(1, 2)).map((p) => p.id);
    const digital = r.pick(DIGITAL);
    const laws = r.sample(LAWS, r.int(1, 3));
    const fm = [
      `id: ${id}`, 'type: process', `title: ${title}`, `department: ${department.id}`, `owner: ${owner.id}`,
      `performers: ${list(performers)}`, `frequency: ${r.pick(FREQUENCIES)}`,
      ...(r.chance(0.6) ? [`leika: 99${String(r.int(0, 999_999)).padStart(6, '0')}${String(r.int(0, 999_999)).padStart(6, '0')}`] : []),
      `legal_basis: ${quotedList(laws)}`, `systems: ${list(r.sample(SYSTEMS, r.int(1, 3)))}`,
      'digital:', `  status: ${digital}`, ...(digital !== 'online' && r.chance(0.5) ? [`  bundle: ${r.int(2026, 2029)}-H${r.int(1, 2)}`] : []),
      ...review(path), `tags: ${list([objTitle.replace(/[^A-Za-zÄÖÜäöüß]/g, '')])}`,
    ];
    const sections: Array<[string, string[]]> = [
      ['Zweck', [paragraph(r)]],
      ['Ablauf', [...(r.chance(0.3) ? [flowchart(r, objTitle)] : []), numberedList(r)]],
      ['Rechtsgrundlagen', [laws.map((law) => `- ${law}`).join('\n'), paragraph(r, 1, 2)]],
      ['Sonderfälle', [bulletList(r, 2, 4)]],
    ];
    files.set(path, render(r, fm, undefined, sections, target()));
    owned.set(owner.id, [...(owned.get(owner.id) ?? []), { id, title }]);
  }

  for (const post of posts) {
    const path = `${post.department.id}/${post.id}.md`;
    const colleagues = post.department.posts.filter((p) => p !== post);
    const deputies = r.chance(0.15) ? [] : r.sample(colleagues, r.int(1, 2));
    const systems = r.sample(SYSTEMS, r.int(1, 4));
    const fm = [
      `id: ${post.id}`, 'type: post', `title: ${post.title}`, `department: ${post.department.id}`, `owner: ${post.id}`,
      ...review(path), `criticality: ${r.pick(CRITICALITY)}`, `deputies: ${list(deputies.map((p) => p.id))}`,
      `systems: ${list(systems)}`, `tags: ${list([post.department.title.replace(/^Fachbereich \d+ – /, '').split(' ')[0]!])}`,
    ];
    const processes = owned.get(post.id) ?? [];
    const deadlines = r.sample(DEADLINES, r.int(3, 5));
    const sections: Array<[string, string[]]> = [
      ['Aufgaben', [[...processes.map((p) => `- ${link(p.title, p.id)}`), ...bulletList(r, 2, 4).split('\n')].join('\n')]],
      ['Vertretung', [deputies.length > 0
        ? `Vertretung durch ${deputies.map((p) => link(`${p.title} (${p.id})`, p.id)).join(' und ')}. ${paragraph(r, 1, 2)}`
        : `Eine Vertretung ist noch nicht geregelt. ${paragraph(r, 1, 2)}`]],
      ['Ansprechpartner', [r.sample(CONTACTS, r.int(3, 5)).map((c) => `- ${c}`).join('\n')]],
      ['Fristen und Termine', [['| Frist | Inhalt |', '|---|---|', ...deadlines.map(([when, what]) => `| ${when} | ${what} |`)].join('\n')]],
      ['Fachverfahren und Zugänge', [systems.map((s) => `- ${s}: ${r.pick(['Vollzugriff', 'Lesezugriff', 'Sachbearbeitung', 'Administration'])}`).join('\n')]],
      ['Ablage und Akten', [paragraph(r, 2, 3)]],
    ];
    files.set(path, render(r, fm, undefined, sections, target()));
  }

  for (const department of departments) {
    const path = `${department.id}/index.md`;
    const fm = [
      `id: ${department.id}`, 'type: department', `title: ${department.title}`, `department: ${department.id}`,
      `owner: ${department.posts[0]!.id}`, ...review(path), `description: ${JSON.stringify(`Aufgaben und Stellen des ${department.title}.`)}`,
      `tags: ${list([department.title.replace(/^Fachbereich \d+ – /, '').split(' ')[0]!])}`,
    ];
    const sections: Array<[string, string[]]> = [
      ['Aufgaben des Fachbereichs', [paragraph(r), bulletList(r)]],
      ['Organisation', [['| Stelle | Bezeichnung |', '|---|---|', ...department.posts.map((p) => `| ${link(p.id, p.id)} | ${p.title} |`)].join('\n')]],
    ];
    files.set(path, render(r, fm, paragraph(r, 1, 2), sections, target()));
  }

  // Register: N/5 distinct posts, departures spread over 36 months from the reference date
  // (a few already past). Handovers go to the register posts leaving soonest, then to others.
  const registerPosts = r.sample(posts, Math.floor(n / 5));
  const departures = registerPosts.map((post, i) => ({ post, i, days: r.int(-30, 1095), reason: r.pick(REASONS) }));
  const rows = departures.map((d) => `${d.post.id};Person ${String(d.i + 1).padStart(4, '0')};${germanDaysFromRef(d.days)};${d.reason}`);
  const register = `\uFEFFStelle;Stelleninhaber;Austrittsdatum;Grund\r\n${rows.map((row) => `${row}\r\n`).join('')}`;

  const leaving = [...departures].sort((a, b) => a.days - b.days || a.i - b.i);
  const inRegister = new Set(registerPosts);
  // About a quarter of the leavers have no handover yet: a gap the audit must report.
  const handoverPosts = [...leaving.filter(() => r.chance(0.75)).map((d) => d.post), ...posts.filter((p) => !inRegister.has(p))].slice(0, counts.handover);
  const daysOf = new Map(departures.map((d) => [d.post.id, d.days]));
  for (const post of handoverPosts) {
    const id = `uebergabe-${post.id}`;
    const path = `${post.department.id}/${id}.md`;
    const head = post.department.posts[0]!;
    const status = r.pick(['planned', 'in-progress', 'in-progress', 'done'] as const);
    const items = ['Offene Vorgänge besprochen', 'Fristen und Termine übergeben', 'Zugänge beantragt und übertragen', 'Ablage und Akten gezeigt', 'Ansprechpartner vorgestellt', 'Parallelphase durchgeführt', 'Schlüssel übergeben'];
    const ticked = (i: number) => status === 'done' ? (r.chance(0.9) || i > 0) : status === 'in-progress' ? r.chance(0.5) : false;
    const fm = [
      `id: ${id}`, 'type: handover', `title: Übergabe ${post.title}`, `department: ${post.department.id}`,
      `owner: ${head === post ? post.department.posts[1]!.id : head.id}`, `post: ${post.id}`, `status: ${status}`,
      `due: ${isoDaysFromRef(daysOf.get(post.id) ?? r.int(30, 365))}`, ...review(path), 'tags: [Übergabe]',
    ];
    const sections: Array<[string, string[]]> = [
      ['Offene Vorgänge', [['| Vorgang | Stand | Weiter mit |', '|---|---|---|', ...Array.from({ length: r.int(2, 5) }, () => `| ${r.pick(PROCESS_OBJECTS)[1]} ${r.pick(TOPICS)} | ${r.pick(['in Bearbeitung', 'wartet auf Unterlagen', 'Entwurf liegt vor', 'Anhörung läuft'])} | ${r.pick(post.department.posts).id} |`)].join('\n')]],
      ['Checkliste', [items.map((item, i) => `- [${ticked(i) ? 'x' : ' '}] ${item}`).join('\n')]],
      ['Zugänge und Berechtigungen', [['| System | Rolle | Hinweis |', '|---|---|---|', ...r.sample(SYSTEMS, r.int(2, 4)).map((s) => `| ${s} | ${r.pick(['Sachbearbeitung', 'Lesen', 'Freigabe'])} | ${r.pick(['über das Ticketsystem beantragen', 'Vorlauf vier Wochen', 'Standardrolle'])} |`)].join('\n')]],
      ['Kontakte', [[...r.sample(CONTACTS, r.int(2, 4)).map((c) => `- ${c}`), `- ${link(`${head.title} (${head.id})`, head.id)}`].join('\n')]],
    ];
    files.set(path, render(r, fm, `Die Stelle ${link(post.id, post.id)} wird frei; diese Übergabe sichert ihr Wissen.`, sections, target()));
  }

  for (let i = 0; i < counts.guide; i++) {
    const department = r.pick(departments);
    const [slug, title] = r.pick(GUIDE_SUBJECTS);
    const id = `anleitung-${slug}-${i + 1}`;
    const path = `${department.id}/${id}.md`;
    const fm = [
      `id: ${id}`, 'type: guide', `title: ${title}`, `department: ${department.id}`, `owner: ${r.pick(department.posts).id}`,
      ...review(path), 'tags: [Anleitung]',
    ];
    const sections: Array<[string, string[]]> = [
      ['Vorbereitung', [bulletList(r, 2, 4)]],
      ['Schritt für Schritt', [numberedList(r)]],
      ['Häufige Fehler', [paragraph(r)]],
    ];
    files.set(path, render(r, fm, paragraph(r, 1, 2), sections, target()));
  }

  return { files, register, manifest: { counts, stale: stale.sort(), registerRows: rows.length } };
}

/** The files a generated wiki folder holds: the wiki under docs/, the register beside it. */
export const OUTPUT_LAYOUT = { docs: 'docs', register: 'austritte.csv' } as const;

/** True when `dir` does not exist or is empty. */
export function isEmptyOrMissing(dir: string): boolean {
  try {
    return readdirSync(dir).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/** Writes `<dir>/docs/**` and `<dir>/austritte.csv`. The caller checks that `dir` is empty. */
export function writeGeneratedWiki(dir: string, wiki: GeneratedWiki): void {
  const docs = join(dir, OUTPUT_LAYOUT.docs);
  const made = new Set<string>();
  for (const [path, content] of wiki.files) {
    const folder = dirname(join(docs, path));
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(join(docs, path), content);
  }
  writeFileSync(join(dir, OUTPUT_LAYOUT.register), wiki.register);
}
