import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // On PostgreSQL, every statement the application sends must name its campaign
    // (docs/operations.md, "Citus").
    setupFiles: ['src/server/testing/campaign-scope-setup.ts'],
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    // Polls wait on real mail delivered over SMTP by the dispatcher, as `smtp.waitFor` does:
    // 10 s, not 1 s, on a busy 2-core machine.
    expect: { poll: { timeout: 10_000 } },
  },
});
