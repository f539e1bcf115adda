// Compiles ES-module-only packages to CommonJS for Jest's module registry (Node 20's Jest cannot
// require them). Jest's global setup runs outside that registry, where Node's own require(esm)
// loads them as they are, so there the source is left untouched.
const { createTransformer } = require('@swc/jest');

const inWorker = () => process.env.JEST_WORKER_ID !== undefined;

module.exports = {
  createTransformer(options) {
    const swc = createTransformer(options);
    return {
      canInstrument: false,
      process(source, filename, jestOptions) {
        return inWorker() ? swc.process(source, filename, jestOptions) : { code: source };
      },
      getCacheKey(source, filename, jestOptions) {
        return `${inWorker() ? 'cjs' : 'esm'}:${swc.getCacheKey(source, filename, jestOptions)}`;
      },
    };
  },
};
