/**
 * Japanese texts of the guideline rules: the project's own wording. Guideline clauses are cited by number
 * (§3(3)(b)); no text here quotes the official Japanese guidelines.
 */
import type { rules as english } from '../en/rules.js';

export const rules: Readonly<Record<keyof typeof english, string>> = {
    'runner.exceptionJustified': '{message} 理由を記した例外が宣言されている（「{justification}」）ため、{severity}として報告します。その判断の記録を保管してください。',
    'runner.exceptionJustified.related': '{rule} に対して宣言された例外。',
    'runner.exceptionUnjustified': '{message} {rule} に対して宣言された例外には理由の記載がないため、適用されません。理由を記載してください。',
    'runner.exceptionUnjustified.related': '{rule} に対して宣言された例外（理由の記載なし）。',
    'runner.ruleFailed': 'ルール {rule}（{name}）はこのファイルの検査中に失敗し、検査できませんでした: {error}。他のルールは実行済みです。不具合として報告してください。',

    'clauseTitle.information-disclosure': '情報公開',
    'clauseTitle.monitoring-and-evaluation': 'モニタリング・評価',
    'clauseTitle.no-extra-purpose-use': '目的外使用の禁止',
    'clauseTitle.no-third-party-transfer': '第三者移転の禁止',
    'clauseTitle.un-charter-conformity': '国連憲章との適合',
    'clauseTitle.prior-consent': '事前同意',
    'clauseTitle.entry-into-force': '発効',

    'OSA401.noAgreement': '案件 {programme} に国際約束が宣言されていません。OSA の各案件は、条件を定めた相手国との国際約束の下で実施されます（§3(3)）。`agreement uses <template> signed YYYY-MM-DD` か、条項を記した agreement を追加してください。',
    'agreement.missingClause': '国際約束に{what}の条項がありません（`clause {clause}` がない）。OSA の国際約束には必ず含める必要があります（{section}）。`clause {clause}` を追加してください。',
    'agreement.missingClauseWithTemplate': '国際約束に{what}の条項がありません（国際約束にもひな形 {template} にも `clause {clause}` がない）。OSA の国際約束には必ず含める必要があります（{section}）。ひな形か国際約束に `clause {clause}` を追加してください。',
    'agreement.templateLacksClause': 'ひな形 {template} には `clause {clause}` がありません。',
    'OSA404.templateResults': 'ひな形 {template} のモニタリング・評価条項は{problem}。ガイドラインはモニタリング・評価の結果の公表を求めています（§3(3)(b)）。ひな形に `results disclosed` と書くか、国際約束に `clause monitoring-and-evaluation results disclosed` を追加してください。',
    'OSA404.templateResults.related': 'ひな形 {template} のモニタリング・評価条項。',
    'OSA404.results': 'モニタリング・評価条項は{problem}。ガイドラインはモニタリング・評価の結果の公表を求めています（§3(3)(b)）。`results disclosed` と書いてください。',
    'OSA404.withholds': '結果を公表しないとしています',
    'OSA404.silent': '結果を公表するとしていません'
};
