import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DGS_CAPTIONS, DGS_VIDEO, type AccessibilityStatement, type DgsVideo, type StatementGap } from '../core/accessibility';
import { CONFIG_FILE, type WikiConfig } from '../core/config';
import { germanDate } from '../core/german';
import { CONFIG_SCHEMA } from '../core/schema/schemas';

/**
 * Builds the accessibility statement's facts (src/core/accessibility.ts) from the settings,
 * the config schema's German words and defaults, and the wiki's static/ folder.
 */

const FIELDS = CONFIG_SCHEMA.properties.accessibility.properties;

function gap(key: string, title: string): StatementGap {
  return { key, hint: `Noch nicht ausgefüllt: ${title} – in ${CONFIG_FILE} unter ${key} eintragen.` };
}

/** The statement of a wiki with these settings (and the DGS video found in its static/ folder, if any). */
export function accessibilityStatement(config: WikiConfig, dgsVideo?: DgsVideo): AccessibilityStatement {
  const given = config.accessibility ?? {};
  const status = given.status === undefined ? undefined : FIELDS.status['x-labels'][given.status];
  const limitations = given.limitations ?? [];
  const body = given.enforcement ?? FIELDS.enforcement.default;
  const missing: StatementGap[] = [];
  if (status === undefined) missing.push(gap('accessibility.status', FIELDS.status.title));
  if (given.statement_date === undefined) missing.push(gap('accessibility.statement_date', FIELDS.statement_date.title));
  // Partly or not compliant: the law asks to name what is not accessible and why.
  if (given.status !== undefined && given.status !== 'vollstaendig' && limitations.length === 0) {
    missing.push(gap('accessibility.limitations', FIELDS.limitations.title));
  }
  if (config.contact === undefined) {
    missing.push(gap('contact.email', `${CONFIG_SCHEMA.properties.contact.title} (${CONFIG_SCHEMA.properties.contact.properties.email.title})`));
  }
  return {
    organisation: config.name,
    ...(status === undefined ? {} : { status }),
    ...(given.statement_date === undefined ? {} : { statementDate: germanDate(given.statement_date) }),
    method: FIELDS.method['x-labels'][given.method ?? (FIELDS.method.default as 'selbstbewertung')],
    limitations,
    ...(config.contact === undefined ? {} : { contact: config.contact }),
    enforcement: {
      name: body.name,
      address: body.address.split('\n').map((line) => line.trim()).filter((line) => line !== ''),
      ...(body.email === undefined ? {} : { email: body.email }),
      ...('phone' in body && body.phone !== undefined ? { phone: body.phone } : {}),
    },
    ...(dgsVideo === undefined ? {} : { dgsVideo }),
    missing,
  };
}

/** What the build prints so that an incomplete statement is not forgotten (it never stops the build). */
export function accessibilityWarnings(statement: AccessibilityStatement): string[] {
  const lines = statement.missing.map((gap) => `${CONFIG_FILE}: Erklärung zur Barrierefreiheit (/barrierefreiheit) unvollständig – ${gap.hint}`);
  if (statement.dgsVideo !== undefined && statement.dgsVideo.captions === undefined) {
    lines.push(`static/${DGS_VIDEO}: Das Video in Gebärdensprache hat keine Untertitel – legen Sie static/${DGS_CAPTIONS} (WebVTT) daneben, falls es gesprochenen Ton hat.`);
  }
  return lines;
}

/**
 * The wiki's own video in Deutsche Gebärdensprache, if its static/ folder has one (looked for
 * when the site is built, so /leichte-sprache shows a player only for a file that is there).
 * Only the wiki's folder counts, never the package's: a video is the municipality's.
 */
export function findDgsVideo(siteDir: string): DgsVideo | undefined {
  const file = (path: string) => existsSync(join(siteDir, 'static', path));
  if (!file(DGS_VIDEO)) return undefined;
  return { src: DGS_VIDEO, ...(file(DGS_CAPTIONS) ? { captions: DGS_CAPTIONS } : {}) };
}

/** The statement of the wiki in `siteDir`, for the site's customFields. */
export function siteAccessibility(config: WikiConfig, siteDir: string): AccessibilityStatement {
  return accessibilityStatement(config, findDgsVideo(siteDir));
}
