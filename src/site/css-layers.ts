import type { Plugin } from '@docusaurus/types';

type PostCssOptions = { plugins: unknown[] };

/**
 * Native CSS cascade layers instead of postcss-preset-env's polyfill. With `future.v4`
 * Docusaurus wraps Infima and its themes in `@layer docusaurus.*` (plugin-css-cascade-layers).
 * The polyfill rewrites layers into extra specificity (`:root:not(#\#):not(#\#)`), but it
 * runs on one CSS file at a time, so it never sees that our own, unlayered styles come
 * last: they lose against Infima. Native layers keep the rule of the CSS standard –
 * unlayered styles beat every layer – so src/css/custom.css, the CSS modules and the
 * generated primary colour apply without `!important`. Every browser of an administration
 * desktop has layers (Chrome/Edge 99, Firefox 97, Safari 15.4; README „Barrierefreiheit“).
 *
 * `configurePostCss` is the hook Docusaurus leaves for this: it passes postcss-preset-env an
 * empty options object on purpose so that plugins can fill it.
 */
export function nativeCssLayers(): Plugin {
  return {
    name: 'stellenwissen-native-css-layers',
    configurePostCss(options: PostCssOptions) {
      for (const entry of options.plugins) {
        if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !entry[0].includes('postcss-preset-env')) continue;
        const presetOptions = (entry[1] ??= {}) as { features?: Record<string, unknown> };
        presetOptions.features = { ...presetOptions.features, 'cascade-layers': false };
      }
      return options;
    },
  };
}
