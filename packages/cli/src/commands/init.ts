import * as fs from 'node:fs';
import * as path from 'node:path';
import { msg, type Locale } from '@osa-policy/language';
import type { Io } from '../main.js';
import { ExitCode, UsageError } from '../exit-codes.js';
import { text, withoutLocale } from '../locale.js';

/** The Japanese fiscal year (April to March) that `date` falls in. */
export function fiscalYearOf(date: Date): number {
    return date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
}

/** The starter files' texts are in the catalogue, so their comments and example names follow the locale. */
const STARTER_CONFIG = `{
  "rules": {},
  "ignore": []
}
`;

/** `osa init [dir]`: a starter workspace in an empty (or new) folder; never overwrites anything. */
export function runInit(argv: readonly string[], io: Io, today = new Date(), locale: Locale = 'en'): number {
    const args = withoutLocale(argv);
    if (args.length > 1) {
        throw new UsageError(msg('cli.usage.initOneFolder'));
    }
    const dir = path.resolve(args[0] ?? '.');
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
        io.err(`${text(locale, 'cli.init.notEmpty', { dir })}\n`);
        return ExitCode.UsageOrIo;
    }
    const fy = fiscalYearOf(today);
    const files: [string, string][] = [
        ['osa.config.json', STARTER_CONFIG],
        [path.join('shared', 'templates.osa'), text(locale, 'cli.init.template')],
        [path.join('programmes', `EXAMPLE-FY${fy}-001.osa`), text(locale, 'cli.init.programme', { fy })]
    ];
    for (const [file, content] of files) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), content, { flag: 'wx' });
        io.out(`${text(locale, 'cli.init.created', { file: path.join(path.relative(process.cwd(), dir) || '.', file) })}\n`);
    }
    io.out(`${text(locale, 'cli.init.next')}\n`);
    return ExitCode.Ok;
}
