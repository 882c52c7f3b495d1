import { formatGermanDate } from '../../core/dates';
import { fileLineOfPointer } from '../../core/frontmatter';
import { bundleSpan } from '../../plan/bundles';
import { buildPlan } from '../../plan/plan';
import { statusLabel } from '../../plan/texts';
import type { Report, WikiRule } from './rule';

/**
 * `plan` (warning) — the digitalisation plan (knowledge-model.md §8) while writing: a process
 * not yet digital whose bundle ended before the check date, or whose bundle asks more of its
 * department than its `digital_capacity`. Reported on the `bundle` line; done processes
 * (`digital`, `online`) never get it. Counts processes with a valid schema, as the plan does.
 *
 * ok:     `bundle: 2027-H1` checked on 2027-06-30; efforts that exactly reach the capacity.
 * not-ok: `bundle: 2027-H1` checked on 2027-07-01 with `status: partial`; one person-day over.
 */
export const planRule: WikiRule = {
  id: 'plan',
  severity: 'warning',
  scope: 'wiki',
  check({ wiki, today }) {
    const plan = buildPlan(wiki, today, (article) => article.schema?.valid === true);
    const overloaded = new Map(plan.bundles.flatMap((b) => b.departments.filter((d) => d.overloaded).map((d) => [`${b.bundle} ${d.department}`, d] as const)));
    const articles = new Map(wiki.articles.filter((a) => a.type === 'process').map((a) => [a.file, a]));
    const reports: Report[] = [];
    for (const process of plan.processes) {
      if (process.done || process.bundle === null) continue;
      const article = articles.get(process.file)!;
      const at = (message: string) => reports.push({ article, line: fileLineOfPointer(article.frontMatter, '/digital/bundle'), column: 1, message });
      if (process.problems.includes('overdue')) {
        at(`Digitalbündel ${process.bundle} endete am ${formatGermanDate(bundleSpan(process.bundle)!.end)}, der Prozess ist noch ${statusLabel(process)}: Tragen Sie den erreichten Stand („digital“ oder „online“) oder ein späteres Digitalbündel ein.`);
      }
      const load = overloaded.get(`${process.bundle} ${process.department}`);
      if (load) {
        at(`Digitalbündel ${process.bundle} ist für ${process.department} überlastet: ${load.effort} Personentage Aufwand bei ${load.capacity} Personentagen Kapazität – verschieben Sie Prozesse in ein anderes Bündel oder klären Sie die Kapazität („digital_capacity“ im Fachbereich).`);
      }
    }
    return reports;
  },
  examples: [
    {
      title: 'a bundle ending on the check date has not ended',
      files: {},
      today: '2027-06-30',
      expected: [],
    },
    {
      title: 'a done process never gets the warning, even long after its bundle and over the capacity',
      files: {
        'fb1/index.md': 'REPLACE:reviewed: 2026-06-01\n=>reviewed: 2026-06-01\ndigital_capacity: 0\n',
        'fb1/antrag-bearbeiten.md': 'REPLACE:status: partial\n  bundle: 2027-H1\n=>status: online\n  bundle: 2027-H1\n  effort: 30\n',
      },
      today: '2030-01-01',
      expected: [],
    },
    {
      title: 'a day later the bundle has ended and the process is not digital',
      files: {},
      today: '2027-07-01',
      expected: ['fb1/antrag-bearbeiten.md:13:1 warning Digitalbündel 2027-H1 endete am 30.06.2027, der Prozess ist noch teilweise digital: Tragen Sie den erreichten Stand („digital“ oder „online“) oder ein späteres Digitalbündel ein. [plan]'],
    },
    {
      title: 'efforts that exactly reach the capacity are feasible',
      files: {
        'fb1/index.md': 'REPLACE:reviewed: 2026-06-01\n=>reviewed: 2026-06-01\ndigital_capacity: 8\n',
        'fb1/antrag-bearbeiten.md': 'REPLACE:  bundle: 2027-H1\n=>  bundle: 2027-H1\n  effort: 8\n',
      },
      today: '2026-12-01',
      expected: [],
    },
    {
      title: 'one person-day over the capacity: every process of the bundle not yet digital is warned, on its bundle line',
      files: {
        'fb1/index.md': 'REPLACE:reviewed: 2026-06-01\n=>reviewed: 2026-06-01\ndigital_capacity: 8\n',
        'fb1/antrag-bearbeiten.md': 'REPLACE:  bundle: 2027-H1\n=>  bundle: 2027-H1\n  effort: 9\n',
      },
      today: '2026-12-01',
      expected: ['fb1/antrag-bearbeiten.md:13:1 warning Digitalbündel 2027-H1 ist für fb1 überlastet: 9 Personentage Aufwand bei 8 Personentagen Kapazität – verschieben Sie Prozesse in ein anderes Bündel oder klären Sie die Kapazität („digital_capacity“ im Fachbereich). [plan]'],
    },
  ],
};
