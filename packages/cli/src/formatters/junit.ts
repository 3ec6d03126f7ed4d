/**
 * JUnit XML, the common subset that Jenkins (JUnit plugin) and GitLab (`artifacts:reports:junit`)
 * read. The mapping:
 *
 *   <testsuites name="osa" tests= failures= errors=>       the whole run
 *     <testsuite name="PATH" tests= failures= errors=>     one per validated file, in path order
 *       <testcase classname="RULE" name="LINE:COL RULE MESSAGE-START" file="PATH">   one per finding
 *
 * - classname is the rule id, or `syntax` / `suppression`, so Jenkins groups findings by rule; the
 *   file is the suite name and the `file` attribute (GitLab's "Filename" column).
 * - name is `line:col rule` and the first line of the message, cut at a word before 80 characters.
 * - Errors and warnings are failures: <failure message="full message" type="error|warning">, whose
 *   body repeats the location, severity, rule and clause, the related locations and the docs link.
 *   (Warnings fail the test report although they do not fail `osa validate`'s exit code: a CI test
 *   report is where a reviewer should see them.)
 * - Infos are passing test cases with the same details in <system-out>: they are information, not
 *   defects, so they must not turn a report red; GitLab and Jenkins still list them with the output.
 * - Suppressed findings are skipped test cases, <skipped message="suppressed (next-line|file): REASON">,
 *   so the waivers stay visible in the report.
 * - A file with no findings at all has one passing test case, classname `osa`, name `no findings`,
 *   so that every validated file appears.
 * - A path that could not be validated (missing, unreadable, too large, invalid configuration) is a
 *   suite of its own named after the path, with one test case (classname `osa`, name
 *   `input problem`) holding an <error message="MESSAGE" type="input"/>; these count as `errors`.
 *
 * Messages, reasons and paths are repository text: their control characters are shown escaped
 * (`\n`, `\x1b`), as in the terminal formats, since CI systems print these texts in logs and pages.
 * Then text is escaped for XML (& < > " ' as entities; tabs, carriage returns and newlines in
 * attributes as character references), and any character XML 1.0 forbids that is left (lone
 * surrogates, U+FFFE, U+FFFF) is shown as `\uXXXX`. There are no timestamps, times or host names:
 * the same run gives the same bytes.
 */
import { codePointEscape, localize, msg, neutralise, prefixWithin, type ReportedDiagnostic } from '@osa-policy/language';
import type { Formatter } from './format.js';
import { docsUrlOf } from './rule-docs.js';
import { relatedLine, textPath } from './summary.js';

const NAME_LENGTH = 80;

// Everything outside XML 1.0's Char production; with the `u` flag, paired surrogates are one code point.
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe for both element content and attribute values (double- or single-quoted). */
export function escapeXml(text: string, attribute = false): string {
    const escaped = text.replace(ILLEGAL_XML, codePointEscape)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;')
        .replace(/\r/g, '&#13;');
    // In attributes a literal newline or tab would be normalised to a space by the parser.
    return attribute ? escaped.replace(/\n/g, '&#10;').replace(/\t/g, '&#9;') : escaped;
}

/** An element: attributes, then either nothing, text content, or child elements. */
interface XmlElement {
    name: string;
    attributes: Record<string, string | number>;
    content?: string | XmlElement[];
}

function element(name: string, attributes: Record<string, string | number>, content?: string | XmlElement[]): XmlElement {
    return { name, attributes, content };
}

/** Child elements are indented by two spaces a level; text content is written exactly as it is. */
function render(e: XmlElement, depth = 0): string {
    const pad = '  '.repeat(depth);
    const attrs = Object.entries(e.attributes).map(([k, v]) => ` ${k}="${escapeXml(String(v), true)}"`).join('');
    if (e.content === undefined || e.content.length === 0) {
        return `${pad}<${e.name}${attrs}/>`;
    }
    if (typeof e.content === 'string') {
        return `${pad}<${e.name}${attrs}>${escapeXml(e.content)}</${e.name}>`;
    }
    return `${pad}<${e.name}${attrs}>\n${e.content.map(c => render(c, depth + 1)).join('\n')}\n${pad}</${e.name}>`;
}

