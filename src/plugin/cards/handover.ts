import { checklistOf } from '../../coverage/coverage';
import { stringValue, type Article } from '../../core/article';
import { type LinkRef, type SiteContext } from './context';

export interface HandoverCard {
  type: 'handover';
  post?: LinkRef;
  status?: string;
  due?: string;
  done: number;
  total: number;
  checklist: Array<{ text: string; checked: boolean }>;
}

export function handoverCard(handover: Article, ctx: SiteContext): HandoverCard {
  const checklist = checklistOf(handover);
  return {
    type: 'handover',
    post: ctx.postLink(stringValue(handover, 'post')),
    status: stringValue(handover, 'status'),
    due: stringValue(handover, 'due'),
    done: checklist.filter((t) => t.checked).length,
    total: checklist.length,
    checklist: checklist.map((t) => ({ text: t.text, checked: t.checked })),
  };
}
