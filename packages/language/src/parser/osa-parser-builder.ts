/**
 * Builds OsaParser's rule methods from the grammar: the same Chevrotain calls, in the same order and with the same
 * occurrence numbers, as Langium's own builder (createParser), but with nothing allocated per call.
 *
 * Langium's builder passes rule parameters down every call, so each alternation wraps all of its choices in new
 * objects and closures every time it is entered, and each rule call makes a new arguments object. For a batch of
 * programmes that was a quarter of all the memory the parse allocated (the Programme body alone is a loop over a
 * choice of 23), and the collector's time with it. The OSA grammar has no parameters, guards, actions, unordered
 * groups or infix rules, so no choice depends on the call: each method and each choice list is made once, here.
 * A grammar that uses any of those is refused when the parser is built, not parsed differently.
 */
import type { TokenType } from 'chevrotain';
import { GrammarAST, GrammarUtils, type LangiumParser } from 'langium';

type Method = () => void;
type RuleMethod = NonNullable<ReturnType<LangiumParser['getRule']>>;
type TokenTypes = Record<string, TokenType>;

/** The arguments every rule is called with: the grammar declares no parameters, so there are never any. */
const NO_ARGUMENTS = Object.freeze({}) as Record<string, boolean>;

/** Chevrotain's occurrence numbers, counted per rule and per kind of call, as Langium counts them. */
interface RuleContext {
    consume: number;
    optional: number;
    subrule: number;
    many: number;
    or: number;
}

/** Defines each parser rule of `grammar` that the entry rule can reach on `parser` (before its finalize()). */
export function buildOsaParserRules(grammar: GrammarAST.Grammar, parser: LangiumParser, tokens: TokenTypes): void {
    const reachable = GrammarUtils.getAllReachableRules(grammar, false);
    for (const rule of grammar.rules) {
        if (!reachable.has(rule)) {
            continue;
        }
        if (GrammarAST.isInfixRule(rule)) {
            throw unsupported(`infix rule ${rule.name}`);
        }
        if (!GrammarAST.isParserRule(rule)) {
            continue;
        }
        if (rule.parameters.length > 0) {
            throw unsupported(`parameters of rule ${rule.name}`);
        }
        if (rule.fragment) {
            throw unsupported(`fragment rule ${rule.name}`);
        }
        const method = buildElement({ consume: 1, optional: 1, subrule: 1, many: 1, or: 1 }, rule.definition, parser, tokens);
        parser.rule(rule, method);
    }
}

function buildElement(ctx: RuleContext, element: GrammarAST.AbstractElement, parser: LangiumParser, tokens: TokenTypes): Method {
    let method: Method;
    if (GrammarAST.isKeyword(element)) {
        method = consumer(ctx, tokenOf(tokens, element.value), element, parser);
    } else if (GrammarAST.isAssignment(element)) {
        method = buildElement(ctx, element.terminal, parser, tokens);
    } else if (GrammarAST.isCrossReference(element)) {
        method = buildCrossReference(ctx, element, parser, tokens);
    } else if (GrammarAST.isRuleCall(element)) {
        method = buildRuleCall(ctx, element, element, parser, tokens);
    } else if (GrammarAST.isAlternatives(element)) {
        method = buildAlternatives(ctx, element, parser, tokens);
    } else if (GrammarAST.isUnorderedGroup(element)) {
        throw unsupported('an unordered group');
    } else if (GrammarAST.isGroup(element)) {
        if (element.guardCondition) {
            throw unsupported('a guard condition');
        }
        const methods = element.elements.map(e => buildElement(ctx, e, parser, tokens));
        method = () => {
            for (const m of methods) {
                m();
            }
        };
    } else {
        throw unsupported(`a grammar element of type ${element.$type}`);
    }
    return repeated(ctx, method, element.cardinality, parser);
}

/** A rule call, or the terminal of a cross-reference (`feature` is then the cross-reference). */
function buildRuleCall(ctx: RuleContext, call: GrammarAST.RuleCall, feature: GrammarAST.AbstractElement, parser: LangiumParser, tokens: TokenTypes): Method {
    const rule = call.rule.ref;
    if (GrammarAST.isParserRule(rule)) {
        if (call.arguments.length > 0) {
            throw unsupported(`arguments to rule ${rule.name}`);
        }
        const idx = ctx.subrule++;
        const name = rule.name;
        // Rules are defined in grammar order, so a rule called before its definition is looked up on first use.
        let target: RuleMethod | undefined;
        return () => {
            target ??= ruleNamed(parser, name);
            parser.subrule(idx, target, false, feature, NO_ARGUMENTS);
        };
    }
    if (GrammarAST.isTerminalRule(rule)) {
        return consumer(ctx, tokenOf(tokens, rule.name), feature, parser);
    }
    throw unsupported(`a call of ${call.rule.$refText}`);
}

function buildCrossReference(ctx: RuleContext, crossReference: GrammarAST.CrossReference, parser: LangiumParser, tokens: TokenTypes): Method {
    const target = crossReference.type.ref;
    const terminal = crossReference.terminal ?? (target && GrammarUtils.findNameAssignment(target)?.terminal);
    if (GrammarAST.isRuleCall(terminal)) {
        return buildRuleCall(ctx, terminal, crossReference, parser, tokens);
    }
    if (GrammarAST.isKeyword(terminal)) {
        return consumer(ctx, tokenOf(tokens, terminal.value), crossReference, parser);
    }
    throw unsupported(`the cross-reference to ${crossReference.type.$refText}`);
}

function buildAlternatives(ctx: RuleContext, alternatives: GrammarAST.Alternatives, parser: LangiumParser, tokens: TokenTypes): Method {
    if (alternatives.elements.length === 1) {
        return buildElement(ctx, alternatives.elements[0], parser, tokens);
    }
    const choices = alternatives.elements.map(e => ({ ALT: buildElement(ctx, e, parser, tokens) }));
    const idx = ctx.or++;
    return () => parser.alternatives(idx, choices);
}

function consumer(ctx: RuleContext, token: TokenType, feature: GrammarAST.AbstractElement, parser: LangiumParser): Method {
    const idx = ctx.consume++;
    return () => parser.consume(idx, token, feature);
}

function repeated(ctx: RuleContext, method: Method, cardinality: '*' | '+' | '?' | undefined, parser: LangiumParser): Method {
    switch (cardinality) {
        case undefined:
            return method;
        case '*': {
            const idx = ctx.many++;
            const body = { DEF: method };
            return () => parser.many(idx, body);
        }
        case '+': {
            const idx = ctx.many++;
            const body = { DEF: method };
            return () => parser.atLeastOne(idx, body);
        }
        case '?': {
            const idx = ctx.optional++;
            const body = { DEF: method };
            return () => parser.optional(idx, body);
        }
    }
}

function ruleNamed(parser: LangiumParser, name: string): RuleMethod {
    const rule = parser.getRule(name);
    if (!rule) {
        throw new Error(`the OSA parser has no rule ${name}`);
    }
    return rule;
}

function tokenOf(tokens: TokenTypes, name: string): TokenType {
    const token = tokens[name];
    if (!token) {
        throw new Error(`the OSA lexer has no token ${name}`);
    }
    return token;
}

function unsupported(what: string): Error {
    return new Error(`the OSA parser builder does not support ${what}; build the parser with Langium's createParser instead`);
}
