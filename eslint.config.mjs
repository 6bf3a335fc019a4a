import nx from '@nx/eslint-plugin';

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.angular', 'tmp', 'e2e/.artifacts', 'coverage'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      // The architecture in one rule: api and client meet only in contract; contract depends on nothing.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:contract'] },
            { sourceTag: 'scope:client', onlyDependOnLibsWithTags: ['scope:contract'] },
            { sourceTag: 'scope:contract', onlyDependOnLibsWithTags: ['scope:contract'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:contract'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'error',
    },
  },
  {
    // Contract is shared with the browser: no framework imports.
    files: ['contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', '@angular/*', 'typeorm'] }],
    },
  },
  {
    // The client may use the DTO classes' types, never their values: that would ship class-validator to the browser.
    files: ['client/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['auth', 'organisations', 'users', 'networks', 'covenant', 'cases', 'questions', 'meetings', 'minutes', 'validators'].map(
            (file) => ({
              name: `@casustafel/contract/${file}`,
              allowTypeImports: true,
              message: 'Import only types from DTO files in the client; plain values live in enums, limits and case-rules.',
            }),
          ),
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.api-spec.ts', 'e2e/**/*.ts', 'api/test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
];
