const { availableParallelism } = require('node:os');

// Two jest projects: fast unit tests beside the code, and HTTP-level tests against the real app.
const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    // otplib's default plugins load @scure/base and @noble/hashes, which are ES modules only: Node
    // (>= 20.19) requires them as they are, Jest needs them turned into CommonJS.
    '^.+\\.js$': ['babel-jest', { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] }],
  },
  transformIgnorePatterns: ['^(?!.*/node_modules/(@scure|@noble)/).*/node_modules/'],
  moduleNameMapper: { '^@casustafel/contract/(.*)$': '<rootDir>/../contract/src/$1' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
module.exports = {
  // At least two workers, also on a two-core machine (Jest's default there is one): the API tests,
  // the write-route fuzzer's two shards above all, are CPU-bound and independent.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...shared, displayName: 'api', testMatch: ['<rootDir>/test/**/*.api-spec.ts'] },
  ],
};
