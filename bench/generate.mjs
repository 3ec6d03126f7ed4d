// Generated workspaces for the benchmarks: small programme files, deterministic.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPLATE = fs.readFileSync(path.join(REPO, 'examples/shared/templates.osa'), 'utf-8');
const TEMPLATE_NAME = 'StandardExchangeOfNotes';
const RECIPIENTS = ['PHL', 'BGD', 'MYS', 'FJI', 'IDN', 'MNG', 'DJI', 'VNM', 'LKA', 'TLS', 'PNG', 'THA'];

/**
 * The kind and clauses of the standard template, read from the template file itself, so that a programme
 * that states its clauses inline (and the YAML of bench/peer-data.mjs) carries exactly what the template gives.
 */
export const TEMPLATE_AGREEMENT = {
    kind: /^\s*kind (\S+)/m.exec(TEMPLATE)[1],
    clauses: [...TEMPLATE.matchAll(/^\s*clause (\S+)(?: results (\S+))?(?: "([^"]*)")?/gm)].map(([, clause, results, text]) =>
        ({ clause, ...(results ? { results } : {}), ...(text ? { text } : {}) }))
};

/**
 * The facts of programme `i` as plain data (the source of both its `.osa` text and its YAML). With `omitClause`,
 * the agreement states the template's clauses inline except that one, instead of using the template.
 */
export function programmeFacts(i, { omitClause } = {}) {
    const recipient = RECIPIENTS[i % RECIPIENTS.length];
    const onFile = { 'on-file': 'Assessment on file' };
    const signed = '2025-06-01';
    return {
        programme: `GEN-${String(i).padStart(6, '0')}`,
        title: `Coastal radar number ${i} for ${recipient}`,
        'fiscal-year': 2025,
        recipient,
        beneficiaries: [{ name: 'Navy', kind: 'armed-forces' }],
        modality: 'grant',
        amount: { value: 100_000_000, currency: 'JPY' },
        fields: [{ field: 'rule-of-law', activities: ['maritime-surveillance'] }],
        provide: [{ name: 'Coastal radar', quantity: 2, category: 'coastal-radar' }],
        assessment: {
            'democracy': onFile,
            'rule-of-law': onFile,
            'human-rights': onFile,
            'socio-economic': 'Lower-middle-income country',
            'security-needs': 'Maritime domain awareness',
            'bilateral-relations': 'Strategic partnership'
        },
        agreement: omitClause
            ? { kind: TEMPLATE_AGREEMENT.kind, signed, clauses: TEMPLATE_AGREEMENT.clauses.filter(c => c.clause !== omitClause) }
            : { uses: TEMPLATE_NAME, signed },
        coordination: ['NSS', 'MOFA', 'MOD', 'JICA']
    };
}

const quote = text => `"${text.replaceAll('"', '\\"')}"`;
const digitGroups = value => String(value).replace(/\B(?=(\d{3})+$)/g, '_');

/** The `.osa` text of a programme's facts (programmeFacts). */
export function renderProgramme(facts) {
    const assessment = Object.entries(facts.assessment).map(([topic, value]) =>
        `        ${topic} ${typeof value === 'string' ? quote(value) : `on-file ${quote(value['on-file'])}`}\n`).join('');
    const { uses, kind, signed, clauses = [] } = facts.agreement;
    const agreement = `    agreement${uses ? ` uses ${uses}` : ''}${kind ? ` kind ${kind}` : ''} signed ${signed}\n`
        + clauses.map(c => `        clause ${c.clause}${c.results ? ` results ${c.results}` : ''}${c.text ? ` ${quote(c.text)}` : ''}\n`).join('');
    return `programme ${facts.programme} {
    title ${quote(facts.title)}
    fiscal-year ${facts['fiscal-year']}
    recipient ${facts.recipient}
${facts.beneficiaries.map(b => `    beneficiary ${quote(b.name)} kind ${b.kind}\n`).join('')}    modality ${facts.modality}
    amount ${digitGroups(facts.amount.value)} ${facts.amount.currency}
${facts.fields.map(f => `    field ${f.field} {\n${f.activities.map(a => `        activity ${a}\n`).join('')}    }\n`).join('')}${facts.provide.map(p => `    provide ${quote(p.name)} quantity ${p.quantity} category ${p.category}\n`).join('')}    assessment {
${assessment}    }
${agreement}    coordination ${facts.coordination.join(', ')}
}
`;
}

/** One programme (23 lines, compliant unless `options.omitClause`) with a distinct id. */
export function programme(i, options) {
    return renderProgramme(programmeFacts(i, options));
}

/**
 * A temporary workspace (osa.config.json, the standard template) with `count` programme files, 1,000 per
 * folder; `text(i)` gives file i's text (by default the compliant programme i).
 */
export function generateWorkspace(count, label = 'osa-bench', text = programme) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${label}-${count}-`));
    fs.writeFileSync(path.join(dir, 'osa.config.json'), '{}\n');
    fs.writeFileSync(path.join(dir, 'templates.osa'), TEMPLATE);
    writeNumberedFiles(dir, count, 'osa', i => text(i));
    return dir;
}

/** Writes files dir/part-<i/1000>/p<i>.<extension>, one per i below `count`. */
export function writeNumberedFiles(dir, count, extension, text) {
    for (let i = 0; i < count; i++) {
        const sub = path.join(dir, `part-${Math.floor(i / 1000)}`);
        fs.mkdirSync(sub, { recursive: true });
        fs.writeFileSync(path.join(sub, `p${i}.${extension}`), text(i));
    }
}

/** The V8 flags on the first line of the CLI's shebang, so a benchmark runs osa as `npx osa` would. */
export function shebangFlags(bin) {
    return fs.readFileSync(bin, 'utf-8').split('\n')[0].split(/\s+/).filter(a => a.startsWith('--'));
}
