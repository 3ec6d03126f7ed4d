/**
 * What the report needs of a document, taken while its syntax tree is loaded (the CLI drops trees
 * after each batch): plain data, so it crosses worker threads and outlives the parse. Two kinds of
 * fact are kept apart on purpose: `disclosure` holds only what the guidelines let the government
 * publish (§3(3)(a)); `review` holds what only reviewers see (exception decisions). Assessment texts,
 * `on-file` texts, descriptions and clause texts are never read here, so they cannot reach a sheet.
 */
import type { LangiumDocument } from 'langium';
import { isBudgetEnvelope, isModel, isProgramme, type Programme } from '../generated/ast.js';
import {
    agreementKindOf, agreementOf, amountOf, beneficiaryKindOf, beneficiaryNameOf, exceptionRuleOf, fieldNameOf, fiscalYearOf,
    itemCategoryOf, itemQuantityOf, justificationOf, modalityOf, monitoringOf, monitoringResultsOf, monitoringVisitsOf, recipientOf,
    resultsDisclosureOf, resultsTextOf, signedOf, sourcesOf, statusOf, templateOf, titleOf, yearSharesOf, type Money
} from '../model/facts.js';
import { decodeDate, decodeText, asWritten } from '../model/values.js';
import type { ReferenceData } from '../reference/reference-data.js';
import { fiscalYearStart } from '../rules/programme-facts.js';

/** 1-based, inclusive lines of a declaration: findings inside belong to it. */
export interface LineSpan {
    start: number;
    end: number;
}

export interface DisclosedItem {
    name: string;
    quantity?: number;
    category?: string;
}

export interface DisclosureFacts {
    title?: string;
    fiscalYear?: number;
    recipient?: string;
    /** The country's name from the reference data, when the code is known. */
    recipientName?: string;
    beneficiaries: { name: string; kind?: string }[];
    modality?: string;
    fields: string[];
    items: DisclosedItem[];
    amount?: Money;
    /** The amount split by fiscal year (see `programmeFunding`); empty when the programme declares no split. */
    funding: { fiscalYear: number; amount: Money }[];
    agreement?: { kind?: string; signed?: string };
    /** Public sources of the facts (see `programmeSources`). */
    sources: string[];
    /** Monitoring after delivery (§3(3)(b)), when declared: see `publicMonitoring`. */
    monitoring?: DisclosedMonitoring;
}

/**
 * What the public may see of monitoring: the dates of the visits, and where the results are published when
 * they are declared disclosed. What a visit checked and why results are withheld stay with the reviewers.
 */
export interface DisclosedMonitoring {
    visits: string[];
    results: 'disclosed' | 'not disclosed' | 'not recorded';
    /** Where the results are published (only when disclosed). */
    published?: string;
}

export interface ExceptionDecision {
    rule: string;
    justification?: string;
    approvedBy?: string;
    dated?: string;
    /** 1-based line of the `exception` declaration. */
    line: number;
}

export interface ProgrammeRecord {
    name: string;
    lines: LineSpan;
    /** The lifecycle stage the programme has reached (see `programmeStage`); undefined until it is declared. */
    stage?: string;
    disclosure: DisclosureFacts;
    /** The DAC income group of the recipient on 1 April of the fiscal year (LDC, OtherLIC, LMIC, UMIC). */
    dacGroup?: string;
    /** Reference datasets that do not cover the fiscal year (the nearest edition stood in). */
    dataGaps: string[];
    review: { exceptions: ExceptionDecision[] };
}

export interface EnvelopeRecord {
    name: string;
    fiscalYear?: number;
    amount?: Money;
}

export interface DocumentRecords {
    programmes: ProgrammeRecord[];
    envelopes: EnvelopeRecord[];
}

/** The lifecycle stage a programme declares (`status`); undefined when none (every rule then applies). */
export function programmeStage(programme: Programme): string | undefined {
    return statusOf(programme);
}

/**
 * The programme's `funding` block by fiscal year; empty when it declares none (the portfolio then counts the
 * whole `amount` in the programme's fiscal year). Shares that do not decode are the language checks' finding.
 */
export function programmeFunding(programme: Programme): { fiscalYear: number; amount: Money }[] {
    return yearSharesOf(programme)
        .filter(share => share.node.$type === 'FundingShare')
        // Exact: decoded amounts are bounded far below 2^53.
        .map(share => ({ fiscalYear: share.fiscalYear, amount: { value: Number(share.amount), currency: share.currency } }));
}

