import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['packages/*/test/**/*.test.ts'],
        // No test depends on the machine's locale (LANG=ja_JP would make the CLI speak Japanese).
        setupFiles: ['packages/cli/test/test-environment.ts'],
        // The CLI and server tests spawn real processes; give them room on a 2-core machine.
        testTimeout: 60_000,
        hookTimeout: 60_000
    }
});
