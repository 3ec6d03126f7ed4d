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

function starterProgramme(fy: number): string {
    return `// A starter OSA programme sheet. Replace the example content with the programme's own;
// run \`osa validate\` to check it against the Implementation Guidelines, and
// \`osa explain <ID>\` to read about any finding.

programme EXAMPLE-FY${fy}-001 {
    title "Coastal surveillance radars for the Navy"
    fiscal-year ${fy}
    recipient PHL                  // ISO 3166-1 alpha-3 code of the recipient country
    beneficiary "Philippine Navy" kind armed-forces
    modality grant
    amount 500_000_000 JPY

    field rule-of-law {            // rule-of-law, humanitarian or peace-cooperation (§2(2))
        activity maritime-surveillance
    }

    provide "Coastal surveillance radar" quantity 2 category coastal-radar

    assessment {                   // the six topics weighed when choosing a recipient (§3(2))
        democracy on-file "Reference of the assessment on file"
        rule-of-law on-file "Reference of the assessment on file"
        human-rights on-file "Reference of the assessment on file"
        socio-economic "Lower-middle-income country on the DAC List of ODA Recipients"
        security-needs "Maritime domain awareness"
        bilateral-relations "Strategic partnership"
    }

    agreement uses StandardExchangeOfNotes signed ${fy}-09-01
    coordination NSS, MOFA, MOD, JICA
}
`;
}

const STARTER_TEMPLATE = `// The clauses every OSA agreement must contain (§3(3)); programmes use it with
// \`agreement uses StandardExchangeOfNotes signed YYYY-MM-DD\`.

agreement-template StandardExchangeOfNotes {
    title "Exchange of notes with the standard OSA conditions"
    kind exchange-of-notes
    clause information-disclosure
    clause monitoring-and-evaluation results disclosed
    clause no-extra-purpose-use
    clause no-third-party-transfer
    clause un-charter-conformity
}
`;

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
        [path.join('shared', 'templates.osa'), STARTER_TEMPLATE],
        [path.join('programmes', `EXAMPLE-FY${fy}-001.osa`), starterProgramme(fy)]
    ];
    for (const [file, content] of files) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), content, { flag: 'wx' });
        io.out(`${text(locale, 'cli.init.created', { file: path.join(path.relative(process.cwd(), dir) || '.', file) })}\n`);
    }
    io.out(`${text(locale, 'cli.init.next')}\n`);
    return ExitCode.Ok;
}
