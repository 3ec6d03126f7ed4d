import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGE_REFERENCE_PATH, languageReferenceUrl, ruleById, ruleDocsPath } from '@osa-policy/language';
import type { Io } from '../main.js';
import { ExitCode, UsageError } from '../exit-codes.js';

/** Finds the repository's docs folder above this module (works from out/ and from a bundle). */
function findDocsPage(relative: string): string | undefined {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 6; i++) {
        const candidate = path.join(dir, relative);
        if (fs.existsSync(candidate)) {
            return candidate;
        }
        dir = path.dirname(dir);
    }
    return undefined;
}

export function runExplain(argv: readonly string[], io: Io): number {
    if (argv.length !== 1) {
        throw new UsageError('explain takes one rule id, e.g. `osa explain OSA101`');
    }
    const rule = ruleById(argv[0].toUpperCase());
    if (!rule) {
        throw new UsageError(`${argv[0]} is not a rule id (run \`osa rules\` for the list)`);
    }
    const page = findDocsPage(ruleDocsPath(rule.id));
    if (!page) {
        io.err(`osa: the documentation page ${ruleDocsPath(rule.id)} is not installed with this copy of osa\n`);
        return ExitCode.UsageOrIo;
    }
    const text = fs.readFileSync(page, 'utf-8');
    // Every page ends with where the constructs, properties and terms it mentions are explained.
    io.out(`${text}${text.endsWith('\n') ? '' : '\n'}\nThe language reference (every construct, property and term): `
        + `${LANGUAGE_REFERENCE_PATH} (${languageReferenceUrl()})\n`);
    return ExitCode.Ok;
}
