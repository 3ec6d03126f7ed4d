/**
 * Rename for the names OSA declares: programme ids, agreement templates (`agreement uses …`) and budget
 * envelopes (`funded-by …`). Langium's default finds the declaration and every reference in the
 * workspace through the index (every reference points at a top-level declaration, so the lack of
 * local scopes does not matter); this provider limits it to those three kinds of name, since the
 * default would also offer to "rename" vocabulary terms and quoted item names, and refuses a new name
 * that would not parse back to the same reference: not an identifier, a keyword of the language, or
 * the name of another declaration of the same kind.
 */
import { DEFAULT_LOCALE } from '../i18n/index.js';
import { sayer } from './editor-text.js';
import type { OsaLspServices } from './osa-lsp-module.js';
import { AstUtils, CstUtils, GrammarAST, type AstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import { ErrorCodes, ResponseError, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isAgreementTemplate, isBudgetEnvelope, isProgramme } from '../generated/ast.js';
import type { CancellationToken } from 'vscode-languageserver-protocol';

/** The `ID` terminal of the grammar, anchored: what an identifier must look like. */
const IDENTIFIER = /^[_a-zA-Z][\w-]*$/;

const KINDS = new Set(['Programme', 'AgreementTemplate', 'BudgetEnvelope']);

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
        const type = KINDS.has(node.$type) ? node.$type as 'Programme' | 'AgreementTemplate' | 'BudgetEnvelope' : 'declaration';
        const say = sayer((this.services as Partial<OsaLspServices>).osa?.Localizer.locale ?? DEFAULT_LOCALE);
        if (!IDENTIFIER.test(newName)) {
            return say('rename.invalid', { name: newName, kind: say(`rename.kind.${type}`) });
        }
        if (this.keywords.has(newName)) {
            return say('rename.keyword', { name: newName, kind: say(`rename.kindWithArticle.${type}`) });
        }
        const uri = AstUtils.getDocument(node).uri.toString();
        const path = this.services.workspace.AstNodeLocator.getAstNodePath(node);
        const clash = this.services.shared.workspace.IndexManager.allElements(node.$type)
            .find(d => d.name === newName && !(d.documentUri.toString() === uri && d.path === path));
        if (clash) {
            return say('rename.clash', { kind: capitalize(say(`rename.kindWithArticle.${type}`)), name: newName, file: clash.documentUri.path.split('/').pop() ?? '' });
        }
        return undefined;
    }
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
