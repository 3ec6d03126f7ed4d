import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The osa version (package.json), without what `osa --version` adds: help and usage errors need only this. */
export const TOOL_VERSION: string = (require('../package.json') as { version: string }).version;
