/**
 * Checks that belong to the language rather than to the guidelines, reported with the code `syntax` like parse
 * errors. They keep the verdict honest: every fact is stated once (a repeat is an error pointing at the first),
 * every term is a known term (a misspelling is one error with the closest terms), every value has the form its
 * property takes (one error that says what it takes), and a required declaration is there. Each mistake costs
 * one finding: the rules read decoded facts (model/facts.ts) and stay silent about a value they cannot read.
 */
import {
    AstUtils, GrammarUtils, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode, type DiagnosticInfo, type LangiumDocument, type LeafCstNode, type ValidationAcceptor,
    type ValidationChecks
} from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { ConfigProvider } from '../config/config-provider.js';
import {
    type Agreement, type AgreementTemplate, type BudgetEnvelope, type Exception, type Funding, type FundingShare, type Operation, type OsaAstType,
    type Programme, type UnknownStatement
} from '../generated/ast.js';
import {
    envelopeOf, exceptionRuleOf, fiscalYearOf, isStated, suggestKeywords
} from '../model/facts.js';
import { DECLARATION_KEYWORDS, PROPERTIES, propertiesOf, statementKeywords, takesMessage, type PropertySpec } from '../model/properties.js';
import {
    decodeAmountValue, decodeDate, decodeFiscalYear, decodeName, decodeQuantity, decodeRate, FIRST_OSA_FISCAL_YEAR,
    featureOf, isCalendarDate, LAST_PLAUSIBLE_FISCAL_YEAR, OSA_ESTABLISHED, writtenValues, type Decoded, type TokenKind, type WrittenValue
} from '../model/values.js';
import type { ReferenceData } from '../reference/reference-data.js';
import { ruleById } from '../rules/index.js';
import { BUILT_IN_TERMS, isKnownTerm, VOCABULARIES, type Terms } from '../vocabulary.js';
import { isMessageId } from '../i18n/catalogue.js';
import { Localizer } from '../i18n/localize.js';
import { msg, type Message, type MessageParam } from '../i18n/message.js';
import { eachOf, eitherOf } from '../i18n/lists.js';
import { languageData, type LanguageDiagnosticData } from './language-diagnostics.js';

export const LANGUAGE_CODE = 'syntax';

/** Keywords that were replaced, with what to write instead. */
// A Map, not an object: the word comes from the file, and `constructor` or `toString` must not find Object's own.
const RENAMED_KEYWORDS = new Map<string, Message>([
    ['un-mission', msg('language.renamed.un-mission')]
]);

/** Container types whose repeatable children must not repeat a name, with the feature holding the name. */
// `what` names the child in messages: catalogue id `language.unique.<what>`.
const UNIQUE_NAMES: { container: string; children: string; name: string; what: 'field' | 'exception' | 'beneficiary' | 'activity' | 'operation' | 'topic' | 'clause' | 'rate' }[] = [
    { container: 'Programme', children: 'fields', name: 'name', what: 'field' },
    { container: 'Programme', children: 'exceptions', name: 'rule', what: 'exception' },
    { container: 'Programme', children: 'beneficiaries', name: 'name', what: 'beneficiary' },
    { container: 'FieldDeclaration', children: 'activities', name: 'name', what: 'activity' },
    { container: 'FieldDeclaration', children: 'operations', name: 'name', what: 'operation' },
    { container: 'Assessment', children: 'topics', name: 'name', what: 'topic' },
    { container: 'Agreement', children: 'clauses', name: 'name', what: 'clause' },
    { container: 'AgreementTemplate', children: 'clauses', name: 'name', what: 'clause' },
    { container: 'BudgetEnvelope', children: 'rates', name: 'currency', what: 'rate' }
];

const UNIQUE_NAMES_BY_TYPE = new Map<string, typeof UNIQUE_NAMES>();
for (const unique of UNIQUE_NAMES) {
    UNIQUE_NAMES_BY_TYPE.set(unique.container, [...(UNIQUE_NAMES_BY_TYPE.get(unique.container) ?? []), unique]);
}

