import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import jest from 'eslint-plugin-jest';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@vafa/*/*'],
              message: 'Reach a library only through its index (@vafa/name).',
            },
            {
              group: ['**/libs/*/src/**'],
              message: 'Reach a library only through its index (@vafa/name).',
            },
          ],
        },
      ],
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
          assertFunctionNames: ['expect', 'expect*', 'request.**.expect', '**.expect*', 'assert*'],
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
