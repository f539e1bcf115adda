// Jest runs in CommonJS mode on Node 20: NestJS 12 and a few other packages ship ES modules
// only, so those are compiled to CommonJS by SWC along with our TypeScript.
const ESM_PACKAGES = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
  'request-filtering-agent',
];

const aliases = [
  'platform',
  'ledger',
  'members',
  'points',
  'tiers',
  'rewards',
  'referral',
  'insights',
  'campaigns',
  'webhooks',
  'app',
];
// Paths are rewritten at compile time, so the global setup (loaded outside Jest's module
// registry) resolves @vafa/* too.
const paths = Object.fromEntries(aliases.map((a) => [`@vafa/${a}`, [`libs/${a}/src/index.ts`]]));

const swc = (syntax) => [
  syntax === 'typescript' ? '@swc/jest' : '<rootDir>/test/support/esm-packages.transform.js',
  {
    jsc: {
      target: 'es2022',
      parser: syntax === 'typescript' ? { syntax, decorators: true } : { syntax },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
      ...(syntax === 'typescript' ? { baseUrl: __dirname, paths } : {}),
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc('typescript'), '^.+\\.m?js$': swc('ecmascript') },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: Object.fromEntries(
    aliases.map((a) => [`^@vafa/${a}$`, `<rootDir>/libs/${a}/src/index.ts`]),
  ),
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
