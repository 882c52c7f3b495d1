import { createDocusaurusConfig } from './src/site/docusaurus-config';

// The sample wiki Auenfurt, with the tool from src/ (a wiki of its own: src/site/wiki-config.ts).
export default createDocusaurusConfig(__dirname);
