/**
 * The identity of a file's content for the result cache: SHA-256 of its bytes. A cryptographic hash,
 * because the files come from a repository under check: two different texts must never share results.
 */
import { createHash } from 'node:crypto';

export function contentHash(bytes: Uint8Array | string): string {
    return createHash('sha256').update(bytes).digest('hex');
}
