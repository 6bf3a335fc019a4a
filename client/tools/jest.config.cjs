// The client's build tools, tested in Node (the component tests run in jsdom through Angular's builder): `nx run client:test-tools`.
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.spec.cjs'],
  transform: {},
};
