<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>&lt;p&gt;Offline chat with small language models, running on this computer through llama.cpp. Wren is released under the MIT licence.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Chat offline com modelos de linguagem pequenos, executados neste computador por meio do llama.cpp. O Wren é distribuído sob a licença MIT.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Loaded model:&lt;/b&gt; {name} — licence: {licence}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Modelo carregado:&lt;/b&gt; {name} — licença: {licence}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>not stated in the file (see its model card)</source>
            <translation>não informada no arquivo (consulte o model card)</translation>
        </message>
        <message>
            <source>&lt;p&gt;(The licence list THIRD-PARTY.md is missing from this build.)&lt;/p&gt;</source>
            <translation>&lt;p&gt;(A lista de licenças THIRD-PARTY.md não está incluída nesta versão.)&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About Wren</source>
            <translation>Sobre o Wren</translation>
        </message>
        <message>
            <source>About Wren and licences</source>
            <translation>Sobre o Wren e licenças</translation>
        </message>
    </context>
    <context>
        <name>BatchController</name>
        <message>
            <source>Saved %1 summaries to %2</source>
            <translation>%1 resumos salvos em %2</translation>
        </message>
        <message>
            <source>Writing the summary…</source>
            <translation>Escrevendo o resumo…</translation>
        </message>
        <message>
            <source>, about %1 left</source>
            <translation>, faltam cerca de %1</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Lendo…</translation>
        </message>
    </context>
    <context>
        <name>BatchPanel</name>
        <message>
            <source>Document queue</source>
            <translation>Fila de documentos</translation>
        </message>
        <message>
            <source>&lt;b&gt;Document queue&lt;/b&gt;</source>
            <translation>&lt;b&gt;Fila de documentos&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Save summaries to…</source>
            <translation>Salvar resumos em…</translation>
        </message>
        <message>
            <source>Save summaries to a folder</source>
            <translation>Salvar resumos em uma pasta</translation>
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
            <translation>Formato de arquivo dos resumos salvos</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fechar</translation>
        </message>
        <message>
            <source>Close the document queue</source>
            <translation>Fechar a fila de documentos</translation>
        </message>
        <message>
            <source>Overall progress</source>
            <translation>Progresso geral</translation>
        </message>
        <message>
            <source>Overall progress and time left</source>
            <translation>Progresso geral e tempo restante</translation>
        </message>
        <message>
            <source>All done: %1 of %2 summarized</source>
            <translation>Tudo pronto: %1 de %2 resumidos</translation>
        </message>
        <message>
            <source>%1 of %2 documents</source>
            <translation>%1 de %2 documentos</translation>
        </message>
        <message>
            <source>, about %1 left</source>
            <translation>, faltam cerca de %1</translation>
        </message>
        <message>
            <source> · %1 could not be read</source>
            <translation> · falha na leitura de %1</translation>
        </message>
        <message>
            <source> · saving to %1</source>
            <translation> · salvando em %1</translation>
        </message>
        <message>
            <source>Save summaries to</source>
            <translation>Salvar resumos em</translation>
        </message>
    </context>
    <context>
        <name>BatchRow</name>
        <message>
            <source>Waiting</source>
            <translation>Aguardando</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Lendo…</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Pausado</translation>
        </message>
        <message>
            <source>Summary ready</source>
            <translation>Resumo pronto</translation>
        </message>
        <message>
            <source>Could not be read</source>
            <translation>Não foi possível ler</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelado</translation>
        </message>
        <message>
            <source>Not a document Wren reads</source>
            <translation>Não é um documento que o Wren lê</translation>
        </message>
        <message>
            <source>Document %1</source>
            <translation>Documento %1</translation>
        </message>
        <message>
            <source>State of %1</source>
            <translation>Estado de %1</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pausar</translation>
        </message>
        <message>
            <source>Pause %1</source>
            <translation>Pausar %1</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Cancel %1</source>
            <translation>Cancelar %1</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Abrir</translation>
        </message>
        <message>
            <source>Open the summary of %1</source>
            <translation>Abrir o resumo de %1</translation>
        </message>
        <message>
            <source>Progress of %1</source>
            <translation>Progresso de %1</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Retomar</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>saved as %1</source>
            <translation>salvo como %1</translation>
        </message>
        <message>
            <source>Paused: it starts again from the beginning when resumed (pages already read by OCR are kept)</source>
            <translation>Pausado: recomeça do início ao ser retomado (as páginas já lidas por OCR são mantidas)</translation>
        </message>
    </context>
    <context>
        <name>ChatPane</name>
        <message>
            <source>Notice</source>
            <translation>Aviso</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Enviar</translation>
        </message>
        <message>
            <source>Send message</source>
            <translation>Enviar mensagem</translation>
        </message>
        <message>
            <source>Send (Enter)</source>
            <translation>Enviar (Enter)</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Parar</translation>
        </message>
        <message>
            <source>Stop generating</source>
            <translation>Parar de gerar</translation>
        </message>
        <message>
            <source>Stop (Esc)</source>
            <translation>Parar (Esc)</translation>
        </message>
    </context>
    <context>
        <name>ChatView</name>
        <message>
            <source>Conversation</source>
            <translation>Conversa</translation>
        </message>
    </context>
    <context>
        <name>Composer</name>
        <message>
            <source>Message Wren…  (Enter sends, Shift+Enter for a new line)</source>
            <translation>Mensagem para o Wren…  (Enter envia, Shift+Enter para nova linha)</translation>
        </message>
        <message>
            <source>Message input</source>
            <translation>Campo de mensagem</translation>
        </message>
        <message>
            <source>Enter sends, Shift+Enter starts a new line, Esc stops a reply</source>
            <translation>Enter envia, Shift+Enter inicia uma nova linha, Esc interrompe a resposta</translation>
        </message>
    </context>
    <context>
        <name>ConversationList</name>
        <message>
            <source>New chat</source>
            <translation>Nova conversa</translation>
        </message>
        <message>
            <source>New chat (Ctrl+N)</source>
            <translation>Nova conversa (Ctrl+N)</translation>
        </message>
        <message>
            <source>Conversations</source>
            <translation>Conversas</translation>
        </message>
        <message>
            <source>F2 renames, Delete deletes, the menu key opens more actions</source>
            <translation>F2 renomeia, Delete exclui, a tecla de menu abre mais ações</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Excluir</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>Renomear</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Exportar…</translation>
        </message>
    </context>
    <context>
        <name>DocumentCard</name>
        <message>
            <source>Reading the file…</source>
            <translation>Lendo o arquivo…</translation>
        </message>
        <message>
            <source>Reading {name}</source>
            <translation>Lendo {name}</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Cancel reading {name}</source>
            <translation>Cancelar a leitura de {name}</translation>
        </message>
        <message>
            <source>Status of {name}</source>
            <translation>Status de {name}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln page(s)</source>
            <translation>
                <numerusform>%Ln página</numerusform>
                <numerusform>%Ln páginas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln token(s)</source>
            <translation>
                <numerusform>%Ln token</numerusform>
                <numerusform>%Ln tokens</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln character(s)</source>
            <translation>
                <numerusform>%Ln caractere</numerusform>
                <numerusform>%Ln caracteres</numerusform>
            </translation>
        </message>
        <message>
            <source>{step}: {done}/{total} tokens, {rate} tok/s</source>
            <translation>{step}: {done}/{total} tokens, {rate} tok/s</translation>
        </message>
        <message>
            <source>{step}: {done}/{total} pages</source>
            <translation>{step}: {done}/{total} páginas</translation>
        </message>
        <message>
            <source>{progress}, about {seconds} s left</source>
            <translation>{progress}, faltam cerca de {seconds} s</translation>
        </message>
        <message>
            <source>Summary ready ({mode}, {seconds} s)</source>
            <translation>Resumo pronto ({mode}, {seconds} s)</translation>
        </message>
    </context>
    <context>
        <name>DocumentDropArea</name>
        <message>
            <source>Documents ({patterns})</source>
            <translation>Documentos ({patterns})</translation>
        </message>
    </context>
    <context>
        <name>DocumentJobs</name>
        <message numerus="yes">
            <source>Reading %n document(s)…</source>
            <translation>
                <numerusform>Lendo %n documento…</numerusform>
                <numerusform>Lendo %n documentos…</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DocumentPane</name>
        <message>
            <source>Document pane</source>
            <translation>Painel do documento</translation>
        </message>
        <message>
            <source>Document name</source>
            <translation>Nome do documento</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>Página anterior</translation>
        </message>
        <message>
            <source>Page number</source>
            <translation>Número da página</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>Próxima página</translation>
        </message>
        <message>
            <source>Close the document pane</source>
            <translation>Fechar o painel do documento</translation>
        </message>
        <message>
            <source>Citation check</source>
            <translation>Verificação de citação</translation>
        </message>
        <message>
            <source>Page view</source>
            <translation>Visualização da página</translation>
        </message>
        <message>
            <source>Section text</source>
            <translation>Texto da seção</translation>
        </message>
        <message>
            <source>Document pane status</source>
            <translation>Status do painel do documento</translation>
        </message>
        <message>
            <source>✓ Supported: {pct}% of the sentence's words are on {where}.</source>
            <translation>✓ Confirmado: {pct}% das palavras da frase estão em {where}.</translation>
        </message>
        <message>
            <source>its words are not found there</source>
            <translation>suas palavras não foram encontradas ali</translation>
        </message>
        <message>
            <source>⚠ Not supported by {where}: {why}.</source>
            <translation>⚠ Não confirmado por {where}: {why}.</translation>
        </message>
        <message>
            <source>The model cited this page.</source>
            <translation>O modelo citou esta página.</translation>
        </message>
        <message>
            <source>The model cited no page: Wren chose the best match.</source>
            <translation>O modelo não citou nenhuma página: o Wren escolheu a melhor correspondência.</translation>
        </message>
        <message>
            <source>Page {n} of {total}</source>
            <translation>Página {n} de {total}</translation>
        </message>
        <message>
            <source>Rendering…</source>
            <translation>Renderizando…</translation>
        </message>
        <message>
            <source>The supporting passage is highlighted.</source>
            <translation>O trecho que confirma está destacado.</translation>
        </message>
        <message>
            <source>The passage could not be located on this page.</source>
            <translation>Não foi possível localizar o trecho nesta página.</translation>
        </message>
        <message>
            <source>The passage could not be located in this section.</source>
            <translation>Não foi possível localizar o trecho nesta seção.</translation>
        </message>
    </context>
    <context>
        <name>EditDialog</name>
        <message>
            <source>Edit message</source>
            <translation>Editar mensagem</translation>
        </message>
        <message>
            <source>Edit your message. Everything after it will be written again.</source>
            <translation>Edite sua mensagem. Tudo o que vem depois dela será escrito novamente.</translation>
        </message>
        <message>
            <source>Edited message</source>
            <translation>Mensagem editada</translation>
        </message>
        <message>
            <source>Send again</source>
            <translation>Enviar novamente</translation>
        </message>
    </context>
    <context>
        <name>EnginesDialog</name>
        <message>
            <source>Remote engines</source>
            <translation>Mecanismos remotos</translation>
        </message>
        <message>
            <source>Engines</source>
            <translation>Mecanismos</translation>
        </message>
        <message>
            <source>http://192.168.1.20:8000  (vLLM, Ollama :11434, llama.cpp :8080)</source>
            <translation>http://192.168.1.20:8000  (vLLM, Ollama :11434, llama.cpp :8080)</translation>
        </message>
        <message>
            <source>optional; kept in the system keyring</source>
            <translation>opcional; guardada no chaveiro do sistema</translation>
        </message>
        <message>
            <source>Engine status</source>
            <translation>Status do mecanismo</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Adicionar</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Testar conexão</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remover</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Nome</translation>
        </message>
        <message>
            <source>A&amp;ddress</source>
            <translation>&amp;Endereço</translation>
        </message>
        <message>
            <source>API &amp;key</source>
            <translation>&amp;Chave de API</translation>
        </message>
        <message>
            <source>&amp;Engines</source>
            <translation>&amp;Mecanismos</translation>
        </message>
        <message>
            <source>  (key)</source>
            <translation>  (chave)</translation>
        </message>
        <message>
            <source>Added {name}.</source>
            <translation>{name} adicionado.</translation>
        </message>
        <message>
            <source>Select an engine to remove.</source>
            <translation>Selecione um mecanismo para remover.</translation>
        </message>
        <message>
            <source>Removed {name}.</source>
            <translation>{name} removido.</translation>
        </message>
        <message>
            <source>new engine</source>
            <translation>novo mecanismo</translation>
        </message>
        <message>
            <source>Type an address or select an engine to test.</source>
            <translation>Digite um endereço ou selecione um mecanismo para testar.</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>Testando…</translation>
        </message>
        <message>
            <source>no models</source>
            <translation>nenhum modelo</translation>
        </message>
        <message numerus="yes">
            <source>{names} and %n more</source>
            <translation>
                <numerusform>{names} e mais %n</numerusform>
                <numerusform>{names} e mais %n</numerusform>
            </translation>
        </message>
        <message>
            <source>Connected: {names}</source>
            <translation>Conectado: {names}</translation>
        </message>
    </context>
    <context>
        <name>InferenceWorker</name>
        <message>
            <source>No model is loaded yet</source>
            <translation>Nenhum modelo foi carregado ainda</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelado</translation>
        </message>
        <message>
            <source>Load a local model first: documents are read on this computer</source>
            <translation>Carregue primeiro um modelo local: os documentos são lidos neste computador</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Ready</source>
            <translation>Pronto</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Undo delete</source>
            <translation>Desfazer exclusão</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progresso</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Wren&lt;/h2&gt;&lt;p&gt;Chat with a language model that runs on this computer.&lt;br&gt;Nothing you type leaves it.&lt;/p&gt;&lt;p&gt;Type a message below and press Enter.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Wren&lt;/h2&gt;&lt;p&gt;Converse com um modelo de linguagem que roda neste computador.&lt;br&gt;Nada do que você digita sai dele.&lt;/p&gt;&lt;p&gt;Digite uma mensagem abaixo e pressione Enter.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Welcome to Wren&lt;/h2&gt;&lt;p&gt;Chat with a language model that runs on this computer. Nothing you type leaves it.&lt;/p&gt;&lt;p&gt;The small starter model is quick but simple: &lt;b&gt;Models → Manage and download models…&lt;/b&gt; finds bigger ones that fit this computer.&lt;/p&gt;&lt;p&gt;Drop a document (PDF, DOCX, TXT, Markdown, HTML…) on this window, or press &lt;b&gt;Ctrl+O&lt;/b&gt;, to get a summary and ask questions about it.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Boas-vindas ao Wren&lt;/h2&gt;&lt;p&gt;Converse com um modelo de linguagem que roda neste computador. Nada do que você digita sai dele.&lt;/p&gt;&lt;p&gt;O pequeno modelo inicial é rápido, mas simples: &lt;b&gt;Modelos → Gerenciar e baixar modelos…&lt;/b&gt; encontra modelos maiores que cabem neste computador.&lt;/p&gt;&lt;p&gt;Solte um documento (PDF, DOCX, TXT, Markdown, HTML…) nesta janela, ou pressione &lt;b&gt;Ctrl+O&lt;/b&gt;, para obter um resumo e fazer perguntas sobre ele.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>Boas-vindas</translation>
        </message>
        <message>
            <source>Got it</source>
            <translation>Entendi</translation>
        </message>
        <message>
            <source>Dismiss welcome</source>
            <translation>Fechar as boas-vindas</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Arquivo</translation>
        </message>
        <message>
            <source>&amp;New chat</source>
            <translation>&amp;Nova conversa</translation>
        </message>
        <message>
            <source>&amp;Attach document…</source>
            <translation>&amp;Anexar documento…</translation>
        </message>
        <message>
            <source>&amp;Import a GGUF model…</source>
            <translation>&amp;Importar um modelo GGUF…</translation>
        </message>
        <message>
            <source>Conversation &amp;settings…</source>
            <translation>&amp;Configurações da conversa…</translation>
        </message>
        <message>
            <source>Local &amp;API server</source>
            <translation>&amp;Servidor de API local</translation>
        </message>
        <message>
            <source>Serve the loaded model to other programs on 127.0.0.1 (OpenAI-compatible)</source>
            <translation>Disponibilizar o modelo carregado para outros programas em 127.0.0.1 (compatível com OpenAI)</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>&amp;Preferências…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>Sai&amp;r</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Editar</translation>
        </message>
        <message>
            <source>Copy last reply</source>
            <translation>Copiar última resposta</translation>
        </message>
        <message>
            <source>&amp;Search conversations…</source>
            <translation>&amp;Pesquisar conversas…</translation>
        </message>
        <message>
            <source>Focus message input</source>
            <translation>Ir para o campo de mensagem</translation>
        </message>
        <message>
            <source>Focus conversation list</source>
            <translation>Ir para a lista de conversas</translation>
        </message>
        <message>
            <source>Focus model picker</source>
            <translation>Ir para o seletor de modelo</translation>
        </message>
        <message>
            <source>Read last message</source>
            <translation>Ler a última mensagem</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>E&amp;xibir</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>&amp;Aumentar zoom</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>&amp;Diminuir zoom</translation>
        </message>
        <message>
            <source>&amp;Actual size</source>
            <translation>&amp;Tamanho real</translation>
        </message>
        <message>
            <source>&amp;Chat</source>
            <translation>&amp;Conversa</translation>
        </message>
        <message>
            <source>S&amp;top</source>
            <translation>&amp;Parar</translation>
        </message>
        <message>
            <source>&amp;Regenerate last reply</source>
            <translation>&amp;Gerar novamente a última resposta</translation>
        </message>
        <message>
            <source>Re&amp;name conversation</source>
            <translation>&amp;Renomear conversa</translation>
        </message>
        <message>
            <source>&amp;Delete conversation</source>
            <translation>&amp;Excluir conversa</translation>
        </message>
        <message>
            <source>E&amp;xport conversation…</source>
            <translation>E&amp;xportar conversa…</translation>
        </message>
        <message>
            <source>&amp;Models</source>
            <translation>&amp;Modelos</translation>
        </message>
        <message>
            <source>&amp;Manage and download models…</source>
            <translation>&amp;Gerenciar e baixar modelos…</translation>
        </message>
        <message>
            <source>&amp;Remote engines…</source>
            <translation>Mecanismos &amp;remotos…</translation>
        </message>
        <message>
            <source>Re&amp;fresh installed models</source>
            <translation>&amp;Atualizar modelos instalados</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Aj&amp;uda</translation>
        </message>
        <message>
            <source>&amp;Welcome</source>
            <translation>&amp;Boas-vindas</translation>
        </message>
        <message>
            <source>&amp;This computer…</source>
            <translation>&amp;Este computador…</translation>
        </message>
        <message>
            <source>&amp;About Wren</source>
            <translation>&amp;Sobre o Wren</translation>
        </message>
        <message>
            <source>Text size {percent} %</source>
            <translation>Tamanho do texto {percent}%</translation>
        </message>
        <message>
            <source>{model} (remote: {engine})</source>
            <translation>{model} (remoto: {engine})</translation>
        </message>
        <message>
            <source>Loading {name}…</source>
            <translation>Carregando {name}…</translation>
        </message>
        <message>
            <source>{name} ready (loaded in {seconds} s)</source>
            <translation>{name} pronto (carregado em {seconds} s)</translation>
        </message>
        <message>
            <source>{name} is ready.</source>
            <translation>{name} está pronto.</translation>
        </message>
        <message>
            <source>Error: {message}</source>
            <translation>Erro: {message}</translation>
        </message>
        <message>
            <source>{title} — Wren</source>
            <translation>{title} — Wren</translation>
        </message>
        <message>
            <source>Deleted “{title}”.</source>
            <translation>Conversa “{title}” excluída.</translation>
        </message>
        <message>
            <source>Conversation restored.</source>
            <translation>Conversa restaurada.</translation>
        </message>
        <message>
            <source>The model is still loading: your message is kept, send it when it is ready.</source>
            <translation>O modelo ainda está carregando: sua mensagem foi mantida; envie-a quando ele estiver pronto.</translation>
        </message>
        <message>
            <source>Reading the conversation…</source>
            <translation>Lendo a conversa…</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>Interrompendo…</translation>
        </message>
        <message>
            <source>Writing…</source>
            <translation>Escrevendo…</translation>
        </message>
        <message>
            <source>Reading the conversation… {percent}</source>
            <translation>Lendo a conversa… {percent}</translation>
        </message>
        <message>
            <source>Writing… {rate} tokens/s</source>
            <translation>Escrevendo… {rate} tokens/s</translation>
        </message>
        <message>
            <source>{tokens} at {rate} tokens/s</source>
            <translation>{tokens} a {rate} tokens/s</translation>
        </message>
        <message>
            <source>Stopped: {tokens}</source>
            <translation>Interrompido: {tokens}</translation>
        </message>
        <message>
            <source>Done: {tokens}</source>
            <translation>Concluído: {tokens}</translation>
        </message>
        <message>
            <source>{status}: {tokens}</source>
            <translation>{status}: {tokens}</translation>
        </message>
        <message>
            <source>Reply stopped. {text}</source>
            <translation>Resposta interrompida. {text}</translation>
        </message>
        <message>
            <source>Reply finished. {text}</source>
            <translation>Resposta concluída. {text}</translation>
        </message>
        <message numerus="yes">
            <source>Dropped %n older message(s); the system prompt is kept.</source>
            <translation>
                <numerusform>%n mensagem mais antiga descartada; o prompt do sistema foi mantido.</numerusform>
                <numerusform>%n mensagens mais antigas descartadas; o prompt do sistema foi mantido.</numerusform>
            </translation>
        </message>
        <message>
            <source>Summarizing this conversation for a new one…</source>
            <translation>Resumindo esta conversa para uma nova…</translation>
        </message>
        <message>
            <source>{title} (continued)</source>
            <translation>{title} (continuação)</translation>
        </message>
        <message>
            <source>Conversation</source>
            <translation>Conversa</translation>
        </message>
        <message>
            <source>Continued in a new conversation; the summary is in its system prompt.</source>
            <translation>Continuada em uma nova conversa; o resumo está no prompt do sistema dela.</translation>
        </message>
        <message>
            <source>The model is still loading: the documents will be read when it is ready.</source>
            <translation>O modelo ainda está carregando: os documentos serão lidos quando ele estiver pronto.</translation>
        </message>
        <message>
            <source>Document {name}</source>
            <translation>Documento {name}</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Cancelando…</translation>
        </message>
        <message>
            <source>%1 documents in the queue</source>
            <translation>%1 documentos na fila</translation>
        </message>
        <message>
            <source>Resuming the document queue: %1 documents left</source>
            <translation>Retomando a fila de documentos: faltam %1 documentos</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Dispensar</translation>
        </message>
        <message>
            <source>Summary ready: ask questions about the document below.</source>
            <translation>Resumo pronto: faça perguntas sobre o documento abaixo.</translation>
        </message>
        <message>
            <source>Summary ready: {name}. Ask questions about the document below.</source>
            <translation>Resumo pronto: {name}. Faça perguntas sobre o documento abaixo.</translation>
        </message>
        <message>
            <source>The document of this summary is no longer stored.</source>
            <translation>O documento deste resumo não está mais armazenado.</translation>
        </message>
        <message>
            <source>Attach documents</source>
            <translation>Anexar documentos</translation>
        </message>
        <message>
            <source>Import a GGUF model</source>
            <translation>Importar um modelo GGUF</translation>
        </message>
        <message>
            <source>GGUF models (*.gguf)</source>
            <translation>Modelos GGUF (*.gguf)</translation>
        </message>
        <message>
            <source>Importing {name}…</source>
            <translation>Importando {name}…</translation>
        </message>
        <message>
            <source>the model</source>
            <translation>o modelo</translation>
        </message>
        <message>
            <source>Imported {name}: choose it in the model list.</source>
            <translation>{name} importado: escolha-o na lista de modelos.</translation>
        </message>
        <message>
            <source>Local API server stopped.</source>
            <translation>Servidor de API local parado.</translation>
        </message>
        <message>
            <source>The local API server needs a loaded local model.</source>
            <translation>O servidor de API local precisa de um modelo local carregado.</translation>
        </message>
        <message>
            <source>the API server could not start: {error}</source>
            <translation>não foi possível iniciar o servidor de API: {error}</translation>
        </message>
        <message>
            <source>Local API server on {url}</source>
            <translation>Servidor de API local em {url}</translation>
        </message>
        <message>
            <source>API server busy</source>
            <translation>Servidor de API ocupado</translation>
        </message>
        <message>
            <source>API server idle</source>
            <translation>Servidor de API ocioso</translation>
        </message>
        <message>
            <source>Copied.</source>
            <translation>Copiado.</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>Configurações salvas.</translation>
        </message>
        <message>
            <source>Preferences saved.</source>
            <translation>Preferências salvas.</translation>
        </message>
    </context>
    <context>
        <name>MessageWidget</name>
        <message>
            <source>Copy</source>
            <translation>Copiar</translation>
        </message>
        <message>
            <source>Copy this message</source>
            <translation>Copiar esta mensagem</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Editar</translation>
        </message>
        <message>
            <source>Edit this message and run it again</source>
            <translation>Editar esta mensagem e executá-la novamente</translation>
        </message>
        <message>
            <source>Regenerate</source>
            <translation>Gerar novamente</translation>
        </message>
        <message>
            <source>Write this reply again</source>
            <translation>Escrever esta resposta novamente</translation>
        </message>
        <message>
            <source>You</source>
            <translation>Você</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>Assistente</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Documento</translation>
        </message>
        <message>
            <source>System</source>
            <translation>Sistema</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>interrompida</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>com falha</translation>
        </message>
        <message>
            <source>writing…</source>
            <translation>escrevendo…</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>concluída</translation>
        </message>
        <message>
            <source>{author}, {model}, {status}</source>
            <translation>{author}, {model}, {status}</translation>
        </message>
        <message>
            <source>{author}, {status}</source>
            <translation>{author}, {status}</translation>
        </message>
        <message>
            <source>{name}, continued</source>
            <translation>{name}, continuação</translation>
        </message>
        <message>
            <source>Message from {author}</source>
            <translation>Mensagem de {author}</translation>
        </message>
        <message>
            <source>Copy code</source>
            <translation>Copiar código</translation>
        </message>
    </context>
    <context>
        <name>ModelBar</name>
        <message>
            <source>&amp;Model</source>
            <translation>&amp;Modelo</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modelo</translation>
        </message>
        <message>
            <source>Choose an installed model</source>
            <translation>Escolha um modelo instalado</translation>
        </message>
        <message>
            <source>No model loaded</source>
            <translation>Nenhum modelo carregado</translation>
        </message>
        <message>
            <source>Loaded model details</source>
            <translation>Detalhes do modelo carregado</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Configurações</translation>
        </message>
        <message>
            <source>Conversation settings</source>
            <translation>Configurações da conversa</translation>
        </message>
        <message>
            <source>Conversation settings (Ctrl+,)</source>
            <translation>Configurações da conversa (Ctrl+,)</translation>
        </message>
        <message>
            <source>Models…</source>
            <translation>Modelos…</translation>
        </message>
        <message>
            <source>Manage models</source>
            <translation>Gerenciar modelos</translation>
        </message>
        <message>
            <source>Manage and download models (Ctrl+M)</source>
            <translation>Gerenciar e baixar modelos (Ctrl+M)</translation>
        </message>
        <message>
            <source>No model installed</source>
            <translation>Nenhum modelo instalado</translation>
        </message>
        <message>
            <source>Loading {name}…</source>
            <translation>Carregando {name}…</translation>
        </message>
        <message>
            <source>context {n} tokens (max {max})</source>
            <translation>contexto de {n} tokens (máx. {max})</translation>
        </message>
        <message>
            <source>context {n} tokens</source>
            <translation>contexto de {n} tokens</translation>
        </message>
    </context>
    <context>
        <name>ModelManagerDialog</name>
        <message>
            <source>unexpected error: {error}</source>
            <translation>erro inesperado: {error}</translation>
        </message>
        <message>
            <source>Models</source>
            <translation>Modelos</translation>
        </message>
        <message>
            <source>&amp;Catalog</source>
            <translation>&amp;Catálogo</translation>
        </message>
        <message>
            <source>&amp;Search Hugging Face</source>
            <translation>&amp;Pesquisar no Hugging Face</translation>
        </message>
        <message>
            <source>&amp;Downloads</source>
            <translation>&amp;Downloads</translation>
        </message>
        <message>
            <source>&amp;Installed</source>
            <translation>&amp;Instalados</translation>
        </message>
        <message>
            <source>Model manager sections</source>
            <translation>Seções do gerenciador de modelos</translation>
        </message>
        <message>
            <source>Model manager status</source>
            <translation>Status do gerenciador de modelos</translation>
        </message>
        <message>
            <source>Any licence</source>
            <translation>Qualquer licença</translation>
        </message>
        <message>
            <source>Licence filter</source>
            <translation>Filtro de licença</translation>
        </message>
        <message>
            <source>Any size</source>
            <translation>Qualquer tamanho</translation>
        </message>
        <message>
            <source>Size filter</source>
            <translation>Filtro de tamanho</translation>
        </message>
        <message>
            <source>Any specialization</source>
            <translation>Qualquer especialização</translation>
        </message>
        <message>
            <source>Specialization filter</source>
            <translation>Filtro de especialização</translation>
        </message>
        <message>
            <source>Any training</source>
            <translation>Qualquer treinamento</translation>
        </message>
        <message>
            <source>Training filter</source>
            <translation>Filtro de treinamento</translation>
        </message>
        <message>
            <source>Which model should I use? &amp;For:</source>
            <translation>Qual modelo devo usar? P&amp;ara:</translation>
        </message>
        <message>
            <source>Which model should I use? For:</source>
            <translation>Qual modelo devo usar? Para:</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>Recomendação</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modelo</translation>
        </message>
        <message>
            <source>Size class</source>
            <translation>Classe de tamanho</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>Licença</translation>
        </message>
        <message>
            <source>Specialization</source>
            <translation>Especialização</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>Treinamento</translation>
        </message>
        <message>
            <source>Quantization</source>
            <translation>Quantização</translation>
        </message>
        <message>
            <source>Download size</source>
            <translation>Tamanho do download</translation>
        </message>
        <message>
            <source>Fits this machine?</source>
            <translation>Cabe neste computador?</translation>
        </message>
        <message>
            <source>Model catalog</source>
            <translation>Catálogo de modelos</translation>
        </message>
        <message>
            <source>Download selected</source>
            <translation>Baixar selecionado</translation>
        </message>
        <message>
            <source>commercial OK</source>
            <translation>uso comercial permitido</translation>
        </message>
        <message>
            <source>commercial with terms</source>
            <translation>uso comercial com condições</translation>
        </message>
        <message>
            <source>commercial restricted</source>
            <translation>uso comercial restrito</translation>
        </message>
        <message>
            <source>Quantization of {model}</source>
            <translation>Quantização de {model}</translation>
        </message>
        <message>
            <source>{status} ({size} GiB at {n} tokens)</source>
            <translation>{status} ({size} GiB com {n} tokens)</translation>
        </message>
        <message>
            <source>Search GGUF models on Hugging Face (e.g. qwen2 gguf)</source>
            <translation>Pesquisar modelos GGUF no Hugging Face (ex.: qwen2 gguf)</translation>
        </message>
        <message>
            <source>Search Hugging Face</source>
            <translation>Pesquisar no Hugging Face</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Pesquisar</translation>
        </message>
        <message>
            <source>Hugging Face token…</source>
            <translation>Token do Hugging Face…</translation>
        </message>
        <message>
            <source>Repositories found</source>
            <translation>Repositórios encontrados</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Arquivo</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Tamanho</translation>
        </message>
        <message>
            <source>GGUF files in the repository</source>
            <translation>Arquivos GGUF no repositório</translation>
        </message>
        <message>
            <source>Download selected file</source>
            <translation>Baixar arquivo selecionado</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Pesquisando…</translation>
        </message>
        <message numerus="yes">
            <source>{repo}  ·  %Ln download(s)</source>
            <translation>
                <numerusform>{repo}  ·  %Ln download</numerusform>
                <numerusform>{repo}  ·  %Ln downloads</numerusform>
            </translation>
        </message>
        <message>
            <source>{repo}  ·  gated</source>
            <translation>{repo}  ·  acesso restrito</translation>
        </message>
        <message numerus="yes">
            <source>%n repositories found</source>
            <translation>
                <numerusform>%n repositório encontrado</numerusform>
                <numerusform>%n repositórios encontrados</numerusform>
            </translation>
        </message>
        <message>
            <source>No GGUF repositories found</source>
            <translation>Nenhum repositório GGUF encontrado</translation>
        </message>
        <message numerus="yes">
            <source>%n GGUF file(s)</source>
            <translation>
                <numerusform>%n arquivo GGUF</numerusform>
                <numerusform>%n arquivos GGUF</numerusform>
            </translation>
        </message>
        <message>
            <source>Hugging Face token</source>
            <translation>Token do Hugging Face</translation>
        </message>
        <message>
            <source>Token (kept in the system keyring only):</source>
            <translation>Token (guardado apenas no chaveiro do sistema):</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progresso</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Downloads</source>
            <translation>Downloads</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pausar</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Retomar</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Download of {file}</source>
            <translation>Download de {file}</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>Na fila</translation>
        </message>
        <message>
            <source>Failed: {message}</source>
            <translation>Falha: {message}</translation>
        </message>
        <message>
            <source>{paused} (Resume to continue)</source>
            <translation>{paused} (clique em Retomar para continuar)</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelado</translation>
        </message>
        <message>
            <source>Paused at {done} / {total}</source>
            <translation>Pausado em {done} / {total}</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Concluído</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Falhou</translation>
        </message>
        <message>
            <source>Verifying sha256…</source>
            <translation>Verificando sha256…</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>Iniciando…</translation>
        </message>
        <message>
            <source>Reconnecting…</source>
            <translation>Reconectando…</translation>
        </message>
        <message>
            <source>{status}: {message}</source>
            <translation>{status}: {message}</translation>
        </message>
        <message>
            <source>{done} / {total} · {speed}/s</source>
            <translation>{done} / {total} · {speed}/s</translation>
        </message>
        <message>
            <source>{progress} · {seconds} s left</source>
            <translation>{progress} · faltam {seconds} s</translation>
        </message>
        <message>
            <source>Done: installed as {model}</source>
            <translation>Concluído: instalado como {model}</translation>
        </message>
        <message>
            <source>Cancelled (partial file deleted)</source>
            <translation>Cancelado (arquivo parcial excluído)</translation>
        </message>
        <message>
            <source>Download failed: {message}</source>
            <translation>Falha no download: {message}</translation>
        </message>
        <message>
            <source>Download finished: {model} is installed.</source>
            <translation>Download concluído: {model} está instalado.</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>Size on disk</source>
            <translation>Tamanho em disco</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Origem</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>Padrão</translation>
        </message>
        <message>
            <source>Installed models</source>
            <translation>Modelos instalados</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Excluir…</translation>
        </message>
        <message>
            <source>Show in folder</source>
            <translation>Mostrar na pasta</translation>
        </message>
        <message>
            <source>Set as default</source>
            <translation>Definir como padrão</translation>
        </message>
        <message>
            <source>Import GGUF…</source>
            <translation>Importar GGUF…</translation>
        </message>
        <message>
            <source>default model</source>
            <translation>modelo padrão</translation>
        </message>
        <message>
            <source>not default</source>
            <translation>não é o padrão</translation>
        </message>
        <message>
            <source>Delete model</source>
            <translation>Excluir modelo</translation>
        </message>
        <message>
            <source>Delete {model} and its file from disk?</source>
            <translation>Excluir {model} e seu arquivo do disco?</translation>
        </message>
        <message>
            <source>Imported {name} as {id}</source>
            <translation>{name} importado como {id}</translation>
        </message>
        <message>
            <source>Import a GGUF model</source>
            <translation>Importar um modelo GGUF</translation>
        </message>
        <message>
            <source>GGUF models (*.gguf)</source>
            <translation>Modelos GGUF (*.gguf)</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importar</translation>
        </message>
        <message>
            <source>Copy the file into Wren's models folder?
