// The layers' rules, checked by `npm run lint:deps` (part of `npm test`): arrows run one way,
//   api -> answers -> analytics -> db,   api -> upload -> importer -> precompute -> db,   scripts -> upload | importer,
// the answers' shapes (contract/) below every layer that makes or reads an answer, and nothing imports in a circle.
// See README.md (Layout).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle of imports makes each of its modules depend on all the others.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'db-imports-nothing-above',
      severity: 'error',
      comment: 'db/ is the bottom layer: the only place SQL lives, knowing nothing of what uses it.',
      from: { path: '^server/db/' },
      to: { path: '^server/(api|answers|analytics|importer|upload|precompute|main)' },
    },
    {
      name: 'contract-below-answers',
      severity: 'error',
      comment:
        "contract/ writes each answer's shape once, as a zod schema: analytics, answers, api and the dashboard " +
        'take their types from it, so it imports none of them (only common/ and the lists of names it enumerates).',
      from: { path: '^server/contract/' },
      to: { path: '^server/(api|answers|analytics|upload|precompute|db|main)' },
    },
    {
      name: 'precompute-only-db',
      severity: 'error',
      comment: 'The figures worked out at import read and write through db/ only.',
      from: { path: '^server/precompute/' },
      to: { path: '^server/(api|answers|analytics|importer|upload|main)' },
    },
    {
      name: 'analytics-not-above',
      severity: 'error',
      comment: 'Analytics answer questions from the data; they know nothing of HTTP, answers or imports.',
      from: { path: '^server/analytics/' },
      to: { path: '^server/(api|answers|upload|importer|main)' },
    },
    {
      name: 'importer-not-above',
      severity: 'error',
      comment: 'The importer reads, validates and writes; it knows nothing of HTTP, answers or analytics.',
      from: { path: '^server/importer/' },
      to: { path: '^server/(api|answers|analytics|upload|main)' },
    },
    {
      name: 'answers-not-api',
      severity: 'error',
      comment: 'answers/ makes and keeps answers; HTTP (api/) serves them.',
      from: { path: '^server/answers/' },
      to: { path: '^server/(api|upload|main)' },
    },
    {
      name: 'upload-not-api',
      severity: 'error',
      comment: "upload/ runs an upload's import in its thread, with the preview the CLI shows too: no HTTP.",
      from: { path: '^server/upload/' },
      to: { path: '^server/(api|answers|main)' },
    },
    {
      name: 'scripts-not-api',
      severity: 'error',
      comment: 'The CLIs use upload/ and importer/ directly, never the API.',
      from: { path: '^scripts/' },
      to: { path: '^server/api/' },
    },
    {
      name: 'client-knows-server-by-types',
      severity: 'error',
      comment: 'The dashboard knows the server through HTTP: type-only imports of its answers are fine.',
      from: { path: '^client/' },
      to: { path: '^server/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.bench|\\.test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
