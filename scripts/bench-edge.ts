// npm run bench:edge [-- --seconds N --connections N --workers N --rows N --check]: the long-tail read mix of
// bench:load, pinned to the current data version as the dashboard asks it, against the server directly and
// through Debian's nginx with the repository's configuration (deploy/nginx/); how many requests reached the server
// (from its request log); then an upload through nginx and how long until readers through nginx see the new data.
import autocannon from './bench/autocannon.js';
import { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIENT_DIR } from '../server/paths.js';
import { writeGiasFile } from './bench/gias-generator.js';
import { HOT_PATHS, pinned, TS, withLongTail } from './bench/read-mix.js';
import { type BenchServer, buildShippedDatabase, serveDatabase } from './bench/shipped-server.js';
import { startNginx } from './edge/nginx.js';

const options = new Command('bench:edge')
  .option(
    '--seconds <n>',
    'seconds of each of the four runs: direct, again, through nginx, again',
    (v) => Number(v),
    15,
  )
  .option('--connections <n>', 'concurrent connections', (v) => Number(v), 50)
  .option(
    '--warmup <n>',
    'seconds of the hot requests alone, direct, before the measured runs',
    (v) => Number(v),
    5,
  )
  .option('--workers <n>', 'nginx worker processes', (v) => Number(v), 1)
  .option('--rows <n>', 'generated establishment rows in the upload', (v) => Number(v), 20_000)
  .option(
    '--check',
    'exit 1 unless no errors, at most one origin request per URL, and new data within the unpinned max-age',
  )
  .parse()
  .opts<{
    seconds: number;
    connections: number;
    warmup: number;
    workers: number;
    rows: number;
    check?: boolean;
  }>();

const HEADERS = { 'accept-encoding': 'gzip' };
const UPLOAD_AS_AT = '2019-03-12';

interface Run {
  result: autocannon.Result;
  /** Answers other than 2xx, by status. */
  refused: Map<number, number>;
  /** Distinct URLs asked. */
  asked: number;
}

async function load(url: string, paths: string[], seconds: number): Promise<Run> {
  const refused = new Map<number, number>();
  // Each connection goes round the list from its start: how far the furthest got says which URLs were asked.
  const turn = new Map<object, number>();
  let instance: autocannon.Instance | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url,
        headers: HEADERS,
        requests: paths.map((path) => ({ method: 'GET' as const, path })),
        duration: seconds,
        connections: options.connections,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance!.on('response', (client, status) => {
    turn.set(client, (turn.get(client) ?? 0) + 1);
    if (status < 200 || status > 299) refused.set(status, (refused.get(status) ?? 0) + 1);
  });
  const result = await done;
  const furthest = Math.max(0, ...turn.values());
  return { result, refused, asked: new Set(paths.slice(0, furthest)).size };
}

/** GET requests the server logged from byte `from` of its log on: how many for each URL. */
function originRequests(logPath: string, from: number): Map<string, number> {
  const hits = new Map<string, number>();
  const text = readFileSync(logPath).subarray(from).toString('utf8');
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    const { req } = JSON.parse(line) as { req?: { method?: string; url?: string } };
    if (req?.method === 'GET' && req.url) hits.set(req.url, (hits.get(req.url) ?? 0) + 1);
  }
  return hits;
}

const logSize = (path: string) => readFileSync(path).length;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function getJson(
  url: string,
): Promise<{ etag: string; maxAge: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  const maxAge = Number(/max-age=(\d+)/.exec(res.headers.get('cache-control') ?? '')?.[1] ?? NaN);
  return { etag: res.headers.get('etag') ?? '', maxAge, body: (await res.json()) as Record<string, unknown> };
}

/** Polls `read` every 100 ms until it differs from `before`: when it did, or null `limitS` after the commit. */
async function changedAt(
  read: () => Promise<string>,
  before: string,
  committedAt: () => number,
  limitS: number,
) {
  for (;;) {
    if ((await read()) !== before) return performance.now();
    if (performance.now() - committedAt() > limitS * 1000) return null;
    await pause(100);
  }
}

