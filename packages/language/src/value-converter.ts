import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/** Reads `1_600_000_000` as 1600000000: digit separators make yen amounts legible. */
export class OsaValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'INT') {
            return Number(input.replace(/_/g, ''));
        }
        return super.runConverter(rule, input, cstNode);
    }
}
