import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { writeFileAtomic } from '../core/fs-atomic';

/** The tool's own navbar logo (static/img/ of the package). */
export const TOOL_LOGO = 'img/logo.svg';

export interface SiteLogo {
  alt: string;
  /** Path under the site's static files, as Docusaurus's navbar wants it. */
  src: string;
  /** An extra static folder holding only the wiki's logo (none for the tool's logo). */
  staticDir?: string;
}

/**
 * The navbar logo. The wiki's own (stellenwissen.config.yaml `logo`, anywhere below its
 * root) is copied into a folder of its own under `cacheDir`, named by its content, so that
 * only this one file – never the rest of the wiki folder – becomes part of the site.
 */
export function siteLogo(logo: { alt: string; file?: string }, cacheDir: string): SiteLogo {
  if (logo.file === undefined) return { alt: logo.alt, src: TOOL_LOGO };
  const bytes = readFileSync(logo.file);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const name = `wiki-logo-${hash}${extname(logo.file).toLowerCase()}`;
  const staticDir = join(cacheDir, 'site-logo', hash);
  const target = join(staticDir, 'img', name);
  if (!existsSync(target)) writeFileAtomic(target, bytes);
  return { alt: logo.alt, src: `img/${name}`, staticDir };
}