(No = use it where it is)</source>
            <translation>Copiar o arquivo para a pasta de modelos do Wren?
(Não = usá-lo onde está)</translation>
        </message>
    </context>
    <context>
        <name>OverflowBanner</name>
        <message>
            <source>Continue in a new chat with a summary</source>
            <translation>Continuar em nova conversa com um resumo</translation>
        </message>
        <message>
            <source>Continue in a new conversation carrying a summary</source>
            <translation>Continuar em uma nova conversa levando um resumo</translation>
        </message>
        <message>
            <source>Drop oldest turns</source>
            <translation>Descartar mensagens mais antigas</translation>
        </message>
        <message>
            <source>Drop the oldest turns, keep the system prompt</source>
            <translation>Descartar as mensagens mais antigas e manter o prompt do sistema</translation>
        </message>
        <message>
            <source>&lt;b&gt;This conversation no longer fits the model's memory.&lt;/b&gt;</source>
            <translation>&lt;b&gt;Esta conversa não cabe mais na memória do modelo.&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;This conversation fills {percent}% of the model's context&lt;/b&gt; ({used} of {limit} tokens).</source>
            <translation>&lt;b&gt;Esta conversa ocupa {percent}% do contexto do modelo&lt;/b&gt; ({used} de {limit} tokens).</translation>
        </message>
        <message>
            <source>{head} Older text would otherwise be cut off. Default: continue in a new conversation carrying a summary; or drop the oldest turns (the system prompt is kept).</source>
            <translation>{head} Caso contrário, o texto mais antigo seria cortado. Padrão: continuar em uma nova conversa levando um resumo; ou descartar as mensagens mais antigas (o prompt do sistema é mantido).</translation>
        </message>
    </context>
    <context>
        <name>PageView</name>
        <message>
            <source>Document page</source>
            <translation>Página do documento</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Short: a few sentences</source>
            <translation>Curto: algumas frases</translation>
        </message>
        <message>
            <source>Medium: a paragraph or two</source>
            <translation>Médio: um ou dois parágrafos</translation>
        </message>
        <message>
            <source>Detailed: every main point</source>
            <translation>Detalhado: todos os pontos principais</translation>
        </message>
        <message>
            <source>The new language is used when Wren starts again.</source>
            <translation>O novo idioma será usado quando o Wren for reiniciado.</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>Preferências</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <source>Language of the window</source>
            <translation>Idioma da janela</translation>
        </message>
        <message>
            <source>System language ({language})</source>
            <translation>Idioma do sistema ({language})</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Documentos</translation>
        </message>
        <message>
            <source>Summary length</source>
            <translation>Tamanho do resumo</translation>
        </message>
        <message>
            <source>Summary &amp;length</source>
            <translation>&amp;Tamanho do resumo</translation>
        </message>
        <message>
            <source>Disk space for saved document readings</source>
            <translation>Espaço em disco para leituras de documentos salvas</translation>
        </message>
        <message>
            <source> MB</source>
            <translation> MB</translation>
        </message>
        <message>
            <source>Don't keep readings</source>
            <translation>Não guardar leituras</translation>
        </message>
        <message>
            <source>A document's reading is kept on disk so that follow-up questions are answered at once, even after a restart. The oldest readings are removed beyond this size.</source>
            <translation>A leitura de um documento é guardada no disco para que perguntas posteriores sejam respondidas na hora, mesmo após reiniciar. As leituras mais antigas são removidas quando este tamanho é ultrapassado.</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Limpar</translation>
        </message>
        <message>
            <source>Clear saved document readings</source>
            <translation>Limpar leituras de documentos salvas</translation>
        </message>
        <message>
            <source>Saved &amp;readings</source>
            <translation>&amp;Leituras salvas</translation>
        </message>
        <message>
            <source>Saved readings in use</source>
            <translation>Leituras salvas em uso</translation>
        </message>
        <message>
            <source>Local API server (File → Local API server)</source>
            <translation>Servidor de API local (Arquivo → Servidor de API local)</translation>
        </message>
        <message>
            <source>API server port</source>
            <translation>Porta do servidor de API</translation>
        </message>
        <message>
            <source>Any free port</source>
            <translation>Qualquer porta livre</translation>
        </message>
        <message>
            <source>&amp;Port on 127.0.0.1</source>
            <translation>&amp;Porta em 127.0.0.1</translation>
        </message>
        <message>
            <source>Keep API conversations in the history</source>
            <translation>Manter as conversas da API no histórico</translation>
        </message>
        <message>
            <source>GPU</source>
            <translation>GPU</translation>
        </message>
        <message>
            <source>GPU memory Wren may use</source>
            <translation>Memória da GPU que o Wren pode usar</translation>
        </message>
        <message>
            <source> GB</source>
            <translation> GB</translation>
        </message>
        <message>
            <source>All free memory</source>
            <translation>Toda a memória livre</translation>
        </message>
        <message>
            <source>Wren plans how much of a model goes to the GPU from its free memory, less a safety margin of 512 MB. Set a limit to keep room for other programs (games, video, other models).</source>
            <translation>O Wren calcula quanto de um modelo vai para a GPU com base na memória livre dela, menos uma margem de segurança de 512 MB. Defina um limite para deixar espaço para outros programas (jogos, vídeo, outros modelos).</translation>
        </message>
        <message numerus="yes">
            <source>{size} in use by %n saved reading(s)</source>
            <translation>
                <numerusform>{size} em uso por %n leitura salva</numerusform>
                <numerusform>{size} em uso por %n leituras salvas</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReplyWords</name>
        <message numerus="yes">
            <source>%Ln token(s)</source>
            <translation>
                <numerusform>%Ln token</numerusform>
                <numerusform>%Ln tokens</numerusform>
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
            <translation>Você</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>Assistente</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Documento</translation>
        </message>
        <message>
            <source>System</source>
            <translation>Sistema</translation>
        </message>
        <message>
            <source>Conversation title</source>
            <translation>Título da conversa</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>Sem título</translation>
        </message>
        <message>
            <source>Search conversations</source>
            <translation>Pesquisar conversas</translation>
        </message>
        <message>
            <source>Search all chats: words, "a phrase", prefix*</source>
            <translation>Pesquisar em todas as conversas: palavras, "uma frase", prefixo*</translation>
        </message>
        <message>
            <source>Search all conversations</source>
            <translation>Pesquisar em todas as conversas</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>Resultados da pesquisa</translation>
        </message>
        <message>
            <source>Type to search.</source>
            <translation>Digite para pesquisar.</translation>
        </message>
        <message>
            <source>Search status</source>
            <translation>Status da pesquisa</translation>
        </message>
        <message>
            <source>No words to search for.</source>
            <translation>Nenhuma palavra para pesquisar.</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Pesquisando…</translation>
        </message>
        <message numerus="yes">
            <source>%n+ result(s) ({ms} ms)</source>
            <translation>
                <numerusform>%n+ resultado ({ms} ms)</numerusform>
                <numerusform>%n+ resultados ({ms} ms)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n result(s) ({ms} ms)</source>
            <translation>
                <numerusform>%n resultado ({ms} ms)</numerusform>
                <numerusform>%n resultados ({ms} ms)</numerusform>
            </translation>
        </message>
        <message>
            <source>No results.</source>
            <translation>Nenhum resultado.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Precise</source>
            <translation>Preciso</translation>
        </message>
        <message>
            <source>Balanced</source>
            <translation>Equilibrado</translation>
        </message>
        <message>
            <source>Creative</source>
            <translation>Criativo</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Personalizado</translation>
        </message>
        <message>
            <source>Conversation settings</source>
            <translation>Configurações da conversa</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>Predefinição</translation>
        </message>
        <message>
            <source>New preset name</source>
            <translation>Nome da nova predefinição</translation>
        </message>
        <message>
            <source>Save preset</source>
            <translation>Salvar predefinição</translation>
        </message>
        <message>
            <source>Save these settings as a preset</source>
            <translation>Salvar estas configurações como predefinição</translation>
        </message>
        <message>
            <source>&amp;Preset</source>
            <translation>P&amp;redefinição</translation>
        </message>
        <message>
            <source>System prompt</source>
            <translation>Prompt do sistema</translation>
        </message>
        <message>
            <source>Optional instructions the model follows in this conversation</source>
            <translation>Instruções opcionais que o modelo segue nesta conversa</translation>
        </message>
        <message>
            <source>S&amp;ystem prompt</source>
            <translation>Prompt do &amp;sistema</translation>
        </message>
        <message>
            <source>Temperature</source>
            <translation>Temperatura</translation>
        </message>
        <message>
            <source>&amp;Temperature</source>
            <translation>&amp;Temperatura</translation>
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
            <translation> tokens</translation>
        </message>
        <message>
            <source>Maximum reply length</source>
            <translation>Tamanho máximo da resposta</translation>
        </message>
        <message>
            <source>&amp;Max reply length</source>
            <translation>Tamanho &amp;máximo da resposta</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>Automático</translation>
        </message>
        <message>
            <source>Context size</source>
            <translation>Tamanho do contexto</translation>
        </message>
        <message>
            <source>Memory the context needs</source>
            <translation>Memória necessária para o contexto</translation>
        </message>
        <message>
            <source>&amp;Context size</source>
            <translation>Tamanho do &amp;contexto</translation>
        </message>
        <message>
            <source>GPU use</source>
            <translation>Uso da GPU</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>Desativado</translation>
        </message>
        <message>
            <source>Layers:</source>
            <translation>Camadas:</translation>
        </message>
        <message>
            <source>Automatic puts as much of the model on the GPU as its free memory allows (within the limit set in Preferences). Off runs on the CPU only.</source>
            <translation>Automático coloca na GPU o máximo do modelo que a memória livre dela permitir (dentro do limite definido em Preferências). Desativado executa apenas na CPU.</translation>
        </message>
        <message>
            <source> layers</source>
            <translation> camadas</translation>
        </message>
        <message>
            <source>GPU offload layers</source>
            <translation>Camadas transferidas para a GPU</translation>
        </message>
        <message>
            <source>&amp;GPU</source>
            <translation>&amp;GPU</translation>
        </message>
        <message>
            <source>Automatic (faster where the reply repeats the text)</source>
            <translation>Automático (mais rápido quando a resposta repete o texto)</translation>
        </message>
        <message>
            <source>Lookup decoding</source>
            <translation>Decodificação por consulta</translation>
        </message>
        <message>
            <source>Guesses the next words from the document and the conversation and checks the guess in one step. The reply is the same; summaries and questions about a document come faster.</source>
            <translation>Adivinha as próximas palavras a partir do documento e da conversa e verifica o palpite em uma só etapa. A resposta é a mesma; resumos e perguntas sobre um documento ficam mais rápidos.</translation>
        </message>
        <message>
            <source>Give the preset a new name</source>
            <translation>Dê um novo nome à predefinição</translation>
        </message>
        <message>
            <source>chosen from the model and free memory</source>
            <translation>escolhido com base no modelo e na memória livre</translation>
        </message>
        <message>
            <source>≈ {size} of RAM</source>
            <translation>≈ {size} de RAM</translation>
        </message>
    </context>
    <context>
        <name>SystemDialog</name>
        <message>
            <source>This computer</source>
            <translation>Este computador</translation>
        </message>
        <message>
            <source>CPU, memory and GPUs Wren can use</source>
            <translation>CPU, memória e GPUs que o Wren pode usar</translation>
        </message>
        <message>
            <source>Looking at this computer…</source>
            <translation>Analisando este computador…</translation>
        </message>
    </context>
    <context>
        <name>Wren</name>
        <message>
            <source>Wren cannot start</source>
            <translation>Não é possível iniciar o Wren</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <source>Open a conversation to export it.</source>
            <translation>Abra uma conversa para exportá-la.</translation>
        </message>
        <message>
            <source>Export conversation</source>
            <translation>Exportar conversa</translation>
        </message>
        <message>
            <source>Export failed: {why}</source>
            <translation>Falha na exportação: {why}</translation>
        </message>
        <message>
            <source>Exported to {path}</source>
            <translation>Exportado para {path}</translation>
        </message>
    </context>
</TS>
