/** OSA1xx (data): whether the reference data reaches the programme's fiscal year. */
import { programmeRule } from './rule.js';
import { fiscalYearOf } from '../model/facts.js';
import { msg, type Message } from '../i18n/message.js';
import type { DatasetCoverage } from '../reference/reference-data.js';
import { fiscalYearStart } from './programme-facts.js';

/** "DAC List of ODA Recipients, so the 2024-2025 edition, in force … was used". */
function gapText(gap: DatasetCoverage): Message {
    const used = gap.used.kind === 'as-of'
        ? msg('OSA100.used.asOf', { date: gap.used.asOf })
        : gap.used.graduations.length > 0
            ? msg('OSA100.used.editionWithGraduations', { edition: gap.used.edition, from: gap.used.from, to: gap.used.to, graduations: gap.used.graduations })
            : msg('OSA100.used.edition', { edition: gap.used.edition, from: gap.used.from, to: gap.used.to });
    return msg('OSA100.gap', { dataset: msg(`OSA100.dataset.${gap.key}`), used });
}

/** The gaps joined by "; " (their own texts contain commas). */
function gapsText(gaps: readonly Message[]): Message {
    return gaps.length === 1 ? gaps[0] : msg('OSA100.gaps', { first: gaps[0], rest: gapsText(gaps.slice(1)) });
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
        report({
            node: programme,
            property: 'fiscalYears', index: 0,
            message: msg('OSA100.notCovered', { year: fiscalYearOf(programme)!, gaps: gapsText(gaps.map(gapText)) }),
            data: { datasets: gaps.map(g => g.dataset) }
        });
    }
});

export const referenceDataRules = [dataCoverage];
