/**
 * What the reference data say about a recipient country, for the hover on a `recipient` code: DAC
 * status on 1 April of the fiscal year, graduations, UN arms embargoes, party-to-conflict and in-combat
 * designations, each with dates and sources. The data are those of the document's configuration, as
 * the rules use them.
 */
import { neutraliseMarkdownInline as md } from '../util/neutralise.js';
import type { LangiumDocument } from 'langium';
import type { Operation, Programme } from '../generated/ast.js';
import { fiscalYearOf, operationLeadOf } from '../model/facts.js';
import { firstValue } from '../model/values.js';
import { fiscalYearPeriod, GOVERNMENT_SCOPES, type ReferenceData } from '../reference/reference-data.js';
import { checkedSpan } from '../rules/programme-facts.js';
import type { DacCategory, DatedDesignation, Embargo } from '../reference/types.js';
import type { OsaLspServices } from './osa-lsp-module.js';

/** The reference data that apply to a document: its configuration's, else the shipped data. */
export function referenceForDocument(services: OsaLspServices, document: LangiumDocument): ReferenceData {
    try {
        const config = services.osa.Config.configFor(document.uri.fsPath);
        return services.osa.Config.referenceFor(config);
    } catch {
        // An invalid osa.config.json is reported on the file; explain with the shipped data meanwhile.
        return services.osa.ReferenceData;
    }
}

export const DAC_CATEGORY_NAMES: Record<DacCategory, string> = {
    LDC: 'least developed country',
    OtherLIC: 'other low-income country',
    LMIC: 'lower middle-income country or territory',
    UMIC: 'upper middle-income country or territory'
};

/** "1 April 2024" */
function longDate(iso: string): string {
    const [year, month, day] = iso.split('-').map(Number);
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    return `${day} ${months[month - 1]} ${year}`;
}

/** A source as a link: only http(s) addresses become links (the data may come from a workspace's configuration). */
function link(url: string | undefined): string {
    if (!url) {
        return 'no source recorded';
    }
    if (!/^https?:\/\/[^\s]+$/.test(url)) {
        return md(url);
    }
    return `[${md(url.replace(/^https?:\/\//, '').replace(/\/$/, ''))}](${encodeURI(decodeURI(url)).replace(/[()]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`;
}

/** The span the rules check a programme over (checkedSpan), with a label for the hover. */
function programmeSpan(programme: Programme | undefined): { start: string; end: string; label: string; dacDate: string; fy?: number } {
    const span = programme ? checkedSpan(programme) : undefined;
    const fiscalYear = programme ? fiscalYearOf(programme) : undefined;
    if (fiscalYear !== undefined && span) {
        const fy = fiscalYearPeriod(fiscalYear);
        const extended = span.start !== fy.start || span.end !== fy.end;
        const label = extended
            ? `FY${fiscalYear} and the declared period (${span.start} to ${span.end})`
            : `FY${fiscalYear} (${fy.start} to ${fy.end})`;
        return { ...span, dacDate: fy.start, fy: fiscalYear, label };
    }
    const today = new Date().toISOString().slice(0, 10);
    return { start: today, end: today, dacDate: today, label: `today, ${today} (the programme declares no \`fiscal-year\`)` };
}

function embargoLine(embargo: Embargo, reference: ReferenceData, spanEnd: string): string {
    const binding = GOVERNMENT_SCOPES.has(embargo.scope);
    const scope = reference.data.embargoes.meta.scopes[embargo.scope];
    const until = embargo.until === null
        ? 'open-ended'
        : embargo.renewalChecked || embargo.until >= spanEnd
            ? `until ${embargo.until}`
            : `recorded expiry ${embargo.until}, renewal not checked, so presumed still in force`;
    return `- **${md(embargo.id)}** (${md(embargo.target)}): scope *${embargo.scope.replace(/_/g, ' ')}*${scope ? ` (${scope})` : ''}; `
        + `${binding ? 'covers the government: **OSA301**' : 'does not cover the government'}. `
        + `Res. ${embargo.resolutions.join(', ')}; from ${embargo.from}, ${until}. Source: ${link(embargo.sources[0])}`;
}

