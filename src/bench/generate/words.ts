/** Invented German administrative vocabulary that several article types share. */

export const TOPICS = [
  'Gewerbeangelegenheiten', 'Meldewesen', 'Haushaltsplanung', 'Vollstreckung', 'Gebührenveranlagung', 'Vergabestelle',
  'Schulverwaltung', 'Kindertagesbetreuung', 'Wohngeld', 'Bauantragsverfahren', 'Baumschutz', 'Straßenunterhaltung',
  'Sondernutzungen', 'Friedhofsverwaltung', 'Sportstättenvergabe', 'Kulturförderung', 'Ausländerangelegenheiten',
  'Personalabrechnung', 'Ausbildung', 'Beschaffung', 'Gebäudemanagement', 'Fördermittel', 'Anlagenbuchhaltung',
  'Ratsangelegenheiten', 'Wahlen', 'Verkehrsbehördliche Anordnungen', 'Parkraumbewirtschaftung', 'Fundbüro',
  'Jugendhilfeplanung', 'Elterngeld', 'Denkmalschutz', 'Klimaschutzmanagement', 'Abfallwirtschaft', 'Grundsteuer',
  'Hundesteuer', 'Kassenwesen', 'Zahlungsverkehr', 'Archiv und Registratur', 'Datenschutz', 'IT-Sicherheit',
];
export const PROCESS_OBJECTS = [
  ['gewerbeanmeldung', 'Gewerbeanmeldung'], ['meldebescheinigung', 'Meldebescheinigung'], ['bauantrag', 'Bauantrag'],
  ['widerspruch', 'Widerspruch'], ['foerderantrag', 'Förderantrag'], ['sondernutzung', 'Sondernutzungserlaubnis'],
  ['rechnung', 'Eingangsrechnung'], ['mahnung', 'Mahnung'], ['stundungsantrag', 'Stundungsantrag'],
  ['grundsteuerbescheid', 'Grundsteuerbescheid'], ['hundesteuerbescheid', 'Hundesteuerbescheid'], ['wohngeldantrag', 'Wohngeldantrag'],
  ['kitaplatz', 'Kitaplatzvergabe'], ['schuelerbefoerderung', 'Schülerbeförderung'], ['fundsache', 'Fundsache'],
  ['ratsvorlage', 'Ratsvorlage'], ['vergabeverfahren', 'Vergabeverfahren'], ['stellenausschreibung', 'Stellenausschreibung'],
  ['dienstreiseantrag', 'Dienstreiseantrag'], ['baumfaellantrag', 'Baumfällantrag'], ['verkehrsanordnung', 'Verkehrsanordnung'],
  ['veranstaltungsanzeige', 'Veranstaltungsanzeige'], ['gaststaettenerlaubnis', 'Gaststättenerlaubnis'], ['bestattung', 'Bestattung'],
  ['akteneinsicht', 'Akteneinsicht'], ['haushaltsansatz', 'Haushaltsansatz'], ['jahresabschluss', 'Jahresabschluss'],
  ['zuwendungsbescheid', 'Zuwendungsbescheid'], ['verwendungsnachweis', 'Verwendungsnachweis'], ['beschwerde', 'Beschwerde'],
] as const;
export const SYSTEMS = [
  'e-Akte', 'OK.VERKEHR', 'AutiSta', 'GIS', 'SAP', 'newsystem', 'ProBauG', 'Kita-Portal', 'Ratsinformationssystem',
  'Kassenverfahren', 'Vergabeplattform', 'Personalverfahren', 'Serviceportal', 'Terminvergabe', 'DMS', 'Wohngeldverfahren',
];
export const CONTACTS = [
  'Rechtsamt', 'Kämmerei', 'Personalrat', 'Gleichstellungsbeauftragte', 'Datenschutzbeauftragte Stelle', 'Rechenzentrum des Zweckverbands',
  'Kreisverwaltung', 'Landesamt für Statistik', 'Rechnungsprüfungsamt', 'Bürgerbüro', 'Zentrale Vergabestelle', 'Polizeiinspektion',
  'Jobcenter', 'Finanzamt', 'Gutachterausschuss', 'Stadtwerke',
];
