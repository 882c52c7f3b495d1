import { counted, germanDate } from '../core/german';
import type { Action, PlannedAction } from './actions';

/** A step in German: what to do, and the command that starts it, if there is one. */
export interface ActionWords {
  text: string;
  command?: string;
}

/** The one place where the next steps of a flagged post (actions.ts) become German. */
export function actionWords(step: Action): ActionWords {
  switch (step.action) {
    case 'create-profile':
      return { text: 'Stellenprofil anlegen', command: `npm run new -- post --id ${step.post} --department FB` };
    case 'fix-profile':
      return { text: `Stellenprofil korrigieren (${counted(step.problems, 'Fehler', 'Fehler')} in den Angaben)`, command: 'npm run validate' };
    case 'complete-profile': {
      const parts: string[] = [];
      if (step.sections.length > 0) parts.push(`${step.sections.length === 1 ? 'Abschnitt' : 'Abschnitte'} ${step.sections.map((s) => `„${s}“`).join(', ')} ausfüllen`);
      if (step.placeholders > 0) parts.push(`${counted(step.placeholders, 'Platzhalter', 'Platzhalter')} (TODO:) ersetzen`);
      return { text: `Stellenprofil vervollständigen: ${parts.join(', ')}` };
    }
    case 'name-deputy':
      return { text: 'Vertretung benennen und im Stellenprofil eintragen (deputies)' };
    case 'document-processes':
      return { text: 'Die wichtigsten Prozesse der Stelle dokumentieren', command: `npm run new -- process --id KENNUNG --department ${step.department ?? 'FB'} --owner ${step.post}` };
    case 'second-performer':
      return { text: `Zweite ausführende Stelle für Prozess „${step.process.title}“ einarbeiten und unter performers eintragen` };
    case 'review':
      return { text: `Überprüfung von „${step.article.title}“ nachholen`, command: `npm run review -- ${step.article.id}` };
    case 'create-handover':
      return { text: 'Übergabeprotokoll anlegen und abschließen', command: `npm run new -- handover --id uebergabe-${step.post} --department ${step.department ?? 'FB'} --post ${step.post}` };
    case 'complete-handover':
      return { text: `Übergabe „${step.handover.title}“ abschließen (${counted(step.open, 'Punkt', 'Punkte')} offen)` };
    case 'debriefing':
      return { text: 'Wissenstransfer-Gespräche einplanen (Expert Debriefing, 3–6 Monate vor dem Austritt)' };
  }
}

/** The step as one line of plain text (JSON `text`, CSV). */
export function actionText(step: Action): string {
  const { text, command } = actionWords(step);
  return command ? `${text}: ${command}` : text;
}

/** „bis 31.05.2027“ – the deadline as the reports show it. */
export const dueText = (step: PlannedAction) => `bis ${germanDate(step.due)}`;
