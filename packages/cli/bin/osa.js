#!/usr/bin/env -S node --max-semi-space-size=8
// A smaller young generation keeps peak memory flat on large workspaces (measured on 10,000 files:
// about 280 MB instead of 410 MB, no slower). It only applies when run through this shebang.
import { main } from '../out/main.js';

process.exitCode = await main(process.argv.slice(2));