/** The human name of an AST type in messages ("budget envelope"); a type the catalogue does not name is spelt out in English. */
function typeLabel(type: string): MessageParam {
    const id = `language.type.${type}`;
    return isMessageId(id) ? msg(id) : type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The same with its article ("a budget envelope"). */
function withArticle(type: string): MessageParam {
    const id = `language.aType.${type}`;
    if (isMessageId(id)) {
        return msg(id);
    }
    const noun = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** A property in messages: its keyword in backticks, or "the <label>" for one without a keyword. */
function quoted(type: string, spec: PropertySpec): Message {
    return spec.keyword ? msg('language.property.keyword', { keyword: spec.keyword }) : msg('language.property.label', { label: labelOf(type, spec) });
}

function labelOf(type: string, spec: PropertySpec): MessageParam {
    const id = `property.${type}.${spec.feature}.label`;
    return isMessageId(id) ? msg(id) : spec.label;
}

/** "`fiscal-year` takes …: <problem>." (or "The amount takes …" for a property without a keyword). */
function malformedValue(type: string, spec: PropertySpec, problem: Message): Message {
    const takes = takesMessage(type, spec);
    return spec.keyword
        ? msg('language.malformed.keyword', { keyword: spec.keyword, takes, problem })
        : msg('language.malformed.label', { label: labelOf(type, spec), takes, problem });
}

/** Items joined with the locale's "or"/"and" (`a` or `b` or `c`), each in backticks. */
/** Terms or examples as code, joined by `join` (i18n/lists.ts). */
function codes(join: (items: readonly MessageParam[]) => MessageParam, items: readonly string[]): MessageParam {
    return join(items.map(item => msg('language.code', { code: item })));
}

function orList(items: readonly string[]): MessageParam {
    return codes(eitherOf, items);
}

export class OsaLanguageChecks {
    constructor(
        private readonly configs: ConfigProvider | undefined,
        private readonly shippedReference: () => ReferenceData,
        /** The locale findings are rendered in (the services' Localizer); English when not given. */
        private readonly localizer: Localizer = new Localizer()
    ) { }

    /** Renders a finding in the locale in force, and keeps its catalogue id in `data.messageId`. */
    private report<N extends AstNode>(accept: ValidationAcceptor, severity: 'error' | 'warning', message: Message, info: DiagnosticInfo<N> & { data?: LanguageDiagnosticData }): void {
        accept(severity, this.localizer.text(message), { ...info, data: { ...info.data, messageId: message.id } });
    }

    checks(): ValidationChecks<OsaAstType> {
        const generic = (node: AstNode, accept: ValidationAcceptor) => this.checkProperties(node, accept);
        // The generic property checks, then a declaration's own.
        const and = <N extends AstNode>(own: (node: N, accept: ValidationAcceptor) => void) => (node: N, accept: ValidationAcceptor) => {
            generic(node, accept);
            own(node, accept);
        };
        return {
            Programme: and((node, accept) => this.checkProgramme(node, accept)),
            Beneficiary: generic,
            Amount: (node, accept) => {
                generic(node, accept);
                if (node.currency === undefined && node.value !== undefined) {
                    this.report(accept, 'error', msg('language.amountNoCurrency', { value: node.value }), {
                        node, property: 'value', code: LANGUAGE_CODE,
                        data: languageData({ kind: 'malformed-value', property: 'currency', replacement: `${node.value} JPY` })
                    });
                }
            },
            Period: (node, accept) => {
                generic(node, accept);
                const start = writtenValues(node, 'start')[0];
                const end = writtenValues(node, 'end')[0];
                if (!end) {
                    this.report(accept, 'error', msg('language.periodNoEnd'), {
                        node, code: LANGUAGE_CODE, data: languageData({ kind: 'malformed-value', property: 'end' })
                    });
                } else if (start && end) {
                    const a = decodeDate(start);
                    const b = decodeDate(end);
                    if (a.ok && b.ok && b.value < a.value) {
                        this.report(accept, 'error', msg('language.periodReversed', { end: b.value, start: a.value }), { node, property: 'end', code: LANGUAGE_CODE });
                    }
                }
            },
            Funding: and((node, accept) => this.checkFunding(node, accept)),
            FundingShare: and((node, accept) => this.checkFundingShare(node, accept)),
            FieldDeclaration: generic,
            Activity: generic,
            Operation: and((node, accept) => {
                this.checkOperation(node, accept);
                this.checkOperationAreas(node, accept);
            }),
            Item: (node, accept) => {
                generic(node, accept);
                if (node.categories.length === 0 && !isStated(node, 'categories')) {
                    this.report(accept, 'error', msg('language.itemNoCategory', { name: node.name }), {
                        node, property: 'name', code: LANGUAGE_CODE,
                        data: languageData({ kind: 'missing-property', property: 'categories' })
                    });
                }
            },
            Assessment: generic,
            AssessmentTopic: (node, accept) => {
                generic(node, accept);
                if (node.texts.length === 0) {
                    this.report(accept, 'error', msg('language.topicNoText', { name: node.name }), {
                        node, property: 'name', code: LANGUAGE_CODE,
                        data: languageData({ kind: 'missing-property', property: 'texts', example: '""' })
                    });
                }
            },
            Agreement: and((node, accept) => this.checkAgreement(node, accept)),
            AgreementTemplate: (node: AgreementTemplate, accept) => generic(node, accept),
            Clause: generic,
            Coordination: generic,
            Exception: and((node, accept) => this.checkException(node, accept)),
            BudgetEnvelope: and((node, accept) => this.checkEnvelope(node, accept)),
            ExchangeRate: (node, accept) => {
                generic(node, accept);
                if (node.rate === undefined) {
                    this.report(accept, 'error', msg('language.exchangeRateNoRate', { currency: node.currency }), {
                        node, property: 'currency', code: LANGUAGE_CODE, data: languageData({ kind: 'malformed-value', property: 'rate' })
                    });
                } else if (node.currency === 'JPY') {
                    this.report(accept, 'error', msg('language.exchangeRateJpy'), { node, property: 'currency', code: LANGUAGE_CODE });
                }
            },
            Monitoring: generic,
            MonitoringVisit: generic,
            MonitoringResults: generic,
            UnknownStatement: (node, accept) => this.checkUnknown(node, accept)
        };
    }

    // ---- every property: once, in its form, with known terms ---------------------------------------------

    checkProperties(node: AstNode, accept: ValidationAcceptor): void {
        this.checkValues(node, accept);
        for (const unique of UNIQUE_NAMES_BY_TYPE.get(node.$type) ?? []) {
            this.checkUniqueNames(node, unique, accept);
        }
    }

    /**
     * Every value of the node, in one walk of its own CST: each token's text and kind tell whether it is
     * well formed, without building written values; only a value that needs a message takes the full path.
     * A property that holds one fact is checked on its first statement only; its repeats are counted in the
     * same walk and reported as repeats.
     */
    private checkValues(node: AstNode, accept: ValidationAcceptor): void {
        const specs = specsByFeature(node.$type);
        if (specs.size === 0 || !node.$cstNode) {
            return;
        }
        const seen: string[] = [];
        let repeated: Set<PropertySpec> | undefined;
        const visit = (composite: CstNode) => {
            if (!isCompositeCstNode(composite)) {
                return;
            }
            for (const child of composite.content) {
                const feature = featureOf(child);
                if (feature === null) {
                    if (child.astNode === node) {
                        visit(child);
                    }
                    continue;
                }
                const spec = specs.get(feature);
                if (!spec) {
                    continue;
                }
                const index = countOf(seen, feature);
                seen.push(feature);
                if (index > 0 && !spec.repeatable) {
                    repeated ??= new Set();
                    repeated.add(spec);
                    continue;
                }
                if (spec.value.type === 'declaration' || spec.value.type === 'reference' || spec.value.type === 'flag') {
                    continue;
                }
                const leaf = firstLeaf(child);
                if (leaf && this.isWellFormed(spec, leaf.text, TOKEN_KIND_BY_TYPE[leaf.tokenType.name] ?? 'name')) {
                    continue;
                }
                const written = writtenValues(node, spec.feature)[index];
                if (written) {
                    this.checkValue(node, spec, written, index, accept);
                }
            }
        };
        visit(node.$cstNode);
        // A property that holds one fact, stated more than once: each repeat is reported against the first.
        for (const spec of repeated ?? []) {
            this.reportRepeats(node, spec, countOf(seen, spec.feature), accept);
        }
    }

    /** True when a value certainly needs no message (the fast path of checkProperties); false means: check it fully. */
    private isWellFormed(spec: PropertySpec, raw: string, kind: TokenKind | undefined): boolean {
        switch (spec.value.type) {
            case 'text':
                return kind === 'text';
            case 'quantity':
                return kind === 'number' && /^[1-9][0-9]{0,8}$/.test(raw);
            case 'term':
                return kind === 'name' && isKnownTerm(spec.value.vocabulary, raw);
            case 'fiscal-year':
                return kind === 'number' && /^[0-9]{4}$/.test(raw) && Number(raw) >= FIRST_OSA_FISCAL_YEAR && Number(raw) <= LAST_PLAUSIBLE_FISCAL_YEAR;
            case 'date':
                return kind === 'date' && isCalendarDate(raw);
            case 'amount':
                return kind === 'number' && decodeAmountValue({ value: raw, kind }).ok;
            case 'country':
            case 'rule-id':
                return kind === 'name';
            default:
                return false;
        }
    }

    private reportRepeats(node: AstNode, spec: PropertySpec, count: number, accept: ValidationAcceptor): void {
        const first = statementRange(node, spec, 0);
        for (let index = 1; index < count; index++) {
            const remove = statementRange(node, spec, index);
            if (!remove) {
                continue;
            }
            const params = { declaration: typeLabel(node.$type), property: quoted(node.$type, spec) };
            this.report(accept, 'error', msg('language.repeated', params), {
                node, range: remove, code: LANGUAGE_CODE,
                relatedInformation: first ? [{ location: { uri: documentUri(node), range: first }, message: this.localizer.text(msg('language.repeated.related', params)) }] : [],
                data: languageData({ kind: 'repeated', property: spec.feature, remove })
            });
        }
    }

    private checkUniqueNames(node: AstNode, unique: typeof UNIQUE_NAMES[number], accept: ValidationAcceptor): void {
        const children = (node as unknown as Record<string, AstNode[]>)[unique.children] ?? [];
        const seen = new Map<string, AstNode>();
        for (const child of children) {
            const name = (child as unknown as Record<string, unknown>)[unique.name];
            if (typeof name !== 'string' || name === '') {
                continue;
            }
            const first = seen.get(name);
            if (!first) {
                seen.set(name, child);
                continue;
            }
            const remove = child.$cstNode?.range;
            const what = msg(`language.unique.${unique.what}`);
            this.report(accept, 'error', msg('language.uniqueRepeated', { declaration: typeLabel(node.$type), what, name }), {
                node: child, property: unique.name, code: LANGUAGE_CODE,
                relatedInformation: first.$cstNode ? [{ location: { uri: documentUri(node), range: first.$cstNode.range }, message: this.localizer.text(msg('language.uniqueRepeated.related', { what, name })) }] : [],
                data: remove ? languageData({ kind: 'repeated', property: unique.children, remove }) : undefined
            });
        }
    }

    private checkValue(node: AstNode, spec: PropertySpec, written: WrittenValue, index: number, accept: ValidationAcceptor): void {
        const where = { node, property: spec.feature, index, code: LANGUAGE_CODE };
        const malformed = (problem: Message, replacement?: string, range?: Range) => this.report(accept, 'error', malformedValue(node.$type, spec, problem), {
            ...where, ...(range ? { range } : {}),
            data: languageData({ kind: 'malformed-value', property: spec.feature, ...(replacement !== undefined ? { replacement } : {}) })
        });
        const check = <T>(decoded: Decoded<T>, replacement?: string) => {
            if (!decoded.ok) {
                malformed(decoded.problem, replacement);
            }
            return decoded;
        };
        switch (spec.value.type) {
            case 'text': {
                if (written.kind === 'text') {
                    return;
                }
                if (written.kind === 'unterminated-text') {
                    malformed(msg('value.unterminated'), `"${written.value}"`);
                    return;
                }
                // An unquoted text: the words after the first one, on the same line, are part of it.
                const { range, text } = unquotedRun(node, written);
                malformed(msg('value.notQuoted', { text }), JSON.stringify(text), range);
                return;
            }
            case 'fiscal-year': {
                const fy = /^(?:FY|fy)\s*([0-9]{4})$/.exec(written.value);
                const decoded = check(decodeFiscalYear(written), fy ? fy[1] : undefined);
                if (decoded.ok && (decoded.value < FIRST_OSA_FISCAL_YEAR || decoded.value > LAST_PLAUSIBLE_FISCAL_YEAR)) {
                    this.report(accept, 'error', msg('language.implausibleFiscalYear', { year: decoded.value, first: FIRST_OSA_FISCAL_YEAR }), where);
                }
                return;
            }
            case 'date': {
                const ymd = /^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})$/.exec(written.value);
                check(decodeDate(written), ymd && !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(written.value)
                    ? `${ymd[1]}-${ymd[2].padStart(2, '0')}-${ymd[3].padStart(2, '0')}` : undefined);
                return;
            }
            case 'amount': {
                const grouped = /^[0-9]{1,3}(,[0-9]{3})+$/.test(written.value) ? written.value.replace(/,/g, '_') : undefined;
                check(decodeAmountValue(written), grouped);
                return;
            }
            case 'quantity':
                check(decodeQuantity(written));
                return;
            case 'rate':
                check(decodeRate(written));
                return;
            case 'country':
            case 'rule-id':
                check(decodeName(written), written.kind === 'text' ? written.value : undefined);
                return;
            case 'name':
                if (written.kind === 'unterminated-text') {
                    malformed(msg('value.unterminated'), `"${written.value}"`);
                }
                return;
            case 'term': {
                const vocabulary = VOCABULARIES[spec.value.vocabulary];
                if (written.kind === 'name' && isKnownTerm(vocabulary.id, written.value)) {
                    return;
                }
                // Only a word the built-in tables do not know pays for the workspace's own terms.
                const terms = this.termsFor(node);
                if (written.kind === 'name' && terms.addedTerm(vocabulary.id, written.value)) {
                    return;
                }
                const suggestions = terms.suggest(vocabulary.id, written.value);
                const shown = written.kind === 'text' ? `"${written.value}"` : written.value;
                const params = { vocabulary: msg(`language.vocabulary.${vocabulary.id}`), value: shown };
                const message = suggestions.length > 0 ? msg('language.unknownTerm.suggest', { ...params, suggestions: orList(suggestions) })
                    : msg(vocabulary.id === 'currency' ? 'language.unknownTerm.currency' : 'language.unknownTerm', params);
                this.report(accept, 'error', message, {
                    ...where, data: languageData({ kind: 'unknown-term', vocabulary: vocabulary.id, suggestions })
                });
                return;
            }
            default:
                return;
        }
    }

    // ---- declarations ----------------------------------------------------------------------------------

    checkProgramme(programme: Programme, accept: ValidationAcceptor): void {
        // Coordination bodies may be spread over several lines but each is one fact.
        const bodies = new Set<string>();
        for (const line of programme.coordination) {
            line.bodies.forEach((body, index) => {
                if (bodies.has(body)) {
                    this.report(accept, 'error', msg('language.coordinationRepeated', { body }), {
                        node: line, property: 'bodies', index, code: LANGUAGE_CODE
                    });
                }
                bodies.add(body);
            });
        }
        for (const spec of PROPERTIES.Programme) {
            if (spec.required && !isStated(programme, spec.feature)) {
                this.report(accept, 'error', msg('language.programmeMissing', { programme: programme.name, keyword: spec.keyword!, example: spec.example }), {
                    node: programme, property: 'name', code: LANGUAGE_CODE,
                    data: languageData({ kind: 'missing-property', property: spec.feature, ...(spec.feature === 'modalities' ? { example: spec.example } : {}) })
                });
            }
        }
        const envelope = envelopeOf(programme);
        const envelopeYear = envelope ? fiscalYearOf(envelope) : undefined;
        const fiscalYear = fiscalYearOf(programme);
        if (envelope && envelopeYear !== undefined && fiscalYear !== undefined && envelopeYear !== fiscalYear) {
            this.report(accept, 'error', msg('language.envelopeYearMismatch', { fiscalYear, envelope: envelope.name, envelopeYear }), {
                node: programme, property: 'envelopes', index: 0, code: LANGUAGE_CODE
            });
        }
    }

    checkAgreement(agreement: Agreement, accept: ValidationAcceptor): void {
        const signed = writtenValues(agreement, 'signedDates')[0];
        const decoded = signed ? decodeDate(signed) : undefined;
        if (decoded?.ok && decoded.value < OSA_ESTABLISHED) {
            this.report(accept, 'warning', msg('language.agreementBeforeOsa', { date: decoded.value, established: OSA_ESTABLISHED }), {
                node: agreement, property: 'signedDates', index: 0, code: LANGUAGE_CODE
            });
        }
    }

    checkOperation(operation: AstNode, accept: ValidationAcceptor): void {
        const written = writtenValues(operation, 'name')[0];
        if (!written) {
            return;
        }
        if (written.kind === 'text') {
            if (writtenValues(operation, 'leads').length === 0) {
                this.report(accept, 'error', msg('language.operationNoLead', { name: written.value }), {
                    node: operation, property: 'name', code: LANGUAGE_CODE,
                    data: languageData({ kind: 'malformed-value', property: 'leads' })
                });
            }
            return;
        }
        if (written.kind !== 'name') {
            this.report(accept, 'error', msg('language.operationNotName', { value: written.value }), {
                node: operation, property: 'name', code: LANGUAGE_CODE
            });
            return;
        }
        const reference = this.referenceFor(operation);
        if (reference.peaceOperation(written.value)) {
            if (writtenValues(operation, 'leads').length > 0) {
                this.report(accept, 'warning', msg('language.operationUnLed', { name: written.value }), {
                    node: operation, property: 'leads', index: 0, code: LANGUAGE_CODE
                });
            }
            return;
        }
        const suggestions = reference.suggestPeaceOperations(written.value).map(o => o.id);
        this.report(accept, 'error', suggestions.length > 0
            ? msg('language.unknownOperation.suggest', { name: written.value, suggestions: orList(suggestions) })
            : msg('language.unknownOperation', { name: written.value }), {
            node: operation, property: 'name', code: LANGUAGE_CODE,
            data: languageData({ kind: 'unknown-operation', suggestions })
        });
    }

    /**
     * A programme's money by fiscal year: one share per year (a repeat never silently wins), not before the
     * programme's own fiscal year, and not next to an `amount` (two statements of the same money: which one the
     * budget should count would be a guess, so it is an error rather than a reconciliation).
     */
    checkFunding(funding: Funding, accept: ValidationAcceptor): void {
        const programme = funding.$container;
        if (funding.shares.length === 0) {
            this.report(accept, 'error', msg('language.fundingEmpty'), {
                node: funding, keyword: 'funding', code: LANGUAGE_CODE
            });
        }
        if (programme.amounts.length > 0 && programme.fundings[0] === funding) {
            this.report(accept, 'error', msg('language.amountAndFunding', { programme: programme.name }), {
                node: programme, property: 'amounts', index: 0, code: LANGUAGE_CODE,
                relatedInformation: funding.$cstNode ? [{ location: { uri: documentUri(funding), range: funding.$cstNode.range }, message: this.localizer.text(msg('language.amountAndFunding.related')) }] : []
            });
        }
        const fiscalYear = fiscalYearOf(programme);
        const firstByYear = new Map<number, FundingShare>();
        for (const share of funding.shares) {
            const written = writtenValues(share, 'year')[0];
            const decoded = written ? decodeFiscalYear(written) : undefined;
            if (!decoded?.ok) {
                continue; // reported as a malformed year
            }
            const year = decoded.value;
            const first = firstByYear.get(year);
            if (first) {
                const remove = share.$cstNode?.range;
                this.report(accept, 'error', msg('language.shareRepeated', { year }), {
                    node: share, property: 'year', code: LANGUAGE_CODE,
                    relatedInformation: first.$cstNode ? [{ location: { uri: documentUri(share), range: first.$cstNode.range }, message: this.localizer.text(msg('language.shareRepeated.related', { year })) }] : [],
                    data: remove ? languageData({ kind: 'repeated', property: 'shares', remove }) : undefined
                });
                continue;
            }
            firstByYear.set(year, share);
            if (fiscalYear !== undefined && year < fiscalYear) {
                this.report(accept, 'error', msg('language.shareBeforeFiscalYear', { year, fiscalYear }), {
                    node: share, property: 'year', code: LANGUAGE_CODE
                });
            }
        }
    }

    /** A share is a year, an amount and a currency on one line: a missing amount or currency is one error. */
    checkFundingShare(share: FundingShare, accept: ValidationAcceptor): void {
        if (share.value === undefined) {
            this.report(accept, 'error', msg('language.shareNoAmount', { year: share.year }), {
                node: share, property: 'year', code: LANGUAGE_CODE,
                data: languageData({ kind: 'malformed-value', property: 'value' })
            });
        } else if (share.currency === undefined) {
            this.report(accept, 'error', msg('language.shareNoCurrency', { year: share.year, value: share.value }), {
                node: share, property: 'value', code: LANGUAGE_CODE,
                data: languageData({ kind: 'malformed-value', property: 'currency', replacement: `${share.value} JPY` })
            });
        }
    }

    /** A country of operation named twice in one `in` list is one fact stated twice: the repeat is reported. */
    checkOperationAreas(operation: Operation, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        operation.areas.forEach((area, index) => {
            if (seen.has(area)) {
                this.report(accept, 'error', msg('language.operationAreaRepeated', { area }), {
                    node: operation, property: 'areas', index, code: LANGUAGE_CODE
                });
            }
            seen.add(area);
        });
    }

    checkException(exception: Exception, accept: ValidationAcceptor): void {
        const id = exceptionRuleOf(exception);
        if (id === undefined) {
            return; // not a name: reported as a malformed value
        }
        const rule = ruleById(id);
        if (!rule) {
            this.report(accept, 'error', msg('language.exceptionNotRule', { id }), {
                node: exception, property: 'rule', code: LANGUAGE_CODE
            });
        } else if (!rule.exceptionSeverity && !rule.partialExceptionSeverity) {
            this.report(accept, 'warning', msg('language.exceptionNoEffect', { rule: rule.id, name: rule.name }), {
                node: exception, property: 'rule', code: LANGUAGE_CODE
            });
        }
    }

    checkEnvelope(envelope: BudgetEnvelope, accept: ValidationAcceptor): void {
        const missing = PROPERTIES.BudgetEnvelope.filter(p => p.required && !isStated(envelope, p.feature));
        if (missing.length > 0) {
            this.report(accept, 'error', msg('language.envelopeMissing', { envelope: envelope.name, missing: codes(eachOf, missing.map(m => m.example)) }), {
                node: envelope, property: 'name', code: LANGUAGE_CODE,
                data: languageData({ kind: 'missing-property', property: missing[0].feature })
            });
        }
    }

    // ---- words the language does not know -------------------------------------------------------------

    checkUnknown(statement: UnknownStatement, accept: ValidationAcceptor): void {
        const container = statement.$container as AstNode;
        if (isContinuationOfUnquotedText(statement)) {
            return; // part of an unquoted text, reported once with it
        }
        const renamed = RENAMED_KEYWORDS.get(statement.keyword);
        if (renamed) {
            this.report(accept, 'error', renamed, { node: statement, property: 'keyword', code: LANGUAGE_CODE });
            return;
        }
        const topLevel = container.$type === 'Model';
        const own = topLevel ? [...DECLARATION_KEYWORDS] : statementKeywords(container.$type);
        // Inside an item, a word may also be a misspelt property of the programme that follows the item.
        const outer = container.$type === 'Item' ? statementKeywords('Programme') : [];
        const ranked = suggestKeywords(statement.keyword, [...own, ...outer]);
        const suggestions = ranked.slice(0, 3);
        const closest = ranked[0];
        const ownerType = closest !== undefined && !own.includes(closest) ? 'Programme' : container.$type;
        // With no suggestion there is no closest word, so the owner is the container itself.
        const params = { word: statement.keyword, owner: withArticle(ownerType) };
        const message = suggestions.length > 0
            ? msg(topLevel ? 'language.unknownWord.declaration.suggest' : 'language.unknownWord.property.suggest', { ...params, suggestions: orList(suggestions) })
            : msg(topLevel ? 'language.unknownWord.declaration' : 'language.unknownWord.property', params);
        this.report(accept, 'error', message, {
            node: statement, property: 'keyword', code: LANGUAGE_CODE,
            data: languageData({ kind: 'unknown-property', suggestions })
        });
    }

    /** The terms in force for the node's file. */
    private termsFor(node: AstNode): Terms {
        return this.configs ? this.configs.termsFor(AstUtils.getDocument(node).uri.fsPath) : BUILT_IN_TERMS;
    }

    private referenceFor(node: AstNode): ReferenceData {
        const document = AstUtils.getDocument(node) as LangiumDocument;
        if (this.configs) {
            try {
                return this.configs.referenceFor(this.configs.configFor(document.uri.fsPath));
            } catch {
                // An invalid configuration is reported on its own; the shipped data still answers.
            }
        }
        return this.shippedReference();
    }
}

