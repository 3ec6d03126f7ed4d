import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['packages/*/test/**/*.test.ts'],
        // The CLI and server tests spawn real processes; give them room on a 2-core machine.
        testTimeout: 60_000,
        hookTimeout: 60_000
    }
});
