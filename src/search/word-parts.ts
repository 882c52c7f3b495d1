/**
 * Curated word parts of German administration: they count as vocabulary for splitting
 * compounds even where the wiki never uses them on their own (`Bebauungsplan` splits at
 * `plan` although no article says just „Plan“). Nouns and verb stems only; short ones
 * (under four letters) must also be in SHORT_PARTS of decompound.ts.
 */
export const ADMINISTRATIVE_WORD_PARTS: readonly string[] = [
  // Verfahren und Akte
  'abmeldung', 'abrechnung', 'abschluss', 'akte', 'amt', 'anmeldung', 'anordnung', 'antrag', 'anzeige', 'aufsicht',
  'auftrag', 'auskunft', 'ausschuss', 'ausweis', 'bearbeitung', 'beglaubigung', 'behörde', 'beitrag', 'bericht',
  'bescheid', 'bescheinigung', 'beschluss', 'beschwerde', 'bewilligung', 'einwohner', 'entscheidung', 'erlaubnis',
  'festsetzung', 'frist', 'gebühr', 'genehmigung', 'gesetz', 'kontrolle', 'leistung', 'meldung', 'nachweis',
  'ordnung', 'prüfung', 'recht', 'register', 'satzung', 'sitzung', 'stelle', 'termin', 'untersagung', 'urkunde',
  'verfahren', 'verfügung', 'verordnung', 'vertrag', 'vertretung', 'verwaltung', 'vorgang', 'vorlage', 'vorschrift',
  'widerspruch', 'zulassung', 'zustimmung', 'zuständigkeit',
  // Sachgebiete
  'abfall', 'arbeit', 'bau', 'bildung', 'bürger', 'daten', 'dienst', 'ehe', 'eltern', 'fall', 'feuer', 'finanz',
  'förderung', 'fund', 'geburt', 'geld', 'gewerbe', 'grund', 'haushalt', 'jugend', 'kasse', 'kind', 'kita', 'kosten',
  'kultur', 'melde', 'miete', 'name', 'ort', 'pass', 'personal', 'personen', 'plan', 'rat', 'schule', 'sozial',
  'sport', 'stadt', 'standes', 'steuer', 'straße', 'tag', 'unterhalt', 'verkehr', 'wahl', 'wasser', 'wohnung',
  'zahlung',
];
