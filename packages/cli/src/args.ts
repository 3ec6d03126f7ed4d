import { msg } from '@osa-policy/language/i18n';
import { UsageError } from './exit-codes.js';
import { LOCALE_OPTION } from './locale.js';

export interface ParsedArgs {
    positional: string[];
    options: Map<string, string>;
    flags: Set<string>;
}

/**
 * Parses `--name value`, `--name=value`, boolean `--flag` and positionals. Only the options and flags
 * listed are accepted, and `--locale` everywhere (main.ts has read it already); anything else is a
 * usage error (exit 2).
 */
export function parseArgs(argv: readonly string[], accepted: readonly string[], acceptedFlags: readonly string[] = []): ParsedArgs {
    const positional: string[] = [];
    const options = new Map<string, string>();
    const flags = new Set<string>();
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            positional.push(...argv.slice(i + 1));
            break;
        }
        if (!arg.startsWith('--')) {
            positional.push(arg);
            continue;
        }
        const eq = arg.indexOf('=');
        const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
        if (acceptedFlags.includes(name) && eq < 0) {
            flags.add(name);
            continue;
        }
        if (!accepted.includes(name) && name !== LOCALE_OPTION) {
            throw new UsageError(msg('cli.usage.unknownOption', { option: name }));
        }
        const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined) {
            throw new UsageError(msg('cli.usage.needsValue', { option: name }));
        }
        if (name !== LOCALE_OPTION) {
            options.set(name, value);
        }
    }
    return { positional, options, flags };
}

export function choice<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, option: string): T {
    if (value === undefined) {
        return fallback;
    }
    if (!(allowed as readonly string[]).includes(value)) {
        throw new UsageError(msg('cli.usage.choice', { option, allowed: allowed.join(', '), value }));
    }
    return value as T;
}

export function wholeNumber(value: string | undefined, option: string, min: number): number | undefined {
    if (value === undefined) {
        return undefined;
    }
    if (!/^\d+$/.test(value) || Number(value) < min) {
        throw new UsageError(msg('cli.usage.wholeNumber', { option, min, value }));
    }
    return Number(value);
}
