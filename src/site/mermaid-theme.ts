/**
 * Mermaid's look in both colour modes (themeConfig.mermaid). Docusaurus passes one set of
 * options for light and dark mode, so one palette must hold on both page backgrounds:
 * dark text on light node and label fills (never text on the transparent page), and lines
 * in a middle grey that reaches 3 : 1 against white and against #1b1b1d. Mermaid's own
 * dark theme left edge labels at 4.4 : 1. Checked in test/site-a11y-names.test.ts.
 */
export const MERMAID_COLOURS = {
  text: '#1c1e21',
  nodeFill: '#e8f0f8',
  nodeBorder: '#1d5a8c',
  line: '#808080',
  labelBackground: '#ffffff',
  clusterFill: '#f3f5f7',
} as const;

const c = MERMAID_COLOURS;

export const MERMAID_THEME = {
  theme: { light: 'base', dark: 'base' },
  options: {
    // Mermaid's own default, pinned: diagram labels are sanitised, no click handlers.
    securityLevel: 'strict',
    themeVariables: {
      darkMode: false,
      fontFamily: 'inherit',
      primaryColor: c.nodeFill,
      primaryTextColor: c.text,
      primaryBorderColor: c.nodeBorder,
      secondaryColor: c.clusterFill,
      tertiaryColor: c.clusterFill,
      lineColor: c.line,
      textColor: c.text,
      nodeTextColor: c.text,
      edgeLabelBackground: c.labelBackground,
      clusterBkg: c.clusterFill,
      clusterBorder: c.line,
      titleColor: c.text,
      mainBkg: c.nodeFill,
      nodeBorder: c.nodeBorder,
    },
  },
};
