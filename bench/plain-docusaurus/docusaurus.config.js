// Baseline for `npm run bench` (scripts/bench.ts): plain Docusaurus 3.10.2 with
// Docusaurus Faster and @easyops-cn/docusaurus-search-local, building the same generated
// wiki as the project – no custom plugins, no own theme code. The one page,
// src/pages/index.md, is the home page "/" that the theme links to from every doc
// (breadcrumbs); without it onBrokenLinks: 'throw' fails the build.
//
// Environment:
//   DOCS_DIR  the docs folder to build (required; absolute, or relative to this folder)
const path = require('node:path');

if (!process.env.DOCS_DIR) throw new Error('DOCS_DIR must name the docs folder to build');
const docsDir = path.resolve(__dirname, process.env.DOCS_DIR);

/** @type {import('@docusaurus/types').Config} */
module.exports = {
  title: 'Baseline',
  url: 'http://localhost',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  i18n: { defaultLocale: 'de', locales: ['de'] },
  future: { v4: true, faster: true },
  // Docusaurus' default front-matter parser on purpose: the generated wiki builds with it
  // unchanged (`id` is unique and Docusaurus prefixes it with the folder; `reviewed`
  // becomes a Date that nothing reads; other keys are passed through).
  markdown: {
    format: 'detect',
  },
  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: {
          path: docsDir,
          routeBasePath: '/',
          include: ['**/*.md'],
          sidebarPath: require.resolve('./sidebars.js'),
        },
        blog: false,
      }),
    ],
  ],
  themes: [
    [
      require.resolve('@easyops-cn/docusaurus-search-local'),
      /** @type {import('@easyops-cn/docusaurus-search-local').PluginOptions} */
      ({
        language: ['de', 'en'],
        hashed: true,
        indexDocs: true,
        indexBlog: false,
        docsRouteBasePath: '/',
        // The plugin hashes this folder for the index file name (its default is ./docs).
        docsDir,
      }),
    ],
  ],
};