function designationLine(entry: DatedDesignation, what: string): string {
    const until = entry.until === null ? '' : ` until ${entry.until}`;
    return `- ${what} **since ${entry.from}**${until}: ${md(entry.basis)} Source: ${link(entry.sources[0])}`;
}

/**
 * Markdown for the hover on a recipient code in `programme`, or (`area`) on a country where one of its peace
 * operations works: the same facts over the same span, without the DAC list, which concerns the recipient only.
 */
export function countryHover(reference: ReferenceData, code: string, programme: Programme | undefined, role: 'recipient' | 'area' = 'recipient'): string {
    const country = reference.country(code);
    if (!country) {
        const suggestions = reference.suggestCountries(code);
        return `**${md(code)}** is not an ISO 3166-1 alpha-3 country code, so ${role === 'area' ? 'this country of operation cannot be checked for embargoes, conflict and combat (§3(1))' : 'the recipient cannot be checked against §2(1)'} (OSA105).`
            + (suggestions.length > 0
                ? `\n\nDid you mean ${suggestions.map(c => `\`${c.alpha3}\` (${c.name})`).join(' or ')}?`
                : '\n\nUse the three-letter ISO 3166-1 code, e.g. `PHL` for the Philippines.');
    }
    const span = programmeSpan(programme);
    const sections: string[] = [`**${country.name}** · \`${country.alpha3}\` (ISO 3166-1; alpha-2 ${country.alpha2})`];
    if (role === 'area') {
        sections.push('A country where the peace operation works: the recipient\'s forces use the equipment there, so it is checked like the recipient '
            + `for arms embargoes, party-to-conflict designations and combat (OSA301–OSA303) during ${span.label}.`);
    } else {
        sections.push(...dacSections(reference, code, span));
    }
    return [...sections, ...situationSections(reference, code, span)].join('\n\n');
}

/** §2(1): the DAC list in force on 1 April of the fiscal year, and the graduation records. */
function dacSections(reference: ReferenceData, code: string, span: ReturnType<typeof programmeSpan>): string[] {
    const sections: string[] = [];
    // §2(1): the DAC list in force on 1 April of the fiscal year.
    const status = reference.dacStatus(code, span.dacDate);
    const edition = status.edition;
    const on = span.fy !== undefined ? `FY${span.fy}, on ${longDate(span.dacDate)}` : `on ${span.dacDate} (no \`fiscal-year\` declared)`;
    let dac = `**DAC List of ODA Recipients** (§2(1)), ${on}: `;
    if (status.listed) {
        const category = status.recipient!.category;
        dac += `listed as **${category}** (${DAC_CATEGORY_NAMES[category]}).`;
    } else if (status.graduatedBy) {
        dac += `**not listed**: graduated on ${status.graduatedBy.effective} (${md(status.graduatedBy.review)}); OSA101.`;
    } else {
        dac += '**not listed**; OSA101 (an exception may be recorded: OSA goes to developing countries *in principle*).';
    }
    dac += status.covered
        ? `  \nEdition **${md(edition.id)}** (*${md(edition.title)}*), in force ${edition.effectiveFrom} to ${edition.effectiveTo}.`
        : `  \nNo edition is in force on ${span.dacDate}: the nearest, **${edition.id}** (in force ${edition.effectiveFrom} to ${edition.effectiveTo}), stands in for it (OSA100).`;
    if (status.appliedGraduations.length > 0) {
        dac += ` Graduations applied since: ${status.appliedGraduations.map(g => `${g.iso3} ${g.effective}`).join(', ')}.`;
    }
    sections.push(dac);

    const graduations = reference.graduationRecords(code);
    sections.push(graduations.length === 0
        ? '**Graduation records**: none.'
        : ['**Graduation records**:', ...graduations.map(g =>
            `- ${g.effective ?? 'not dated'}, ${md(g.status)} (${md(g.review)})${g.note ? `. ${md(g.note)}` : ''} Source: ${link(g.sources[0])}`)].join('\n'));
    return sections;
}