/** The programme's cited public sources (`source`). */
export function programmeSources(programme: Programme): string[] {
    return sourcesOf(programme);
}

/** The public part of the programme's monitoring; undefined when it declares no `monitoring` block. */
export function publicMonitoring(programme: Programme): DisclosedMonitoring | undefined {
    const monitoring = monitoringOf(programme);
    if (!monitoring) {
        return undefined;
    }
    const results = monitoringResultsOf(monitoring);
    const disclosure = results ? resultsDisclosureOf(results) : undefined;
    return {
        visits: monitoringVisitsOf(programme).map(visit => visit.date),
        results: disclosure === 'disclosed' ? 'disclosed' : disclosure === 'withheld' ? 'not disclosed' : 'not recorded',
        ...(disclosure === 'disclosed' && results && resultsTextOf(results) ? { published: resultsTextOf(results) } : {})
    };
}

function text(raw: string | undefined): string | undefined {
    if (raw === undefined) {
        return undefined;
    }
    const decoded = decodeText(asWritten(raw, true));
    return decoded.ok ? decoded.value : undefined;
}

function date(raw: string | undefined): string | undefined {
    if (raw === undefined) {
        return undefined;
    }
    const decoded = decodeDate(asWritten(raw, false));
    return decoded.ok ? decoded.value : undefined;
}

function disclosureOf(programme: Programme, reference: ReferenceData): DisclosureFacts {
    const agreement = agreementOf(programme);
    const recipient = recipientOf(programme);
    const template = agreement ? templateOf(agreement) : undefined;
    const fields: string[] = [];
    for (const field of programme.fields) {
        const name = fieldNameOf(field);
        if (name && !fields.includes(name)) {
            fields.push(name);
        }
    }
    return {
        title: titleOf(programme),
        fiscalYear: fiscalYearOf(programme),
        recipient,
        recipientName: recipient ? reference.country(recipient)?.name : undefined,
        beneficiaries: programme.beneficiaries.map(b => ({ name: beneficiaryNameOf(b), kind: beneficiaryKindOf(b) })),
        modality: modalityOf(programme),
        fields,
        items: programme.items.map(item => ({
            name: text(item.name) ?? item.name, quantity: itemQuantityOf(item), category: itemCategoryOf(item)
        })),
        amount: amountOf(programme),
        funding: programmeFunding(programme),
        agreement: agreement
            ? { kind: agreementKindOf(agreement) ?? (template ? agreementKindOf(template) : undefined), signed: signedOf(agreement) }
            : undefined,
        sources: programmeSources(programme),
        ...(programme.monitorings.length > 0 ? { monitoring: publicMonitoring(programme) } : {})
    };
}

function recordOf(programme: Programme, reference: ReferenceData): ProgrammeRecord {
    const cst = programme.$cstNode;
    const start = fiscalYearStart(programme);
    const recipient = recipientOf(programme);
    return {
        name: programme.name,
        lines: { start: (cst?.range.start.line ?? 0) + 1, end: (cst?.range.end.line ?? 0) + 1 },
        stage: programmeStage(programme),
        disclosure: disclosureOf(programme, reference),
        dacGroup: start && recipient ? reference.dacStatus(recipient, start).recipient?.category : undefined,
        dataGaps: start ? reference.coverageOn(start).filter(c => !c.covered).map(c => c.dataset) : [],
        review: {
            exceptions: programme.exceptions.map(e => ({
                rule: exceptionRuleOf(e) ?? e.rule,
                justification: justificationOf(e),
                // The converter has already unquoted the value; a text opening with `"` reads as unterminated, so keep it as written.
                approvedBy: text(e.approvers[0]) ?? e.approvers[0],
                dated: date(e.dates[0]),
                line: (e.$cstNode?.range.start.line ?? 0) + 1
            }))
        }
    };
}

/** The report's facts of one document. */
export function recordDocument(document: LangiumDocument, reference: ReferenceData): DocumentRecords {
    const records: DocumentRecords = { programmes: [], envelopes: [] };
    const model = document.parseResult.value;
    if (!isModel(model)) {
        return records;
    }
    for (const element of model.elements) {
        if (isProgramme(element)) {
            records.programmes.push(recordOf(element, reference));
        } else if (isBudgetEnvelope(element)) {
            records.envelopes.push({ name: element.name, fiscalYear: fiscalYearOf(element), amount: amountOf(element) });
        }
    }
    return records;
}
