/**
 * The layers of docs/architecture.md, checked by `npm run lint` (dependency-cruiser). Paths are
 * relative to the repository root. Type-only imports count like any other: a layer that needs a
 * type of another layer depends on it.
 */
const CONTEXTS = '^shared/(import-export|scheduler)/';
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No module depends on itself through others.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'kernel-stands-alone',
      severity: 'error',
      comment: 'The kernel imports nothing of the project outside itself.',
      from: { path: '^shared/kernel/' },
      to: { path: '^(shared/(?!kernel/)|functions/|local-host/)' },
    },
    {
      name: 'context-imports-kernel-and-itself',
      severity: 'error',
      comment:
        'A context (import-export, scheduler) imports only the kernel and itself, never another context.',
      from: { path: '^shared/([^/]+)/', pathNot: '^shared/(kernel|identity|adapters|edge|surfaces|app)/' },
      to: { path: '^shared/', pathNot: ['^shared/kernel/', '^shared/$1/'] },
    },
    {
      name: 'identity-imports-kernel-and-itself',
      severity: 'error',
      comment:
        'Identity (management certificates, tokens) is shared by the surfaces and depends on no context.',
      from: { path: '^shared/identity/' },
      to: { path: '^shared/', pathNot: ['^shared/kernel/', '^shared/identity/'] },
    },
    {
      name: 'contexts-know-no-sdk-and-no-http',
      severity: 'error',
      comment: 'Contexts and the kernel are pure: no Azure SDK, no HTTP, no Functions.',
      from: { path: `(${CONTEXTS}|^shared/kernel/|^shared/identity/)` },
      to: { path: '(^|/)node_modules/(@azure/|fast-xml-parser|jose)' },
    },
    {
      name: 'only-adapters-import-storage-sdks',
      severity: 'error',
      comment: 'Only shared/adapters/ imports the Azure storage and identity SDKs.',
      from: { path: '^shared/', pathNot: '^shared/adapters/' },
      to: { path: '(^|/)node_modules/@azure/(data-tables|storage-blob|storage-queue|identity)/' },
    },
    {
      name: 'surfaces-never-import-adapters',
      severity: 'error',
      comment: 'A surface speaks to contexts through their ports; only app/ wires adapters in.',
      from: { path: '^shared/surfaces/' },
      to: { path: '^shared/adapters/' },
    },
    {
      name: 'only-app-wires',
      severity: 'error',
      comment: 'Nothing but functions/ and the local host depends on the composition root.',
      from: { path: '^shared/', pathNot: '^shared/app/' },
      to: { path: '^shared/app/' },
    },
    {
      name: 'adapters-serve-contexts',
      severity: 'error',
      comment: 'Adapters implement ports; they never reach up into the edge, the surfaces or app/.',
      from: { path: '^shared/adapters/' },
      to: { path: '^shared/(edge|surfaces|app)/' },
    },
    {
      name: 'edge-is-generic',
      severity: 'error',
      comment: 'The edge holds generic HTTP steps: no surface, no context, no adapter.',
      from: { path: '^shared/edge/' },
      to: { path: '^shared/(surfaces|import-export|scheduler|adapters|app|identity)/' },
    },
    {
      name: 'functions-are-thin',
      severity: 'error',
      comment: 'functions/ registers the tables of app/ and nothing else.',
      from: { path: '^functions/' },
      to: { path: '^shared/', pathNot: '^shared/app/' },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'Every module of the service is reachable from something.',
      from: { orphan: true, path: '^(shared|functions)/' },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
    exclude: { path: '^(dist|\\.deploy|node_modules)/' },
  },
};