/** §3(1): embargoes and designations over the span the rules check. */
function situationSections(reference: ReferenceData, code: string, span: ReturnType<typeof programmeSpan>): string[] {
    const sections: string[] = [];
    const embargoes = reference.embargoesDuring(code, span.start, span.end);
    sections.push(embargoes.length === 0
        ? `**UN arms embargoes** during ${span.label}: none.`
        : [`**UN arms embargoes** during ${span.label} (§3(1)):`, ...embargoes.map(e => embargoLine(e, reference, span.end))].join('\n'));

    const parties = reference.conflictPartyDuring(code, span.start, span.end);
    sections.push(parties.length === 0
        ? `**Party to a conflict** (Three Principles): not designated during ${span.label}.`
        : [`**Party to a conflict** (Three Principles, §3(1); OSA302) during ${span.label}:`, ...parties.map(p => designationLine(p, 'designated'))].join('\n'));

    const combat = reference.inCombatDuring(code, span.start, span.end);
    sections.push(combat.length === 0
        ? `**In combat** (the project's dated judgement): not judged in combat during ${span.label}.`
        : [`**In combat** (the project's dated judgement; OSA303) during ${span.label}:`, ...combat.map(c => designationLine(c, 'judged engaged in combat'))].join('\n'));
    return sections;
}

/**
 * Markdown for the hover on the name of an `operation`: a UN operation from the reference data (what it is,
 * where, since when, under which resolutions, and what must still be verified), an operation declared outside
 * the UN, or a name the list does not have.
 */
export function operationHover(reference: ReferenceData, operation: Operation): string | undefined {
    const written = firstValue(operation, 'name');
    if (!written) {
        return undefined;
    }
    if (written.kind === 'text' || written.kind === 'unterminated-text') {
        const lead = operationLeadOf(operation);
        return [
            `**${md(written.value)}**: a peace operation outside the UN${lead ? `, led by ${md(lead)}` : ''}.`,
            '',
            'Field (c) is international peace cooperation, such as capacity for UN peacekeeping operations (§2(2)(c)); '
            + 'OSA206 reports an operation outside the UN unless an exception records the decision.'
        ].join('\n');
    }
    const found = written.kind === 'name' ? reference.peaceOperation(written.value) : undefined;
    if (!found) {
        const suggestions = reference.suggestPeaceOperations(written.value);
        return [
            `**${md(written.value)}** is not a UN peace operation in the reference data (as of ${reference.data.peaceOperations.meta.asOf}).`,
            '',
            suggestions.length > 0
                ? `Did you mean ${suggestions.map(o => `\`${o.id}\` (${o.name})`).join(' or ')}?`
                : 'Name a UN operation by its acronym (`operation UNMISS`), or declare an operation outside the UN as `operation "…" led-by …`.'
        ].join('\n');
    }
    const kind = found.kind === 'peacekeeping' ? 'UN peacekeeping operation' : 'UN special political mission';
    const lines = [
        `**${found.id}** · ${found.name} *(${kind})*`,
        '',
        `Where: ${found.countries.map(code => reference.country(code)?.name ?? code).join(', ')}.`,
        `Established ${found.established}${found.ended ? `, ended ${found.ended}` : ', running'}; ${found.resolutions.join(', ')}.`
    ];
    if (found.note) {
        lines.push('', found.note);
    }
    if (found.verify) {
        lines.push('', `To verify against the sources: ${found.verify}`);
    }
    lines.push('', 'Capacity for UN peacekeeping is international peace cooperation (§2(2)(c)); OSA206 checks that the operation runs during the programme.');
    return lines.join('\n');
}