/**
 * An upload of generated establishments through nginx while two readers poll through nginx: the version a page
 * loaded now pins to, and an unpinned answer. Both are asked before the upload, so nginx holds them.
 */
async function uploadThrough(edge: string, token: string, dir: string) {
  const version = async () => (await getJson(`${edge}/api/v1/version`)).body.v as string;
  const unpinnedPath = `/api/v1/summary?${TS}&as_at=2018-03-12`;
  const unpinned = async () => (await getJson(edge + unpinnedPath)).etag;
  const v0 = await version();
  const { etag: etag0, maxAge: freshS } = await getJson(edge + unpinnedPath);
  const file = join(dir, 'establishments.csv');
  writeGiasFile(file, options.rows, 20190312);
  const body = readFileSync(file);
  let committedAt = Infinity;
  const t0 = performance.now();
  const uploading = fetch(`${edge}/api/v1/imports?kind=establishments&as_at=${UPLOAD_AS_AT}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body,
    signal: AbortSignal.timeout(300_000),
  }).then((res) => {
    committedAt = performance.now();
    return res.status;
  });
  const limit = freshS + 30;
  const [status, versionAt, unpinnedAt] = await Promise.all([
    uploading,
    changedAt(version, v0, () => committedAt, limit),
    changedAt(unpinned, etag0, () => committedAt, limit),
  ]);
  // From the 201: the data changes as the import commits, just before the answer leaves (so may be < 0).
  const after = (at: number | null) => (at === null ? null : (at - committedAt) / 1000);
  return {
    status,
    bytes: body.length,
    uploadS: (committedAt - t0) / 1000,
    versionS: after(versionAt),
    unpinnedS: after(unpinnedAt),
    unpinnedPath,
    freshS,
  };
}

const row = (name: string, { result, refused, asked }: Run) =>
  [
    name.padEnd(15),
    String(asked).padStart(6),
    result.requests.average.toFixed(0).padStart(8),
    String(result.latency.p50).padStart(6),
    String(result.latency.p99).padStart(6),
    String(result.latency.max).padStart(6),
    String(result.errors + result.timeouts).padStart(7),
    `  ${[...refused].map(([status, n]) => `${n} x ${status}`).join(', ') || '0'}`,
  ].join('');

interface Measured {
  mixLength: number;
  /** The first run and the second, the same requests again, direct and through nginx. */
  direct: [Run, Run];
  edge: [Run, Run];
  /** Requests the origin behind nginx got during the nginx run, by URL. */
  hits: Map<string, number>;
  uploaded: Awaited<ReturnType<typeof uploadThrough>>;
}

function report({ mixLength, direct, edge, hits, uploaded }: Measured): boolean {
  console.log(
    `bench:edge: ${options.connections} connections, ${options.seconds} s direct and again, then ${options.seconds} s ` +
      `through nginx and again (${options.workers} worker, its cache empty at the start) to a second server in the ` +
      `same state; ${mixLength} GET requests round-robin (the ${HOT_PATHS.length} hot ones between a long tail), all ` +
      `pinned to the current v as the dashboard asks, gzip; each server in its own process (Node ` +
      `${process.version}), warmed by ${options.warmup} s of the hot requests`,
  );
  console.log(
    `\n${'run'.padEnd(15)}${'URLs'.padStart(6)}${'req/s'.padStart(8)}${'p50'.padStart(6)}` +
      `${'p99'.padStart(6)}${'max'.padStart(6)}${'errors'.padStart(7)}  non-2xx`,
  );
  console.log(row('direct', direct[0]));
  console.log(row('  again', direct[1]));
  console.log(row('through nginx', edge[0]));
  console.log(row('  again', edge[1]));
  console.log(
    '(URLs: distinct URLs asked; latencies in ms. A shared machine gives noisy figures: re-run on a quiet one)',
  );
  const reached = [...hits.values()].reduce((a, b) => a + b, 0);
  const most = Math.max(0, ...hits.values());
  const again = [...hits.values()].filter((n) => n > 1).length;
  console.log(
    `\norigin behind nginx: ${reached} of the ${edge[0].result.requests.total + edge[1].result.requests.total} requests (both runs) reached it, for ` +
      `${hits.size} distinct URLs; at most ${most} per URL (${again} URLs more than once)`,
  );
  for (const [url, n] of [...hits].filter(([, n]) => n > 1).slice(0, 5)) console.log(`  ${n} x ${url}`);
  const s = (n: number | null) => (n === null ? `not within ${uploaded.freshS + 30} s` : `${n.toFixed(1)} s`);
  console.log(
    `upload through nginx: ${options.rows.toLocaleString('en-GB')} establishment rows ` +
      `(${(uploaded.bytes / 1e6).toFixed(1)} MB): HTTP ${uploaded.status} after ${uploaded.uploadS.toFixed(1)} s; ` +
      `from the 201, readers through nginx saw the new version (GET /api/v1/version, what a page loaded now ` +
      `pins to) after ${s(uploaded.versionS)}, and new data at ${uploaded.unpinnedPath} (unpinned) after ` +
      `${s(uploaded.unpinnedS)}; its max-age is ${uploaded.freshS} s`,
  );
  const within = (n: number | null) => n !== null && n <= uploaded.freshS + 1;
  const checks: [string, boolean][] = [
    ['no errors or non-2xx', [...direct, ...edge].every((r) => r.result.errors + r.result.non2xx === 0)],
    ['at most one origin request per distinct URL', most <= 1],
    ['upload committed (201)', uploaded.status === 201],
    [
      `new data through nginx within ${uploaded.freshS + 1} s (the unpinned max-age + 1)`,
      within(uploaded.versionS) && within(uploaded.unpinnedS),
    ],
  ];
  for (const [what, ok] of checks) console.log(`${ok ? 'met    ' : 'NOT met'}  ${what}`);
  return checks.every(([, ok]) => ok);
}

/** The same database twice: one server for the direct run, one behind nginx, both starting cold. */
async function twoServers(dir: string, env: Record<string, string>): Promise<[BenchServer, BenchServer]> {
  const first = buildShippedDatabase('direct', dir);
  const second = join(dir, 'behind-nginx.sqlite');
  copyFileSync(first, second);
  return [await serveDatabase(first, { env }), await serveDatabase(second, { env })];
}

const dir = mkdtempSync(join(tmpdir(), 'bench-edge-'));
const token = randomBytes(24).toString('hex');
try {
  const servers = await twoServers(dir, {
    ADMIN_TOKEN: token,
    WRITE_RATE_LIMIT: '1000',
    TRUST_PROXY: 'loopback',
  });
  const [direct, origin] = servers.map((server) => `http://127.0.0.1:${server.port}`) as [string, string];
  const behind = servers[1];
  const edge = await startNginx({
    origin: `127.0.0.1:${behind.port}`,
    clientDir: CLIENT_DIR,
    workers: options.workers,
    accessLog: false,
  });
  try {
    const v = (await getJson(`${direct}/api/v1/version`)).body.v as string;
    if ((await getJson(`${origin}/api/v1/version`)).body.v !== v) throw new Error('the two servers differ');
    const mix = withLongTail(behind.dbPath).map((path) => pinned(path, v));
    const hot = HOT_PATHS.map((path) => pinned(path, v));
    await load(direct, hot, options.warmup);
    await load(origin, hot, options.warmup);
    const directRuns: [Run, Run] = [
      await load(direct, mix, options.seconds),
      await load(direct, mix, options.seconds),
    ];
    const from = logSize(behind.logPath);
    const edgeRuns: [Run, Run] = [
      await load(edge.url, mix, options.seconds),
      await load(edge.url, mix, options.seconds),
    ];
    await pause(1000); // the server writes its log lines asynchronously
    const hits = originRequests(behind.logPath, from);
    const uploaded = await uploadThrough(edge.url, token, dir);
    const met = report({ mixLength: mix.length, direct: directRuns, edge: edgeRuns, hits, uploaded });
    if (options.check && !met) process.exitCode = 1;
  } finally {
    await edge.stop();
    for (const server of servers) server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
