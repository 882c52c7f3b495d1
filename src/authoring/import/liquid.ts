/** Liquid (Jekyll, Eleventy) comments: `{% comment %} … {% endcomment %}`. */
const COMMENT = /\{%-?\s*comment\s*-?%\}([\s\S]*?)\{%-?\s*endcomment\s*-?%\}/g;
/** `{% raw %}` only protects its content from Liquid; the content stays. */
const RAW = /\{%-?\s*(?:end)?raw\s*-?%\}/g;
const OTHER = /\{%-?[\s\S]*?-?%\}|\{\{[\s\S]*?\}\}/g;

export interface LiquidResult {
  text: string;
  /** Tags and expressions left as text: they only meant something to the old site generator. */
  kept: number;
}

/**
 * Liquid in pages of Jekyll/Eleventy wikis (e.g. the 18F handbook): comments become HTML
 * comments (hidden on the site, as before; a `TODO:` in them is no placeholder), `raw`
 * markers go; other tags stay as text and are counted for the report.
 */
export function convertLiquid(text: string): LiquidResult {
  const converted = text
    .replace(COMMENT, (_whole, content: string) => `<!-- ${content.trim().replace(/--/g, '–')} -->`)
    .replace(RAW, '');
  const kept = (converted.replace(/```[\s\S]*?```/g, '').match(OTHER) ?? []).length;
  return { text: converted, kept };
}
