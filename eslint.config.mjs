import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import jest from 'eslint-plugin-jest';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const LIBRARY_INDEX_ONLY = [
  { group: ['@vafa/*/*'], message: 'Reach a library only through its index (@vafa/name).' },
  { group: ['**/libs/*/src/**'], message: 'Reach a library only through its index (@vafa/name).' },
];
/**
 * From apps/<x>/src or libs/<x>/src, a relative import through a `src` folder goes into another
 * project (apps/worker → ../../api/src/app.module, or a lib's internals by a relative path).
 */
const LEAVING_THE_PROJECT = {
  group: ['../**/src/**'],
  message: 'Reach other code through a library index (@vafa/name); apps never import apps.',
};
/** The Nest apps; the console is a Vite app with its own tsconfig. */
const SERVER_APPS = ['api', 'worker', 'cli'];
/** Rules override one another whole: every folder's restrictions start from the index rule. */
const restrictImports = (...patterns) => [
  'error',
  { patterns: [...LIBRARY_INDEX_ONLY, ...patterns] },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.vafa/**',
      '**/*.js',
      '*.mjs',
      'test-artifacts/**',
      'apps/console/src/api/schema.d.ts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': restrictImports(),
    },
  },
  {
    // Apps import libraries only, never one another (what two apps share belongs in a lib), and
    // a lib reaches another only through its index, relative paths included.
    files: [...SERVER_APPS.map((app) => `apps/${app}/**/*.ts`), 'libs/**/*.ts'],
    rules: { 'no-restricted-imports': restrictImports(LEAVING_THE_PROJECT) },
  },
  {
    // Tests and benchmarks drive the apps as built programs or through libs (@vafa/app builds
    // the API), never through an app's source.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports({
        group: ['**/apps/**'],
        message: 'Tests and benchmarks import libraries (@vafa/name), not apps.',
      }),
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
    ignores: ['test/console/**'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      // Money-moving suites check the ledger audit once more when they close.
      'jest/no-standalone-expect': ['error', { additionalTestBlockFunctions: ['afterAll'] }],
      'jest/expect-expect': [
        'error',
        {
          // fast-check's fc.assert throws the counterexample it finds: a property test asserts.
          assertFunctionNames: [
            'expect',
            'expect*',
            'request.**.expect',
            '**.expect*',
            'assert*',
            'fc.assert',
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The web console: its own browser tsconfig (apps/console/tsconfig.json, found by the
    // project service) and React's rules of hooks.
    files: ['apps/console/**/*.{ts,tsx,mts}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
  },
  {
    files: ['apps/console/test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    // Plain Node scripts outside the TypeScript project: linted without type information.
    files: ['scripts/**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  prettier,
  // After Prettier's config, which turns `curly` off: braces on every block, one shape for all.
  { rules: { curly: ['error', 'all'] } },
);
