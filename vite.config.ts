import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import type { ManifestTransform } from 'workbox-build';

const root = fileURLToPath(new URL('src/web', import.meta.url));
const outDir = fileURLToPath(new URL('dist/web', import.meta.url));

/**
 * Writes a .br and a .gz beside every text file of the build, once, at their best
 * compression: the server sends them as they are (Content-Encoding by Accept-Encoding), so
 * no request pays for compressing a script.
 */
function precompress(): Plugin {
  const compressible = /\.(js|mjs|css|html|svg|json|txt|map)$/;
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isDirectory() ? walk(file) : [file];
    });
  return {
    name: 'levier-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!compressible.test(file) || file.includes(`${path.sep}.vite${path.sep}`)) continue;
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
            },
          }),
        );
      }
    },
  };
}

/** The canvassing app's HTML entry, served by the server at /canvass/ (src/server/web.ts). */
const CANVASS_HTML = 'canvass.html';
const CANVASS_URL = '/canvass/';
/** Its files in the public folder: the web manifest and the icons. */
const CANVASS_PUBLIC = /^canvass-[\w-]+\.(png|webmanifest)$/;

/**
 * What the canvassing app's service worker precaches: the canvass entry, every chunk it imports
 * (statically or dynamically: MapLibre's chunk and its worker), their style sheets and
 * assets, its manifest and icons, and its HTML under the address it is served at. Nothing of the
 * HQ app or the public pages: found by walking the bundle from the entry, not by file name.
 */
function canvassPrecache(): { plugin: Plugin; transform: ManifestTransform } {
  const files = new Set<string>();
  const plugin: Plugin = {
    name: 'levier-canvass-precache',
    apply: 'build',
    generateBundle(_options, bundle) {
      files.clear();
      const entry = Object.values(bundle).find(
        (output) =>
          output.type === 'chunk' &&
          output.isEntry &&
          output.facadeModuleId?.endsWith(`/${CANVASS_HTML}`),
      );
      if (!entry) this.error(`the ${CANVASS_HTML} entry is missing from the bundle`);
      const visit = (fileName: string) => {
        const output = bundle[fileName];
        if (!output || files.has(fileName)) return;
        files.add(fileName);
        if (output.type !== 'chunk') return;
        for (const css of output.viteMetadata?.importedCss ?? []) files.add(css);
        for (const asset of output.viteMetadata?.importedAssets ?? []) files.add(asset);
        for (const next of [...output.imports, ...output.dynamicImports]) visit(next);
      };
      visit(entry.fileName);
      files.add(CANVASS_HTML);
    },
  };
  const transform: ManifestTransform = (entries) => {
    const manifest = entries
      .filter((entry) => files.has(entry.url) || CANVASS_PUBLIC.test(entry.url))
      .map((entry) => (entry.url === CANVASS_HTML ? { ...entry, url: CANVASS_URL } : entry));
    const missing = [...files].filter((file) => !entries.some((entry) => entry.url === file));
    return {
      manifest,
      warnings: missing.map((file) => `canvass precache: ${file} was not found in the build`),
    };
  };
  return { plugin, transform };
}

/** In development, the canvassing app's pages are its HTML entry, as the server does in production. */
function canvassDevPages(): Plugin {
  return {
    name: 'levier-canvass-dev-pages',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        const pathname = (request.url ?? '').split('?')[0];
        const page = request.headers['sec-fetch-dest'] === 'document';
        if (page && /^\/canvass(\/|$)/.test(pathname) && !/\.\w+$/.test(pathname))
          request.url = `/${CANVASS_HTML}`;
        next();
      });
    },
  };
}

const canvass = canvassPrecache();

// Three entries: index.html, the React app of HQ, login and the supporter space; site/main.ts,
// the small script of the public pages the server draws (found in the manifest by the server);
// canvass.html, the volunteers' offline canvassing app (React without Mantine, its own service
// worker).
export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  plugins: [
    react(),
    canvassDevPages(),
    canvass.plugin,
    VitePWA({
      strategies: 'generateSW',
      filename: 'canvass-sw.js',
      scope: CANVASS_URL,
      // A new version waits for the volunteer (sw-register.ts): no reload mid-questionnaire.
      registerType: 'prompt',
      // Registered by the canvass app itself; no script or manifest link in other pages.
      injectRegister: false,
      // The manifest is public/canvass-manifest.webmanifest, linked by canvass.html alone: the
      // plugin would link its own into every HTML entry, HQ's included.
      manifest: false,
      workbox: {
        cacheId: 'levier-canvass',
        globPatterns: ['**/*.{js,mjs,css,html,png,webmanifest}'],
        globIgnores: ['.vite/**'],
        manifestTransforms: [canvass.transform],
        // Any page of the app opens offline: they are all canvass.html.
        navigateFallback: CANVASS_URL,
        navigateFallbackAllowlist: [/^\/canvass\//],
        dontCacheBustURLsMatching: /^assets\//,
        // MapLibre's chunk and its worker are about 1 MB each before compression.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        inlineWorkboxRuntime: true,
        sourcemap: false,
      },
    }),
    precompress(),
  ],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        app: path.join(root, 'index.html'),
        site: path.join(root, 'site/main.ts'),
        canvass: path.join(root, CANVASS_HTML),
      },
      onwarn(warning, warn) {
        // zod's sources hold comments beside /* @__PURE__ */ marks that Rollup cannot place
        // and drops: nothing for us to fix, and it would hide warnings that are ours.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/'))
          return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/embed': 'http://localhost:3000' } },
});
