// npm run bench:load [-- --seconds N --connections N --upload-at N --rows N --check]: mixed read load on a real
// server over a copy of the shipped data, with a 200,000-row establishments upload committed during the run, and a
// checker that every answer comes from either the old data or the new, never a mix.
import autocannon from './bench/autocannon.js';
import Database from 'better-sqlite3';
import { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGiasFile } from './bench/gias-generator.js';
import { HOT_PATHS as PATHS, routeOf, TS, withLongTail } from './bench/read-mix.js';
import { keepAnswer, startExpressFloor } from './bench/floor-server.js';
import { startShippedServer } from './bench/shipped-server.js';

const options = new Command('bench:load')
  .option('--seconds <n>', 'seconds of load', (v) => Number(v), 60)
  .option('--connections <n>', 'concurrent connections', (v) => Number(v), 100)
  .option('--upload-at <n>', 'seconds into the run the upload starts (default: a sixth of the run)', Number)
  .option('--rows <n>', 'generated establishment rows in the upload', (v) => Number(v), 200_000)
  .option('--warmup <n>', 'seconds of the hot requests alone before the measured run', (v) => Number(v), 5)
  .option('--profile <dir>', "write the server's CPU profile (node --cpu-prof) into DIR when it stops")
  .option('--no-tail', 'only the 16 hot requests, without the long tail of requests never asked before')
  .option(
    '--floor',
    'then the same reads of an Express app that sends one kept answer (scripts/bench/express-floor.ts)',
  )
  .option(
    '--check',
    'exit 1 unless 0 errors, 0 non-2xx, p99 under 50 ms, the upload committed, no mixed data',
  )
  .parse()
  .opts<{
    seconds: number;
    connections: number;
    uploadAt?: number;
    rows: number;
    warmup: number;
    tail: boolean;
    profile?: string;
    floor?: boolean;
    check?: boolean;
  }>();

const UPLOAD_AS_AT = '2019-03-12'; // later than the shipped list's 2018-03-12
const P99_TARGET_MS = 50;

// The checker's requests: each answer's ETag names the data version, schools_total counts establishments.
const CHECKED = [
  `/api/v1/summary?${TS}&as_at=2018-03-12`,
  `/api/v1/summary?${TS}&as_at=2018-03-12&region=London`,
];

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(n < 10 ? 1 : 0));

/**
 * Each connection is a client of its own, as the users behind a proxy are: the server believes X-Forwarded-For
 * from loopback (TRUST_PROXY=loopback, as behind nginx) and gives each connection the budget of answers not yet
 * made that it gives each user. Sent from one address, the 100 connections would be one client asking 100
 * things at once, which is what the budget is there to refuse.
 */
const clientAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
const CHECKER = clientAddress(0);

function asClients(paths: string[], headers: Record<string, string>): Partial<autocannon.Options> {
  let clients = 0;
  return {
    setupClient: (client) => {
      const address = clientAddress(++clients);
      client.setRequests(
        paths.map((path) => ({ method: 'GET', path, headers: { ...headers, 'x-forwarded-for': address } })),
      );
    },
  };
}

interface Observed {
  version: string;
  schoolsTotal: number;
}

