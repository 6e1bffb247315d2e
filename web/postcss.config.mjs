/**
 * PostCSS for `vite build web` (Vite reads this file from its root, web/). One plugin: the Ontario
 * Design System's compiled CSS declares 11 font faces, each in up to five formats, 1.7 MB in all; Vite
 * would copy every file its url()s name into web/dist. The app uses Open Sans 400/600/700 and Raleway
 * 700, and every browser it supports reads WOFF2: keep those faces, each with its WOFF2 file only, so
 * Vite bundles four font files (hashed, served from 'self' as the CSP's font-src asks) and nothing else.
 */
const ODS = '@ongov/ontario-design-system-global-styles';
const USED_FACES = new Set(['Open Sans 400 normal', 'Open Sans 600 normal', 'Open Sans 700 normal', 'Raleway 700 normal']);

const odsFontsUsedOnly = {
  postcssPlugin: 'ods-fonts-used-only',
  AtRule: {
    'font-face': (rule) => {
      // Only the design system's faces are pruned; a face of the app's own passes untouched.
      if (!rule.source?.input.file?.includes(ODS)) return;
      const value = (property, fallback) => {
        let found = fallback;
        rule.walkDecls(property, (decl) => (found = decl.value.replace(/["']/g, '').trim()));
        return found;
      };
      const sources = [];
      rule.walkDecls('src', (decl) => sources.push(decl.value));
      const woff2 = sources.join(',').match(/url\((["']?)([^)"']+\.woff2)\1\)/);
      if (!woff2 || !USED_FACES.has(`${value('font-family', '')} ${value('font-weight', '400')} ${value('font-style', 'normal')}`)) {
        rule.remove();
        return;
      }
      // The last src declaration is kept (edited), so Vite still resolves its url() from the design
      // system's own directory.
      const decls = [];
      rule.walkDecls('src', (decl) => decls.push(decl));
      for (const decl of decls.slice(0, -1)) decl.remove();
      decls.at(-1).value = `url("${woff2[2]}") format("woff2")`;
    },
  },
};

export default { plugins: [odsFontsUsedOnly] };
