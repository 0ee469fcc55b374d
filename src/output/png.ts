import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * A PNG of an SVG chart at `size` pixels, rendered by resvg (@resvg/resvg-js: a Rust SVG
 * renderer shipped as a prebuilt native module per platform) with the DejaVu Sans fonts
 * shipped in the package (fonts/, licence beside them) and no system fonts, so the text
 * looks the same on every machine.
 */
export function renderPng(svg: string, size: { width: number; height: number }): Uint8Array {
  // A native module: loaded from node_modules at run time, never bundled.
  const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const fonts = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((name) => fileURLToPath(new URL(`${fontsFolder()}${name}`)));
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size.width },
    background: '#ffffff',
    font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}

/** The package's fonts/ folder: beside dist/ when installed or built, two up from src/output in a checkout. */
function fontsFolder(): string {
  return import.meta.url.endsWith('.ts') ? new URL('../../fonts/', import.meta.url).href : new URL('../fonts/', import.meta.url).href;
}
