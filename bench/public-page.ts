/**
 * The home page on a slow phone: Chromium (Debian's /usr/bin/chromium) with the "slow 4G"
 * network of Lighthouse (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip) and the CPU
 * slowed 4×, a 360 px screen, cache and cookies empty at each run. Median of N runs of:
 * first contentful paint, largest contentful paint, when the sign-up form is visible and
 * usable (drawn, with its submit button; on these pages it works without script), when the
 * page's script has enhanced it, total blocking time (long tasks' time past 50 ms, from the
 * first paint until the page is quiet) and the bytes of JavaScript and CSS transferred.
 *   npm run bench -- public-page [--runs 5] [--url http://127.0.0.1:3000] [--no-build]
 * Without --url it builds the web app, starts `levier serve` on a fresh PostgreSQL database
 * and measures it; with --url it measures a server already running (an older build, say).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { freePort } from '../src/server/core/db/levier-process.ts';
import { freshDatabase } from './lib/pg.ts';
import { startServer, stopServer } from './lib/process.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    url: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);

interface Run {
  fcp: number;
  lcp: number;
  formUsable: number;
  enhanced: number | null;
  tbt: number;
  jsTransferred: number;
  cssTransferred: number;
  htmlTransferred: number;
  scripts: string[];
}

/** What the page records about itself (paints, long tasks, when the form showed). */
const observe = `(() => {
  const perf = { fcp: 0, lcp: 0, longTasks: [], formUsable: 0, enhanced: 0 };
  window.__perf = perf;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') perf.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) perf.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) perf.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  // The form is usable once drawn with its fields and an enabled submit button (checked
  // before each frame is painted).
  const check = () => {
    const name = document.querySelector('form input[autocomplete="given-name"]');
    const button = document.querySelector('form button[type="submit"]');
    const shown = (el) => el && el.getBoundingClientRect().height > 0;
    if (!perf.formUsable && shown(name) && shown(button) && !button.disabled) perf.formUsable = performance.now();
    if (!perf.enhanced && document.querySelector('form[data-enhanced]')) perf.enhanced = performance.now();
    if (!perf.formUsable || !perf.enhanced) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** A file's size when sent gzipped, asked of the server as a browser without brotli would. */
function gzippedSize(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve(bytes));
    });
    req.on('error', reject);
    req.end();
  });
}

async function measure(base: string): Promise<Run> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic'],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'fr-FR',
    });
    const page = await context.newPage();
    await page.addInitScript(observe);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const types = new Map<string, string>();
    const urls = new Map<string, string>();
    const transferred = { Script: 0, Stylesheet: 0, Document: 0 };
    cdp.on('Network.responseReceived', (e) => {
      types.set(e.requestId, e.type);
      urls.set(e.requestId, e.response.url);
    });
    cdp.on('Network.loadingFinished', (e) => {
      const type = types.get(e.requestId) as keyof typeof transferred | undefined;
      if (type && type in transferred) transferred[type] += e.encodedDataLength;
    });
    await page.goto(`${base}/`, { waitUntil: 'load', timeout: 120_000 });
    // Quiet for a while: no request in flight and no long task for 2 s.
    await page.waitForLoadState('networkidle', { timeout: 120_000 });
    await page.waitForTimeout(2000);
    const perf = (await page.evaluate('window.__perf')) as {
      fcp: number;
      lcp: number;
      formUsable: number;
      enhanced: number;
      longTasks: Array<[number, number]>;
    };
    const tbt = perf.longTasks
      .filter(([start]) => start >= perf.fcp)
      .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
    const scripts = [...types]
      .filter(([, type]) => type === 'Script')
      .map(([id]) => urls.get(id)!)
      .filter((url) => url.startsWith(base));
    return {
      fcp: perf.fcp,
      lcp: perf.lcp,
      formUsable: perf.formUsable,
      enhanced: perf.enhanced || null,
      tbt,
      jsTransferred: transferred.Script,
      cssTransferred: transferred.Stylesheet,
      htmlTransferred: transferred.Document,
      scripts,
    };
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function bench(base: string) {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await measure(base);
    console.log(
      `run ${i + 1}: FCP ${run.fcp.toFixed(0)} ms, LCP ${run.lcp.toFixed(0)} ms, form usable ${run.formUsable.toFixed(0)} ms, TBT ${run.tbt.toFixed(0)} ms`,
    );
    results.push(run);
  }
  const scripts = [...new Set(results.flatMap((r) => r.scripts))];
  const jsGzipped = (await Promise.all(scripts.map(gzippedSize))).reduce((a, b) => a + b, 0);
  const enhanced = results.map((r) => r.enhanced).filter((x): x is number => x !== null);
  // Chromium very rarely reports no paint entry for a run (seen once with the older app):
  // such a run counts for the other figures, not for the paints.
  const painted = results.filter((r) => r.fcp > 0);
  return {
    runs,
    fcpMs: Math.round(median(painted.map((r) => r.fcp))),
    lcpMs: Math.round(median(painted.map((r) => r.lcp))),
    formUsableMs: Math.round(median(results.map((r) => r.formUsable))),
    enhancedMs: enhanced.length === runs ? Math.round(median(enhanced)) : null,
    tbtMs: Math.round(median(painted.map((r) => r.tbt))),
    runsWithoutPaint: runs - painted.length,
    /** Transferred as the browser asked (brotli), response headers included. */
    jsTransferredKB: +(median(results.map((r) => r.jsTransferred)) / 1024).toFixed(1),
    jsGzippedKB: +(jsGzipped / 1024).toFixed(1),
    cssTransferredKB: +(median(results.map((r) => r.cssTransferred)) / 1024).toFixed(1),
    htmlTransferredKB: +(median(results.map((r) => r.htmlTransferred)) / 1024).toFixed(1),
    scripts: scripts.map((url) => new URL(url).pathname),
  };
}

let summary;
if (values.url) {
  summary = await bench(values.url.replace(/\/$/, ''));
} else {
  if (!values['no-build']) {
    const built = spawnSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
      {
        stdio: 'inherit',
      },
    );
    if (built.status !== 0) process.exit(1);
  }
  const db = await freshDatabase('levier_bench_page');
  const port = await freePort();
  try {
    const server = await startServer(
      ['bin/levier.mjs', 'serve'],
      {
        DATABASE_URL: db.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        RUN_WORKERS: 'false',
      },
      `http://127.0.0.1:${port}/api/site`,
    );
    try {
      summary = await bench(`http://127.0.0.1:${port}`);
    } finally {
      await stopServer(server);
    }
  } finally {
    await db.drop();
  }
}
console.log('\nHome page, slow 4G (1.6 Mbit/s, 150 ms RTT), CPU 4× slower; medians:');
console.table({ ...summary, scripts: summary.scripts.join(' ') });
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/public-page.json',
  JSON.stringify({ at: new Date().toISOString(), url: values.url ?? null, ...summary }, null, 2),
);
