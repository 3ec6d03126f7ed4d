/**
 * The page's own texts (buttons, headings, labels, notices) in English and Japanese. A table of the
 * playground's, not the language package's catalogue: importing that into the page would pull every
 * engine message into the main bundle, and the engine's messages come from the worker anyway. The
 * report panel's shared terms (statuses, fact labels, the fiscal year) are the report catalogue's own
 * (`@osa-policy/language/report-texts`), so that the panel and `osa report` use the same words; the
 * tables below hold only what the page alone says.
 *
 * Placeholders are `{name}`; test/page-text.test.ts checks that both tables have the same keys and the
 * same placeholders, and that no Japanese entry is left in English.
 */

import { REPORT_TEXTS } from '@osa-policy/language/report-texts';

const en = {
    'page.title': 'OSA playground',
    'bar.example': 'Example',
    'bar.language': 'Language',
    'bar.format': 'Format file',
    'bar.addFiles': 'Add files',
    'bar.download': 'Download zip',
    'bar.share': 'Share link',
    'bar.report': 'Report',
    'bar.outline': 'Outline',
    'status.starting': 'Starting the language server…',
    'status.ready': 'Ready: every rule runs in this tab (first check {ms} ms after navigation).',
    'status.stopped': 'The language server stopped: {message}',
    'status.failed': 'The playground could not start: {message}',
    'aria.tabs': 'Workspace files',
    'aria.editorPanel': 'Editor',
    'aria.editor': 'File editor',
    'examples.programmes': 'Programmes',
    'examples.violations': 'Violations',
    'examples.shared': '(shared workspace)',
    'problems.heading': 'Problems',
    'problems.none': 'No problems in the workspace.',
    'problems.ruleTitle': 'Show the documentation of {code}',
    'problems.related': 'Related:',
    'problems.relatedTitle': 'Go to {where}',
    'severity.error': 'error',
    'severity.warning': 'warning',
    'severity.info': 'info',
    'severity.hint': 'hint',
    'outline.heading': 'Outline',
    'outline.none': 'No symbols in this file.',
    'outline.notOsa': 'The outline lists the symbols of .osa files.',
    'panel.report': 'Report',
    'panel.back': 'Back to the report',
    'panel.rule': 'Rule {id}',
    'panel.onGitHub': 'This page on GitHub',
    'report.failed': 'The report could not be made: {message}',
    'panel.summary': '{programmes} programme(s), {withViolations} with violations; clauses: {counts}.',
    'report.noClauses': 'no clauses',
    'report.count': '{count} {status}',
    'report.countSeparator': ', ',
    'report.goTo': 'Go to {where}',
    'panel.notAssessable': 'Not assessable: the programme has syntax errors.',
    'report.matrixCaption': 'Compliance matrix of {id}',
    'report.clause': 'Clause',
    'report.status': 'Status',
    'report.rules': 'Rules',
    'report.yen': '{amount} JPY',
    'report.fact.fiscalYear': 'Fiscal year',
    'report.fact.recipient': 'Recipient',
    'report.fact.modality': 'Modality',
    'report.fact.amount': 'Amount',
    'report.signed': 'signed {date}',
    'report.monitoring': '{visits} visit(s); results {results}',
    'report.notDeclared': 'not declared',
    'report.portfolio': 'Portfolio',
    'report.noFiscalYear': 'No fiscal year declared.',
    'report.portfolioCaption': 'Programmes and envelopes by fiscal year',
    'report.envelope': 'Envelope',
    'report.programmes': 'Programmes',
    'report.amount': 'Amount',
    'report.remaining': 'Remaining',
    'notice.added': 'Added {files}.',
    'notice.notAdded': 'Not added: {reasons}.',
    'notice.tooManyFiles': '{path}: the workspace holds at most {max} files',
    'notice.shared': 'The address bar now holds a link to this workspace ({length} characters). The files travel in the link itself, after the #, which browsers never send to a server.',
    'notice.sharedCopied': 'The address bar now holds a link to this workspace ({length} characters), copied to the clipboard. The files travel in the link itself, after the #, which browsers never send to a server.',
    'notice.cannotShare': 'Cannot share this workspace: {reason}.',
    'notice.badLinkKept': 'This link\'s workspace cannot be opened: {reason}. The workspace shown is unchanged.',
    'notice.badLinkExample': 'This link\'s workspace cannot be opened: {reason}. An example is shown instead.',
    'file.type': '{name}: only .osa files and osa.config.json can be added',
    'file.size': '{name}: larger than {kib} KiB',
    'file.binary': '{name}: a binary file, not text',
    'file.encoding': '{name}: not UTF-8 text',
    'link.characters': 'the link is corrupt (it holds characters a shared workspace never has)',
    'link.base64': 'the link is corrupt (it is not valid base64)',
    'link.expands': 'the workspace in the link expands to more than {mib} MiB, the most a link may hold',
    'link.tooLargeToShare': 'the workspace is too large to share by link ({length} characters compressed; a link holds at most {max})',
    'link.tooLong': 'the link is too long ({length} characters; a shared workspace has at most {max}): it may have been joined with other text',
    'link.version': 'the link was made by another version of the playground, or is corrupt',
    'link.inflate': 'the link is corrupt (its data does not decompress): it may have been cut short',
    'link.notWorkspace': 'the link is corrupt (its data is not a workspace)',
    'link.fileCount': 'a shared workspace holds 1 to {max} files; this link has {count}',
    'link.entry': 'the link is corrupt (a file entry is not a name and a text)',
    'link.path': 'the link names a file the playground does not hold: {path} (only .osa files and osa.config.json, by relative paths)',
    'link.twice': 'the link names {path} twice',
    'link.fileSize': '{path} in the link is larger than {kib} KiB, the most one file may hold'
} as const;