function firstLine(message: string): string {
    const line = message.split(/\r?\n/, 1)[0].trim();
    if (line.length <= NAME_LENGTH) {
        return line;
    }
    // Whole characters only: half a surrogate pair (𠮷, an emoji) would print as U+FFFD.
    const cut = prefixWithin(line, NAME_LENGTH - 1);
    const space = cut.lastIndexOf(' ');
    return (space > NAME_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

interface Counts {
    tests: number;
    failures: number;
    errors: number;
    skipped: number;
}

export const formatJunit: Formatter = (run, context) => {
    const shown = (file: string) => textPath(file, context.cwd);
    const locale = context.locale ?? 'en';
    const total: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    const suites: XmlElement[] = [];

    const details = (file: string, d: ReportedDiagnostic): string => [
        `${shown(file)}:${d.range.start.line}:${d.range.start.column}`,
        `${localize(msg(`cli.severity.${d.severity}`), locale)} ${d.rule}${d.clause ? ` (${d.clause})` : ''}`,
        neutralise(d.message),
        ...(d.related ?? []).map(r => relatedLine(r, context.cwd, locale)),
        ...[docsUrlOf(d.rule, context.rules, locale)].filter(url => url !== undefined).map(url => localize(msg('cli.docs', { url }), locale))
    ].join('\n');

    const testcase = (file: string, d: ReportedDiagnostic, child: XmlElement) => element('testcase', {
        classname: d.rule,
        name: `${d.range.start.line}:${d.range.start.column} ${d.rule} ${firstLine(neutralise(d.message))}`,
        file: shown(file)
    }, [child]);

    for (const report of run.reports) {
        const counts: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
        const cases: XmlElement[] = [];
        for (const d of report.diagnostics) {
            counts.tests++;
            if (d.severity === 'info') {
                cases.push(testcase(report.path, d, element('system-out', {}, details(report.path, d))));
            } else {
                counts.failures++;
                cases.push(testcase(report.path, d, element('failure', { message: neutralise(d.message), type: d.severity }, details(report.path, d))));
            }
        }
        for (const s of report.suppressed) {
            counts.tests++;
            counts.skipped++;
            cases.push(testcase(report.path, s, element('skipped', { message: localize(msg('cli.junit.suppressed', { kind: s.suppression.kind, reason: neutralise(s.suppression.reason) }), locale) })));
        }
        if (cases.length === 0) {
            counts.tests++;
            cases.push(element('testcase', { classname: 'osa', name: localize(msg('cli.junit.noFindings'), locale), file: shown(report.path) }));
        }
        suites.push(element('testsuite', { name: shown(report.path), ...counts }, cases));
        add(total, counts);
    }

    const problemPaths = [...new Set(run.problems.map(p => p.path))];
    for (const file of problemPaths) {
        const problems = run.problems.filter(p => p.path === file);
        const counts: Counts = { tests: problems.length, failures: 0, errors: problems.length, skipped: 0 };
        suites.push(element('testsuite', { name: shown(file), ...counts }, problems.map(p => element('testcase', {
            classname: 'osa', name: localize(msg('cli.junit.inputProblem'), locale), file: shown(file)
        }, [element('error', { message: neutralise(p.message), type: 'input' })]))));
        add(total, counts);
    }

    return '<?xml version="1.0" encoding="UTF-8"?>\n'
        + render(element('testsuites', { name: 'osa', ...total }, suites))
        + '\n';
};

function add(total: Counts, counts: Counts): void {
    total.tests += counts.tests;
    total.failures += counts.failures;
    total.errors += counts.errors;
    total.skipped += counts.skipped;
}
