<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>&lt;p&gt;Offline chat with small language models, running on this computer through llama.cpp. Wren is released under the MIT licence.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Loaded model:&lt;/b&gt; {name} — licence: {licence}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not stated in the file (see its model card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;(The licence list THIRD-PARTY.md is missing from this build.)&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Wren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Wren and licences</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchController</name>
    <message>
        <source>Saved %1 summaries to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchPanel</name>
    <message>
        <source>Document queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Document queue&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save summaries to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save summaries to a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word (.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File format of saved summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the document queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall progress and time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All done: %1 of %2 summarized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · saving to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save summaries to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchRow</name>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a document Wren reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the summary of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: it starts again from the beginning when resumed (pages already read by OCR are kept)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop generating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message Wren…  (Enter sends, Shift+Enter for a new line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line, Esc stops a reply</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <source>New chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F2 renames, Delete deletes, the menu key opens more actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentCard</name>
    <message>
        <source>Reading the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel reading {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{step}: {done}/{total} tokens, {rate} tok/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{step}: {done}/{total} pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{progress}, about {seconds} s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary ready ({mode}, {seconds} s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentDropArea</name>
    <message>
        <source>Documents ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hint} (PDF, DOCX, TXT, MD, HTML...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop documents here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose documents to summarize or ask about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach documents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentJob</name>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <source>Document pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the document pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citation check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document pane status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Supported: {pct}% of the sentence&apos;s words are on {where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its words are not found there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Not supported by {where}: {why}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model cited this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model cited no page: Wren chose the best match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The supporting passage is highlighted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passage could not be located on this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passage could not be located in this section.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>Edit message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit your message. Everything after it will be written again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnginesDialog</name>
    <message>
        <source>Remote engines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http://192.168.1.20:8000  (vLLM, Ollama :11434, llama.cpp :8080)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional; kept in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Engines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an engine to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an address or select an engine to test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InferenceWorker</name>
    <message>
        <source>No model is loaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a local model first: documents are read on this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Wren&lt;/h2&gt;&lt;p&gt;Chat with a language model that runs on this computer.&lt;br&gt;Nothing you type leaves it.&lt;/p&gt;&lt;p&gt;Type a message below and press Enter.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Wren&lt;/h2&gt;&lt;p&gt;Chat with a language model that runs on this computer. Nothing you type leaves it.&lt;/p&gt;&lt;p&gt;The small starter model is quick but simple: &lt;b&gt;Models → Manage and download models…&lt;/b&gt; finds bigger ones that fit this computer.&lt;/p&gt;&lt;p&gt;Drop a document (PDF, DOCX, TXT, Markdown, HTML…) on this window, or press &lt;b&gt;Ctrl+O&lt;/b&gt;, to get a summary and ask questions about it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Got it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attach document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import a GGUF model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local &amp;API server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve the loaded model to other programs on 127.0.0.1 (OpenAI-compatible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy last reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search conversations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus message input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus conversation list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus model picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read last message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Regenerate last reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Manage and download models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remote engines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh installed models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;This computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Wren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size {percent} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} is not available yet in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attaching documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{model} (remote: {engine})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ready (loaded in {seconds} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} — Wren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “{title}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model is still loading: your message is kept, send it when it is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the conversation… {percent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing… {rate} tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tokens} at {rate} tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: {tokens}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: {tokens}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{status}: {tokens}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply stopped. {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply finished. {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Dropped %n older message(s); the system prompt is kept.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Summarizing this conversation for a new one…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} (continued)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continued in a new conversation; the summary is in its system prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model is still loading: the documents will be read when it is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reading %n document(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 documents in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming the document queue: %1 documents left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary ready: ask questions about the document below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary ready: {name}. Ask questions about the document below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document of this summary is no longer stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a GGUF model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {name}: choose it in the model list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local API server stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local API server needs a loaded local model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API server could not start: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local API server on {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API server busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API server idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit this message and run it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write this reply again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{author}, {model}, {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{author}, {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, continued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message from {author}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelBar</name>
    <message>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an installed model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded model details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage and download models (Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context {n} tokens (max {max})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context {n} tokens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelManagerDialog</name>
    <message>
        <source>unexpected error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search Hugging Face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model manager sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model manager status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any specialization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialization filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which model should I use? &amp;For:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which model should I use? For:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits this machine?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commercial OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commercial with terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commercial restricted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantization of {model}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{status} ({size} GiB at {n} tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search GGUF models on Hugging Face (e.g. qwen2 gguf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search Hugging Face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hugging Face token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repositories found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GGUF files in the repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download selected file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{repo}  ·  %Ln download(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{repo}  ·  gated</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n repositories found</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No GGUF repositories found</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n GGUF file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Hugging Face token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token (kept in the system keyring only):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download of {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{paused} (Resume to continue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused at {done} / {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying sha256…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{status}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} / {total} · {speed}/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{progress} · {seconds} s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: installed as {model}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled (partial file deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download failed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download finished: {model} is installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set as default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import GGUF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {model} and its file from disk?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {name} as {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a GGUF model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the file into Wren&apos;s models folder?
(No = use it where it is)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverflowBanner</name>
    <message>
        <source>Continue in a new chat with a summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue in a new conversation carrying a summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop oldest turns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the oldest turns, keep the system prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;This conversation no longer fits the model&apos;s memory.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;This conversation fills {percent}% of the model&apos;s context&lt;/b&gt; ({used} of {limit} tokens).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{head} Older text would otherwise be cut off. Default: continue in a new conversation carrying a summary; or drop the oldest turns (the system prompt is kept).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>Document page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Short: a few sentences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium: a paragraph or two</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detailed: every main point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used when Wren starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary &amp;length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk space for saved document readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t keep readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A document&apos;s reading is kept on disk so that follow-up questions are answered at once, even after a restart. The oldest readings are removed beyond this size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear saved document readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved &amp;readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved readings in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local API server (File → Local API server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API server port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port on 127.0.0.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep API conversations in the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU memory Wren may use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All free memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wren plans how much of a model goes to the GPU from its free memory, less a safety margin of 512 MB. Set a limit to keep room for other programs (games, video, other models).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{size} in use by %n saved reading(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplyWords</name>
    <message numerus="yes">
        <source>%Ln token(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{tokens} · {rate} tok/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search all chats: words, &quot;a phrase&quot;, prefix*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search all conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No words to search for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n+ result(s) ({ms} ms)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) ({ms} ms)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No results.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Precise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New preset name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save these settings as a preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional instructions the model follows in this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ystem prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-&amp;p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum reply length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Max reply length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory the context needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Context size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic puts as much of the model on the GPU as its free memory allows (within the limit set in Preferences). Off runs on the CPU only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU offload layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (faster where the reply repeats the text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lookup decoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guesses the next words from the document and the conversation and checks the guess in one step. The reply is the same; summaries and questions about a document come faster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the preset a new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chosen from the model and free memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ {size} of RAM</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummarizeWorker</name>
    <message>
        <source>Unexpected error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SystemDialog</name>
    <message>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU, memory and GPUs Wren can use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking at this computer…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wren</name>
    <message>
        <source>Wren cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_TestWorker</name>
    <message>
        <source>no models</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{names} and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Connected: {names}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Open a conversation to export it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
