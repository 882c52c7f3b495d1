/** commonmark-spec ships no types: the spec text and its examples, split by its own parser. */
declare module 'commonmark-spec' {
  export interface SpecTest { markdown: string; html: string; section: string; number: number }
  export const text: string;
  export const tests: SpecTest[];
  const spec: { text: string; tests: SpecTest[] };
  export default spec;
}
