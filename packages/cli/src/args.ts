import { UsageError } from './exit-codes.js';

export interface ParsedArgs {
    positional: string[];
    options: Map<string, string>;
}

/** Parses `--name value`, `--name=value` and positionals; only the options listed are accepted. */
export function parseArgs(argv: readonly string[], accepted: readonly string[]): ParsedArgs {
    const positional: string[] = [];
    const options = new Map<string, string>();
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
        if (!accepted.includes(name)) {
            throw new UsageError(`unknown option --${name}`);
        }
        const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined) {
            throw new UsageError(`option --${name} needs a value`);
        }
        options.set(name, value);
    }
    return { positional, options };
}

export function choice<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, option: string): T {
    if (value === undefined) {
        return fallback;
    }
    if (!(allowed as readonly string[]).includes(value)) {
        throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got "${value}")`);
    }
    return value as T;
}
