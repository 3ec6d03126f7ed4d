/**
 * Rename for the names OSA declares: programme ids, agreement templates (`agreement uses …`) and budget
 * envelopes (`funded-by …`). Langium's default finds the declaration and every reference in the
 * workspace through the index (every reference points at a top-level declaration, so the lack of
 * local scopes does not matter); this provider limits it to those three kinds of name, since the
 * default would also offer to "rename" vocabulary terms and quoted item names, and refuses a new name
 * that would not parse back to the same reference: not an identifier, a keyword of the language, or
 * the name of another declaration of the same kind.
 */
import { AstUtils, CstUtils, GrammarAST, type AstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import { ErrorCodes, ResponseError, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isAgreementTemplate, isBudgetEnvelope, isProgramme } from '../generated/ast.js';
import type { CancellationToken } from 'vscode-languageserver-protocol';

/** The `ID` terminal of the grammar, anchored: what an identifier must look like. */
const IDENTIFIER = /^[_a-zA-Z][\w-]*$/;

const KIND_NAMES: Record<string, string> = {
    Programme: 'programme',
    AgreementTemplate: 'agreement template',
    BudgetEnvelope: 'budget envelope'
};

export class OsaRenameProvider extends DefaultRenameProvider {
    protected readonly keywords: Set<string>;
    protected readonly services: LangiumServices;

    constructor(services: LangiumServices) {
        super(services);
        this.services = services;
        this.keywords = new Set(AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword).map(k => k.value));
    }

    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const target = this.renameTarget(document, params.position);
        if (!target) {
            return undefined;
        }
        const problem = this.checkNewName(params.newName, target.node);
        if (problem) {
            throw new ResponseError(ErrorCodes.InvalidParams, problem);
        }
        return super.rename(document, params, cancelToken);
    }

    override prepareRename(document: LangiumDocument, params: PrepareRenameParams): Range | undefined {
        return this.renameTarget(document, params.position)?.range;
    }

    /** The programme, template or envelope named or referenced at a position, and the name's range. */
    protected renameTarget(document: LangiumDocument, position: { line: number; character: number }): { node: AstNode; range: Range } | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) {
            return undefined;
        }
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        if (!leaf || leaf.hidden) {
            return undefined;
        }
        const node = this.references.findDeclarations(leaf)[0];
        if (!node || !(isProgramme(node) || isAgreementTemplate(node) || isBudgetEnvelope(node))) {
            return undefined;
        }
        return { node, range: (CstUtils.getDatatypeNode(leaf) ?? leaf).range };
    }

    /** Why a new name cannot be used, or undefined when it can. */
    protected checkNewName(newName: string, node: AstNode): string | undefined {
        const kind = KIND_NAMES[node.$type] ?? 'declaration';
        if (!IDENTIFIER.test(newName)) {
            return `"${newName}" is not a valid ${kind} name: use letters, digits, '_' and '-', starting with a letter or '_' (e.g. OSA-BUDGET-FY2025).`;
        }
        if (this.keywords.has(newName)) {
            return `"${newName}" is a keyword of the OSA language and cannot name ${withArticle(kind)}.`;
        }
        const uri = AstUtils.getDocument(node).uri.toString();
        const path = this.services.workspace.AstNodeLocator.getAstNodePath(node);
        const clash = this.services.shared.workspace.IndexManager.allElements(node.$type)
            .find(d => d.name === newName && !(d.documentUri.toString() === uri && d.path === path));
        if (clash) {
            return `${capitalize(withArticle(kind))} named ${newName} already exists (${clash.documentUri.path.split('/').pop()}); references would become ambiguous.`;
        }
        return undefined;
    }
}

function withArticle(noun: string): string {
    return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
