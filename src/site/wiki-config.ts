import { createDocusaurusConfig } from './docusaurus-config';

/**
 * `stellenwissen/docusaurus`: the configuration of the wiki in the working directory – the
 * whole docusaurus.config.ts of a wiki made by `stellenwissen init`
 * (`export { default } from 'stellenwissen/docusaurus';`). npm scripts and the binary run in
 * the wiki's folder.
 */
export default createDocusaurusConfig(process.cwd());
