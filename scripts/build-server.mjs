// `npm run build:server`: compiles the server to one JavaScript file, dist/server/main.js
// (packages stay imports of node_modules: native argon2, PGlite's WebAssembly and data files
// load from there), so that production runs it with plain Node, without a TypeScript loader.
// dist/server/inputs.json lists the source files it was built from, to tell when it is stale.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const defaultOutdir = join(root, 'dist/server');

/** Whether dist/server holds a build of the current sources (none changed or went since). */
export function serverBuildIsCurrent(outdir = defaultOutdir) {
  const outfile = join(outdir, 'main.js');
  const inputsFile = join(outdir, 'inputs.json');
  if (!existsSync(outfile) || !existsSync(inputsFile)) return false;
  const builtAt = statSync(outfile).mtimeMs;
  const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
  return inputs.every((input) => {
    const path = join(root, input);
    return existsSync(path) && statSync(path).mtimeMs <= builtAt;
  });
}

/**
 * Source files find paths next to themselves (`new URL('../../../../migrations',
 * import.meta.url)`, dist/web). In one bundle, import.meta.url would be the bundle's: each
 * file gets its own source location instead, so those paths resolve as they do from src/.
 */
const sourceLocations = (outdir) => ({
  name: 'source-locations',
  setup(builder) {
    builder.onLoad({ filter: /\/src\/.*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromBundle = relative(outdir, args.path);
      return {
        loader: 'ts',
        contents: source.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
        ),
      };
    });
  },
});

/**
 * A production install has no devDependencies: the server must import only dependencies.
 * (pino-pretty, for development logs, is looked up at run time and may be missing.)
 */
function refuseDevelopmentPackages(metafile) {
  const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const packages = new Set(
    Object.values(metafile.outputs)
      .flatMap((output) => output.imports)
      .filter((imported) => imported.external)
      .map(({ path }) => path)
      .filter((path) => !path.startsWith('node:') && !builtinModules.includes(path))
      .map((path) =>
        path
          .split('/')
          .slice(0, path.startsWith('@') ? 2 : 1)
          .join('/'),
      ),
  );
  const missing = [...packages].filter((name) => !(name in dependencies));
  if (missing.length) {
    throw new Error(
      `The server imports packages that are not in package.json's dependencies (a production ` +
        `install would lack them): ${missing.join(', ')}`,
    );
  }
}

/** Builds into `outdir` (dist/server; tests build elsewhere, two folders below the root too). */
export async function buildServer({ quiet = false, outdir = defaultOutdir } = {}) {
  const outfile = join(outdir, 'main.js');
  const started = Date.now();
  // Imported here: esbuild is a development dependency, and the CLI imports this file.
  const { build } = await import('esbuild');
  rmSync(outdir, { recursive: true, force: true });
  const bundleOf = (entry, file) =>
    build({
      absWorkingDir: root,
      entryPoints: [entry],
      outfile: file,
      bundle: true,
      packages: 'external',
      plugins: [sourceLocations(outdir)],
      platform: 'node',
      format: 'esm',
      target: 'node20.19',
      sourcemap: true,
      metafile: true,
      logLevel: 'warning',
    });
  // The server, and the worker thread that converts uploaded recordings off the server's thread.
  const results = [
    await bundleOf('src/server/main.ts', outfile),
    await bundleOf(
      'src/server/features/calling/recordings/prepare-worker.ts',
      join(outdir, 'recording-worker.js'),
    ),
  ];
  for (const result of results) refuseDevelopmentPackages(result.metafile);
  const inputs = [
    ...new Set(
      results.flatMap((result) =>
        Object.keys(result.metafile.inputs).filter((input) => input.startsWith('src/')),
      ),
    ),
  ];
  writeFileSync(join(outdir, 'inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`);
  if (!quiet) {
    const where = relative(root, outfile);
    console.log(`Server built: ${where} from ${inputs.length} files (${Date.now() - started} ms).`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
