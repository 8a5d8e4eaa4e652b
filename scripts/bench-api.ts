// npm run bench:api [-- --seconds N --connections N --check]: requests per second and latency of the analytics
// endpoints next to /healthz, on a real server over a database built from the shipped data, in one run.
import autocannon from './bench/autocannon.js';
import { Command } from 'commander';
import { startShippedServer } from './bench/shipped-server.js';

const options = new Command('bench:api')
  .option('--seconds <n>', 'seconds of load per endpoint', (v) => Number(v), 5)
  .option('--connections <n>', 'concurrent connections', (v) => Number(v), 10)
  .option('--check', 'exit 1 unless every endpoint reaches half of /healthz\u2019s rate with p99 under 20 ms')
  .parse()
  .opts<{ seconds: number; connections: number; check?: boolean }>();

const ENDPOINTS = [
  '/healthz',
  '/api/v1/summary?network=teaching-schools&as_at=2018-03-12',
  '/api/v1/coverage?network=teaching-schools&as_at=2018-03-12',
  '/api/v1/progress?network=teaching-schools',
  '/api/v1/gaps?network=teaching-schools&as_at=2018-03-12',
];

const server = await startShippedServer('api');
const { port } = server;

interface Row {
  path: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(path: string): Promise<Row> {
  const url = `http://127.0.0.1:${port}${path}`;
  const headers = { 'accept-encoding': 'gzip' };
  await autocannon({ url, headers, amount: 200, connections: options.connections }); // warm up (fills caches)
  const r = await autocannon({ url, headers, duration: options.seconds, connections: options.connections });
  return {
    path,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

try {
  const rows: Row[] = [];
  for (const path of ENDPOINTS) rows.push(await measure(path));
  const health = rows[0]!;
  console.log(
    `bench:api: ${options.connections} connections, ${options.seconds} s per endpoint, gzip, ` +
      `server in its own process (Node ${process.version})`,
  );
  console.log(
    'endpoint'.padEnd(62),
    'req/s'.padStart(8),
    'vs healthz'.padStart(11),
    'p50 ms'.padStart(7),
    'p99 ms'.padStart(7),
    ' ok',
  );
  let pass = true;
  for (const row of rows) {
    const ratio = row.rps / health.rps;
    const ok = row.errors === 0 && row.p99 < 20 && (row === health || ratio >= 0.5);
    pass &&= ok;
    console.log(
      row.path.padEnd(62),
      row.rps.toFixed(0).padStart(8),
      `${(ratio * 100).toFixed(0)}%`.padStart(11),
      String(row.p50).padStart(7),
      String(row.p99).padStart(7),
      ok ? ' yes' : ` NO${row.errors ? ` (${row.errors} errors)` : ''}`,
    );
  }
  console.log(pass ? 'target met: each at least half of /healthz, p99 under 20 ms' : 'target NOT met');
  if (options.check && !pass) process.exitCode = 1;
} finally {
  server.stop();
}
