// Generated workspaces for the benchmarks: small, compliant programme files, deterministic.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPLATE = fs.readFileSync(path.join(REPO, 'examples/shared/templates.osa'), 'utf-8');
const RECIPIENTS = ['PHL', 'BGD', 'MYS', 'FJI', 'IDN', 'MNG', 'DJI', 'VNM', 'LKA', 'TLS', 'PNG', 'THA'];

/** One compliant programme (23 lines) with a distinct id. */
export function programme(i) {
    const recipient = RECIPIENTS[i % RECIPIENTS.length];
    return `programme GEN-${String(i).padStart(6, '0')} {
    title "Coastal radar number ${i} for ${recipient}"
    fiscal-year 2025
    recipient ${recipient}
    beneficiary "Navy" kind armed-forces
    modality grant
    amount 100_000_000 JPY
    field rule-of-law {
        activity maritime-surveillance
    }
    provide "Coastal radar" quantity 2 category coastal-radar
    assessment {
        democracy on-file "Assessment on file"
        rule-of-law on-file "Assessment on file"
        human-rights on-file "Assessment on file"
        socio-economic "Lower-middle-income country"
        security-needs "Maritime domain awareness"
        bilateral-relations "Strategic partnership"
    }
    agreement uses StandardExchangeOfNotes signed 2025-06-01
    coordination NSS, MOFA, MOD, JICA
}
`;
}

/** A temporary workspace (osa.config.json, the standard template) with `count` programme files. */
export function generateWorkspace(count, label = 'osa-bench') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${label}-${count}-`));
    fs.writeFileSync(path.join(dir, 'osa.config.json'), '{}\n');
    fs.writeFileSync(path.join(dir, 'templates.osa'), TEMPLATE);
    for (let i = 0; i < count; i++) {
        const sub = path.join(dir, `part-${Math.floor(i / 1000)}`);
        fs.mkdirSync(sub, { recursive: true });
        fs.writeFileSync(path.join(sub, `p${i}.osa`), programme(i));
    }
    return dir;
}

/** The V8 flags on the first line of the CLI's shebang, so a benchmark runs osa as `npx osa` would. */
export function shebangFlags(bin) {
    return fs.readFileSync(bin, 'utf-8').split('\n')[0].split(/\s+/).filter(a => a.startsWith('--'));
}