async function observe(base: string, path: string): Promise<Observed> {
  const res = await fetch(base + path, {
    headers: { 'x-forwarded-for': CHECKER },
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status !== 200) throw new Error(`checker: ${path} answered ${res.status}`);
  const body = (await res.json()) as { schools_total: number };
  return { version: res.headers.get('etag') ?? '', schoolsTotal: body.schools_total };
}

const dir = mkdtempSync(join(tmpdir(), 'bench-load-'));
const token = randomBytes(24).toString('hex');
try {
  const uploadAt = options.uploadAt ?? options.seconds / 6;
  const file = join(dir, 'establishments.csv');
  writeGiasFile(file, options.rows, 20190312);
  const upload = readFileSync(file);

  const server = await startShippedServer('load', {
    dir,
    env: {
      ADMIN_TOKEN: token,
      WRITE_RATE_LIMIT: '1000',
      TRUST_PROXY: 'loopback',
    },
    profileDir: options.profile,
  });
  const base = `http://127.0.0.1:${server.port}`;
  try {
    const headers = { 'accept-encoding': 'gzip' };
    // Warm up with the hot requests, as on a server that has been running: answers made, code compiled by the JIT.
    await autocannon({
      url: base,
      ...asClients(PATHS, headers),
      duration: options.warmup,
      connections: options.connections,
    });
    const mix = options.tail ? withLongTail(server.dbPath) : PATHS;
    const ROUTES = [...new Set(mix.map(routeOf))];
    const old = await Promise.all(CHECKED.map((path) => observe(base, path)));

    // Per route and per phase (before, during, after the upload) latencies, from each connection's turn. The
    // clock starts at the first answer: setting up 100 connections' requests takes the load generator seconds.
    let started = Infinity;
    let loadStarted!: () => void;
    const running = new Promise<void>((resolve) => (loadStarted = resolve));
    let uploadWindow: [number, number] = [Infinity, Infinity];
    const byRoute = new Map<string, number[]>(ROUTES.map((r) => [r, []]));
    const byPhase = { before: [] as number[], during: [] as number[], after: [] as number[] };
    const turn = new Map<object, number>();
    // Looked up once here, not on each of some 300,000 responses: the load generator shares the 2 cores.
    const latencyLists = mix.map((path) => byRoute.get(routeOf(path))!);
    let instance: autocannon.Instance | undefined;
    const load = new Promise<autocannon.Result>((resolve, reject) => {
      instance = autocannon(
        {
          url: base,
          ...asClients(mix, headers),
          duration: options.seconds,
          connections: options.connections,
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
    });
    // Non-2xx answers by route and status, to say where they come from.
    const refused = new Map<string, number>();
    instance!.on('response', (client, status, _bytes, responseTime) => {
      if (started === Infinity) {
        started = performance.now();
        loadStarted();
      }
      const i = turn.get(client) ?? 0;
      turn.set(client, i + 1);
      latencyLists[i % mix.length]!.push(responseTime);
      if (status < 200 || status > 299) {
        const key = `${status} ${routeOf(mix[i % mix.length]!)}`;
        refused.set(key, (refused.get(key) ?? 0) + 1);
      }
      const t = performance.now() - started;
      (t < uploadWindow[0] ? byPhase.before : t <= uploadWindow[1] ? byPhase.during : byPhase.after).push(
        responseTime,
      );
    });

    // The upload, a while into the run.
    const uploading = (async () => {
      await running;
      await new Promise((resolve) => setTimeout(resolve, uploadAt * 1000));
      const t0 = performance.now();
      uploadWindow = [t0 - started, Infinity];
      const res = await fetch(`${base}/api/v1/imports?kind=establishments&as_at=${UPLOAD_AS_AT}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: upload,
        signal: AbortSignal.timeout(300_000),
      });
      const body = (await res.json()) as { report?: { status?: string; rows?: unknown } };
      const seconds = (performance.now() - t0) / 1000;
      uploadWindow = [uploadWindow[0], performance.now() - started];
      return {
        status: res.status,
        report: body.report?.status ?? JSON.stringify(body).slice(0, 300),
        seconds,
      };
    })();

    // The checker: sequential reads of schools_total with the data version, for the length of the run.
    const seen: (Observed & { path: string })[] = [];
    const checking = (async () => {
      await running;
      const until = started + options.seconds * 1000;
      for (let i = 0; i < options.seconds * 100 && performance.now() < until; i++) {
        const path = CHECKED[i % CHECKED.length]!;
        seen.push({ path, ...(await observe(base, path)) });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    const [result, uploaded] = await Promise.all([load, uploading, checking]);
    const floorAnswer = options.floor ? await keepAnswer(base, PATHS[0]!, dir) : null;
    const now = await Promise.all(CHECKED.map((path) => observe(base, path)));

    // Consistency: every answer the checker saw is the old pair or the new pair of its request.
    const mixed = seen.filter((s) => {
      const k = CHECKED.indexOf(s.path);
      return ![old[k]!, now[k]!].some((p) => p.version === s.version && p.schoolsTotal === s.schoolsTotal);
    });
    const sawOld = seen.filter((s) => s.version === old[0]!.version).length;
    const db = new Database(server.dbPath, { readonly: true });
    const establishments = (db.prepare('SELECT count(*) AS n FROM establishments').get() as { n: number }).n;
    const integrity = db.pragma('integrity_check', { simple: true });
    db.close();

    const all = [...byPhase.before, ...byPhase.during, ...byPhase.after].sort((a, b) => a - b);
    console.log(
      `bench:load: ${options.connections} connections, ${options.seconds} s after ${options.warmup} s of ` +
        `warm-up, ${mix.length} GET requests ` +
        `round-robin over ${ROUTES.length} routes${options.tail ? ` (the ${PATHS.length} hot ones between a long tail of ${mix.length / 2} never asked before)` : ''}, ` +
        `gzip, server in its own process (Node ${process.version})`,
    );
    console.log(
      `requests: ${result.requests.total} total, ${result.requests.average.toFixed(0)} req/s average; ` +
        `latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, ` +
        `max ${result.latency.max} ms`,
    );
    console.log(
      `errors: ${result.errors} (timeouts ${result.timeouts}), non-2xx: ${result.non2xx}, ` +
        `all 2xx: ${result['2xx']}`,
    );
    for (const [what, n] of [...refused].sort((x, y) => y[1] - x[1]))
      console.log(`  non-2xx: ${n} x ${what}`);
    console.log(
      '\nroute / phase'.padEnd(32),
      'requests'.padStart(9),
      'p50 ms'.padStart(7),
      'p97.5'.padStart(7),
      'p99'.padStart(7),
      'max'.padStart(7),
    );
    const line = (name: string, list: number[]) => {
      const sorted = [...list].sort((a, b) => a - b);
      console.log(
        name.padEnd(31),
        String(sorted.length).padStart(9),
        ms(percentile(sorted, 50)).padStart(7),
        ms(percentile(sorted, 97.5)).padStart(7),
        ms(percentile(sorted, 99)).padStart(7),
        ms(sorted.at(-1) ?? NaN).padStart(7),
      );
    };
    for (const [route, list] of byRoute) line(route, list);
    line('before the upload', byPhase.before);
    line('during the upload', byPhase.during);
    line('after the upload', byPhase.after);
    line('all (from events)', all);

    if (floorAnswer) {
      const floor = await startExpressFloor(floorAnswer);
      try {
        const floorBase = `http://127.0.0.1:${floor.port}`;
        const reads = { url: floorBase, ...asClients(mix, headers), connections: options.connections };
        await autocannon({ ...reads, duration: options.warmup });
        const r = await autocannon({ ...reads, duration: options.seconds });
        console.log(
          `floor: Express alone, sending one kept answer to the same reads, no upload: ${r.requests.average.toFixed(0)} req/s, ` +
            `p50 ${r.latency.p50} ms, p97.5 ${r.latency.p97_5} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms`,
        );
      } finally {
        floor.stop();
      }
    }
    console.log('(a shared machine gives noisy figures: re-run on a quiet one before comparing)');
    console.log(
      `\nupload: ${options.rows.toLocaleString('en-GB')} establishment rows (${(upload.length / 1e6).toFixed(1)} MB, ` +
        `as_at ${UPLOAD_AS_AT}) started at ${uploadAt.toFixed(0)} s: HTTP ${uploaded.status}, ` +
        `${uploaded.report}, ${uploaded.seconds.toFixed(1)} s; establishments in the database now: ` +
        `${establishments}; integrity_check: ${integrity}`,
    );
    CHECKED.forEach((path, k) =>
      console.log(
        `${path}: old schools_total ${old[k]!.schoolsTotal} at ${old[k]!.version}, ` +
          `new ${now[k]!.schoolsTotal} at ${now[k]!.version}`,
      ),
    );
    const logged = readFileSync(server.logPath, 'utf8').split('\n').length - 1;
    console.log(`request log: ${logged} JSON lines written so far (the server logs every request at info)`);
    const changed = old.every(
      (o, k) => o.version !== now[k]!.version && o.schoolsTotal !== now[k]!.schoolsTotal,
    );
    console.log(
      `consistency: ${seen.length} checker reads, ${sawOld} of the old data, ${seen.length - sawOld} of the new, ` +
        `${mixed.length} mixed${mixed.length ? `: ${JSON.stringify(mixed.slice(0, 3))}` : ''}` +
        (changed ? '' : ' (NOTE: the upload did not change both version and total)'),
    );

    const p99 = result.latency.p99;
    const checks: [string, boolean][] = [
      ['0 errors', result.errors === 0],
      ['0 non-2xx', result.non2xx === 0],
      [`p99 under ${P99_TARGET_MS} ms (${p99} ms)`, p99 < P99_TARGET_MS],
      ['upload committed (201)', uploaded.status === 201 && uploaded.report === 'committed'],
      ['readers saw old or new, never a mix', mixed.length === 0 && changed],
    ];
    for (const [what, ok] of checks) console.log(`${ok ? 'met    ' : 'NOT met'}  ${what}`);
    if (options.check && !checks.every(([, ok]) => ok)) process.exitCode = 1;
  } finally {
    server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