function documentUri(node: AstNode): string {
    return AstUtils.getDocument(node).uri.toString();
}

/**
 * The range of the `index`th statement of a property: from its keyword (when it has one) to the end of its
 * value, or the child declaration's own range.
 */
export function statementRange(node: AstNode, spec: PropertySpec, index: number): Range | undefined {
    const cst = GrammarUtils.findNodesForProperty(node.$cstNode, spec.feature)[index];
    if (!cst) {
        return undefined;
    }
    const keyword = spec.keyword && spec.value.type !== 'declaration' ? precedingKeyword(cst, spec.keyword) : undefined;
    return { start: (keyword ?? cst).range.start, end: cst.range.end };
}

/** The sibling just before a CST node, skipping comments. */
function previousSibling(cst: CstNode): CstNode | undefined {
    const parent = cst.container;
    if (!parent || !isCompositeCstNode(parent)) {
        return undefined;
    }
    for (let i = parent.content.indexOf(cst) - 1; i >= 0; i--) {
        if (!parent.content[i].hidden) {
            return parent.content[i];
        }
    }
    return undefined;
}

function precedingKeyword(cst: CstNode, keyword: string): CstNode | undefined {
    const sibling = previousSibling(cst);
    return sibling?.text === keyword ? sibling : undefined;
}

