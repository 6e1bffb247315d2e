/**
 * web/postcss.config.mjs keeps, of the Ontario Design System's font faces, the four the app uses, each
 * with its WOFF2 file only, so `vite build web` bundles four font files instead of every format of
 * every face (docs/web-front-end.md, "Look and layout").
 */
import { describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preprocessCSS, resolveConfig } from 'vite';

const ODS_CSS = createRequire(import.meta.url).resolve(
  '@ongov/ontario-design-system-global-styles/dist/styles/css/compiled/ontario-theme.min.css',
);

const WEB = fileURLToPath(new URL('../../web', import.meta.url));

/** The font faces of `css` (a file at `from`) after Vite's CSS pipeline with web/'s PostCSS config. */
async function fontFaces(css: string, from: string) {
  const config = await resolveConfig({ root: WEB, configFile: false, logLevel: 'silent' }, 'build');
  const { code } = await preprocessCSS(css, from, config);
  return [...code.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body = '']) => {
    const value = (name: string) =>
      [...body.matchAll(new RegExp(`(?:^|;|\\s)${name}\\s*:\\s*([^;]+)`, 'g'))].map((m) => (m[1] ?? '').trim());
    return { face: `${value('font-family')[0]?.replace(/["']/g, '')} ${value('font-weight')[0]}`, src: value('src') };
  });
}

describe('the design system fonts the web build bundles', () => {
  it('keeps Open Sans 400, 600, 700 and Raleway 700, each as one WOFF2 file from the package', async () => {
    const faces = await fontFaces(`@import '${ODS_CSS}';`, join(WEB, 'src', 'style.css'));
    expect(faces.map((f) => f.face)).toEqual(['Open Sans 400', 'Open Sans 600', 'Open Sans 700', 'Raleway 700']);
    for (const { src } of faces) {
      expect(src).toHaveLength(1);
      expect(src[0]).toMatch(/^url\("\.\.\/\.\.\/\.\.\/fonts\/[a-z0-9-]+\/[a-z0-9-]+\.woff2"\) format\("woff2"\)$/);
    }
  });

  it('leaves a font face of the app itself as it is', async () => {
    const own = '@font-face { font-family: Own; font-weight: 300; src: url(own.woff) format("woff"); }';
    expect(await fontFaces(own, join(WEB, 'src', 'style.css'))).toEqual([{ face: 'Own 300', src: ['url(own.woff) format("woff")'] }]);
  });
});
