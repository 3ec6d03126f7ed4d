/**
 * Japanese texts of the cli area: the project's own wording. Guideline clauses are cited by number
 * (§3(3)(b)); no text here quotes the official Japanese guidelines.
 */
import type { cli as english } from '../en/cli.js';

export const cli: Readonly<Record<keyof typeof english, string>> = {
    'cli.help': `osa {version}: OSA 案件ファイルを政府安全保障能力強化支援（OSA）の実施方針に照らして検査します

使い方:
  osa validate [パス|glob...] [オプション]   ファイル・フォルダー・glob を検査します（既定: .）
      --format stylish|json|sarif|junit|github   出力形式（既定: stylish）
      --output <file>          結果を標準出力ではなくファイルに書き出します
      --config <file>          設定ファイルを探さず、すべてのファイルにこの osa.config.json を使います
      --allow-outside-data     設定を信頼し、そのフォルダーの外にあるデータファイルの指定を認めます
      --fail-level error|warning|info   この重大度以上の指摘があれば終了コード 1（既定: error）
      --max-warnings <n>       警告が n 件を超えたときも終了コード 1
      --jobs <n>               ワーカースレッド数（既定: CPU コア数）
      --shard <i>/<n>          n 分割の i 番目（1 始まり）だけを検査します（CI のマトリクス向けの決定的な分割）
      --as-of <YYYY-MM-DD>     ルールが「現在」とみなす検査日（既定: 設定の asOf、なければ今日）
      --cache                  実行間で結果を保存し、変更されたファイルだけを再検査します
      --cache-location <path>  キャッシュファイル、または .osacache を置くフォルダ（既定: ./.osacache。--cache を含みます）
      --print-config <file>    ファイルに適用される設定を表示して終了します
      --color, --no-color      stylish 出力の色付け（既定: 端末では有効。NO_COLOR が設定されていれば無効）
  osa report [パス|glob...] [オプション]     適合マトリクス・公表用シート・ポートフォリオ（docs/report.md）
      --format md|json|html|csv|xlsx   出力形式（既定: md、または --output のファイルの拡張子。xlsx には --output が必要）
      --output <file>          レポートを標準出力ではなくファイルに書き出します
      --config, --allow-outside-data, --fail-level, --max-warnings, --jobs   validate と同じ（終了コードも同じ）
  osa rules [--format table|json]         すべてのルールを条項とともに一覧表示します
  osa explain <ID>                        ルールの説明ページを表示します
  osa init [dir]                          空のフォルダーにひな形の案件と osa.config.json を書き出します
  osa lsp --stdio                         言語サーバーを起動します（標準入出力で LSP）
  osa --version                           ツールのバージョンと参照データの版
  osa --help                              このヘルプ

すべてのコマンドは --locale en|ja を受け付けます: メッセージ・ヘルプ・レポートの言語です（既定: LC_ALL、
LC_MESSAGES または LANG、なければ英語）。ルール ID、JSON のフィールド名、終了コードはどちらでも同じです。

ファイルのワークスペースは、その上にある最も近い osa.config.json のフォルダー（リポジトリのルートまで）、
なければカレントディレクトリです。その中の .osa ファイルはすべて読み込まれるため、テンプレート・予算・ID は
ファイルをまたいで解決され、1 ファイルだけを検査しても、ワークスペース全体を検査したときと同じ指摘が報告されます。

終了コード:
  0  --fail-level 以上の指摘がなく、警告が --max-warnings 以下
  1  --fail-level 以上の指摘がある、または警告が --max-warnings を超えた
  2  使い方の誤り、無効な設定、存在しないか読めないパス（通常のファイルでない、大きすぎる、バイナリ）、
     書き出せないレポート、または内部エラー（他のファイルは引き続き検査・報告されます）
  .osa ファイルでないパスを指定した場合（シェルの glob に含まれた README.md など）は、通知を出して読み飛ばし、
  終了コードは変わりません。
`,
    'cli.version.referenceData': '参照データ:',
    'cli.usage.runHelp': '使い方は `osa --help` で確認できます。',
    'cli.usage.unknownCommand': '不明なコマンド "{command}" です',
    'cli.usage.unknownOption': '不明なオプション --{option} です',
    'cli.usage.needsValue': 'オプション --{option} には値が必要です',
    'cli.usage.choice': '--{option} には {allowed} のいずれかを指定してください（指定値: "{value}"）',
    'cli.usage.wholeNumber': '--{option} には {min} 以上の整数を指定してください（指定値: "{value}"）',
    'cli.usage.locale': '--locale には {allowed} のいずれかを指定してください（指定値: "{value}"）',
    'cli.usage.shard': '--shard には 1 ≤ i ≤ n となる i/n を指定してください。例: 2/4（指定値: "{value}"）',
    'cli.usage.config': '--config {file} を使えません: {problem}',
    'cli.usage.asOf': '--as-of には検査日を YYYY-MM-DD 形式（例: 2026-04-01）で指定してください: {problem}',
    'cli.usage.xlsxNeedsOutput': '--format xlsx はバイナリのワークブックを書き出します。--output <file>.xlsx を指定してください',
    'cli.usage.explainOneId': 'explain にはルール ID を 1 つ指定してください。例: `osa explain OSA101`',
    'cli.usage.notARule': '{id} はルール ID ではありません（一覧は `osa rules` で表示できます）',
    'cli.usage.initOneFolder': 'init に指定できるフォルダーは 1 つまでです',
    'cli.usage.lspStdio': 'lsp には --stdio を指定してください（サーバーは標準入出力で LSP を話します）',

    'cli.internalError': 'osa: 内部エラー: {message}',
    'cli.internalErrorInFile': 'osa: {file} の検査中に内部エラーが発生しました: {message}',
    'cli.internalErrorReport': 'これは osa の不具合で、ファイルの問題ではありません。実行したコマンドを添えて {url} に報告してください（OSA_DEBUG=1 を設定するとスタックトレースが含まれます）。',
    'cli.internalErrorReportWithFile': 'これは osa の不具合で、ファイルの問題ではありません。実行したコマンドとファイルを添えて {url} に報告してください（OSA_DEBUG=1 を設定するとスタックトレースが含まれます）。',

    'cli.input.globMatchesNothing': 'この glob に一致する .osa ファイルはありません',
    'cli.input.noSuchFile': 'ファイルまたはディレクトリが存在しません',
    'cli.input.symlinkLoop': 'シンボリックリンクが循環しているため、たどりません',
    'cli.input.cannotAccess': 'アクセスできません: {code}',
    'cli.input.notOsa': '.osa ファイルではないため読み飛ばしました',
    'cli.input.ignored': '設定の "ignore" で除外されているため、検査しませんでした',
    'cli.progress': '{done}/{total} ファイルを検査しました',

    'cli.output.cannotWrite': '--output {output}: レポートを書き出せません: {reason}',
    'cli.output.notADirectory': 'パス {folder} の一部がディレクトリではなくファイルです（{code}）',
    'cli.output.isADirectory': '{target} はディレクトリです。ファイル名を指定してください（EISDIR）',
    'cli.output.permission': '権限がありません（{code}）。書き込める場所を指定してください',
    'cli.output.readOnly': 'ファイルシステムが読み取り専用です（{code}）',
    'cli.output.noSpace': 'デバイスの空き容量がありません（{code}）',

    'cli.severity.error': 'エラー',
    'cli.severity.warning': '警告',
    'cli.severity.info': '情報',
    'cli.count.file.one': '{count} ファイル',
    'cli.count.file.other': '{count} ファイル',
    'cli.count.error.one': 'エラー {count} 件',
    'cli.count.error.other': 'エラー {count} 件',
    'cli.count.warning.one': '警告 {count} 件',
    'cli.count.warning.other': '警告 {count} 件',
    'cli.count.info.one': '情報 {count} 件',
    'cli.count.info.other': '情報 {count} 件',
    'cli.count.suppressed': '抑止 {count} 件',
    'cli.count.inputProblem.one': '入力の問題 {count} 件',
    'cli.count.inputProblem.other': '入力の問題 {count} 件',
    'cli.stylish.summary': '{files}を検査しました: {counts}',

    'cli.related': '関連: {location} {message}',
    'cli.docs': '説明: {url}',
    'cli.junit.noFindings': '指摘なし',
    'cli.junit.inputProblem': '入力の問題',
    'cli.junit.suppressed': '抑止済み（{kind}）: {reason}',

    'cli.sarif.fullName': 'osa: 政府安全保障能力強化支援（OSA）の実施方針のためのポリシーリンター',
    'cli.sarif.clause.guideline': '政府安全保障能力強化支援（OSA）の実施方針 {clause}。',
    'cli.sarif.clause.data': '条項: data（他のルールが依拠する参照データの検査）。',
    'cli.sarif.clause.portfolio': '条項: portfolio（入力された案件全体にまたがる検査）。',
    'cli.sarif.clause.other': '条項: {clause}。',
    'cli.sarif.fullDescription': '{summary}{clause}',
    'cli.sarif.syntax.short': 'ファイルが正しい OSA ではありません: 構文エラー、解決できない参照、または必須の宣言の欠落があります。',
    'cli.sarif.syntax.full': 'ファイルが正しい OSA ではありません: 構文エラー、解決できない参照、または必須の宣言の欠落があります。これは実施方針のルールではなく言語自体のエラーです。これが残っている間は、他の指摘が欠けたり誤解を招いたりすることがあります。',
    'cli.sarif.suppression.short': '抑止コメントの使い方が誤っています: ルールを指定していない、不明なルールを指定している、理由がない、または何も抑止していません。',
    'cli.sarif.suppression.full': '抑止コメントの使い方が誤っています: ルールを指定していない、不明なルールを指定している、理由がない、または何も抑止していません。抑止は例外承認の監査証跡であるため、対象のルールと理由を必ず記載してください。',
    'cli.sarif.unknown.short': 'コード {id} で報告された指摘です。',
    'cli.sarif.unknown.full': 'コード {id} で報告された指摘です。このコードはこのバージョンの osa のルール一覧にありません。',

    'cli.rules.header.id': 'ID',
    'cli.rules.header.name': '名前',
    'cli.rules.header.severity': '重大度',
    'cli.rules.header.clause': '条項',
    'cli.rules.header.summary': '概要',

    'cli.explain.notInstalled': 'osa: 説明ページ {page} はこの osa にインストールされていません',
    'cli.explain.languageReference': '言語リファレンス（すべての構文・プロパティ・用語）: {path}（{url}）',
    'cli.explain.englishFallback': 'osa: 日本語のページ {page} はこの osa にインストールされていないため、英語のページを表示します。',

    'cli.init.notEmpty': 'osa: {dir} は空ではありません。何も上書きしないよう、空のフォルダーで `osa init` を実行してください',
    'cli.init.created': '{file} を作成しました',
    'cli.init.next': '次に案件を編集し、`osa validate` を実行してください。',
    'cli.init.programmeComment': '// OSA 案件シートのひな形です。例の内容を案件自身の内容に置き換えてください。\n// `osa validate` で実施方針に照らして検査でき、指摘の説明は\n// `osa explain <ID>` で読めます。',
    'cli.init.title': '海軍向け沿岸監視レーダー',
    'cli.init.recipientComment': '被援助国の ISO 3166-1 alpha-3 コード',
    'cli.init.beneficiary': 'フィリピン海軍',
    'cli.init.fieldComment': 'rule-of-law、humanitarian または peace-cooperation（§2(2)）',
    'cli.init.item': '沿岸監視レーダー',
    'cli.init.assessmentComment': '被援助国の選定で考慮する 6 つの事項（§3(2)）',
    'cli.init.onFile': '評価文書の参照先',
    'cli.init.socioEconomic': 'DAC リストに記載された低中所得国',
    'cli.init.securityNeeds': '海洋状況把握',
    'cli.init.bilateralRelations': '戦略的パートナーシップ',
    'cli.init.templateComment': '// OSA の国際約束に必ず含める条項（§3(3)）。案件からは\n// `agreement uses StandardExchangeOfNotes signed YYYY-MM-DD` で参照します。',
    'cli.init.templateTitle': 'OSA の標準条件を定めた交換公文',

    'cli.printConfig.invalid': 'osa: 設定が無効です: {message}'
};
