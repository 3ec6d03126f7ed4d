/**
 * SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), for GitHub code scanning, Azure
 * DevOps and other SARIF viewers. One run; the driver describes every rule plus the pseudo-rules
 * `syntax` (the language's own errors) and `suppression` (misused suppression comments).
 *
 * - Paths inside the current directory are relative URIs against the base id `SRCROOT`, which
 *   `originalUriBaseIds` maps to the current directory; paths outside it are absolute `file:` URIs.
 * - Regions are 1-based; `endColumn` is exclusive, as SARIF wants, and columns count UTF-16 code units
 *   (`columnKind`), as the language server does.
 * - Suppressed findings are results with an `inSource` suppression carrying the reason and the
 *   location of the suppressing comment, so the audit trail survives the upload.
 * - Paths that could not be validated (missing, unreadable, too large, invalid configuration) are
 *   error notifications of the single invocation, whose `executionSuccessful` is then false.
 * - Results come file by file in path order: a file's findings in position order, then its suppressed
 *   findings. Message texts are the plain-text messages, unchanged: osa writes no SARIF embedded links
 *   (`[text](id)`), and the spec defines bracket escaping only inside such links.
 * - Results carry the catalogue id of their message in `properties.messageId` (the same in every
 *   locale); with `--locale ja` the texts, rule summaries and help pages are the Japanese ones.
 * - No timestamps, GUIDs or durations: the same run in the same directory gives the same bytes.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    LANGUAGE_CODE, localize, msg, REPOSITORY_URL, ruleDocsUrl, ruleSummary, type Locale, type Message, type MessageId, type Range1,
    type ReportedDiagnostic, type RuleMeta, type Severity
} from '@osa-policy/language';
import type { FormatContext, Formatter } from './format.js';
import { docsUrlOf, RULES_README_URL, SUPPRESSION_CODE } from './rule-docs.js';
import { displayPath } from './summary.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = 'SRCROOT';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

interface ArtifactLocation {
    uri: string;
    uriBaseId?: string;
    index?: number;
}

interface PhysicalLocation {
    artifactLocation: ArtifactLocation;
    region?: { startLine: number; startColumn: number; endLine: number; endColumn: number };
}

interface SarifLocation {
    id?: number;
    physicalLocation: PhysicalLocation;
    message?: { text: string };
}

interface ReportingDescriptor {
    id: string;
    name: string;
    shortDescription: { text: string };
    fullDescription: { text: string };
    helpUri: string;
    defaultConfiguration: { level: SarifLevel };
    properties: Record<string, unknown>;
}

/** Descriptors of the two codes that are not rules; their docs are sections of docs/rules/README.md. */
function pseudoRules(locale: Locale): ReportingDescriptor[] {
    const t = (id: MessageId) => localize(msg(id), locale);
    return [
        {
            id: LANGUAGE_CODE,
            name: 'syntax',
            shortDescription: { text: t('cli.sarif.syntax.short') },
            fullDescription: { text: t('cli.sarif.syntax.full') },
            helpUri: docsUrlOf(LANGUAGE_CODE, [])!,
            defaultConfiguration: { level: 'error' },
            properties: { clause: null, family: 'language', tags: ['osa', 'language'] }
        },
        {
            id: SUPPRESSION_CODE,
            name: 'suppression',
            shortDescription: { text: t('cli.sarif.suppression.short') },
            fullDescription: { text: t('cli.sarif.suppression.full') },
            helpUri: docsUrlOf(SUPPRESSION_CODE, [])!,
            defaultConfiguration: { level: 'warning' },
            properties: { clause: null, family: 'suppression', tags: ['osa', 'suppression'] }
        }
    ];
}

/** How a rule's clause reads in its full description. */
function clauseSentence(clause: string): Message {
    if (clause.startsWith('§')) {
        return msg('cli.sarif.clause.guideline', { clause });
    }
    if (clause === 'data' || clause === 'portfolio') {
        return msg(`cli.sarif.clause.${clause}`);
    }
    return msg('cli.sarif.clause.other', { clause });
}

function ruleDescriptor(rule: RuleMeta, locale: Locale): ReportingDescriptor {
    const summary = ruleSummary(rule, locale);
    return {
        id: rule.id,
        name: rule.name,
        shortDescription: { text: summary },
        // Sentences join with a space in English, with none after 。 in Japanese.
        fullDescription: { text: localize(msg('cli.sarif.fullDescription', { summary, clause: clauseSentence(rule.clause) }), locale) },
        helpUri: ruleDocsUrl(rule.id, locale),
        defaultConfiguration: { level: LEVEL[rule.severity] },
        properties: {
            clause: rule.clause,
            family: rule.family,
            tags: ['osa', rule.family],
            ...(rule.exceptionSeverity ? { exceptionLevel: LEVEL[rule.exceptionSeverity] } : {})
        }
    };
}

