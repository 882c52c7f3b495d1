/** lunr-languages ships no types: each file exports a function that registers itself on lunr. */
declare module 'lunr-languages/lunr.stemmer.support' {
  const register: (lunr: unknown) => void;
  export default register;
}
declare module 'lunr-languages/lunr.de' {
  const register: (lunr: unknown) => void;
  export default register;
}