/** Unknown statements directly after an unquoted text on the same line are the rest of that text. */
function isContinuationOfUnquotedText(statement: UnknownStatement): boolean {
    const previous = previousStatementValue(statement);
    return previous !== undefined && previous.kind === 'name' && previous.spec.value.type === 'text'
        && previous.cst.range.end.line === statement.$cstNode?.range.start.line;
}

function previousStatementValue(statement: UnknownStatement): (WrittenValue & { spec: PropertySpec }) | undefined {
    const cst = statement.$cstNode;
    const sibling = cst ? previousSibling(cst) : undefined;
    if (!cst || !sibling) {
        return undefined;
    }
    if (sibling.astNode.$type === 'UnknownStatement' && sibling.astNode !== statement) {
        return previousStatementValue(sibling.astNode as UnknownStatement);
    }
    const container = cst.container!.astNode;
    for (const spec of propertiesOf(container.$type)) {
        const written = writtenValues(container, spec.feature).find(w => w.cst === sibling);
        if (written) {
            return { ...written, spec };
        }
    }
    return undefined;
}

/** An unquoted text value and the unknown statements that continue it on its line: one range, one text. */
function unquotedRun(node: AstNode, written: WrittenValue): { range: Range; text: string } {
    const parent = written.cst.container;
    let end = written.cst;
    if (parent && isCompositeCstNode(parent)) {
        const position = parent.content.indexOf(written.cst);
        for (let i = position + 1; i < parent.content.length; i++) {
            const sibling = parent.content[i];
            if (sibling.hidden) {
                continue;
            }
            if (sibling.astNode.$type === 'UnknownStatement' && sibling.astNode.$container === node && sibling.range.start.line === written.cst.range.end.line) {
                end = sibling;
                continue;
            }
            break;
        }
    }
    const document = AstUtils.getDocument(node);
    const text = document.textDocument.getText({ start: written.cst.range.start, end: end.range.end });
    return { range: { start: written.cst.range.start, end: end.range.end }, text };
}

