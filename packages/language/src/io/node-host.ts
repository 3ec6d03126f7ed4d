/**
 * The workspace on disk (CLI, language server, tests). The playground's build replaces this module by
 * memory-host.ts, so nothing that imports it may rely on more than the HostFiles interface.
 */
import * as fs from 'node:fs';
import type { HostFiles } from './host-files.js';
import { readTextFile } from './safe-read.js';

export const hostFiles: HostFiles = {
    exists: file => fs.existsSync(file),
    readText: readTextFile
};
