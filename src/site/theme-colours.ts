import { join } from 'node:path';
import { primaryColourCss } from './primary-colour';
import type { WikiConfig } from '../core/config';
import { writeFileAtomic } from '../core/fs-atomic';

export { DARK_LINK_SURFACE, darkPrimary, primaryColourCss } from './primary-colour';

/**
 * Writes the stylesheet into the build's generated files and returns its path. A file, not
 * an inline style, so a stricter CSP (style-src without 'unsafe-inline',
 * deploy/content-security-policy.txt) keeps the colour.
 */
export function writeThemeColours(config: Pick<WikiConfig, 'primaryColor'>, generatedFilesDir: string): string {
  const path = join(generatedFilesDir, 'stellenwissen', 'primary-colour.css');
  writeFileAtomic(path, primaryColourCss(config.primaryColor));
  return path;
}
