import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/**
 * Keeps numbers as written (`1_600_000_000`): model/values.ts decodes them exactly (no floating point) and
 * explains a malformed one; an unterminated text keeps its opening quote so that it can be told apart.
 */
export class OsaValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'NUMBER' || rule.name === 'DATE' || rule.name === 'BAD_STRING') {
            return input;
        }
        return super.runConverter(rule, input, cstNode);
    }
}
