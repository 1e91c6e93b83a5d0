// @ts-check
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import importX from 'eslint-plugin-import-x';
import playwright from 'eslint-plugin-playwright';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-*/**',
      'node_modules/**',
      'playwright-report/**',
      'test-results/**',
      'bench-results/**',
      '.tmp/**',
      'src/lib/api-schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended-strict'],
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      'import-x/resolver': { typescript: { project: './tsconfig.json' } },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'import-x/no-cycle': 'error',
      'import-x/no-default-export': 'off',
      // Layering: lib, components/ui and test never import features or the app; features never
      // import each other (only app.tsx composes them); browser code never imports the Node demo API.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/lib', from: ['./src/features', './src/app.tsx', './src/main.tsx', './src/demo'] },
            { target: './src/components', from: ['./src/features', './src/app.tsx', './src/main.tsx', './src/demo'] },
            { target: './src/features/run', from: ['./src/features/run-lookup', './src/features/triage', './src/demo'] },
            { target: './src/features/run-lookup', from: ['./src/features/run', './src/features/triage', './src/demo'] },
            { target: './src/features/triage', from: ['./src/features/run', './src/features/run-lookup', './src/demo'] },
            { target: './src/app.tsx', from: './src/demo' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Run data is text, never HTML.',
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
    rules: {
      ...playwright.configs['flat/recommended'].rules,
      'no-console': 'off',
      'react-hooks/rules-of-hooks': 'off',
      // Proving that nothing happens (no further polling) takes a fixed wait; every such wait is
      // followed by an assertion on a request counter.
      'playwright/no-wait-for-timeout': 'off',
      'playwright/expect-expect': [
        'warn',
        { assertFunctionNames: ['expectNoSeriousViolations', 'expectSanePage', 'expectSaneHostilePage', 'expectSane'] },
      ],
    },
  },
  {
    files: ['scripts/**', 'src/demo/**', '*.config.*', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
);
