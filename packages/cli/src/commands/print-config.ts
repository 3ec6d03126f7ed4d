import * as path from 'node:path';
import { ALL_RULES, ConfigError, type Locale, dataEditions, EXTENSIBLE_VOCABULARIES, neutralise, findWorkspaceRoot, today, WorkspaceChecker, type AddedTerm, type TermInfo } from '@osa-policy/language';
import type { Io } from '../main.js';
import { ExitCode } from '../exit-codes.js';
import { text } from '../locale.js';

/**
 * `osa validate --print-config <file>`: what applies to one file and why: the config file found (or
 * given), the workspace, each rule's severity and where it comes from, ignores, reference data, and the terms the
 * workspace adds to the vocabularies.
 */
export function printConfig(file: string, configFile: string | undefined, io: Io, trusted = false, asOf?: string, locale: Locale = 'en'): number {
    const target = path.resolve(file);
    const root = findWorkspaceRoot(target, process.cwd(), configFile);
    const checker = new WorkspaceChecker({ configFile, trusted, locale });
    let config;
    try {
        config = checker.configAt(path.dirname(target));
    } catch (error) {
        if (error instanceof ConfigError) {
            io.err(`${text(locale, 'cli.printConfig.invalid', { message: neutralise(error.messageIn(locale)) })}\n`);
            return ExitCode.UsageOrIo;
        }
        throw error;
    }
    const added = config.contents.referenceData ?? {};
    const report = {
        file: target,
        workspaceRoot: root,
        configFile: config.file ?? null,
        configSource: configFile ? '--config' : config.file ? 'nearest osa.config.json above the file' : 'none found: defaults',
        ignored: config.isFileIgnored(target),
        ignore: config.contents.ignore ?? [],
        checkDate: asOf ?? config.contents.asOf ?? today(),
        checkDateSource: asOf ? '--as-of' : config.contents.asOf ? 'config asOf' : 'today',
        rules: ALL_RULES.map(rule => {
            const configured = config.severityOf(rule.id);
            const setting = config.contents.rules?.[rule.id];
            return {
                id: rule.id,
                name: rule.name,
                severity: configured ?? rule.severity,
                default: rule.severity,
                source: configured ? 'config' : 'default',
                ignoreGlobs: typeof setting === 'object' ? setting.ignore ?? [] : [],
                ignoredForThisFile: config.isRuleIgnored(rule.id, target),
                ...(rule.exceptionSeverity ? { exceptionSeverity: rule.exceptionSeverity } : {})
            };
        }),
        referenceData: {
            shipped: dataEditions(),
            added: {
                inCombat: added.inCombat?.length ?? 0,
                conflictParties: added.conflictParties?.length ?? 0,
                embargoes: added.embargoes?.length ?? 0,
                dacList: added.dacList ? path.resolve(config.root, added.dacList) : null
            }
        },
        // The terms the workspace adds, with their classification as the rules read it.
        vocabulary: Object.fromEntries(EXTENSIBLE_VOCABULARIES.map(vocabulary => [vocabulary, Object.fromEntries(
            [...(config.terms.added?.[vocabulary] ?? new Map<string, AddedTerm<TermInfo>>()).entries()].map(([term, info]) => {
                const { addedBy: _file, ...classification } = info;
                return [term, classification];
            })
        )]))
    };
    io.out(JSON.stringify(report, null, 2) + '\n');
    return ExitCode.Ok;
}
