#!/usr/bin/env -S node --max-semi-space-size=16
// A smaller young generation keeps peak memory flat on large workspaces (measured on 10,000 files:
// about 300 MB instead of 410 MB, and faster). It only applies when run through this shebang.
import module from 'node:module';

// Node 22.1+ keeps compiled code between runs (and for worker threads): start-up is much faster
// from the second run on. Older Node simply compiles each time.
module.enableCompileCache?.();
const { main } = await import('../dist/main.js');
process.exitCode = await main(process.argv.slice(2));