type PageKey = keyof typeof en;
export type TextKey = PageKey | keyof typeof REPORT_TEXTS.en;

const ja: Record<PageKey, string> = {
    'page.title': 'OSA プレイグラウンド',
    'bar.example': '例',
    'bar.language': '言語',
    'bar.format': 'ファイルを整形',
    'bar.addFiles': 'ファイルを追加',
    'bar.download': 'zip でダウンロード',
    'bar.share': '共有リンク',
    'bar.report': 'レポート',
    'bar.outline': 'アウトライン',
    'status.starting': '言語サーバーを起動しています…',
    'status.ready': '準備完了: すべてのルールがこのタブで動きます（最初の検査はページ表示から {ms} ms）。',
    'status.stopped': '言語サーバーが停止しました: {message}',
    'status.failed': 'プレイグラウンドを起動できませんでした: {message}',
    'aria.tabs': 'ワークスペースのファイル',
    'aria.editorPanel': 'エディター',
    'aria.editor': 'ファイルのエディター',
    'examples.programmes': '案件',
    'examples.violations': '違反例',
    'examples.shared': '（共有されたワークスペース）',
    'problems.heading': '問題',
    'problems.none': 'ワークスペースに問題はありません。',
    'problems.ruleTitle': '{code} の説明を表示',
    'problems.related': '関連箇所:',
    'problems.relatedTitle': '{where} へ移動',
    'severity.error': 'エラー',
    'severity.warning': '警告',
    'severity.info': '情報',
    'severity.hint': 'ヒント',
    'outline.heading': 'アウトライン',
    'outline.none': 'このファイルにシンボルはありません。',
    'outline.notOsa': 'アウトラインは .osa ファイルのシンボルを示します。',
    'panel.report': 'レポート',
    'panel.back': 'レポートに戻る',
    'panel.rule': 'ルール {id}',
    'panel.onGitHub': 'GitHub でこのページを見る',
    'report.failed': 'レポートを作成できませんでした: {message}',
    'panel.summary': '案件 {programmes} 件、うち違反あり {withViolations} 件。条項: {counts}。',
    'report.noClauses': '条項なし',
    'report.count': '{status} {count} 件',
    'report.countSeparator': '、',
    'report.goTo': '{where} へ移動',
    'panel.notAssessable': '評価不能: 案件に構文エラーがあります。',
    'report.matrixCaption': '{id} の適合マトリクス',
    'report.clause': '条項',
    'report.status': '状態',
    'report.rules': 'ルール',
    'report.yen': '{amount} 円',
    'report.fact.fiscalYear': '年度',
    'report.fact.recipient': '被援助国',
    'report.fact.modality': '供与形態',
    'report.fact.amount': '金額',
    'report.signed': '{date} 署名',
    'report.monitoring': '訪問 {visits} 回、結果 {results}',
    'report.notDeclared': '宣言なし',
    'report.portfolio': 'ポートフォリオ',
    'report.noFiscalYear': '年度の宣言がありません。',
    'report.portfolioCaption': '年度別の案件と予算枠',
    'report.envelope': '予算枠',
    'report.programmes': '案件数',
    'report.amount': '金額',
    'report.remaining': '残額',
    'notice.added': '{files} を追加しました。',
    'notice.notAdded': '追加しなかったもの: {reasons}。',
    'notice.tooManyFiles': '{path}: ワークスペースに置けるファイルは {max} 個までです',
    'notice.shared': 'アドレスバーにこのワークスペースへのリンク（{length} 文字）が入りました。ファイルはリンクの # より後ろに入っており、ブラウザーはこの部分をサーバーに送りません。',
    'notice.sharedCopied': 'アドレスバーにこのワークスペースへのリンク（{length} 文字）が入り、クリップボードにもコピーしました。ファイルはリンクの # より後ろに入っており、ブラウザーはこの部分をサーバーに送りません。',
    'notice.cannotShare': 'このワークスペースは共有できません: {reason}。',
    'notice.badLinkKept': 'このリンクのワークスペースは開けません: {reason}。表示中のワークスペースはそのままです。',
    'notice.badLinkExample': 'このリンクのワークスペースは開けません: {reason}。代わりに例を表示しています。',
    'file.type': '{name}: 追加できるのは .osa ファイルと osa.config.json だけです',
    'file.size': '{name}: {kib} KiB を超えています',
    'file.binary': '{name}: テキストではなくバイナリファイルです',
    'file.encoding': '{name}: UTF-8 のテキストではありません',
    'link.characters': 'リンクが壊れています（共有ワークスペースにない文字を含みます）',
    'link.base64': 'リンクが壊れています（base64 として正しくありません）',
    'link.expands': 'リンクのワークスペースは展開すると {mib} MiB を超えます（リンクに入れられる上限です）',
    'link.tooLargeToShare': 'ワークスペースが大きすぎてリンクで共有できません（圧縮後 {length} 文字、リンクの上限は {max} 文字）',
    'link.tooLong': 'リンクが長すぎます（{length} 文字、共有ワークスペースは最大 {max} 文字）: 他の文字列とつながっている可能性があります',
    'link.version': 'リンクは別の版のプレイグラウンドで作られたか、壊れています',
    'link.inflate': 'リンクが壊れています（データを展開できません）: 途中で切れている可能性があります',
    'link.notWorkspace': 'リンクが壊れています（データがワークスペースではありません）',
    'link.fileCount': '共有ワークスペースのファイルは 1 個から {max} 個までです。このリンクには {count} 個あります',
    'link.entry': 'リンクが壊れています（ファイルの項目が名前とテキストの組になっていません）',
    'link.path': 'リンクにプレイグラウンドが扱わないファイルがあります: {path}（扱うのは相対パスの .osa ファイルと osa.config.json だけです）',
    'link.twice': 'リンクに {path} が 2 回あります',
    'link.fileSize': 'リンクの {path} が {kib} KiB を超えています（1 ファイルの上限です）'
};