export type { LanguageDiagnosticData };

const TOKEN_KIND_BY_TYPE: Record<string, TokenKind> = { STRING: 'text', BAD_STRING: 'unterminated-text', ID: 'name', NUMBER: 'number', DATE: 'date' };

const specCache = new Map<string, Map<string, PropertySpec>>();

function specsByFeature(type: string): Map<string, PropertySpec> {
    let specs = specCache.get(type);
    if (!specs) {
        specs = new Map(propertiesOf(type).map(spec => [spec.feature, spec]));
        specCache.set(type, specs);
    }
    return specs;
}

function countOf(list: readonly string[], item: string): number {
    let count = 0;
    for (const entry of list) {
        if (entry === item) {
            count++;
        }
    }
    return count;
}

/** The first token of a value's CST node: its text as written (quotes included) and its token type. */
function firstLeaf(cst: CstNode): LeafCstNode | undefined {
    let current: CstNode | undefined = cst;
    while (current && !isLeafCstNode(current)) {
        // A value is one token, possibly after a comment: the first token that is not hidden.
        let next: CstNode | undefined;
        if (isCompositeCstNode(current)) {
            for (const child of current.content) {
                if (!child.hidden) {
                    next = child;
                    break;
                }
            }
        }
        current = next;
    }
    return current;
}