/** A descriptor for a code in the run that neither the rule list nor the pseudo-rules know. */
function unknownDescriptor(id: string, locale: Locale): ReportingDescriptor {
    return {
        id,
        name: id,
        shortDescription: { text: localize(msg('cli.sarif.unknown.short', { id }), locale) },
        fullDescription: { text: localize(msg('cli.sarif.unknown.full', { id }), locale) },
        helpUri: RULES_README_URL,
        defaultConfiguration: { level: 'warning' },
        properties: { clause: null, family: 'unknown', tags: ['osa'] }
    };
}

/** Percent-encodes each segment of a forward-slash path, keeping the slashes. */
export function encodeUriPath(slashPath: string): string {
    return slashPath.split('/').map(segment => encodeURIComponent(segment)).join('/');
}

/** The file URI of a folder, with the trailing slash a base URI needs. */
function folderUri(folder: string): string {
    const href = pathToFileURL(folder).href;
    return href.endsWith('/') ? href : href + '/';
}

/** A region SARIF accepts: 1-based, the end not before the start. */
function region(range: Range1): NonNullable<PhysicalLocation['region']> {
    const startLine = Math.max(1, range.start.line);
    const startColumn = Math.max(1, range.start.column);
    let endLine = Math.max(startLine, range.end.line);
    let endColumn = Math.max(1, range.end.column);
    if (range.end.line < startLine || (endLine === startLine && endColumn < startColumn)) {
        endLine = startLine;
        endColumn = startColumn;
    }
    return { startLine, startColumn, endLine, endColumn };
}

export const formatSarif: Formatter = (run, context) => {
    const locale = context.locale ?? 'en';
    const artifactIndex = new Map<string, number>();
    run.reports.forEach((report, index) => artifactIndex.set(report.path, index));

    const artifactLocation = (file: string, withIndex = true): ArtifactLocation => {
        const shown = displayPath(file, context.cwd);
        const location: ArtifactLocation = path.isAbsolute(shown)
            ? { uri: pathToFileURL(file).href }
            : { uri: encodeUriPath(shown), uriBaseId: SRCROOT };
        const index = withIndex ? artifactIndex.get(file) : undefined;
        return index === undefined ? location : { ...location, index };
    };

    const descriptors = describeRules(run.reports.flatMap(r => [...r.diagnostics, ...r.suppressed]), context);
    const ruleIndex = new Map(descriptors.map((d, i) => [d.id, i]));

    const result = (file: string, d: ReportedDiagnostic) => ({
        ruleId: d.rule,
        ruleIndex: ruleIndex.get(d.rule)!,
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(file), region: region(d.range) } }],
        ...(d.related?.length
            ? {
                relatedLocations: d.related.map((r, id): SarifLocation => ({
                    id,
                    physicalLocation: { artifactLocation: artifactLocation(r.path), region: region(r.range) },
                    message: { text: r.message }
                }))
            }
            : {}),
        // The catalogue id of the message: stable across locales, for tools that match findings by kind.
        ...(d.messageId ? { properties: { messageId: d.messageId } } : {})
    });

    const results = run.reports.flatMap(report => [
        ...report.diagnostics.map(d => result(report.path, d)),
        ...report.suppressed.map(s => ({
            ...result(report.path, s),
            suppressions: [{
                kind: 'inSource',
                status: 'accepted',
                justification: s.suppression.reason,
                location: { physicalLocation: { artifactLocation: artifactLocation(report.path), region: region(s.suppression.range) } },
                properties: { scope: s.suppression.kind }
            }]
        }))
    ]);

    const notifications = run.problems.map(problem => ({
        level: 'error',
        message: { text: problem.message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(problem.path) } }]
    }));

    const sarif = {
        $schema: SARIF_SCHEMA_URI,
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'osa',
                    fullName: localize(msg('cli.sarif.fullName'), locale),
                    version: context.version,
                    semanticVersion: context.version,
                    informationUri: REPOSITORY_URL,
                    rules: descriptors
                }
            },
            invocations: [{
                executionSuccessful: run.problems.length === 0,
                ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {})
            }],
            originalUriBaseIds: { [SRCROOT]: { uri: folderUri(context.cwd) } },
            artifacts: run.reports.map(report => ({
                location: artifactLocation(report.path, false), roles: ['analysisTarget'], sourceLanguage: 'osa'
            })),
            columnKind: 'utf16CodeUnits',
            results
        }]
    };
    return JSON.stringify(sarif, null, 2) + '\n';
};

/** Every rule of the context, then `syntax` and `suppression`, then any other code the run uses. */
function describeRules(diagnostics: readonly ReportedDiagnostic[], context: FormatContext): ReportingDescriptor[] {
    const locale = context.locale ?? 'en';
    const descriptors = [...context.rules.map(rule => ruleDescriptor(rule, locale)), ...pseudoRules(locale).filter(p => !context.rules.some(r => r.id === p.id))];
    const known = new Set(descriptors.map(d => d.id));
    const unknown = [...new Set(diagnostics.map(d => d.rule).filter(id => !known.has(id)))].sort();
    return [...descriptors, ...unknown.map(id => unknownDescriptor(id, locale))];
}
