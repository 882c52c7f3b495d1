// decap-cms-locales ships no types: each export is one language's phrases for CMS.registerLocale.
declare module 'decap-cms-locales' {
  type Phrases = { [key: string]: string | Phrases };
  export const de: Phrases & { auth: Phrases };
  export const en: Phrases;
}
