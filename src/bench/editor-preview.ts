/**
 * For `npm run bench` (issue 18): the editor preview's numbers – the size of preview-data.json
 * for a loaded wiki (goal ≤ 300 KB gzip at 1,000 articles) and, in Chromium on an entry opened
 * in /admin/, the time from a keystroke in the body to updated findings (goal ≤ 300 ms). The
 * preview counts its updates in `data-findings-updated` (src/editing/client/preview.tsx).
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { Wiki } from '../core/wiki';
import { createPreviewData } from '../editing/preview-data';

export const GOAL_PREVIEW_DATA_GZIP_BYTES = 300 * 1024;

/** The article's text in Decap's form: the text area of the `body` field (its wrapper carries Decap's field name „text field“). */
export const BODY_TEXT_AREA = '[aria-label="text field"] textarea';
export const GOAL_KEYSTROKE_TO_FINDINGS_MS = 300;

export interface PreviewDataSize {
  articles: number;
  bytes: number;
  gzipBytes: number;
}

export function previewDataSize(wiki: Wiki, baseUrl = '/'): PreviewDataSize {
  const json = JSON.stringify(createPreviewData(wiki, { baseUrl }));
  return { articles: wiki.articles.length, bytes: Buffer.byteLength(json), gzipBytes: gzipSync(json).length };
}

/**
 * Milliseconds from each key typed at the end of the body editor to the preview's next update
 * (one key at a time, each waited for). `page` shows an entry whose preview has rendered.
 */
export async function keystrokeToFindings(page: Page, keys: string[]): Promise<number[]> {
  const marker = page.frameLocator('#preview-pane').locator('[data-findings-updated]');
  await page.locator(BODY_TEXT_AREA).click();
  await page.keyboard.press('Control+End');
  const times: number[] = [];
  for (const key of keys) {
    const before = Number(await marker.getAttribute('data-findings-updated'));
    const start = performance.now();
    await page.keyboard.type(key);
    await page.frameLocator('#preview-pane').locator(`[data-findings-updated="${before + 1}"]`).waitFor({ timeout: 10_000 });
    times.push(Math.round(performance.now() - start));
  }
  return times;
}
