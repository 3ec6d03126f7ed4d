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
import { DEFAULT_LOCALE, type Locale, type MessageId } from '../i18n/index.js';
import { orList, sayer, type Say } from './editor-text.js';

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

/** A DAC category in words: "least developed country", ... */
export function dacCategoryName(category: DacCategory, locale: Locale = DEFAULT_LOCALE): string {
    return sayer(locale)(`dac.category.${category}`);
}

/** "1 April 2024" / "2024年4月1日" */
function longDate(iso: string, say: Say): string {
    const [year, month, day] = iso.split('-').map(Number);
    return say('editor.longDate', { year, month: say(`editor.month.${month}` as MessageId), day });
}

/** A source as a link: only http(s) addresses become links (the data may come from a workspace's configuration). */
function link(url: string | undefined, say: Say): string {
    if (!url) {
        return say('country.noSource');
    }
    if (!/^https?:\/\/[^\s]+$/.test(url)) {
        return md(url);
    }
    return `[${md(url.replace(/^https?:\/\//, '').replace(/\/$/, ''))}](${encodeURI(decodeURI(url)).replace(/[()]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`;
}

/** The span the rules check a programme over (checkedSpan), with a label for the hover. */
function programmeSpan(programme: Programme | undefined, say: Say): { start: string; end: string; label: string; dacDate: string; fy?: number } {
    const span = programme ? checkedSpan(programme) : undefined;
    const fiscalYear = programme ? fiscalYearOf(programme) : undefined;
    if (fiscalYear !== undefined && span) {
        const fy = fiscalYearPeriod(fiscalYear);
        const extended = span.start !== fy.start || span.end !== fy.end;
        const label = extended
            ? say('country.span.extended', { fy: fiscalYear, start: span.start, end: span.end })
            : say('country.span.fiscalYear', { fy: fiscalYear, start: fy.start, end: fy.end });
        return { ...span, dacDate: fy.start, fy: fiscalYear, label };
    }
    const today = new Date().toISOString().slice(0, 10);
    return { start: today, end: today, dacDate: today, label: say('country.span.today', { today }) };
}

function embargoLine(embargo: Embargo, reference: ReferenceData, spanEnd: string, say: Say): string {
    const binding = GOVERNMENT_SCOPES.has(embargo.scope);
    const scope = reference.data.embargoes.meta.scopes[embargo.scope];
    const until = embargo.until === null
        ? say('country.embargo.openEnded')
        : embargo.renewalChecked || embargo.until >= spanEnd
            ? say('country.embargo.until', { date: embargo.until })
            : say('country.embargo.presumed', { date: embargo.until });
    return say('country.embargo.line', {
        id: md(embargo.id), target: md(embargo.target), scope: embargo.scope.replace(/_/g, ' '), scopeNote: scope ? ` (${scope})` : '',
        binding: say(binding ? 'country.embargo.binding' : 'country.embargo.notBinding'),
        resolutions: embargo.resolutions.join(', '), from: embargo.from, until, source: link(embargo.sources[0], say)
    });
}

function designationLine(entry: DatedDesignation, what: string, say: Say): string {
    const until = entry.until === null ? '' : say('country.designation.until', { date: entry.until });
    return say('country.designation.line', { what, from: entry.from, until, basis: md(entry.basis), source: link(entry.sources[0], say) });
}

/**
 * Markdown for the hover on a recipient code in `programme`, or (`area`) on a country where one of its peace
 * operations works: the same facts over the same span, without the DAC list, which concerns the recipient only.
 */
export function countryHover(reference: ReferenceData, code: string, programme: Programme | undefined, role: 'recipient' | 'area' = 'recipient', locale: Locale = DEFAULT_LOCALE): string {
    const say = sayer(locale);
    const country = reference.country(code);
    if (!country) {
        const suggestions = reference.suggestCountries(code);
        return say(role === 'area' ? 'country.unknown.area' : 'country.unknown.recipient', { code: md(code) })
            + '\n\n' + (suggestions.length > 0
                ? say('editor.didYouMean', { suggestions: orList(suggestions.map(c => `\`${c.alpha3}\` (${c.name})`), locale) })
                : say('country.unknown.example'));
    }
    const span = programmeSpan(programme, say);
    const sections: string[] = [say('country.header', { name: country.name, alpha3: country.alpha3, alpha2: country.alpha2 })];
    if (role === 'area') {
        sections.push(say('country.area', { span: span.label }));
    } else {
        sections.push(...dacSections(reference, code, span, say));
    }
    return [...sections, ...situationSections(reference, code, span, say)].join('\n\n');
}