/** What the page alone says (the report catalogue's texts are not among them, nor overridden). */
export const PAGE_ONLY_TEXTS = { en, ja } as const;

export const PAGE_TEXTS: Readonly<Record<'en' | 'ja', Readonly<Record<TextKey, string>>>> = {
    en: { ...REPORT_TEXTS.en, ...en },
    ja: { ...REPORT_TEXTS.ja, ...ja }
};
export type PageLocale = keyof typeof PAGE_TEXTS;

let locale: PageLocale = 'en';

export function pageLocale(): PageLocale {
    return locale;
}

export function setPageLocale(next: string): PageLocale {
    locale = next === 'ja' ? 'ja' : 'en';
    return locale;
}

export type TextParams = Record<string, string | number>;

/** The text of `key` in the page's locale, its `{name}` placeholders filled (numbers grouped as the locale writes them). */
export function t(key: TextKey, params: TextParams = {}, inLocale: PageLocale = locale): string {
    return PAGE_TEXTS[inLocale][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = params[name];
        return value === undefined ? whole : typeof value === 'number' ? value.toLocaleString(inLocale === 'ja' ? 'ja-JP' : 'en-US') : value;
    });
}

/** A message that knows its key, so that it can be shown again in another locale (link and file refusals). */
export class PageMessage {
    constructor(readonly key: TextKey, readonly params: TextParams = {}) {}
    text(inLocale: PageLocale = locale): string {
        return t(this.key, this.params, inLocale);
    }
}

/**
 * Sets the static texts of the page: an element's `data-text` names the key of its text content,
 * `data-text-aria` the key of its aria-label. `<html lang>` and the title follow.
 */
export function applyPageTexts(root: Document = document): void {
    root.documentElement.lang = locale;
    root.title = t('page.title');
    for (const node of root.querySelectorAll<HTMLElement>('[data-text]')) {
        node.textContent = t(node.dataset.text as TextKey);
    }
    for (const node of root.querySelectorAll<HTMLElement>('[data-text-aria]')) {
        node.setAttribute('aria-label', t(node.dataset.textAria as TextKey));
    }
}
