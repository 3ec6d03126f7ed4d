/** OSA1xx (data): whether the reference data reaches the programme's fiscal year. */
import { programmeRule } from './rule.js';
import { fiscalYearOf } from '../model/facts.js';
import { msg, type Message } from '../i18n/message.js';
import type { DatasetCoverage } from '../reference/reference-data.js';
import { fiscalYearStart } from './programme-facts.js';
import { folded } from '../i18n/lists.js';

/** "DAC List of ODA Recipients, so the 2024-2025 edition, in force … was used". */
function gapText(gap: DatasetCoverage): Message {
    const used = gap.used.kind === 'as-of'
        ? msg('OSA100.used.asOf', { date: gap.used.asOf })
        : gap.used.graduations.length > 0
            ? msg('OSA100.used.editionWithGraduations', { edition: gap.used.edition, from: gap.used.from, to: gap.used.to, graduations: gap.used.graduations })
            : msg('OSA100.used.edition', { edition: gap.used.edition, from: gap.used.from, to: gap.used.to });
    return msg('OSA100.gap', { dataset: msg(`OSA100.dataset.${gap.key}`), used });
}

export const dataCoverage = programmeRule({
    id: 'OSA100',
    name: 'reference-data-coverage',
    family: 'reference-data',
    severity: 'info',
    clause: 'data',
    summary: 'The reference data does not cover the programme\'s fiscal year, so the nearest edition was used.',
    check(programme, { reference }, report) {
        const date = fiscalYearStart(programme);
        if (!date) {
            return;
        }
        const gaps = reference.coverageOn(date).filter(c => !c.covered);
        if (gaps.length === 0) {
            return;
        }
        // The gaps are joined by "; " (each gap's own text has commas).
        report({
            node: programme,
            property: 'fiscalYears', index: 0,
            message: msg('OSA100.notCovered', { year: fiscalYearOf(programme)!, gaps: folded('OSA100.gaps', gaps.map(gapText)) }),
            data: { datasets: gaps.map(g => g.dataset) }
        });
    }
});

export const referenceDataRules = [dataCoverage];
