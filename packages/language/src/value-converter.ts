import { DefaultValueConverter, ValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/**
 * Keeps numbers as written (`1_600_000_000`): model/values.ts decodes them exactly (no floating point) and
 * explains a malformed one; an unterminated text keeps its opening quote so that it can be told apart. Every
 * value of the language goes through here, so each rule is answered directly rather than by Langium's generic
 * lookup of the rule's type.
 */
export class OsaValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'Value':
            case 'Identifier':
            case 'Block':
            case 'Keyword':
            case 'NUMBER':
            case 'DATE':
            case 'BAD_STRING':
            case 'ID':
                return input;
            case 'STRING':
                return ValueConverter.convertString(input);
            default:
                return super.runConverter(rule, input, cstNode);
        }
    }
}
