/** An ERB expression of GOV.UK tech docs / Middleman: `<%= … %>` (or `<% … %>`). */
const ERB = /<%=?([\s\S]*?)-?%>/g;
const TITLE = /^\s*current_page\.data\.title\s*$/;
/** A helper called with one string, e.g. `warning_text('…')`: its text is kept. */
const HELPER_WITH_TEXT = /^\s*(\w+)\(\s*(['"])([\s\S]*)\2\s*\)\s*$/;

export interface ErbResult {
  text: string;
  /** How many fragments were replaced by the title or their text. */
  replaced: number;
  /** Fragments that had no meaning outside the old site generator and were removed. */
  removed: string[];
}

/**
 * Replaces the ERB fragments of GOV.UK tech-docs pages: the page title
 * (`<%= current_page.data.title %>`), helpers with a text (`warning_text('…')` →
 * „**Hinweis:** …“); anything else is removed and listed.
 */
export function replaceErb(text: string, title: string): ErbResult {
  let replaced = 0;
  const removed: string[] = [];
  const result = text.replace(ERB, (whole, code: string) => {
    if (TITLE.test(code)) {
      replaced += 1;
      return title;
    }
    const helper = HELPER_WITH_TEXT.exec(code);
    if (helper) {
      replaced += 1;
      const content = helper[3]!.replace(/\\(['"])/g, '$1');
      return helper[1] === 'warning_text' ? `**Hinweis:** ${content}` : content;
    }
    removed.push(whole.replace(/\s+/g, ' ').slice(0, 80));
    return '';
  });
  return { text: result, replaced, removed };
}
