<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>&lt;p&gt;Offline chat with small language models, running on this computer through llama.cpp. Wren is released under the MIT licence.&lt;/p&gt;</source>
            <translation>&lt;p&gt;在本机通过 llama.cpp 运行小型语言模型，离线聊天。Wren 基于 MIT 许可证发布。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Loaded model:&lt;/b&gt; {name} — licence: {licence}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;已加载的模型：&lt;/b&gt;{name} — 许可证：{licence}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>not stated in the file (see its model card)</source>
            <translation>文件中未注明（请参阅其模型卡）</translation>
        </message>
        <message>
            <source>&lt;p&gt;(The licence list THIRD-PARTY.md is missing from this build.)&lt;/p&gt;</source>
            <translation>&lt;p&gt;（此版本缺少许可证列表 THIRD-PARTY.md。）&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About Wren</source>
            <translation>关于 Wren</translation>
        </message>
        <message>
            <source>About Wren and licences</source>
            <translation>关于 Wren 及许可证</translation>
        </message>
    </context>
    <context>
        <name>BatchController</name>
        <message>
            <source>Saved %1 summaries to %2</source>
            <translation>已将 %1 份摘要保存到 %2</translation>
        </message>
        <message>
            <source>Writing the summary…</source>
            <translation>正在撰写摘要…</translation>
        </message>
        <message>
            <source>, about %1 left</source>
            <translation>，剩余约 %1</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>正在读取…</translation>
        </message>
    </context>
    <context>
        <name>BatchPanel</name>
        <message>
            <source>Document queue</source>
            <translation>文档队列</translation>
        </message>
        <message>
            <source>&lt;b&gt;Document queue&lt;/b&gt;</source>
            <translation>&lt;b&gt;文档队列&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Save summaries to…</source>
            <translation>摘要保存到…</translation>
        </message>
        <message>
            <source>Save summaries to a folder</source>
            <translation>将摘要保存到文件夹</translation>
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
            <translation>已保存摘要的文件格式</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Close the document queue</source>
            <translation>关闭文档队列</translation>
        </message>
        <message>
            <source>Overall progress</source>
            <translation>总体进度</translation>
        </message>
        <message>
            <source>Overall progress and time left</source>
            <translation>总体进度和剩余时间</translation>
        </message>
        <message>
            <source>All done: %1 of %2 summarized</source>
            <translation>全部完成：已摘要 %1 / %2 个</translation>
        </message>
        <message>
            <source>%1 of %2 documents</source>
            <translation>%1 / %2 个文档</translation>
        </message>
        <message>
            <source>, about %1 left</source>
            <translation>，剩余约 %1</translation>
        </message>
        <message>
            <source> · %1 could not be read</source>
            <translation> · %1 个无法读取</translation>
        </message>
        <message>
            <source> · saving to %1</source>
            <translation> · 保存到 %1</translation>
        </message>
        <message>
            <source>Save summaries to</source>
            <translation>摘要保存到</translation>
        </message>
    </context>
    <context>
        <name>BatchRow</name>
        <message>
            <source>Waiting</source>
            <translation>等待中</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Summary ready</source>
            <translation>摘要已就绪</translation>
        </message>
        <message>
            <source>Could not be read</source>
            <translation>无法读取</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Not a document Wren reads</source>
            <translation>不是 Wren 可读取的文档</translation>
        </message>
        <message>
            <source>Document %1</source>
            <translation>文档 %1</translation>
        </message>
        <message>
            <source>State of %1</source>
            <translation>%1 的状态</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Pause %1</source>
            <translation>暂停 %1</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Cancel %1</source>
            <translation>取消 %1</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Open the summary of %1</source>
            <translation>打开 %1 的摘要</translation>
        </message>
        <message>
            <source>Progress of %1</source>
            <translation>%1 的进度</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>继续</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 秒</translation>
        </message>
        <message>
            <source>saved as %1</source>
            <translation>已保存为 %1</translation>
        </message>
        <message>
            <source>Paused: it starts again from the beginning when resumed (pages already read by OCR are kept)</source>
            <translation>已暂停：继续时将从头开始（已通过 OCR 识别的页面会保留）</translation>
        </message>
    </context>
    <context>
        <name>ChatPane</name>
        <message>
            <source>Notice</source>
            <translation>通知</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>发送</translation>
        </message>
        <message>
            <source>Send message</source>
            <translation>发送消息</translation>
        </message>
        <message>
            <source>Send (Enter)</source>
            <translation>发送 (Enter)</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Stop generating</source>
            <translation>停止生成</translation>
        </message>
        <message>
            <source>Stop (Esc)</source>
            <translation>停止 (Esc)</translation>
        </message>
    </context>
    <context>
        <name>ChatView</name>
        <message>
            <source>Conversation</source>
            <translation>对话</translation>
        </message>
    </context>
    <context>
        <name>Composer</name>
        <message>
            <source>Message Wren…  (Enter sends, Shift+Enter for a new line)</source>
            <translation>给 Wren 发消息…  （Enter 发送，Shift+Enter 换行）</translation>
        </message>
        <message>
            <source>Message input</source>
            <translation>消息输入框</translation>
        </message>
        <message>
            <source>Enter sends, Shift+Enter starts a new line, Esc stops a reply</source>
            <translation>Enter 发送，Shift+Enter 换行，Esc 停止回复</translation>
        </message>
    </context>
    <context>
        <name>ConversationList</name>
        <message>
            <source>New chat</source>
            <translation>新建对话</translation>
        </message>
        <message>
            <source>New chat (Ctrl+N)</source>
            <translation>新建对话 (Ctrl+N)</translation>
        </message>
        <message>
            <source>Conversations</source>
            <translation>对话</translation>
        </message>
        <message>
            <source>F2 renames, Delete deletes, the menu key opens more actions</source>
            <translation>F2 重命名，Delete 删除，菜单键打开更多操作</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>重命名</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
    </context>
    <context>
        <name>DocumentCard</name>
        <message>
            <source>Reading the file…</source>
            <translation>正在读取文件…</translation>
        </message>
        <message>
            <source>Reading {name}</source>
            <translation>正在读取 {name}</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Cancel reading {name}</source>
            <translation>取消读取 {name}</translation>
        </message>
        <message>
            <source>Status of {name}</source>
            <translation>{name} 的状态</translation>
        </message>
        <message numerus="yes">
            <source>%Ln page(s)</source>
            <translation>
                <numerusform>%Ln 页</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln token(s)</source>
            <translation>
                <numerusform>%Ln 个 token</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln character(s)</source>
            <translation>
                <numerusform>%Ln 个字符</numerusform>
            </translation>
        </message>
        <message>
            <source>{step}: {done}/{total} tokens, {rate} tok/s</source>
            <translation>{step}：{done}/{total} token，{rate} tok/s</translation>
        </message>
        <message>
            <source>{step}: {done}/{total} pages</source>
            <translation>{step}：{done}/{total} 页</translation>
        </message>
        <message>
            <source>{progress}, about {seconds} s left</source>
            <translation>{progress}，剩余约 {seconds} 秒</translation>
        </message>
        <message>
            <source>Summary ready ({mode}, {seconds} s)</source>
            <translation>摘要已就绪（{mode}，{seconds} 秒）</translation>
        </message>
    </context>
    <context>
        <name>DocumentDropArea</name>
        <message>
            <source>Documents ({patterns})</source>
            <translation>文档 ({patterns})</translation>
        </message>
    </context>
    <context>
        <name>DocumentJobs</name>
        <message numerus="yes">
            <source>Reading %n document(s)…</source>
            <translation>
                <numerusform>正在读取 %n 个文档…</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DocumentPane</name>
        <message>
            <source>Document pane</source>
            <translation>文档窗格</translation>
        </message>
        <message>
            <source>Document name</source>
            <translation>文档名称</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>上一页</translation>
        </message>
        <message>
            <source>Page number</source>
            <translation>页码</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>下一页</translation>
        </message>
        <message>
            <source>Close the document pane</source>
            <translation>关闭文档窗格</translation>
        </message>
        <message>
            <source>Citation check</source>
            <translation>引用核查</translation>
        </message>
        <message>
            <source>Page view</source>
            <translation>页面视图</translation>
        </message>
        <message>
            <source>Section text</source>
            <translation>章节文本</translation>
        </message>
        <message>
            <source>Document pane status</source>
            <translation>文档窗格状态</translation>
        </message>
        <message>
            <source>✓ Supported: {pct}% of the sentence's words are on {where}.</source>
            <translation>✓ 有依据：该句 {pct}% 的词语出现在 {where}。</translation>
        </message>
        <message>
            <source>its words are not found there</source>
            <translation>在其中找不到该句的词语</translation>
        </message>
        <message>
            <source>⚠ Not supported by {where}: {why}.</source>
            <translation>⚠ {where} 不支持此句：{why}。</translation>
        </message>
        <message>
            <source>The model cited this page.</source>
            <translation>模型引用了此页。</translation>
        </message>
        <message>
            <source>The model cited no page: Wren chose the best match.</source>
            <translation>模型未引用页面：Wren 选择了最佳匹配。</translation>
        </message>
        <message>
            <source>Page {n} of {total}</source>
            <translation>第 {n} 页，共 {total} 页</translation>
        </message>
        <message>
            <source>Rendering…</source>
            <translation>正在渲染…</translation>
        </message>
        <message>
            <source>The supporting passage is highlighted.</source>
            <translation>支持该句的段落已高亮显示。</translation>
        </message>
        <message>
            <source>The passage could not be located on this page.</source>
            <translation>无法在此页中定位该段落。</translation>
        </message>
        <message>
            <source>The passage could not be located in this section.</source>
            <translation>无法在此章节中定位该段落。</translation>
        </message>
    </context>
    <context>
        <name>EditDialog</name>
        <message>
            <source>Edit message</source>
            <translation>编辑消息</translation>
        </message>
        <message>
            <source>Edit your message. Everything after it will be written again.</source>
            <translation>编辑您的消息。其后的所有内容都将重新生成。</translation>
        </message>
        <message>
            <source>Edited message</source>
            <translation>已编辑的消息</translation>
        </message>
        <message>
            <source>Send again</source>
            <translation>重新发送</translation>
        </message>
    </context>
    <context>
        <name>EnginesDialog</name>
        <message>
            <source>Remote engines</source>
            <translation>远程引擎</translation>
        </message>
        <message>
            <source>Engines</source>
            <translation>引擎</translation>
        </message>
        <message>
            <source>http://192.168.1.20:8000  (vLLM, Ollama :11434, llama.cpp :8080)</source>
            <translation>http://192.168.1.20:8000  （vLLM、Ollama :11434、llama.cpp :8080）</translation>
        </message>
        <message>
            <source>optional; kept in the system keyring</source>
            <translation>可选；保存在系统密钥环中</translation>
        </message>
        <message>
            <source>Engine status</source>
            <translation>引擎状态</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>测试连接</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>名称(&amp;N)</translation>
        </message>
        <message>
            <source>A&amp;ddress</source>
            <translation>地址(&amp;D)</translation>
        </message>
        <message>
            <source>API &amp;key</source>
            <translation>API 密钥(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;Engines</source>
            <translation>引擎(&amp;E)</translation>
        </message>
        <message>
            <source>  (key)</source>
            <translation>  （密钥）</translation>
        </message>
        <message>
            <source>Added {name}.</source>
            <translation>已添加 {name}。</translation>
        </message>
        <message>
            <source>Select an engine to remove.</source>
            <translation>请选择要移除的引擎。</translation>
        </message>
        <message>
            <source>Removed {name}.</source>
            <translation>已移除 {name}。</translation>
        </message>
        <message>
            <source>new engine</source>
            <translation>新引擎</translation>
        </message>
        <message>
            <source>Type an address or select an engine to test.</source>
            <translation>请输入地址或选择要测试的引擎。</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>正在测试…</translation>
        </message>
        <message>
            <source>no models</source>
            <translation>无模型</translation>
        </message>
        <message numerus="yes">
            <source>{names} and %n more</source>
            <translation>
                <numerusform>{names} 及另外 %n 个</numerusform>
            </translation>
        </message>
        <message>
            <source>Connected: {names}</source>
            <translation>已连接：{names}</translation>
        </message>
    </context>
    <context>
        <name>InferenceWorker</name>
        <message>
            <source>No model is loaded yet</source>
            <translation>尚未加载模型</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Load a local model first: documents are read on this computer</source>
            <translation>请先加载本地模型：文档在本机上读取</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Undo delete</source>
            <translation>撤销删除</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Wren&lt;/h2&gt;&lt;p&gt;Chat with a language model that runs on this computer.&lt;br&gt;Nothing you type leaves it.&lt;/p&gt;&lt;p&gt;Type a message below and press Enter.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Wren&lt;/h2&gt;&lt;p&gt;与在本机运行的语言模型聊天。&lt;br&gt;您输入的任何内容都不会离开本机。&lt;/p&gt;&lt;p&gt;在下方输入消息并按 Enter。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Welcome to Wren&lt;/h2&gt;&lt;p&gt;Chat with a language model that runs on this computer. Nothing you type leaves it.&lt;/p&gt;&lt;p&gt;The small starter model is quick but simple: &lt;b&gt;Models → Manage and download models…&lt;/b&gt; finds bigger ones that fit this computer.&lt;/p&gt;&lt;p&gt;Drop a document (PDF, DOCX, TXT, Markdown, HTML…) on this window, or press &lt;b&gt;Ctrl+O&lt;/b&gt;, to get a summary and ask questions about it.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;欢迎使用 Wren&lt;/h2&gt;&lt;p&gt;与在本机运行的语言模型聊天。您输入的任何内容都不会离开本机。&lt;/p&gt;&lt;p&gt;小型入门模型速度快但能力简单：&lt;b&gt;模型 → 管理和下载模型…&lt;/b&gt;可查找适合本机的更大模型。&lt;/p&gt;&lt;p&gt;将文档（PDF、DOCX、TXT、Markdown、HTML…）拖放到此窗口，或按 &lt;b&gt;Ctrl+O&lt;/b&gt;，即可获取摘要并就其提问。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>欢迎</translation>
        </message>
        <message>
            <source>Got it</source>
            <translation>知道了</translation>
        </message>
        <message>
            <source>Dismiss welcome</source>
            <translation>关闭欢迎信息</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;New chat</source>
            <translation>新建对话(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Attach document…</source>
            <translation>附加文档(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Import a GGUF model…</source>
            <translation>导入 GGUF 模型(&amp;I)…</translation>
        </message>
        <message>
            <source>Conversation &amp;settings…</source>
            <translation>对话设置(&amp;S)…</translation>
        </message>
        <message>
            <source>Local &amp;API server</source>
            <translation>本地 API 服务器(&amp;A)</translation>
        </message>
        <message>
            <source>Serve the loaded model to other programs on 127.0.0.1 (OpenAI-compatible)</source>
            <translation>在 127.0.0.1 上向其他程序提供已加载的模型（兼容 OpenAI）</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>首选项(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>Copy last reply</source>
            <translation>复制上一条回复</translation>
        </message>
        <message>
            <source>&amp;Search conversations…</source>
            <translation>搜索对话(&amp;S)…</translation>
        </message>
        <message>
            <source>Focus message input</source>
            <translation>聚焦消息输入框</translation>
        </message>
        <message>
            <source>Focus conversation list</source>
            <translation>聚焦对话列表</translation>
        </message>
        <message>
            <source>Focus model picker</source>
            <translation>聚焦模型选择器</translation>
        </message>
        <message>
            <source>Read last message</source>
            <translation>朗读上一条消息</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Actual size</source>
            <translation>实际大小(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Chat</source>
            <translation>对话(&amp;C)</translation>
        </message>
        <message>
            <source>S&amp;top</source>
            <translation>停止(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Regenerate last reply</source>
            <translation>重新生成上一条回复(&amp;R)</translation>
        </message>
        <message>
            <source>Re&amp;name conversation</source>
            <translation>重命名对话(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Delete conversation</source>
            <translation>删除对话(&amp;D)</translation>
        </message>
        <message>
            <source>E&amp;xport conversation…</source>
            <translation>导出对话(&amp;X)…</translation>
        </message>
        <message>
            <source>&amp;Models</source>
            <translation>模型(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Manage and download models…</source>
            <translation>管理和下载模型(&amp;M)…</translation>
        </message>
        <message>
            <source>&amp;Remote engines…</source>
            <translation>远程引擎(&amp;R)…</translation>
        </message>
        <message>
            <source>Re&amp;fresh installed models</source>
            <translation>刷新已安装的模型(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Welcome</source>
            <translation>欢迎(&amp;W)</translation>
        </message>
        <message>
            <source>&amp;This computer…</source>
            <translation>本机信息(&amp;T)…</translation>
        </message>
        <message>
            <source>&amp;About Wren</source>
            <translation>关于 Wren(&amp;A)</translation>
        </message>
        <message>
            <source>Text size {percent} %</source>
            <translation>文字大小 {percent}%</translation>
        </message>
        <message>
            <source>{model} (remote: {engine})</source>
            <translation>{model}（远程：{engine}）</translation>
        </message>
        <message>
            <source>Loading {name}…</source>
            <translation>正在加载 {name}…</translation>
        </message>
        <message>
            <source>{name} ready (loaded in {seconds} s)</source>
            <translation>{name} 已就绪（加载用时 {seconds} 秒）</translation>
        </message>
        <message>
            <source>{name} is ready.</source>
            <translation>{name} 已就绪。</translation>
        </message>
        <message>
            <source>Error: {message}</source>
            <translation>错误：{message}</translation>
        </message>
        <message>
            <source>{title} — Wren</source>
            <translation>{title} — Wren</translation>
        </message>
        <message>
            <source>Deleted “{title}”.</source>
            <translation>已删除“{title}”。</translation>
        </message>
        <message>
            <source>Conversation restored.</source>
            <translation>对话已恢复。</translation>
        </message>
        <message>
            <source>The model is still loading: your message is kept, send it when it is ready.</source>
            <translation>模型仍在加载：您的消息已保留，就绪后再发送。</translation>
        </message>
        <message>
            <source>Reading the conversation…</source>
            <translation>正在阅读对话…</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>正在停止…</translation>
        </message>
        <message>
            <source>Writing…</source>
            <translation>正在撰写…</translation>
        </message>
        <message>
            <source>Reading the conversation… {percent}</source>
            <translation>正在阅读对话… {percent}</translation>
        </message>
        <message>
            <source>Writing… {rate} tokens/s</source>
            <translation>正在撰写… {rate} token/s</translation>
        </message>
        <message>
            <source>{tokens} at {rate} tokens/s</source>
            <translation>{tokens}，{rate} token/s</translation>
        </message>
        <message>
            <source>Stopped: {tokens}</source>
            <translation>已停止：{tokens}</translation>
        </message>
        <message>
            <source>Done: {tokens}</source>
            <translation>已完成：{tokens}</translation>
        </message>
        <message>
            <source>{status}: {tokens}</source>
            <translation>{status}：{tokens}</translation>
        </message>
        <message>
            <source>Reply stopped. {text}</source>
            <translation>回复已停止。{text}</translation>
        </message>
        <message>
            <source>Reply finished. {text}</source>
            <translation>回复已完成。{text}</translation>
        </message>
        <message numerus="yes">
            <source>Dropped %n older message(s); the system prompt is kept.</source>
            <translation>
                <numerusform>已移除 %n 条较早的消息；系统提示词已保留。</numerusform>
            </translation>
        </message>
        <message>
            <source>Summarizing this conversation for a new one…</source>
            <translation>正在为新对话总结此对话…</translation>
        </message>
        <message>
            <source>{title} (continued)</source>
            <translation>{title}（续）</translation>
        </message>
        <message>
            <source>Conversation</source>
            <translation>对话</translation>
        </message>
        <message>
            <source>Continued in a new conversation; the summary is in its system prompt.</source>
            <translation>已在新对话中继续；摘要位于其系统提示词中。</translation>
        </message>
        <message>
            <source>The model is still loading: the documents will be read when it is ready.</source>
            <translation>模型仍在加载：就绪后将读取文档。</translation>
        </message>
        <message>
            <source>Document {name}</source>
            <translation>文档 {name}</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>%1 documents in the queue</source>
            <translation>队列中有 %1 个文档</translation>
        </message>
        <message>
            <source>Resuming the document queue: %1 documents left</source>
            <translation>正在恢复文档队列：剩余 %1 个文档</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Summary ready: ask questions about the document below.</source>
            <translation>摘要已就绪：可在下方就该文档提问。</translation>
        </message>
        <message>
            <source>Summary ready: {name}. Ask questions about the document below.</source>
            <translation>摘要已就绪：{name}。可在下方就该文档提问。</translation>
        </message>
        <message>
            <source>The document of this summary is no longer stored.</source>
            <translation>此摘要对应的文档已不再保存。</translation>
        </message>
        <message>
            <source>Attach documents</source>
            <translation>附加文档</translation>
        </message>
        <message>
            <source>Import a GGUF model</source>
            <translation>导入 GGUF 模型</translation>
        </message>
        <message>
            <source>GGUF models (*.gguf)</source>
            <translation>GGUF 模型 (*.gguf)</translation>
        </message>
        <message>
            <source>Importing {name}…</source>
            <translation>正在导入 {name}…</translation>
        </message>
        <message>
            <source>the model</source>
            <translation>该模型</translation>
        </message>
        <message>
            <source>Imported {name}: choose it in the model list.</source>
            <translation>已导入 {name}：请在模型列表中选择它。</translation>
        </message>
        <message>
            <source>Local API server stopped.</source>
            <translation>本地 API 服务器已停止。</translation>
        </message>
        <message>
            <source>The local API server needs a loaded local model.</source>
            <translation>本地 API 服务器需要已加载的本地模型。</translation>
        </message>
        <message>
            <source>the API server could not start: {error}</source>
            <translation>API 服务器无法启动：{error}</translation>
        </message>
        <message>
            <source>Local API server on {url}</source>
            <translation>本地 API 服务器运行于 {url}</translation>
        </message>
        <message>
            <source>API server busy</source>
            <translation>API 服务器忙碌</translation>
        </message>
        <message>
            <source>API server idle</source>
            <translation>API 服务器空闲</translation>
        </message>
        <message>
            <source>Copied.</source>
            <translation>已复制。</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>设置已保存。</translation>
        </message>
        <message>
            <source>Preferences saved.</source>
            <translation>首选项已保存。</translation>
        </message>
    </context>
    <context>
        <name>MessageWidget</name>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Copy this message</source>
            <translation>复制此消息</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>编辑</translation>
        </message>
        <message>
            <source>Edit this message and run it again</source>
            <translation>编辑此消息并重新运行</translation>
        </message>
        <message>
            <source>Regenerate</source>
            <translation>重新生成</translation>
        </message>
        <message>
            <source>Write this reply again</source>
            <translation>重新撰写此回复</translation>
        </message>
        <message>
            <source>You</source>
            <translation>您</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>助手</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>文档</translation>
        </message>
        <message>
            <source>System</source>
            <translation>系统</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>writing…</source>
            <translation>正在撰写…</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>{author}, {model}, {status}</source>
            <translation>{author}，{model}，{status}</translation>
        </message>
        <message>
            <source>{author}, {status}</source>
            <translation>{author}，{status}</translation>
        </message>
        <message>
            <source>{name}, continued</source>
            <translation>{name}（续）</translation>
        </message>
        <message>
            <source>Message from {author}</source>
            <translation>来自{author}的消息</translation>
        </message>
        <message>
            <source>Copy code</source>
            <translation>复制代码</translation>
        </message>
    </context>
    <context>
        <name>ModelBar</name>
        <message>
            <source>&amp;Model</source>
            <translation>模型(&amp;M)</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Choose an installed model</source>
            <translation>选择已安装的模型</translation>
        </message>
        <message>
            <source>No model loaded</source>
            <translation>未加载模型</translation>
        </message>
        <message>
            <source>Loaded model details</source>
            <translation>已加载模型的详细信息</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Conversation settings</source>
            <translation>对话设置</translation>
        </message>
        <message>
            <source>Conversation settings (Ctrl+,)</source>
            <translation>对话设置 (Ctrl+,)</translation>
        </message>
        <message>
            <source>Models…</source>
            <translation>模型…</translation>
        </message>
        <message>
            <source>Manage models</source>
            <translation>管理模型</translation>
        </message>
        <message>
            <source>Manage and download models (Ctrl+M)</source>
            <translation>管理和下载模型 (Ctrl+M)</translation>
        </message>
        <message>
            <source>No model installed</source>
            <translation>未安装模型</translation>
        </message>
        <message>
            <source>Loading {name}…</source>
            <translation>正在加载 {name}…</translation>
        </message>
        <message>
            <source>context {n} tokens (max {max})</source>
            <translation>上下文 {n} token（最大 {max}）</translation>
        </message>
        <message>
            <source>context {n} tokens</source>
            <translation>上下文 {n} token</translation>
        </message>
    </context>
    <context>
        <name>ModelManagerDialog</name>
        <message>
            <source>unexpected error: {error}</source>
            <translation>意外错误：{error}</translation>
        </message>
        <message>
            <source>Models</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>&amp;Catalog</source>
            <translation>目录(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Search Hugging Face</source>
            <translation>搜索 Hugging Face(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Downloads</source>
            <translation>下载(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Installed</source>
            <translation>已安装(&amp;I)</translation>
        </message>
        <message>
            <source>Model manager sections</source>
            <translation>模型管理器分区</translation>
        </message>
        <message>
            <source>Model manager status</source>
            <translation>模型管理器状态</translation>
        </message>
        <message>
            <source>Any licence</source>
            <translation>任意许可证</translation>
        </message>
        <message>
            <source>Licence filter</source>
            <translation>许可证筛选</translation>
        </message>
        <message>
            <source>Any size</source>
            <translation>任意大小</translation>
        </message>
        <message>
            <source>Size filter</source>
            <translation>大小筛选</translation>
        </message>
        <message>
            <source>Any specialization</source>
            <translation>任意专长</translation>
        </message>
        <message>
            <source>Specialization filter</source>
            <translation>专长筛选</translation>
        </message>
        <message>
            <source>Any training</source>
            <translation>任意训练方式</translation>
        </message>
        <message>
            <source>Training filter</source>
            <translation>训练方式筛选</translation>
        </message>
        <message>
            <source>Which model should I use? &amp;For:</source>
            <translation>该用哪个模型？用途(&amp;F)：</translation>
        </message>
        <message>
            <source>Which model should I use? For:</source>
            <translation>该用哪个模型？用途：</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>推荐</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Size class</source>
            <translation>规模类别</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>许可证</translation>
        </message>
        <message>
            <source>Specialization</source>
            <translation>专长</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>训练方式</translation>
        </message>
        <message>
            <source>Quantization</source>
            <translation>量化</translation>
        </message>
        <message>
            <source>Download size</source>
            <translation>下载大小</translation>
        </message>
        <message>
            <source>Fits this machine?</source>
            <translation>适合本机？</translation>
        </message>
        <message>
            <source>Model catalog</source>
            <translation>模型目录</translation>
        </message>
        <message>
            <source>Download selected</source>
            <translation>下载所选项</translation>
        </message>
        <message>
            <source>commercial OK</source>
            <translation>可商用</translation>
        </message>
        <message>
            <source>commercial with terms</source>
            <translation>有条件商用</translation>
        </message>
        <message>
            <source>commercial restricted</source>
            <translation>商用受限</translation>
        </message>
        <message>
            <source>Quantization of {model}</source>
            <translation>{model} 的量化</translation>
        </message>
        <message>
            <source>{status} ({size} GiB at {n} tokens)</source>
            <translation>{status}（{n} token 时 {size} GiB）</translation>
        </message>
        <message>
            <source>Search GGUF models on Hugging Face (e.g. qwen2 gguf)</source>
            <translation>在 Hugging Face 上搜索 GGUF 模型（例如 qwen2 gguf）</translation>
        </message>
        <message>
            <source>Search Hugging Face</source>
            <translation>搜索 Hugging Face</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>Hugging Face token…</source>
            <translation>Hugging Face 令牌…</translation>
        </message>
        <message>
            <source>Repositories found</source>
            <translation>找到的仓库</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>GGUF files in the repository</source>
            <translation>仓库中的 GGUF 文件</translation>
        </message>
        <message>
            <source>Download selected file</source>
            <translation>下载所选文件</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>正在搜索…</translation>
        </message>
        <message numerus="yes">
            <source>{repo}  ·  %Ln download(s)</source>
            <translation>
                <numerusform>{repo}  ·  %Ln 次下载</numerusform>
            </translation>
        </message>
        <message>
            <source>{repo}  ·  gated</source>
            <translation>{repo}  ·  受限访问</translation>
        </message>
        <message numerus="yes">
            <source>%n repositories found</source>
            <translation>
                <numerusform>找到 %n 个仓库</numerusform>
            </translation>
        </message>
        <message>
            <source>No GGUF repositories found</source>
            <translation>未找到 GGUF 仓库</translation>
        </message>
        <message numerus="yes">
            <source>%n GGUF file(s)</source>
            <translation>
                <numerusform>%n 个 GGUF 文件</numerusform>
            </translation>
        </message>
        <message>
            <source>Hugging Face token</source>
            <translation>Hugging Face 令牌</translation>
        </message>
        <message>
            <source>Token (kept in the system keyring only):</source>
            <translation>令牌（仅保存在系统密钥环中）：</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Downloads</source>
            <translation>下载</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>继续</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Download of {file}</source>
            <translation>下载 {file}</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>已排队</translation>
        </message>
        <message>
            <source>Failed: {message}</source>
            <translation>失败：{message}</translation>
        </message>
        <message>
            <source>{paused} (Resume to continue)</source>
            <translation>{paused}（点击“继续”以恢复）</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Paused at {done} / {total}</source>
            <translation>已暂停于 {done} / {total}</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>Verifying sha256…</source>
            <translation>正在校验 sha256…</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>正在开始…</translation>
        </message>
        <message>
            <source>Reconnecting…</source>
            <translation>正在重新连接…</translation>
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
            <translation>{progress} · 剩余 {seconds} 秒</translation>
        </message>
        <message>
            <source>Done: installed as {model}</source>
            <translation>已完成：已安装为 {model}</translation>
        </message>
        <message>
            <source>Cancelled (partial file deleted)</source>
            <translation>已取消（部分下载的文件已删除）</translation>
        </message>
        <message>
            <source>Download failed: {message}</source>
            <translation>下载失败：{message}</translation>
        </message>
        <message>
            <source>Download finished: {model} is installed.</source>
            <translation>下载完成：已安装 {model}。</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>Size on disk</source>
            <translation>磁盘占用</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>默认</translation>
        </message>
        <message>
            <source>Installed models</source>
            <translation>已安装的模型</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <source>Show in folder</source>
            <translation>在文件夹中显示</translation>
        </message>
        <message>
            <source>Set as default</source>
            <translation>设为默认</translation>
        </message>
        <message>
            <source>Import GGUF…</source>
            <translation>导入 GGUF…</translation>
        </message>
        <message>
            <source>default model</source>
            <translation>默认模型</translation>
        </message>
        <message>
            <source>not default</source>
            <translation>非默认</translation>
        </message>
        <message>
            <source>Delete model</source>
            <translation>删除模型</translation>
        </message>
        <message>
            <source>Delete {model} and its file from disk?</source>
            <translation>要从磁盘删除 {model} 及其文件吗？</translation>
        </message>
        <message>
            <source>Imported {name} as {id}</source>
            <translation>已将 {name} 导入为 {id}</translation>
        </message>
        <message>
            <source>Import a GGUF model</source>
            <translation>导入 GGUF 模型</translation>
        </message>
        <message>
            <source>GGUF models (*.gguf)</source>
            <translation>GGUF 模型 (*.gguf)</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Copy the file into Wren's models folder?
(No = use it where it is)</source>
            <translation>要将文件复制到 Wren 的模型文件夹吗？
（否 = 在原位置使用）</translation>
        </message>
    </context>
    <context>
        <name>OverflowBanner</name>
        <message>
            <source>Continue in a new chat with a summary</source>
            <translation>携带摘要在新对话中继续</translation>
        </message>
        <message>
            <source>Continue in a new conversation carrying a summary</source>
            <translation>在携带摘要的新对话中继续</translation>
        </message>
        <message>
            <source>Drop oldest turns</source>
            <translation>丢弃最早的轮次</translation>
        </message>
        <message>
            <source>Drop the oldest turns, keep the system prompt</source>
            <translation>丢弃最早的轮次，保留系统提示词</translation>
        </message>
        <message>
            <source>&lt;b&gt;This conversation no longer fits the model's memory.&lt;/b&gt;</source>
            <translation>&lt;b&gt;此对话已超出模型的记忆容量。&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;This conversation fills {percent}% of the model's context&lt;/b&gt; ({used} of {limit} tokens).</source>
            <translation>&lt;b&gt;此对话已占用模型上下文的 {percent}%&lt;/b&gt;（{used} / {limit} token）。</translation>
        </message>
        <message>
            <source>{head} Older text would otherwise be cut off. Default: continue in a new conversation carrying a summary; or drop the oldest turns (the system prompt is kept).</source>
            <translation>{head} 否则较早的文本将被截断。默认：在携带摘要的新对话中继续；或丢弃最早的轮次（保留系统提示词）。</translation>
        </message>
    </context>
    <context>
        <name>PageView</name>
        <message>
            <source>Document page</source>
            <translation>文档页面</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Short: a few sentences</source>
            <translation>简短：几句话</translation>
        </message>
        <message>
            <source>Medium: a paragraph or two</source>
            <translation>中等：一两段</translation>
        </message>
        <message>
            <source>Detailed: every main point</source>
            <translation>详细：涵盖每个要点</translation>
        </message>
        <message>
            <source>The new language is used when Wren starts again.</source>
            <translation>新语言将在 Wren 重新启动后生效。</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>首选项</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>Language of the window</source>
            <translation>窗口语言</translation>
        </message>
        <message>
            <source>System language ({language})</source>
            <translation>系统语言（{language}）</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>文档</translation>
        </message>
        <message>
            <source>Summary length</source>
            <translation>摘要长度</translation>
        </message>
        <message>
            <source>Summary &amp;length</source>
            <translation>摘要长度(&amp;L)</translation>
        </message>
        <message>
            <source>Disk space for saved document readings</source>
            <translation>已保存文档读取结果的磁盘空间</translation>
        </message>
        <message>
            <source> MB</source>
            <translation> MB</translation>
        </message>
        <message>
            <source>Don't keep readings</source>
            <translation>不保留读取结果</translation>
        </message>
        <message>
            <source>A document's reading is kept on disk so that follow-up questions are answered at once, even after a restart. The oldest readings are removed beyond this size.</source>
            <translation>文档的读取结果会保存在磁盘上，以便即使在重启后也能立即回答后续问题。超出此大小时将删除最早的读取结果。</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>Clear saved document readings</source>
            <translation>清除已保存的文档读取结果</translation>
        </message>
        <message>
            <source>Saved &amp;readings</source>
            <translation>已保存的读取结果(&amp;R)</translation>
        </message>
        <message>
            <source>Saved readings in use</source>
            <translation>已使用的已保存读取结果</translation>
        </message>
        <message>
            <source>Local API server (File → Local API server)</source>
            <translation>本地 API 服务器（文件 → 本地 API 服务器）</translation>
        </message>
        <message>
            <source>API server port</source>
            <translation>API 服务器端口</translation>
        </message>
        <message>
            <source>Any free port</source>
            <translation>任意空闲端口</translation>
        </message>
        <message>
            <source>&amp;Port on 127.0.0.1</source>
            <translation>127.0.0.1 上的端口(&amp;P)</translation>
        </message>
        <message>
            <source>Keep API conversations in the history</source>
            <translation>在历史记录中保留 API 对话</translation>
        </message>
        <message>
            <source>GPU</source>
            <translation>GPU</translation>
        </message>
        <message>
            <source>GPU memory Wren may use</source>
            <translation>Wren 可使用的 GPU 内存</translation>
        </message>
        <message>
            <source> GB</source>
            <translation> GB</translation>
        </message>
        <message>
            <source>All free memory</source>
            <translation>全部空闲内存</translation>
        </message>
        <message>
            <source>Wren plans how much of a model goes to the GPU from its free memory, less a safety margin of 512 MB. Set a limit to keep room for other programs (games, video, other models).</source>
            <translation>Wren 会根据 GPU 的空闲内存（减去 512 MB 的安全余量）规划将模型的多少部分放到 GPU 上。设置上限可为其他程序（游戏、视频、其他模型）留出空间。</translation>
        </message>
        <message numerus="yes">
            <source>{size} in use by %n saved reading(s)</source>
            <translation>
                <numerusform>%n 份已保存的读取结果占用 {size}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReplyWords</name>
        <message numerus="yes">
            <source>%Ln token(s)</source>
            <translation>
                <numerusform>%Ln 个 token</numerusform>
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
            <translation>您</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>助手</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>文档</translation>
        </message>
        <message>
            <source>System</source>
            <translation>系统</translation>
        </message>
        <message>
            <source>Conversation title</source>
            <translation>对话标题</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>无标题</translation>
        </message>
        <message>
            <source>Search conversations</source>
            <translation>搜索对话</translation>
        </message>
        <message>
            <source>Search all chats: words, "a phrase", prefix*</source>
            <translation>搜索所有对话：词语、"短语"、前缀*</translation>
        </message>
        <message>
            <source>Search all conversations</source>
            <translation>搜索所有对话</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>搜索结果</translation>
        </message>
        <message>
            <source>Type to search.</source>
            <translation>输入以搜索。</translation>
        </message>
        <message>
            <source>Search status</source>
            <translation>搜索状态</translation>
        </message>
        <message>
            <source>No words to search for.</source>
            <translation>没有要搜索的词语。</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>正在搜索…</translation>
        </message>
        <message numerus="yes">
            <source>%n+ result(s) ({ms} ms)</source>
            <translation>
                <numerusform>%n+ 条结果（{ms} ms）</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n result(s) ({ms} ms)</source>
            <translation>
                <numerusform>%n 条结果（{ms} ms）</numerusform>
            </translation>
        </message>
        <message>
            <source>No results.</source>
            <translation>无结果。</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Precise</source>
            <translation>精确</translation>
        </message>
        <message>
            <source>Balanced</source>
            <translation>平衡</translation>
        </message>
        <message>
            <source>Creative</source>
            <translation>创意</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <source>Conversation settings</source>
            <translation>对话设置</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>预设</translation>
        </message>
        <message>
            <source>New preset name</source>
            <translation>新预设名称</translation>
        </message>
        <message>
            <source>Save preset</source>
            <translation>保存预设</translation>
        </message>
        <message>
            <source>Save these settings as a preset</source>
            <translation>将这些设置保存为预设</translation>
        </message>
        <message>
            <source>&amp;Preset</source>
            <translation>预设(&amp;P)</translation>
        </message>
        <message>
            <source>System prompt</source>
            <translation>系统提示词</translation>
        </message>
        <message>
            <source>Optional instructions the model follows in this conversation</source>
            <translation>模型在此对话中遵循的可选指令</translation>
        </message>
        <message>
            <source>S&amp;ystem prompt</source>
            <translation>系统提示词(&amp;Y)</translation>
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
            <translation>Top-p(&amp;P)</translation>
        </message>
        <message>
            <source> tokens</source>
            <translation> token</translation>
        </message>
        <message>
            <source>Maximum reply length</source>
            <translation>最大回复长度</translation>
        </message>
        <message>
            <source>&amp;Max reply length</source>
            <translation>最大回复长度(&amp;M)</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>自动</translation>
        </message>
        <message>
            <source>Context size</source>
            <translation>上下文大小</translation>
        </message>
        <message>
            <source>Memory the context needs</source>
            <translation>上下文所需内存</translation>
        </message>
        <message>
            <source>&amp;Context size</source>
            <translation>上下文大小(&amp;C)</translation>
        </message>
        <message>
            <source>GPU use</source>
            <translation>GPU 使用</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Layers:</source>
            <translation>层数：</translation>
        </message>
        <message>
            <source>Automatic puts as much of the model on the GPU as its free memory allows (within the limit set in Preferences). Off runs on the CPU only.</source>
            <translation>“自动”会在 GPU 空闲内存允许的范围内（不超过“首选项”中设置的上限）将尽可能多的模型放到 GPU 上。“关闭”则仅在 CPU 上运行。</translation>
        </message>
        <message>
            <source> layers</source>
            <translation> 层</translation>
        </message>
        <message>
            <source>GPU offload layers</source>
            <translation>GPU 卸载层数</translation>
        </message>
        <message>
            <source>&amp;GPU</source>
            <translation>GPU(&amp;G)</translation>
        </message>
        <message>
            <source>Automatic (faster where the reply repeats the text)</source>
            <translation>自动（回复重复原文时更快）</translation>
        </message>
        <message>
            <source>Lookup decoding</source>
            <translation>查找解码</translation>
        </message>
        <message>
            <source>Guesses the next words from the document and the conversation and checks the guess in one step. The reply is the same; summaries and questions about a document come faster.</source>
            <translation>根据文档和对话猜测接下来的词语，并一步完成对猜测的验证。回复内容不变；文档摘要和有关文档的问答会更快。</translation>
        </message>
        <message>
            <source>Give the preset a new name</source>
            <translation>为预设指定新名称</translation>
        </message>
        <message>
            <source>chosen from the model and free memory</source>
            <translation>根据模型和空闲内存选择</translation>
        </message>
        <message>
            <source>≈ {size} of RAM</source>
            <translation>≈ {size} 内存</translation>
        </message>
    </context>
    <context>
        <name>SystemDialog</name>
        <message>
            <source>This computer</source>
            <translation>本机信息</translation>
        </message>
        <message>
            <source>CPU, memory and GPUs Wren can use</source>
            <translation>Wren 可使用的 CPU、内存和 GPU</translation>
        </message>
        <message>
            <source>Looking at this computer…</source>
            <translation>正在检测本机…</translation>
        </message>
    </context>
    <context>
        <name>Wren</name>
        <message>
            <source>Wren cannot start</source>
            <translation>Wren 无法启动</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <source>Open a conversation to export it.</source>
            <translation>请先打开一个对话再导出。</translation>
        </message>
        <message>
            <source>Export conversation</source>
            <translation>导出对话</translation>
        </message>
        <message>
            <source>Export failed: {why}</source>
            <translation>导出失败：{why}</translation>
        </message>
        <message>
            <source>Exported to {path}</source>
            <translation>已导出到 {path}</translation>
        </message>
    </context>
</TS>
