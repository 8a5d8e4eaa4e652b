// npm run build:client [-- --if-stale]: bundles the dashboard into dist/client (Vite) and stamps the build.
import { buildClient, clientBuildReason } from './client-build.js';

async function main(): Promise<void> {
  const reason = process.argv.includes('--if-stale') ? clientBuildReason() : 'asked to build';
  if (reason === null) {
    console.error('dist/client is up to date');
    return;
  }
  console.error(`building the dashboard (${reason})`);
  await buildClient();
}

main().catch((error: Error) => {
  console.error(`build:client: ${error.message}`);
  process.exitCode = 1;
});
