/** Two projects: node (domain, contracts, server, functions) and weapp (compiled pages under miniprogram-simulate). */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }];
module.exports = {
  // Race tests on the CloudBase fake run with 20 ms ± 10 ms per call: a loaded 2-core CI machine
  // needs more than the default 5 s per test. No test asserts on time.
  testTimeout: 60_000,
  // Most of the suite waits on the fake's per-call latency (timers, not CPU): with `--ci` on a
  // 2-core machine Jest would run one worker; three keep the waits overlapping.
  maxWorkers: 3,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/test/{domain,contracts,server,cloudfunctions}/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
    },
    {
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test'],
      testMatch: ['**/test/weapp/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
  ],
};
