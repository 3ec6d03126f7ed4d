/**
 * The two things the configuration model needs from wherever a workspace lives: whether a file
 * exists (to find the nearest osa.config.json) and a file's text, read within limits. On Node this is
 * the disk through safe-read (io/node-host.ts); in the browser playground it is the in-memory
 * workspace (io/memory-host.ts), swapped in by the playground's bundler. The rules never see either.
 */
import type { ReadOptions, TextResult } from './text.js';

export interface HostFiles {
    exists(file: string): boolean;
    readText(file: string, options: ReadOptions): TextResult;
}
