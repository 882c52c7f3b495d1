'use strict';
/**
 * The commands of the binary `stellenwissen` (bin/stellenwissen.cjs). A tool is the program
 * scripts/<command>.ts, shipped prebuilt in the package (src/package/build.ts builds these).
 */

/** Command (= scripts/<command>.ts) → German one-line description. */
const TOOLS = {
  init: 'legt ein neues Wiki für eine Verwaltung an',
  validate: 'prüft alle Artikel gegen Schemas und Regeln',
  audit: 'wertet das Personalregister gegen die Abdeckung aus (nur für Personal)',
  plan: 'zeigt den Stand des Digitalisierungsplans (Digitalbündel, Kapazität, DigiChecks)',
  new: 'legt einen Artikel aus der Vorlage an',
  review: 'setzt das Prüfdatum eines Artikels',
  import: 'übernimmt Word-Dateien und fremde Markdown-Wikis',
  export: 'schreibt das Prozessregister (JSON oder CSV)',
  'editor-config': 'schreibt frontmatter.json: die Formulare für Front Matter CMS (VS Code)',
  migrate: 'stellt das Wiki auf den Vertrag des installierten Pakets um',
  edit: 'startet Seite und Editor zum Bearbeiten im Browser (nur auf diesem Computer)',
};
const SITE = {
  start: 'startet die Seite zum Schreiben (mit Neuladen)',
  build: 'baut die Seite nach build/',
  serve: 'zeigt die gebaute Seite an',
};

module.exports = { SITE, TOOLS };
