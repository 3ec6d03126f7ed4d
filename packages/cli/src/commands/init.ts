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

/** The starter programme; its comments and example names are catalogue texts, so they follow the locale. */
function starterProgramme(fy: number, locale: Locale): string {
    const t = (id: Parameters<typeof text>[1]) => text(locale, id);
    return `${t('cli.init.programmeComment')}

programme EXAMPLE-FY${fy}-001 {
    title "${t('cli.init.title')}"
    fiscal-year ${fy}
    recipient PHL                  // ${t('cli.init.recipientComment')}
    beneficiary "${t('cli.init.beneficiary')}" kind armed-forces
    modality grant
    amount 500_000_000 JPY

    field rule-of-law {            // ${t('cli.init.fieldComment')}
        activity maritime-surveillance
    }

    provide "${t('cli.init.item')}" quantity 2 category coastal-radar

    assessment {                   // ${t('cli.init.assessmentComment')}
        democracy on-file "${t('cli.init.onFile')}"
        rule-of-law on-file "${t('cli.init.onFile')}"
        human-rights on-file "${t('cli.init.onFile')}"
        socio-economic "${t('cli.init.socioEconomic')}"
        security-needs "${t('cli.init.securityNeeds')}"
        bilateral-relations "${t('cli.init.bilateralRelations')}"
    }

    agreement uses StandardExchangeOfNotes signed ${fy}-09-01
    coordination NSS, MOFA, MOD, JICA
}
`;
}

function starterTemplate(locale: Locale): string {
    return `${text(locale, 'cli.init.templateComment')}

agreement-template StandardExchangeOfNotes {
    title "${text(locale, 'cli.init.templateTitle')}"
    kind exchange-of-notes
    clause information-disclosure
    clause monitoring-and-evaluation results disclosed
    clause no-extra-purpose-use
    clause no-third-party-transfer
    clause un-charter-conformity
}
`;
}

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
        [path.join('shared', 'templates.osa'), starterTemplate(locale)],
        [path.join('programmes', `EXAMPLE-FY${fy}-001.osa`), starterProgramme(fy, locale)]
    ];
    for (const [file, content] of files) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), content, { flag: 'wx' });
        io.out(`${text(locale, 'cli.init.created', { file: path.join(path.relative(process.cwd(), dir) || '.', file) })}\n`);
    }
    io.out(`${text(locale, 'cli.init.next')}\n`);
    return ExitCode.Ok;
}
