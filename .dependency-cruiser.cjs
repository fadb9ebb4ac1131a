// Module boundaries of DESIGN.md, rule 1: `npm run depcruise` fails CI on a wrong import.
const path = require('node:path');

// Lowest first; modules on one level may not import any module on a later level.
const levels = [
  ['org'],
  ['approvals'],
  ['products'],
  ['customers'],
  ['field', 'channels'],
  ['orders', 'contracts'],
  ['targets'],
  ['marketing', 'service', 'compliance'],
  ['performance'],
  ['reports'],
];

const modulePath = (names) => `^server/src/modules/(${names.join('|')})/`;

const directionRules = levels.slice(0, -1).map((level, index) => ({
  name: `module-direction-${level.join('-')}`,
  severity: 'error',
  comment: `${level.join('/')} sits below ${levels
    .slice(index + 1)
    .map((l) => l.join('/'))
    .join(', ')} and must not import them (DESIGN.md rule 1)`,
  from: { path: modulePath(level) },
  to: { path: modulePath(levels.slice(index + 1).flat()) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make start-up order and module boundaries fragile; type-only cycles are harmless at run time.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'platform-not-to-modules',
      severity: 'error',
      comment: 'The platform serves every module and knows none of them; only the schema aggregate lists their tables.',
      from: { path: '^server/src/platform/', pathNot: '^server/src/platform/db/schema\\.ts$' },
      to: { path: '^server/src/modules/' },
    },
    {
      name: 'module-via-index',
      severity: 'error',
      comment: 'Another module is used only through its index.ts, which names what it offers (DESIGN.md rule 1).',
      from: { path: '^server/src/modules/([^/]+)/' },
      to: { path: '^server/src/modules/([^/]+)/(?!index\\.ts$)', pathNot: '^server/src/modules/$1/' },
    },
    {
      name: 'demo-via-index',
      severity: 'error',
      comment: 'The demo company loads data through what each module offers in its index.ts.',
      from: { path: '^server/src/demo/' },
      to: { path: '^server/src/modules/[^/]+/(?!index\\.ts$)' },
    },
    ...directionRules,
    {
      name: 'module-has-a-level',
      severity: 'error',
      comment: 'Every module needs its place in `levels` above, or the direction rules cannot see it.',
      from: { path: '^server/src/modules/', pathNot: modulePath(levels.flat()) },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    // Absolute: with a relative name TypeScript resolves the `extends` of server/tsconfig.json from the wrong folder.
    tsConfig: { fileName: path.join(__dirname, 'server', 'tsconfig.json') },
    // Type-only imports count too: a boundary holds for types as well as values.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
