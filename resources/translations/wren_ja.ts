<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>&lt;p&gt;Offline chat with small language models, running on this computer through llama.cpp. Wren is released under the MIT licence.&lt;/p&gt;</source>
            <translation>&lt;p&gt;llama.cppを使ってこのコンピューター上で動作する、小規模言語モデルとのオフラインチャットです。WrenはMITライセンスで公開されています。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Loaded model:&lt;/b&gt; {name} — licence: {licence}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;読み込み済みのモデル：&lt;/b&gt;{name} — ライセンス：{licence}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>not stated in the file (see its model card)</source>
            <translation>ファイルに記載なし（モデルカードを参照してください）</translation>
        </message>
        <message>
            <source>&lt;p&gt;(The licence list THIRD-PARTY.md is missing from this build.)&lt;/p&gt;</source>
            <translation>&lt;p&gt;（ライセンス一覧THIRD-PARTY.mdがこのビルドに含まれていません。）&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About Wren</source>
            <translation>Wrenについて</translation>
        </message>
        <message>
            <source>About Wren and licences</source>
            <translation>Wrenとライセンスについて</translation>
        </message>
    </context>
    <context>
        <name>BatchController</name>
        <message>
            <source>Saved %1 summaries to %2</source>
            <translation>%1件の要約を%2に保存しました</translation>
        </message>
        <message>
            <source>Writing the summary…</source>
            <translation>要約を作成しています…</translation>
        </message>
        <message>
            <source>, about %1 left</source>
            <translation>、残り約%1</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>読み取り中…</translation>
        </message>
    </context>
    <context>
        <name>BatchPanel</name>
        <message>
            <source>Document queue</source>
            <translation>ドキュメントキュー</translation>
        </message>
        <message>
            <source>&lt;b&gt;Document queue&lt;/b&gt;</source>
            <translation>&lt;b&gt;ドキュメントキュー&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Save summaries to…</source>
            <translation>要約の保存先…</translation>
        </message>
        <message>
            <source>Save summaries to a folder</source>
            <translation>要約をフォルダーに保存</translation>
        </message>
        <message>
            <source>Markdown (.md)</source>
            <translation>Markdown (.md)</translation>
        </message>
        <message>
            <source>Word (.docx)</source>
            <translation>Word (.docx)</translation>
        </message>
        <message>
            <source>File format of saved summaries</source>
            <translation>保存する要約のファイル形式</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>閉じる</translation>
        </message>
        <message>
            <source>Close the document queue</source>
            <translation>ドキュメントキューを閉じる</translation>
        </message>
        <message>
            <source>Overall progress</source>
            <translation>全体の進行状況</translation>
        </message>
        <message>
            <source>Overall progress and time left</source>
            <translation>全体の進行状況と残り時間</translation>
        </message>
        <message>
            <source>All done: %1 of %2 summarized</source>
            <translation>完了：%2件中%1件を要約しました</translation>
        </message>
        <message>
            <source>%1 of %2 documents</source>
            <translation>ドキュメント %1/%2件</translation>
        </message>
        <message>
            <source>, about %1 left</source>
            <translation>、残り約%1</translation>
        </message>
        <message>
            <source> · %1 could not be read</source>
            <translation> · %1件は読み取れませんでした</translation>
        </message>
        <message>
            <source> · saving to %1</source>
            <translation> · 保存先：%1</translation>
        </message>
        <message>
            <source>Save summaries to</source>
            <translation>要約の保存先</translation>
        </message>
    </context>
    <context>
        <name>BatchRow</name>
        <message>
            <source>Waiting</source>
            <translation>待機中</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>読み取り中…</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>一時停止中</translation>
        </message>
        <message>
            <source>Summary ready</source>
            <translation>要約完了</translation>
        </message>
        <message>
            <source>Could not be read</source>
            <translation>読み取れませんでした</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>キャンセル済み</translation>
        </message>
        <message>
            <source>Not a document Wren reads</source>
            <translation>Wrenでは読み取れない形式です</translation>
        </message>
        <message>
            <source>Document %1</source>
            <translation>ドキュメント%1</translation>
        </message>
        <message>
            <source>State of %1</source>
            <translation>%1の状態</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>一時停止</translation>
        </message>
        <message>
            <source>Pause %1</source>
            <translation>%1を一時停止</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>キャンセル</translation>
        </message>
        <message>
            <source>Cancel %1</source>
            <translation>%1をキャンセル</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>開く</translation>
        </message>
        <message>
            <source>Open the summary of %1</source>
            <translation>%1の要約を開く</translation>
        </message>
        <message>
            <source>Progress of %1</source>
            <translation>%1の進行状況</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>再開</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1秒</translation>
        </message>
        <message>
            <source>saved as %1</source>
            <translation>%1として保存済み</translation>
        </message>
        <message>
            <source>Paused: it starts again from the beginning when resumed (pages already read by OCR are kept)</source>
            <translation>一時停止中：再開すると最初からやり直します（OCRで読み取り済みのページは保持されます）</translation>
        </message>
    </context>
    <context>
        <name>ChatPane</name>
        <message>
            <source>Notice</source>
            <translation>お知らせ</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>送信</translation>
        </message>
        <message>
            <source>Send message</source>
            <translation>メッセージを送信</translation>
        </message>
        <message>
            <source>Send (Enter)</source>
            <translation>送信（Enter）</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Stop generating</source>
            <translation>生成を停止</translation>
        </message>
        <message>
            <source>Stop (Esc)</source>
            <translation>停止（Esc）</translation>
        </message>
    </context>
    <context>
        <name>ChatView</name>
        <message>
            <source>Conversation</source>
            <translation>会話</translation>
        </message>
    </context>
    <context>
        <name>Composer</name>
        <message>
            <source>Message Wren…  (Enter sends, Shift+Enter for a new line)</source>
            <translation>Wrenへのメッセージ…  （Enterで送信、Shift+Enterで改行）</translation>
        </message>
        <message>
            <source>Message input</source>
            <translation>メッセージ入力</translation>
        </message>
        <message>
            <source>Enter sends, Shift+Enter starts a new line, Esc stops a reply</source>
            <translation>Enterで送信、Shift+Enterで改行、Escで返答を停止</translation>
        </message>
    </context>
    <context>
        <name>ConversationList</name>
        <message>
            <source>New chat</source>
            <translation>新しいチャット</translation>
        </message>
        <message>
            <source>New chat (Ctrl+N)</source>
            <translation>新しいチャット（Ctrl+N）</translation>
        </message>
        <message>
            <source>Conversations</source>
            <translation>会話一覧</translation>
        </message>
        <message>
            <source>F2 renames, Delete deletes, the menu key opens more actions</source>
            <translation>F2で名前を変更、Deleteで削除、メニューキーでその他の操作</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>削除</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>名前の変更</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>エクスポート…</translation>
        </message>
    </context>
    <context>
        <name>DocumentCard</name>
        <message>
            <source>Reading the file…</source>
            <translation>ファイルを読み取っています…</translation>
        </message>
        <message>
            <source>Reading {name}</source>
            <translation>{name}を読み取っています</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>キャンセル</translation>
        </message>
        <message>
            <source>Cancel reading {name}</source>
            <translation>{name}の読み取りをキャンセル</translation>
        </message>
        <message>
            <source>Status of {name}</source>
            <translation>{name}の状態</translation>
        </message>
        <message numerus="yes">
            <source>%Ln page(s)</source>
            <translation>
                <numerusform>%Lnページ</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln token(s)</source>
            <translation>
                <numerusform>%Lnトークン</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln character(s)</source>
            <translation>
                <numerusform>%Ln文字</numerusform>
            </translation>
        </message>
        <message>
            <source>{step}: {done}/{total} tokens, {rate} tok/s</source>
            <translation>{step}：{done}/{total}トークン、{rate} tok/s</translation>
        </message>
        <message>
            <source>{step}: {done}/{total} pages</source>
            <translation>{step}：{done}/{total}ページ</translation>
        </message>
        <message>
            <source>{progress}, about {seconds} s left</source>
            <translation>{progress}、残り約{seconds}秒</translation>
        </message>
        <message>
            <source>Summary ready ({mode}, {seconds} s)</source>
            <translation>要約完了（{mode}、{seconds}秒）</translation>
        </message>
    </context>
    <context>
        <name>DocumentDropArea</name>
        <message>
            <source>Documents ({patterns})</source>
            <translation>ドキュメント ({patterns})</translation>
        </message>
    </context>
    <context>
        <name>DocumentJobs</name>
        <message numerus="yes">
            <source>Reading %n document(s)…</source>
            <translation>
                <numerusform>%n件のドキュメントを読み取っています…</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DocumentPane</name>
        <message>
            <source>Document pane</source>
            <translation>ドキュメントパネル</translation>
        </message>
        <message>
            <source>Document name</source>
            <translation>ドキュメント名</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>前のページ</translation>
        </message>
        <message>
            <source>Page number</source>
            <translation>ページ番号</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>次のページ</translation>
        </message>
        <message>
            <source>Close the document pane</source>
            <translation>ドキュメントパネルを閉じる</translation>
        </message>
        <message>
            <source>Citation check</source>
            <translation>引用の確認</translation>
        </message>
        <message>
            <source>Page view</source>
            <translation>ページ表示</translation>
        </message>
        <message>
            <source>Section text</source>
            <translation>セクションのテキスト</translation>
        </message>
        <message>
            <source>Document pane status</source>
            <translation>ドキュメントパネルの状態</translation>
        </message>
        <message>
            <source>✓ Supported: {pct}% of the sentence's words are on {where}.</source>
            <translation>✓ 裏付けあり：文中の語の{pct}%が{where}にあります。</translation>
        </message>
        <message>
            <source>its words are not found there</source>
            <translation>文中の語が見つかりません</translation>
        </message>
        <message>
            <source>⚠ Not supported by {where}: {why}.</source>
            <translation>⚠ {where}による裏付けなし：{why}。</translation>
        </message>
        <message>
            <source>The model cited this page.</source>
            <translation>モデルはこのページを引用しました。</translation>
        </message>
        <message>
            <source>The model cited no page: Wren chose the best match.</source>
            <translation>モデルはページを引用していません：Wrenが最も一致する箇所を選びました。</translation>
        </message>
        <message>
            <source>Page {n} of {total}</source>
            <translation>{n} / {total}ページ</translation>
        </message>
        <message>
            <source>Rendering…</source>
            <translation>描画中…</translation>
        </message>
        <message>
            <source>The supporting passage is highlighted.</source>
            <translation>根拠となる箇所を強調表示しています。</translation>
        </message>
        <message>
            <source>The passage could not be located on this page.</source>
            <translation>このページで該当箇所が見つかりませんでした。</translation>
        </message>
        <message>
            <source>The passage could not be located in this section.</source>
            <translation>このセクションで該当箇所が見つかりませんでした。</translation>
        </message>
    </context>
    <context>
        <name>EditDialog</name>
        <message>
            <source>Edit message</source>
            <translation>メッセージの編集</translation>
        </message>
        <message>
            <source>Edit your message. Everything after it will be written again.</source>
            <translation>メッセージを編集します。これ以降の内容はすべて生成し直されます。</translation>
        </message>
        <message>
            <source>Edited message</source>
            <translation>編集したメッセージ</translation>
        </message>
        <message>
            <source>Send again</source>
            <translation>再送信</translation>
        </message>
    </context>
    <context>
        <name>EnginesDialog</name>
        <message>
            <source>Remote engines</source>
            <translation>リモートエンジン</translation>
        </message>
        <message>
            <source>Engines</source>
            <translation>エンジン</translation>
        </message>
        <message>
            <source>http://192.168.1.20:8000  (vLLM, Ollama :11434, llama.cpp :8080)</source>
            <translation>http://192.168.1.20:8000  (vLLM, Ollama :11434, llama.cpp :8080)</translation>
        </message>
        <message>
            <source>optional; kept in the system keyring</source>
            <translation>任意。システムのキーリングに保存されます</translation>
        </message>
        <message>
            <source>Engine status</source>
            <translation>エンジンの状態</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>追加</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>接続テスト</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>削除</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>名前(&amp;N)</translation>
        </message>
        <message>
            <source>A&amp;ddress</source>
            <translation>アドレス(&amp;D)</translation>
        </message>
        <message>
            <source>API &amp;key</source>
            <translation>APIキー(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;Engines</source>
            <translation>エンジン(&amp;E)</translation>
        </message>
        <message>
            <source>  (key)</source>
            <translation>  （キーあり）</translation>
        </message>
        <message>
            <source>Added {name}.</source>
            <translation>{name}を追加しました。</translation>
        </message>
        <message>
            <source>Select an engine to remove.</source>
            <translation>削除するエンジンを選択してください。</translation>
        </message>
        <message>
            <source>Removed {name}.</source>
            <translation>{name}を削除しました。</translation>
        </message>
        <message>
            <source>new engine</source>
            <translation>新しいエンジン</translation>
        </message>
        <message>
            <source>Type an address or select an engine to test.</source>
            <translation>アドレスを入力するか、テストするエンジンを選択してください。</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>テスト中…</translation>
        </message>
        <message>
            <source>no models</source>
            <translation>モデルなし</translation>
        </message>
        <message numerus="yes">
            <source>{names} and %n more</source>
            <translation>
                <numerusform>{names}、他%n個</numerusform>
            </translation>
        </message>
        <message>
            <source>Connected: {names}</source>
            <translation>接続しました：{names}</translation>
        </message>
    </context>
    <context>
        <name>InferenceWorker</name>
        <message>
            <source>No model is loaded yet</source>
            <translation>モデルがまだ読み込まれていません</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>キャンセルしました</translation>
        </message>
        <message>
            <source>Load a local model first: documents are read on this computer</source>
            <translation>先にローカルモデルを読み込んでください：ドキュメントはこのコンピューター上で読み取られます</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Ready</source>
            <translation>準備完了</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>ステータス</translation>
        </message>
        <message>
            <source>Undo delete</source>
            <translation>削除を元に戻す</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>進行状況</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Wren&lt;/h2&gt;&lt;p&gt;Chat with a language model that runs on this computer.&lt;br&gt;Nothing you type leaves it.&lt;/p&gt;&lt;p&gt;Type a message below and press Enter.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Wren&lt;/h2&gt;&lt;p&gt;このコンピューター上で動作する言語モデルとチャットできます。&lt;br&gt;入力した内容が外部に送信されることはありません。&lt;/p&gt;&lt;p&gt;下にメッセージを入力してEnterキーを押してください。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Welcome to Wren&lt;/h2&gt;&lt;p&gt;Chat with a language model that runs on this computer. Nothing you type leaves it.&lt;/p&gt;&lt;p&gt;The small starter model is quick but simple: &lt;b&gt;Models → Manage and download models…&lt;/b&gt; finds bigger ones that fit this computer.&lt;/p&gt;&lt;p&gt;Drop a document (PDF, DOCX, TXT, Markdown, HTML…) on this window, or press &lt;b&gt;Ctrl+O&lt;/b&gt;, to get a summary and ask questions about it.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Wrenへようこそ&lt;/h2&gt;&lt;p&gt;このコンピューター上で動作する言語モデルとチャットできます。入力した内容が外部に送信されることはありません。&lt;/p&gt;&lt;p&gt;最初の小さなモデルは高速ですがシンプルです。&lt;b&gt;モデル → モデルの管理とダウンロード…&lt;/b&gt;から、このコンピューターに合うより大きなモデルを探せます。&lt;/p&gt;&lt;p&gt;ドキュメント（PDF、DOCX、TXT、Markdown、HTML…）をこのウィンドウにドロップするか、&lt;b&gt;Ctrl+O&lt;/b&gt;を押すと、要約を作成してその内容について質問できます。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>ようこそ</translation>
        </message>
        <message>
            <source>Got it</source>
            <translation>わかりました</translation>
        </message>
        <message>
            <source>Dismiss welcome</source>
            <translation>ようこそ画面を閉じる</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>ファイル(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;New chat</source>
            <translation>新しいチャット(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Attach document…</source>
            <translation>ドキュメントを添付(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Import a GGUF model…</source>
            <translation>GGUFモデルをインポート(&amp;I)…</translation>
        </message>
        <message>
            <source>Conversation &amp;settings…</source>
            <translation>会話の設定(&amp;S)…</translation>
        </message>
        <message>
            <source>Local &amp;API server</source>
            <translation>ローカルAPIサーバー(&amp;A)</translation>
        </message>
        <message>
            <source>Serve the loaded model to other programs on 127.0.0.1 (OpenAI-compatible)</source>
            <translation>読み込んだモデルを127.0.0.1で他のプログラムに提供します（OpenAI互換）</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>環境設定(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>終了(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>編集(&amp;E)</translation>
        </message>
        <message>
            <source>Copy last reply</source>
            <translation>最後の返答をコピー</translation>
        </message>
        <message>
            <source>&amp;Search conversations…</source>
            <translation>会話を検索(&amp;S)…</translation>
        </message>
        <message>
            <source>Focus message input</source>
            <translation>メッセージ入力欄にフォーカス</translation>
        </message>
        <message>
            <source>Focus conversation list</source>
            <translation>会話一覧にフォーカス</translation>
        </message>
        <message>
            <source>Focus model picker</source>
            <translation>モデル選択にフォーカス</translation>
        </message>
        <message>
            <source>Read last message</source>
            <translation>最後のメッセージを読み上げ</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>表示(&amp;V)</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>拡大(&amp;I)</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>縮小(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Actual size</source>
            <translation>実際のサイズ(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Chat</source>
            <translation>チャット(&amp;C)</translation>
        </message>
        <message>
            <source>S&amp;top</source>
            <translation>停止(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Regenerate last reply</source>
            <translation>最後の返答を再生成(&amp;R)</translation>
        </message>
        <message>
            <source>Re&amp;name conversation</source>
            <translation>会話の名前を変更(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Delete conversation</source>
            <translation>会話を削除(&amp;D)</translation>
        </message>
        <message>
            <source>E&amp;xport conversation…</source>
            <translation>会話をエクスポート(&amp;X)…</translation>
        </message>
        <message>
            <source>&amp;Models</source>
            <translation>モデル(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Manage and download models…</source>
            <translation>モデルの管理とダウンロード(&amp;M)…</translation>
        </message>
        <message>
            <source>&amp;Remote engines…</source>
            <translation>リモートエンジン(&amp;R)…</translation>
        </message>
        <message>
            <source>Re&amp;fresh installed models</source>
            <translation>インストール済みモデルを再読み込み(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>ヘルプ(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Welcome</source>
            <translation>ようこそ(&amp;W)</translation>
        </message>
        <message>
            <source>&amp;This computer…</source>
            <translation>このコンピューター(&amp;T)…</translation>
        </message>
        <message>
            <source>&amp;About Wren</source>
            <translation>Wrenについて(&amp;A)</translation>
        </message>
        <message>
            <source>Text size {percent} %</source>
            <translation>文字サイズ {percent}%</translation>
        </message>
        <message>
            <source>{model} (remote: {engine})</source>
            <translation>{model}（リモート：{engine}）</translation>
        </message>
        <message>
            <source>Loading {name}…</source>
            <translation>{name}を読み込んでいます…</translation>
        </message>
        <message>
            <source>{name} ready (loaded in {seconds} s)</source>
            <translation>{name}の準備ができました（読み込み時間 {seconds}秒）</translation>
        </message>
        <message>
            <source>{name} is ready.</source>
            <translation>{name}の準備ができました。</translation>
        </message>
        <message>
            <source>Error: {message}</source>
            <translation>エラー：{message}</translation>
        </message>
        <message>
            <source>{title} — Wren</source>
            <translation>{title} — Wren</translation>
        </message>
        <message>
            <source>Deleted “{title}”.</source>
            <translation>「{title}」を削除しました。</translation>
        </message>
        <message>
            <source>Conversation restored.</source>
            <translation>会話を復元しました。</translation>
        </message>
        <message>
            <source>The model is still loading: your message is kept, send it when it is ready.</source>
            <translation>モデルを読み込み中です：メッセージは保持されているので、準備ができたら送信してください。</translation>
        </message>
        <message>
            <source>Reading the conversation…</source>
            <translation>会話を読み取っています…</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>停止しています…</translation>
        </message>
        <message>
            <source>Writing…</source>
            <translation>生成中…</translation>
        </message>
        <message>
            <source>Reading the conversation… {percent}</source>
            <translation>会話を読み取っています… {percent}</translation>
        </message>
        <message>
            <source>Writing… {rate} tokens/s</source>
            <translation>生成中… {rate}トークン/秒</translation>
        </message>
        <message>
            <source>{tokens} at {rate} tokens/s</source>
            <translation>{tokens}（{rate}トークン/秒）</translation>
        </message>
        <message>
            <source>Stopped: {tokens}</source>
            <translation>停止：{tokens}</translation>
        </message>
        <message>
            <source>Done: {tokens}</source>
            <translation>完了：{tokens}</translation>
        </message>
        <message>
            <source>{status}: {tokens}</source>
            <translation>{status}：{tokens}</translation>
        </message>
        <message>
            <source>Reply stopped. {text}</source>
            <translation>返答を停止しました。{text}</translation>
        </message>
        <message>
            <source>Reply finished. {text}</source>
            <translation>返答が完了しました。{text}</translation>
        </message>
        <message numerus="yes">
            <source>Dropped %n older message(s); the system prompt is kept.</source>
            <translation>
                <numerusform>古いメッセージを%n件削除しました。システムプロンプトは保持されます。</numerusform>
            </translation>
        </message>
        <message>
            <source>Summarizing this conversation for a new one…</source>
            <translation>新しい会話のためにこの会話を要約しています…</translation>
        </message>
        <message>
            <source>{title} (continued)</source>
            <translation>{title}（続き）</translation>
        </message>
        <message>
            <source>Conversation</source>
            <translation>会話</translation>
        </message>
        <message>
            <source>Continued in a new conversation; the summary is in its system prompt.</source>
            <translation>新しい会話で続けます。要約はそのシステムプロンプトに含まれています。</translation>
        </message>
        <message>
            <source>The model is still loading: the documents will be read when it is ready.</source>
            <translation>モデルを読み込み中です：準備ができたらドキュメントを読み取ります。</translation>
        </message>
        <message>
            <source>Document {name}</source>
            <translation>ドキュメント{name}</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>キャンセルしています…</translation>
        </message>
        <message>
            <source>%1 documents in the queue</source>
            <translation>キュー内のドキュメント：%1件</translation>
        </message>
        <message>
            <source>Resuming the document queue: %1 documents left</source>
            <translation>ドキュメントキューを再開しています：残り%1件</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>閉じる</translation>
        </message>
        <message>
            <source>Summary ready: ask questions about the document below.</source>
            <translation>要約ができました：下でドキュメントについて質問できます。</translation>
        </message>
        <message>
            <source>Summary ready: {name}. Ask questions about the document below.</source>
            <translation>要約ができました：{name}。下でドキュメントについて質問できます。</translation>
        </message>
        <message>
            <source>The document of this summary is no longer stored.</source>
            <translation>この要約の元のドキュメントはもう保存されていません。</translation>
        </message>
        <message>
            <source>Attach documents</source>
            <translation>ドキュメントを添付</translation>
        </message>
        <message>
            <source>Import a GGUF model</source>
            <translation>GGUFモデルのインポート</translation>
        </message>
        <message>
            <source>GGUF models (*.gguf)</source>
            <translation>GGUFモデル (*.gguf)</translation>
        </message>
        <message>
            <source>Importing {name}…</source>
            <translation>{name}をインポートしています…</translation>
        </message>
        <message>
            <source>the model</source>
            <translation>モデル</translation>
        </message>
        <message>
            <source>Imported {name}: choose it in the model list.</source>
            <translation>{name}をインポートしました：モデル一覧から選択してください。</translation>
        </message>
        <message>
            <source>Local API server stopped.</source>
            <translation>ローカルAPIサーバーを停止しました。</translation>
        </message>
        <message>
            <source>The local API server needs a loaded local model.</source>
            <translation>ローカルAPIサーバーには、読み込み済みのローカルモデルが必要です。</translation>
        </message>
        <message>
            <source>the API server could not start: {error}</source>
            <translation>APIサーバーを起動できませんでした：{error}</translation>
        </message>
        <message>
            <source>Local API server on {url}</source>
            <translation>ローカルAPIサーバー：{url}</translation>
        </message>
        <message>
            <source>API server busy</source>
            <translation>APIサーバー処理中</translation>
        </message>
        <message>
            <source>API server idle</source>
            <translation>APIサーバー待機中</translation>
        </message>
        <message>
            <source>Copied.</source>
            <translation>コピーしました。</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>設定を保存しました。</translation>
        </message>
        <message>
            <source>Preferences saved.</source>
            <translation>環境設定を保存しました。</translation>
        </message>
    </context>
    <context>
        <name>MessageWidget</name>
        <message>
            <source>Copy</source>
            <translation>コピー</translation>
        </message>
        <message>
            <source>Copy this message</source>
            <translation>このメッセージをコピー</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>編集</translation>
        </message>
        <message>
            <source>Edit this message and run it again</source>
            <translation>このメッセージを編集して再実行</translation>
        </message>
        <message>
            <source>Regenerate</source>
            <translation>再生成</translation>
        </message>
        <message>
            <source>Write this reply again</source>
            <translation>この返答を生成し直す</translation>
        </message>
        <message>
            <source>You</source>
            <translation>あなた</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>アシスタント</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>ドキュメント</translation>
        </message>
        <message>
            <source>System</source>
            <translation>システム</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>停止済み</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>失敗</translation>
        </message>
        <message>
            <source>writing…</source>
            <translation>生成中…</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>完了</translation>
        </message>
        <message>
            <source>{author}, {model}, {status}</source>
            <translation>{author}、{model}、{status}</translation>
        </message>
        <message>
            <source>{author}, {status}</source>
            <translation>{author}、{status}</translation>
        </message>
        <message>
            <source>{name}, continued</source>
            <translation>{name}（続き）</translation>
        </message>
        <message>
            <source>Message from {author}</source>
            <translation>{author}からのメッセージ</translation>
        </message>
        <message>
            <source>Copy code</source>
            <translation>コードをコピー</translation>
        </message>
    </context>
    <context>
        <name>ModelBar</name>
        <message>
            <source>&amp;Model</source>
            <translation>モデル(&amp;M)</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>モデル</translation>
        </message>
        <message>
            <source>Choose an installed model</source>
            <translation>インストール済みのモデルを選択</translation>
        </message>
        <message>
            <source>No model loaded</source>
            <translation>モデルが読み込まれていません</translation>
        </message>
        <message>
            <source>Loaded model details</source>
            <translation>読み込み済みモデルの詳細</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>設定</translation>
        </message>
        <message>
            <source>Conversation settings</source>
            <translation>会話の設定</translation>
        </message>
        <message>
            <source>Conversation settings (Ctrl+,)</source>
            <translation>会話の設定（Ctrl+,）</translation>
        </message>
        <message>
            <source>Models…</source>
            <translation>モデル…</translation>
        </message>
        <message>
            <source>Manage models</source>
            <translation>モデルの管理</translation>
        </message>
        <message>
            <source>Manage and download models (Ctrl+M)</source>
            <translation>モデルの管理とダウンロード（Ctrl+M）</translation>
        </message>
        <message>
            <source>No model installed</source>
            <translation>モデルがインストールされていません</translation>
        </message>
        <message>
            <source>Loading {name}…</source>
            <translation>{name}を読み込んでいます…</translation>
        </message>
        <message>
            <source>context {n} tokens (max {max})</source>
            <translation>コンテキスト {n}トークン（最大 {max}）</translation>
        </message>
        <message>
            <source>context {n} tokens</source>
            <translation>コンテキスト {n}トークン</translation>
        </message>
    </context>
    <context>
        <name>ModelManagerDialog</name>
        <message>
            <source>unexpected error: {error}</source>
            <translation>予期しないエラー：{error}</translation>
        </message>
        <message>
            <source>Models</source>
            <translation>モデル</translation>
        </message>
        <message>
            <source>&amp;Catalog</source>
            <translation>カタログ(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Search Hugging Face</source>
            <translation>Hugging Faceを検索(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Downloads</source>
            <translation>ダウンロード(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Installed</source>
            <translation>インストール済み(&amp;I)</translation>
        </message>
        <message>
            <source>Model manager sections</source>
            <translation>モデル管理のセクション</translation>
        </message>
        <message>
            <source>Model manager status</source>
            <translation>モデル管理の状態</translation>
        </message>
        <message>
            <source>Any licence</source>
            <translation>すべてのライセンス</translation>
        </message>
        <message>
            <source>Licence filter</source>
            <translation>ライセンスで絞り込み</translation>
        </message>
        <message>
            <source>Any size</source>
            <translation>すべてのサイズ</translation>
        </message>
        <message>
            <source>Size filter</source>
            <translation>サイズで絞り込み</translation>
        </message>
        <message>
            <source>Any specialization</source>
            <translation>すべての専門分野</translation>
        </message>
        <message>
            <source>Specialization filter</source>
            <translation>専門分野で絞り込み</translation>
        </message>
        <message>
            <source>Any training</source>
            <translation>すべての学習方法</translation>
        </message>
        <message>
            <source>Training filter</source>
            <translation>学習方法で絞り込み</translation>
        </message>
        <message>
            <source>Which model should I use? &amp;For:</source>
            <translation>どのモデルを使えばよいですか？ 用途(&amp;F)：</translation>
        </message>
        <message>
            <source>Which model should I use? For:</source>
            <translation>どのモデルを使えばよいですか？ 用途：</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>おすすめ</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>モデル</translation>
        </message>
        <message>
            <source>Size class</source>
            <translation>サイズ区分</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>ライセンス</translation>
        </message>
        <message>
            <source>Specialization</source>
            <translation>専門分野</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>学習方法</translation>
        </message>
        <message>
            <source>Quantization</source>
            <translation>量子化</translation>
        </message>
        <message>
            <source>Download size</source>
            <translation>ダウンロードサイズ</translation>
        </message>
        <message>
            <source>Fits this machine?</source>
            <translation>このマシンで動作するか</translation>
        </message>
        <message>
            <source>Model catalog</source>
            <translation>モデルカタログ</translation>
        </message>
        <message>
            <source>Download selected</source>
            <translation>選択項目をダウンロード</translation>
        </message>
        <message>
            <source>commercial OK</source>
            <translation>商用利用可</translation>
        </message>
        <message>
            <source>commercial with terms</source>
            <translation>条件付きで商用利用可</translation>
        </message>
        <message>
            <source>commercial restricted</source>
            <translation>商用利用に制限あり</translation>
        </message>
        <message>
            <source>Quantization of {model}</source>
            <translation>{model}の量子化</translation>
        </message>
        <message>
            <source>{status} ({size} GiB at {n} tokens)</source>
            <translation>{status}（{n}トークンで{size} GiB）</translation>
        </message>
        <message>
            <source>Search GGUF models on Hugging Face (e.g. qwen2 gguf)</source>
            <translation>Hugging FaceでGGUFモデルを検索（例：qwen2 gguf）</translation>
        </message>
        <message>
            <source>Search Hugging Face</source>
            <translation>Hugging Faceを検索</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>検索</translation>
        </message>
        <message>
            <source>Hugging Face token…</source>
            <translation>Hugging Faceトークン…</translation>
        </message>
        <message>
            <source>Repositories found</source>
            <translation>見つかったリポジトリ</translation>
        </message>
        <message>
            <source>File</source>
            <translation>ファイル</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>サイズ</translation>
        </message>
        <message>
            <source>GGUF files in the repository</source>
            <translation>リポジトリ内のGGUFファイル</translation>
        </message>
        <message>
            <source>Download selected file</source>
            <translation>選択したファイルをダウンロード</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>検索中…</translation>
        </message>
        <message numerus="yes">
            <source>{repo}  ·  %Ln download(s)</source>
            <translation>
                <numerusform>{repo}  ·  ダウンロード数 %Ln</numerusform>
            </translation>
        </message>
        <message>
            <source>{repo}  ·  gated</source>
            <translation>{repo}  ·  アクセス制限あり</translation>
        </message>
        <message numerus="yes">
            <source>%n repositories found</source>
            <translation>
                <numerusform>%n件のリポジトリが見つかりました</numerusform>
            </translation>
        </message>
        <message>
            <source>No GGUF repositories found</source>
            <translation>GGUFリポジトリが見つかりませんでした</translation>
        </message>
        <message numerus="yes">
            <source>%n GGUF file(s)</source>
            <translation>
                <numerusform>GGUFファイル %n個</numerusform>
            </translation>
        </message>
        <message>
            <source>Hugging Face token</source>
            <translation>Hugging Faceトークン</translation>
        </message>
        <message>
            <source>Token (kept in the system keyring only):</source>
            <translation>トークン（システムのキーリングにのみ保存されます）：</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>進行状況</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>ステータス</translation>
        </message>
        <message>
            <source>Downloads</source>
            <translation>ダウンロード</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>一時停止</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>再開</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>キャンセル</translation>
        </message>
        <message>
            <source>Download of {file}</source>
            <translation>{file}のダウンロード</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>待機中</translation>
        </message>
        <message>
            <source>Failed: {message}</source>
            <translation>失敗：{message}</translation>
        </message>
        <message>
            <source>{paused} (Resume to continue)</source>
            <translation>{paused}（「再開」で続行）</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>キャンセル済み</translation>
        </message>
        <message>
            <source>Paused at {done} / {total}</source>
            <translation>一時停止中：{done} / {total}</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>完了</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失敗</translation>
        </message>
        <message>
            <source>Verifying sha256…</source>
            <translation>sha256を検証しています…</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>開始しています…</translation>
        </message>
        <message>
            <source>Reconnecting…</source>
            <translation>再接続しています…</translation>
        </message>
        <message>
            <source>{status}: {message}</source>
            <translation>{status}：{message}</translation>
        </message>
        <message>
            <source>{done} / {total} · {speed}/s</source>
            <translation>{done} / {total} · {speed}/s</translation>
        </message>
        <message>
            <source>{progress} · {seconds} s left</source>
            <translation>{progress} · 残り{seconds}秒</translation>
        </message>
        <message>
            <source>Done: installed as {model}</source>
            <translation>完了：{model}としてインストールしました</translation>
        </message>
        <message>
            <source>Cancelled (partial file deleted)</source>
            <translation>キャンセルしました（途中までのファイルは削除されました）</translation>
        </message>
        <message>
            <source>Download failed: {message}</source>
            <translation>ダウンロードに失敗しました：{message}</translation>
        </message>
        <message>
            <source>Download finished: {model} is installed.</source>
            <translation>ダウンロード完了：{model}をインストールしました。</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>Size on disk</source>
            <translation>ディスク上のサイズ</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>入手元</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>既定</translation>
        </message>
        <message>
            <source>Installed models</source>
            <translation>インストール済みモデル</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>削除…</translation>
        </message>
        <message>
            <source>Show in folder</source>
            <translation>フォルダーに表示</translation>
        </message>
        <message>
            <source>Set as default</source>
            <translation>既定に設定</translation>
        </message>
        <message>
            <source>Import GGUF…</source>
            <translation>GGUFをインポート…</translation>
        </message>
        <message>
            <source>default model</source>
            <translation>既定のモデル</translation>
        </message>
        <message>
            <source>not default</source>
            <translation>既定ではない</translation>
        </message>
        <message>
            <source>Delete model</source>
            <translation>モデルの削除</translation>
        </message>
        <message>
            <source>Delete {model} and its file from disk?</source>
            <translation>{model}とそのファイルをディスクから削除しますか？</translation>
        </message>
        <message>
            <source>Imported {name} as {id}</source>
            <translation>{name}を{id}としてインポートしました</translation>
        </message>
        <message>
            <source>Import a GGUF model</source>
            <translation>GGUFモデルのインポート</translation>
        </message>
        <message>
            <source>GGUF models (*.gguf)</source>
            <translation>GGUFモデル (*.gguf)</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>インポート</translation>
        </message>
        <message>
            <source>Copy the file into Wren's models folder?
(No = use it where it is)</source>
            <translation>ファイルをWrenのモデルフォルダーにコピーしますか？
（「いいえ」を選ぶと現在の場所のまま使用します）</translation>
        </message>
    </context>
    <context>
        <name>OverflowBanner</name>
        <message>
            <source>Continue in a new chat with a summary</source>
            <translation>要約を引き継いで新しいチャットで続ける</translation>
        </message>
        <message>
            <source>Continue in a new conversation carrying a summary</source>
            <translation>要約を引き継いで新しい会話で続ける</translation>
        </message>
        <message>
            <source>Drop oldest turns</source>
            <translation>古いやり取りを削除</translation>
        </message>
        <message>
            <source>Drop the oldest turns, keep the system prompt</source>
            <translation>古いやり取りを削除し、システムプロンプトは保持する</translation>
        </message>
        <message>
            <source>&lt;b&gt;This conversation no longer fits the model's memory.&lt;/b&gt;</source>
            <translation>&lt;b&gt;この会話はモデルのメモリに収まらなくなりました。&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;This conversation fills {percent}% of the model's context&lt;/b&gt; ({used} of {limit} tokens).</source>
            <translation>&lt;b&gt;この会話はモデルのコンテキストの{percent}%を使用しています&lt;/b&gt;（{limit}トークン中{used}トークン）。</translation>
        </message>
        <message>
            <source>{head} Older text would otherwise be cut off. Default: continue in a new conversation carrying a summary; or drop the oldest turns (the system prompt is kept).</source>
            <translation>{head} このままでは古いテキストが切り捨てられます。既定では、要約を引き継いで新しい会話で続けます。または、古いやり取りを削除することもできます（システムプロンプトは保持されます）。</translation>
        </message>
    </context>
    <context>
        <name>PageView</name>
        <message>
            <source>Document page</source>
            <translation>ドキュメントのページ</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Short: a few sentences</source>
            <translation>短い：数文</translation>
        </message>
        <message>
            <source>Medium: a paragraph or two</source>
            <translation>中程度：1～2段落</translation>
        </message>
        <message>
            <source>Detailed: every main point</source>
            <translation>詳細：すべての要点</translation>
        </message>
        <message>
            <source>The new language is used when Wren starts again.</source>
            <translation>新しい言語はWrenの次回起動時に適用されます。</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>環境設定</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>言語</translation>
        </message>
        <message>
            <source>Language of the window</source>
            <translation>ウィンドウの表示言語</translation>
        </message>
        <message>
            <source>System language ({language})</source>
            <translation>システムの言語（{language}）</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>言語(&amp;L)</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>ドキュメント</translation>
        </message>
        <message>
            <source>Summary length</source>
            <translation>要約の長さ</translation>
        </message>
        <message>
            <source>Summary &amp;length</source>
            <translation>要約の長さ(&amp;L)</translation>
        </message>
        <message>
            <source>Disk space for saved document readings</source>
            <translation>ドキュメント読み取り結果の保存に使うディスク容量</translation>
        </message>
        <message>
            <source> MB</source>
            <translation> MB</translation>
        </message>
        <message>
            <source>Don't keep readings</source>
            <translation>読み取り結果を保存しない</translation>
        </message>
        <message>
            <source>A document's reading is kept on disk so that follow-up questions are answered at once, even after a restart. The oldest readings are removed beyond this size.</source>
            <translation>ドキュメントの読み取り結果はディスクに保存されるため、再起動後でも追加の質問にすぐ回答できます。このサイズを超えると、古い読み取り結果から削除されます。</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>クリア</translation>
        </message>
        <message>
            <source>Clear saved document readings</source>
            <translation>保存済みのドキュメント読み取り結果をクリア</translation>
        </message>
        <message>
            <source>Saved &amp;readings</source>
            <translation>保存済みの読み取り結果(&amp;R)</translation>
        </message>
        <message>
            <source>Saved readings in use</source>
            <translation>使用中の保存済み読み取り結果</translation>
        </message>
        <message>
            <source>Local API server (File → Local API server)</source>
            <translation>ローカルAPIサーバー（ファイル → ローカルAPIサーバー）</translation>
        </message>
        <message>
            <source>API server port</source>
            <translation>APIサーバーのポート</translation>
        </message>
        <message>
            <source>Any free port</source>
            <translation>空いている任意のポート</translation>
        </message>
        <message>
            <source>&amp;Port on 127.0.0.1</source>
            <translation>127.0.0.1のポート(&amp;P)</translation>
        </message>
        <message>
            <source>Keep API conversations in the history</source>
            <translation>APIでの会話を履歴に保存する</translation>
        </message>
        <message>
            <source>GPU</source>
            <translation>GPU</translation>
        </message>
        <message>
            <source>GPU memory Wren may use</source>
            <translation>Wrenが使用できるGPUメモリ</translation>
        </message>
        <message>
            <source> GB</source>
            <translation> GB</translation>
        </message>
        <message>
            <source>All free memory</source>
            <translation>空きメモリすべて</translation>
        </message>
        <message>
            <source>Wren plans how much of a model goes to the GPU from its free memory, less a safety margin of 512 MB. Set a limit to keep room for other programs (games, video, other models).</source>
            <translation>Wrenは、GPUの空きメモリから安全マージン512 MBを差し引いた量をもとに、モデルのどれだけをGPUに割り当てるかを決めます。他のプログラム（ゲーム、動画、他のモデル）用の余裕を残すには、上限を設定してください。</translation>
        </message>
        <message numerus="yes">
            <source>{size} in use by %n saved reading(s)</source>
            <translation>
                <numerusform>保存済み読み取り結果%n件で{size}を使用中</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReplyWords</name>
        <message numerus="yes">
            <source>%Ln token(s)</source>
            <translation>
                <numerusform>%Lnトークン</numerusform>
            </translation>
        </message>
        <message>
            <source>{tokens} · {rate} tok/s</source>
            <translation>{tokens} · {rate} tok/s</translation>
        </message>
    </context>
    <context>
        <name>SearchDialog</name>
        <message>
            <source>You</source>
            <translation>あなた</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>アシスタント</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>ドキュメント</translation>
        </message>
        <message>
            <source>System</source>
            <translation>システム</translation>
        </message>
        <message>
            <source>Conversation title</source>
            <translation>会話のタイトル</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>無題</translation>
        </message>
        <message>
            <source>Search conversations</source>
            <translation>会話を検索</translation>
        </message>
        <message>
            <source>Search all chats: words, "a phrase", prefix*</source>
            <translation>すべてのチャットを検索：単語、"フレーズ"、前方一致*</translation>
        </message>
        <message>
            <source>Search all conversations</source>
            <translation>すべての会話を検索</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>検索結果</translation>
        </message>
        <message>
            <source>Type to search.</source>
            <translation>入力して検索します。</translation>
        </message>
        <message>
            <source>Search status</source>
            <translation>検索の状態</translation>
        </message>
        <message>
            <source>No words to search for.</source>
            <translation>検索する語がありません。</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>検索中…</translation>
        </message>
        <message numerus="yes">
            <source>%n+ result(s) ({ms} ms)</source>
            <translation>
                <numerusform>%n件以上の結果（{ms} ms）</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n result(s) ({ms} ms)</source>
            <translation>
                <numerusform>%n件の結果（{ms} ms）</numerusform>
            </translation>
        </message>
        <message>
            <source>No results.</source>
            <translation>見つかりませんでした。</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Precise</source>
            <translation>正確</translation>
        </message>
        <message>
            <source>Balanced</source>
            <translation>バランス</translation>
        </message>
        <message>
            <source>Creative</source>
            <translation>創造的</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>カスタム</translation>
        </message>
        <message>
            <source>Conversation settings</source>
            <translation>会話の設定</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>プリセット</translation>
        </message>
        <message>
            <source>New preset name</source>
            <translation>新しいプリセット名</translation>
        </message>
        <message>
            <source>Save preset</source>
            <translation>プリセットを保存</translation>
        </message>
        <message>
            <source>Save these settings as a preset</source>
            <translation>この設定をプリセットとして保存</translation>
        </message>
        <message>
            <source>&amp;Preset</source>
            <translation>プリセット(&amp;P)</translation>
        </message>
        <message>
            <source>System prompt</source>
            <translation>システムプロンプト</translation>
        </message>
        <message>
            <source>Optional instructions the model follows in this conversation</source>
            <translation>この会話でモデルが従う指示（任意）</translation>
        </message>
        <message>
            <source>S&amp;ystem prompt</source>
            <translation>システムプロンプト(&amp;Y)</translation>
        </message>
        <message>
            <source>Temperature</source>
            <translation>温度</translation>
        </message>
        <message>
            <source>&amp;Temperature</source>
            <translation>温度(&amp;T)</translation>
        </message>
        <message>
            <source>Top-p</source>
            <translation>Top-p</translation>
        </message>
        <message>
            <source>Top-&amp;p</source>
            <translation>Top-&amp;p</translation>
        </message>
        <message>
            <source> tokens</source>
            <translation> トークン</translation>
        </message>
        <message>
            <source>Maximum reply length</source>
            <translation>返答の最大長</translation>
        </message>
        <message>
            <source>&amp;Max reply length</source>
            <translation>返答の最大長(&amp;M)</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>自動</translation>
        </message>
        <message>
            <source>Context size</source>
            <translation>コンテキストサイズ</translation>
        </message>
        <message>
            <source>Memory the context needs</source>
            <translation>コンテキストに必要なメモリ</translation>
        </message>
        <message>
            <source>&amp;Context size</source>
            <translation>コンテキストサイズ(&amp;C)</translation>
        </message>
        <message>
            <source>GPU use</source>
            <translation>GPUの使用</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>オフ</translation>
        </message>
        <message>
            <source>Layers:</source>
            <translation>レイヤー数：</translation>
        </message>
        <message>
            <source>Automatic puts as much of the model on the GPU as its free memory allows (within the limit set in Preferences). Off runs on the CPU only.</source>
            <translation>「自動」は、空きメモリが許す限り（環境設定で設定した上限内で）モデルをGPUに載せます。「オフ」はCPUのみで実行します。</translation>
        </message>
        <message>
            <source> layers</source>
            <translation> レイヤー</translation>
        </message>
        <message>
            <source>GPU offload layers</source>
            <translation>GPUにオフロードするレイヤー数</translation>
        </message>
        <message>
            <source>&amp;GPU</source>
            <translation>GPU(&amp;G)</translation>
        </message>
        <message>
            <source>Automatic (faster where the reply repeats the text)</source>
            <translation>自動（返答が本文を繰り返す場合に高速）</translation>
        </message>
        <message>
            <source>Lookup decoding</source>
            <translation>ルックアップデコーディング</translation>
        </message>
        <message>
            <source>Guesses the next words from the document and the conversation and checks the guess in one step. The reply is the same; summaries and questions about a document come faster.</source>
            <translation>ドキュメントと会話から次の語を推測し、その推測を1ステップで検証します。返答は変わりませんが、ドキュメントの要約や質問への回答が速くなります。</translation>
        </message>
        <message>
            <source>Give the preset a new name</source>
            <translation>プリセットに新しい名前を付けてください</translation>
        </message>
        <message>
            <source>chosen from the model and free memory</source>
            <translation>モデルと空きメモリから自動で選択</translation>
        </message>
        <message>
            <source>≈ {size} of RAM</source>
            <translation>RAM ≈ {size}</translation>
        </message>
    </context>
    <context>
        <name>SystemDialog</name>
        <message>
            <source>This computer</source>
            <translation>このコンピューター</translation>
        </message>
        <message>
            <source>CPU, memory and GPUs Wren can use</source>
            <translation>Wrenが使用できるCPU、メモリ、GPU</translation>
        </message>
        <message>
            <source>Looking at this computer…</source>
            <translation>このコンピューターを調べています…</translation>
        </message>
    </context>
    <context>
        <name>Wren</name>
        <message>
            <source>Wren cannot start</source>
            <translation>Wrenを起動できません</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <source>Open a conversation to export it.</source>
            <translation>エクスポートする会話を開いてください。</translation>
        </message>
        <message>
            <source>Export conversation</source>
            <translation>会話のエクスポート</translation>
        </message>
        <message>
            <source>Export failed: {why}</source>
            <translation>エクスポートに失敗しました：{why}</translation>
        </message>
        <message>
            <source>Exported to {path}</source>
            <translation>{path}にエクスポートしました</translation>
        </message>
    </context>
</TS>