/** §2(1): the DAC list in force on 1 April of the fiscal year, and the graduation records. */
function dacSections(reference: ReferenceData, code: string, span: ReturnType<typeof programmeSpan>, say: Say): string[] {
    const sections: string[] = [];
    // §2(1): the DAC list in force on 1 April of the fiscal year.
    const status = reference.dacStatus(code, span.dacDate);
    const edition = status.edition;
    const on = span.fy !== undefined ? say('country.dac.onFiscalYear', { fy: span.fy, date: longDate(span.dacDate, say) }) : say('country.dac.onDate', { date: span.dacDate });
    let verdict: string;
    if (status.listed) {
        const category = status.recipient!.category;
        verdict = say('country.dac.listed', { category, name: say(`dac.category.${category}`) });
    } else if (status.graduatedBy) {
        verdict = say('country.dac.graduated', { date: String(status.graduatedBy.effective), review: md(status.graduatedBy.review) });
    } else {
        verdict = say('country.dac.notListed');
    }
    let dac = say('country.dac', { on, verdict });
    dac += status.covered
        ? say('country.dac.edition', { id: md(edition.id), title: md(edition.title), from: edition.effectiveFrom, to: edition.effectiveTo })
        : say('country.dac.nearestEdition', { date: span.dacDate, id: edition.id, from: edition.effectiveFrom, to: edition.effectiveTo });
    if (status.appliedGraduations.length > 0) {
        dac += say('country.dac.graduationsApplied', { list: status.appliedGraduations.map(g => `${g.iso3} ${g.effective}`).join(', ') });
    }
    sections.push(dac);

    const graduations = reference.graduationRecords(code);
    sections.push(graduations.length === 0
        ? say('country.graduations.none')
        : [say('country.graduations'), ...graduations.map(g => say('country.graduations.line', {
            date: g.effective ?? say('country.graduations.notDated'), status: md(g.status), review: md(g.review),
            note: g.note ? `. ${md(g.note)}` : '', source: link(g.sources[0], say)
        }))].join('\n'));
    return sections;
}

/** §3(1): embargoes and designations over the span the rules check. */
function situationSections(reference: ReferenceData, code: string, span: ReturnType<typeof programmeSpan>, say: Say): string[] {
    const sections: string[] = [];
    const embargoes = reference.embargoesDuring(code, span.start, span.end);
    sections.push(embargoes.length === 0
        ? say('country.embargoes.none', { span: span.label })
        : [say('country.embargoes', { span: span.label }), ...embargoes.map(e => embargoLine(e, reference, span.end, say))].join('\n'));

    const parties = reference.conflictPartyDuring(code, span.start, span.end);
    sections.push(parties.length === 0
        ? say('country.conflictParty.none', { span: span.label })
        : [say('country.conflictParty', { span: span.label }), ...parties.map(p => designationLine(p, say('country.conflictParty.designated'), say))].join('\n'));

    const combat = reference.inCombatDuring(code, span.start, span.end);
    sections.push(combat.length === 0
        ? say('country.inCombat.none', { span: span.label })
        : [say('country.inCombat', { span: span.label }), ...combat.map(c => designationLine(c, say('country.inCombat.judged'), say))].join('\n'));
    return sections;
}

/**
 * Markdown for the hover on the name of an `operation`: a UN operation from the reference data (what it is,
 * where, since when, under which resolutions, and what must still be verified), an operation declared outside
 * the UN, or a name the list does not have.
 */
export function operationHover(reference: ReferenceData, operation: Operation, locale: Locale = DEFAULT_LOCALE): string | undefined {
    const say = sayer(locale);
    const written = firstValue(operation, 'name');
    if (!written) {
        return undefined;
    }
    if (written.kind === 'text' || written.kind === 'unterminated-text') {
        const lead = operationLeadOf(operation);
        return [
            say('operation.outsideUn', { name: md(written.value), lead: lead ? say('operation.ledBy', { lead: md(lead) }) : '' }),
            '',
            say('operation.outsideUn.field')
        ].join('\n');
    }
    const found = written.kind === 'name' ? reference.peaceOperation(written.value) : undefined;
    if (!found) {
        const suggestions = reference.suggestPeaceOperations(written.value);
        return [
            say('operation.unknown', { name: md(written.value), asOf: reference.data.peaceOperations.meta.asOf }),
            '',
            suggestions.length > 0
                ? say('editor.didYouMean', { suggestions: orList(suggestions.map(o => `\`${o.id}\` (${o.name})`), locale) })
                : say('operation.unknown.how')
        ].join('\n');
    }
    const kind = say(found.kind === 'peacekeeping' ? 'operation.kind.peacekeeping' : 'operation.kind.political');
    const lines = [
        `**${found.id}** · ${found.name} *(${kind})*`,
        '',
        say('operation.where', { countries: found.countries.map(code => reference.country(code)?.name ?? code).join(', ') }),
        say('operation.established', {
            established: found.established, ended: found.ended ? say('operation.ended', { date: found.ended }) : say('operation.running'), resolutions: found.resolutions.join(', ')
        })
    ];
    if (found.note) {
        lines.push('', found.note);
    }
    if (found.verify) {
        lines.push('', say('operation.verify', { verify: found.verify }));
    }
    lines.push('', say('operation.field'));
    return lines.join('\n');
}
