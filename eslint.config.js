import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', 'coverage/', 'local/java/', 'web/dist/', 'test-results/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // A focused or skipped test left behind silently shrinks what CI proves.
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only' },
        { object: 'it', property: 'skip' },
        { object: 'describe', property: 'only' },
        { object: 'describe', property: 'skip' },
        { object: 'test', property: 'only' },
        { object: 'test', property: 'skip' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    // Tests read JSON answers whose shape is what they assert.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Import boundaries: the domain depends on nothing outward. test/unit/import-boundaries.test.ts
    // plants each forbidden kind of import and checks that this rule refuses it.
    files: ['functions/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.{1,2}/(?:.*/)?(?:api|http|runtime|adapters)(?:/|$)',
              message:
                'The domain depends on nothing outward: no functions/api, http, runtime or adapters. Declare what it needs as a port (functions/ports) or take it as a parameter.',
            },
            {
              regex: '^(?:@aws-sdk/|@smithy/|aws-sdk(?:/|$))',
              message:
                'The domain depends on nothing outward: no AWS SDK. Put the call behind a port (functions/ports) and implement it in functions/adapters.',
            },
            {
              regex: '^(?:aws-lambda(?:/|$)|@middy/|@aws-lambda-powertools/)',
              message:
                'The domain depends on nothing outward: Lambda, Middy and Powertools belong to functions/http and functions/runtime.',
            },
            {
              regex: '^@asteasolutions/zod-to-openapi(?:/|$)',
              message:
                "The domain depends on nothing outward: describe schemas with zod's own .meta(); only functions/api builds the OpenAPI document.",
            },
            {
              regex: '^pino(?:/|$)',
              message:
                'The domain depends on nothing outward: no logger. Return what happened (a result or an error) and let the caller log it.',
            },
            {
              regex: '^(?:node:)?(?:fs|module)(?:/|$)',
              message:
                'The domain reads no files: no node:fs, no createRequire of package files. Put what reads them behind a port (functions/ports) and implement it in functions/adapters.',
            },
            {
              regex: '^(?:(?:pdf-lib|harfbuzzjs)(?:/|$)|@pdf-lib/)',
              message:
                'The domain depends on nothing outward: PDF rendering is the ReceiptRenderer port (functions/ports/receipt-renderer.ts), implemented in functions/adapters/pdf.',
            },
          ],
        },
      ],
    },
  },
  {
    // Ports are the domain's own interfaces: adapters implement them, never the other way round.
    files: ['functions/ports/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.{1,2}/(?:.*/)?adapters(?:/|$)',
              message: 'Ports never import their adapters: an adapter implements a port, so the port cannot know it.',
            },
            {
              regex: '^\\.{1,2}/(?:.*/)?(?:api|http|runtime)(?:/|$)',
              message: 'Ports never import outward: they speak in domain terms, not in functions/api, http or runtime ones.',
            },
            {
              regex: '^(?:@aws-sdk/|@smithy/|aws-sdk(?:/|$))',
              message: 'Ports never import their adapters: the AWS SDK belongs to functions/adapters, behind the port.',
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line tools talk to people on stdout.
    files: ['scripts/**', 'bench/**', 'local/main.ts'],
    rules: { 'no-console': 'off' },
  },
);
