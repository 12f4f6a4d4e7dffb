// Lint, and the layering rule from GUIDE.md: a folder may import only what its layer
// allows, and a violation fails `npm test` (VS Code enforces its layers the same way).
// Import cycles are checked by `npm run cycles` (dpdm, run by `npm run lint`), not here:
// import-x/no-cycle skips `import type`, and the cycles this code had were all type-only.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'url', 'util', 'stream'];
const rendererNoNode = {
  group: [...nodeBuiltins, 'electron', 'electron/*', '**/electron/**'],
  message: 'The renderer never gets Node or Electron: talk to the service through the shared contract.',
};
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/', 'playwright-report/', '.bench/', 'bin/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'electron/*', '**/electron/**', '**/renderer/**', 'react', 'react-dom'],
      'shared/ runs in every layer: it may import only other shared/ files (and zod).',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [rendererNoNode] }] },
  },
  {
    // Shared widgets are a layer under the feature folders: `../<feature>/…` from widgets/ is refused.
    files: ['renderer/src/components/widgets/**/*.ts', 'renderer/src/components/widgets/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            rendererNoNode,
            {
              regex: '^\\.\\./[^./]',
              message: 'widgets/ serves every feature folder and imports none of them (only widgets/, hooks/, lib/, transport and shared/).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/library/**/*.ts'],
    rules: restrict(
      ['electron', 'electron/*', '**/renderer/**'],
      'electron/library/ is plain Node so the CLI, browser host and tests run the same code: never import electron.',
    ),
  },
  {
    files: ['electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, '**/library/**', '**/renderer/**', './*', '!./../shared/*'],
              message: 'The preload may import only shared/ and electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/cli/**/*.ts', 'electron/web/**/*.ts'],
    rules: restrict(['electron', 'electron/*', '**/renderer/**'], 'The CLI and the browser host run without Electron.'),
  },
  {
    files: ['**/*.cjs', 'scripts/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
