import { addMonths, compareDates, formatIsoDate, type CalendarDate } from '../core/dates';
import type { ArticleRef, PostCoverage } from '../coverage/coverage';

/**
 * What to do now for a flagged post (issue 19): its next steps derived from its gaps and the
 * time left, as data – the German wording is in action-texts.ts, like the gap texts in
 * src/coverage/texts.ts. Deadlines follow from the lead time: the post's documentation is due
 * when the handover period starts (`--lead` months before the departure), the handover one
 * month before the departure (then it must be complete), the knowledge-transfer talks when the
 * usual window of 3–6 months before the departure opens. A deadline already past is today.
 */
export type Action =
  | { action: 'create-profile'; post: string }
  | { action: 'fix-profile'; problems: number }
  | { action: 'complete-profile'; sections: string[]; placeholders: number }
  | { action: 'name-deputy' }
  | { action: 'document-processes'; post: string; department: string | undefined }
  | { action: 'second-performer'; process: ArticleRef }
  | { action: 'review'; article: ArticleRef }
  | { action: 'create-handover'; post: string; department: string | undefined }
  | { action: 'complete-handover'; handover: ArticleRef; open: number }
  | { action: 'debriefing' };

export type ActionId = Action['action'];

/** An action with its deadline (`YYYY-MM-DD`). */
export type PlannedAction = Action & { due: string };

/** Months before the departure when the talks should start (the window is 3–6 months). */
const DEBRIEFING_MONTHS = 6;
/** The handover must be complete one month before the departure (contract §4). */
const HANDOVER_COMPLETE_MONTHS = 1;

/** The next steps for one flagged post, most urgent kind first, each with its deadline. */
export function nextSteps(coverage: PostCoverage, departure: CalendarDate, today: CalendarDate, lead: number): PlannedAction[] {
  const by = (monthsBefore: number) => {
    const date = addMonths(departure, -monthsBefore);
    return formatIsoDate(compareDates(date, today) < 0 ? today : date);
  };
  const documentation = by(lead);
  const steps: PlannedAction[] = [];
  for (const gap of coverage.gaps) {
    switch (gap.check) {
      case 'profile':
        steps.push(gap.kind === 'missing' ? { action: 'create-profile', post: coverage.post, due: documentation } : { action: 'fix-profile', problems: gap.problems, due: documentation });
        break;
      case 'sections':
        steps.push({ action: 'complete-profile', sections: gap.sections, placeholders: gap.placeholders, due: documentation });
        break;
      case 'deputies':
        steps.push({ action: 'name-deputy', due: documentation });
        break;
      case 'processes':
        steps.push(gap.kind === 'none'
          ? { action: 'document-processes', post: coverage.post, department: coverage.department, due: documentation }
          : { action: 'second-performer', process: gap.process, due: documentation });
        break;
      case 'freshness':
        steps.push({ action: 'review', article: gap.article, due: documentation });
        break;
      case 'handover':
        steps.push(gap.kind === 'missing'
          ? { action: 'create-handover', post: coverage.post, department: coverage.department, due: by(HANDOVER_COMPLETE_MONTHS) }
          : { action: 'complete-handover', handover: gap.handover, open: gap.open, due: by(HANDOVER_COMPLETE_MONTHS) });
        break;
    }
  }
  // Talks with the holder while they are still there (Expert Debriefing).
  if (compareDates(departure, today) >= 0) steps.push({ action: 'debriefing', due: by(DEBRIEFING_MONTHS) });
  return steps.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}
