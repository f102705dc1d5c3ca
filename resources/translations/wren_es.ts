<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>&lt;p&gt;Offline chat with small language models, running on this computer through llama.cpp. Wren is released under the MIT licence.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Chat sin conexión con modelos de lenguaje pequeños que se ejecutan en este equipo mediante llama.cpp. Wren se publica bajo la licencia MIT.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Loaded model:&lt;/b&gt; {name} — licence: {licence}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Modelo cargado:&lt;/b&gt; {name} — licencia: {licence}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>not stated in the file (see its model card)</source>
            <translation>no se indica en el archivo (consulte la ficha del modelo)</translation>
        </message>
        <message>
            <source>&lt;p&gt;(The licence list THIRD-PARTY.md is missing from this build.)&lt;/p&gt;</source>
            <translation>&lt;p&gt;(Falta la lista de licencias THIRD-PARTY.md en esta compilación).&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About Wren</source>
            <translation>Acerca de Wren</translation>
        </message>
        <message>
            <source>About Wren and licences</source>
            <translation>Acerca de Wren y licencias</translation>
        </message>
    </context>
    <context>
        <name>BatchController</name>
        <message>
            <source>Saved %1 summaries to %2</source>
            <translation>Se guardaron %1 resúmenes en %2</translation>
        </message>
        <message>
            <source>Writing the summary…</source>
            <translation>Escribiendo el resumen…</translation>
        </message>
        <message>
            <source>, about %1 left</source>
            <translation>, quedan unos %1</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Leyendo…</translation>
        </message>
    </context>
    <context>
        <name>BatchPanel</name>
        <message>
            <source>Document queue</source>
            <translation>Cola de documentos</translation>
        </message>
        <message>
            <source>&lt;b&gt;Document queue&lt;/b&gt;</source>
            <translation>&lt;b&gt;Cola de documentos&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Save summaries to…</source>
            <translation>Guardar resúmenes en…</translation>
        </message>
        <message>
            <source>Save summaries to a folder</source>
            <translation>Guardar los resúmenes en una carpeta</translation>
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
            <translation>Formato de archivo de los resúmenes guardados</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>Close the document queue</source>
            <translation>Cerrar la cola de documentos</translation>
        </message>
        <message>
            <source>Overall progress</source>
            <translation>Progreso general</translation>
        </message>
        <message>
            <source>Overall progress and time left</source>
            <translation>Progreso general y tiempo restante</translation>
        </message>
        <message>
            <source>All done: %1 of %2 summarized</source>
            <translation>Completado: %1 de %2 resumidos</translation>
        </message>
        <message>
            <source>%1 of %2 documents</source>
            <translation>%1 de %2 documentos</translation>
        </message>
        <message>
            <source>, about %1 left</source>
            <translation>, quedan unos %1</translation>
        </message>
        <message>
            <source> · %1 could not be read</source>
            <translation> · no se pudieron leer: %1</translation>
        </message>
        <message>
            <source> · saving to %1</source>
            <translation> · guardando en %1</translation>
        </message>
        <message>
            <source>Save summaries to</source>
            <translation>Guardar resúmenes en</translation>
        </message>
    </context>
    <context>
        <name>BatchRow</name>
        <message>
            <source>Waiting</source>
            <translation>En espera</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Leyendo…</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>En pausa</translation>
        </message>
        <message>
            <source>Summary ready</source>
            <translation>Resumen listo</translation>
        </message>
        <message>
            <source>Could not be read</source>
            <translation>No se pudo leer</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelado</translation>
        </message>
        <message>
            <source>Not a document Wren reads</source>
            <translation>No es un documento que Wren pueda leer</translation>
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
            <translation>Abrir el resumen de %1</translation>
        </message>
        <message>
            <source>Progress of %1</source>
            <translation>Progreso de %1</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Reanudar</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>saved as %1</source>
            <translation>guardado como %1</translation>
        </message>
        <message>
            <source>Paused: it starts again from the beginning when resumed (pages already read by OCR are kept)</source>
            <translation>En pausa: se reinicia desde el principio al reanudarse (se conservan las páginas ya leídas por OCR)</translation>
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
            <translation>Enviar mensaje</translation>
        </message>
        <message>
            <source>Send (Enter)</source>
            <translation>Enviar (Enter)</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Detener</translation>
        </message>
        <message>
            <source>Stop generating</source>
            <translation>Detener la generación</translation>
        </message>
        <message>
            <source>Stop (Esc)</source>
            <translation>Detener (Esc)</translation>
        </message>
    </context>
    <context>
        <name>ChatView</name>
        <message>
            <source>Conversation</source>
            <translation>Conversación</translation>
        </message>
    </context>
    <context>
        <name>Composer</name>
        <message>
            <source>Message Wren…  (Enter sends, Shift+Enter for a new line)</source>
            <translation>Escriba un mensaje a Wren…  (Enter envía, Shift+Enter para una nueva línea)</translation>
        </message>
        <message>
            <source>Message input</source>
            <translation>Campo de mensaje</translation>
        </message>
        <message>
            <source>Enter sends, Shift+Enter starts a new line, Esc stops a reply</source>
            <translation>Enter envía, Shift+Enter inicia una nueva línea, Esc detiene una respuesta</translation>
        </message>
    </context>
    <context>
        <name>ConversationList</name>
        <message>
            <source>New chat</source>
            <translation>Nuevo chat</translation>
        </message>
        <message>
            <source>New chat (Ctrl+N)</source>
            <translation>Nuevo chat (Ctrl+N)</translation>
        </message>
        <message>
            <source>Conversations</source>
            <translation>Conversaciones</translation>
        </message>
        <message>
            <source>F2 renames, Delete deletes, the menu key opens more actions</source>
            <translation>F2 cambia el nombre, la tecla Delete elimina, la tecla de menú abre más acciones</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Eliminar</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>Cambiar nombre</translation>
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
            <translation>Leyendo el archivo…</translation>
        </message>
        <message>
            <source>Reading {name}</source>
            <translation>Leyendo {name}</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Cancel reading {name}</source>
            <translation>Cancelar la lectura de {name}</translation>
        </message>
        <message>
            <source>Status of {name}</source>
            <translation>Estado de {name}</translation>
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
                <numerusform>%Ln carácter</numerusform>
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
            <translation>{progress}, quedan unos {seconds} s</translation>
        </message>
        <message>
            <source>Summary ready ({mode}, {seconds} s)</source>
            <translation>Resumen listo ({mode}, {seconds} s)</translation>
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
                <numerusform>Leyendo %n documento…</numerusform>
                <numerusform>Leyendo %n documentos…</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DocumentPane</name>
        <message>
            <source>Document pane</source>
            <translation>Panel del documento</translation>
        </message>
        <message>
            <source>Document name</source>
            <translation>Nombre del documento</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>Página anterior</translation>
        </message>
        <message>
            <source>Page number</source>
            <translation>Número de página</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>Página siguiente</translation>
        </message>
        <message>
            <source>Close the document pane</source>
            <translation>Cerrar el panel del documento</translation>
        </message>
        <message>
            <source>Citation check</source>
            <translation>Comprobación de la cita</translation>
        </message>
        <message>
            <source>Page view</source>
            <translation>Vista de página</translation>
        </message>
        <message>
            <source>Section text</source>
            <translation>Texto de la sección</translation>
        </message>
        <message>
            <source>Document pane status</source>
            <translation>Estado del panel del documento</translation>
        </message>
        <message>
            <source>✓ Supported: {pct}% of the sentence's words are on {where}.</source>
            <translation>✓ Respaldada: el {pct}% de las palabras de la oración está en {where}.</translation>
        </message>
        <message>
            <source>its words are not found there</source>
            <translation>sus palabras no se encuentran ahí</translation>
        </message>
        <message>
            <source>⚠ Not supported by {where}: {why}.</source>
            <translation>⚠ No respaldada por {where}: {why}.</translation>
        </message>
        <message>
            <source>The model cited this page.</source>
            <translation>El modelo citó esta página.</translation>
        </message>
        <message>
            <source>The model cited no page: Wren chose the best match.</source>
            <translation>El modelo no citó ninguna página: Wren eligió la mejor coincidencia.</translation>
        </message>
        <message>
            <source>Page {n} of {total}</source>
            <translation>Página {n} de {total}</translation>
        </message>
        <message>
            <source>Rendering…</source>
            <translation>Representando…</translation>
        </message>
        <message>
            <source>The supporting passage is highlighted.</source>
            <translation>El pasaje que la respalda está resaltado.</translation>
        </message>
        <message>
            <source>The passage could not be located on this page.</source>
            <translation>No se pudo localizar el pasaje en esta página.</translation>
        </message>
        <message>
            <source>The passage could not be located in this section.</source>
            <translation>No se pudo localizar el pasaje en esta sección.</translation>
        </message>
    </context>
    <context>
        <name>EditDialog</name>
        <message>
            <source>Edit message</source>
            <translation>Editar mensaje</translation>
        </message>
        <message>
            <source>Edit your message. Everything after it will be written again.</source>
            <translation>Edite su mensaje. Todo lo que viene después se volverá a escribir.</translation>
        </message>
        <message>
            <source>Edited message</source>
            <translation>Mensaje editado</translation>
        </message>
        <message>
            <source>Send again</source>
            <translation>Enviar de nuevo</translation>
        </message>
    </context>
    <context>
        <name>EnginesDialog</name>
        <message>
            <source>Remote engines</source>
            <translation>Motores remotos</translation>
        </message>
        <message>
            <source>Engines</source>
            <translation>Motores</translation>
        </message>
        <message>
            <source>http://192.168.1.20:8000  (vLLM, Ollama :11434, llama.cpp :8080)</source>
            <translation>http://192.168.1.20:8000  (vLLM, Ollama :11434, llama.cpp :8080)</translation>
        </message>
        <message>
            <source>optional; kept in the system keyring</source>
            <translation>opcional; se guarda en el llavero del sistema</translation>
        </message>
        <message>
            <source>Engine status</source>
            <translation>Estado del motor</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Añadir</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Probar conexión</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <source>A&amp;ddress</source>
            <translation>&amp;Dirección</translation>
        </message>
        <message>
            <source>API &amp;key</source>
            <translation>&amp;Clave de API</translation>
        </message>
        <message>
            <source>&amp;Engines</source>
            <translation>&amp;Motores</translation>
        </message>
        <message>
            <source>  (key)</source>
            <translation>  (clave)</translation>
        </message>
        <message>
            <source>Added {name}.</source>
            <translation>Se añadió {name}.</translation>
        </message>
        <message>
            <source>Select an engine to remove.</source>
            <translation>Seleccione un motor para quitarlo.</translation>
        </message>
        <message>
            <source>Removed {name}.</source>
            <translation>Se quitó {name}.</translation>
        </message>
        <message>
            <source>new engine</source>
            <translation>nuevo motor</translation>
        </message>
        <message>
            <source>Type an address or select an engine to test.</source>
            <translation>Escriba una dirección o seleccione un motor para probarlo.</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>Probando…</translation>
        </message>
        <message>
            <source>no models</source>
            <translation>ningún modelo</translation>
        </message>
        <message numerus="yes">
            <source>{names} and %n more</source>
            <translation>
                <numerusform>{names} y %n más</numerusform>
                <numerusform>{names} y %n más</numerusform>
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
            <translation>Todavía no hay ningún modelo cargado</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelado</translation>
        </message>
        <message>
            <source>Load a local model first: documents are read on this computer</source>
            <translation>Cargue primero un modelo local: los documentos se leen en este equipo</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Ready</source>
            <translation>Listo</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Undo delete</source>
            <translation>Deshacer eliminación</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progreso</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Wren&lt;/h2&gt;&lt;p&gt;Chat with a language model that runs on this computer.&lt;br&gt;Nothing you type leaves it.&lt;/p&gt;&lt;p&gt;Type a message below and press Enter.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Wren&lt;/h2&gt;&lt;p&gt;Converse con un modelo de lenguaje que se ejecuta en este equipo.&lt;br&gt;Nada de lo que escribe sale de él.&lt;/p&gt;&lt;p&gt;Escriba un mensaje abajo y pulse Enter.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Welcome to Wren&lt;/h2&gt;&lt;p&gt;Chat with a language model that runs on this computer. Nothing you type leaves it.&lt;/p&gt;&lt;p&gt;The small starter model is quick but simple: &lt;b&gt;Models → Manage and download models…&lt;/b&gt; finds bigger ones that fit this computer.&lt;/p&gt;&lt;p&gt;Drop a document (PDF, DOCX, TXT, Markdown, HTML…) on this window, or press &lt;b&gt;Ctrl+O&lt;/b&gt;, to get a summary and ask questions about it.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Le damos la bienvenida a Wren&lt;/h2&gt;&lt;p&gt;Converse con un modelo de lenguaje que se ejecuta en este equipo. Nada de lo que escribe sale de él.&lt;/p&gt;&lt;p&gt;El pequeño modelo inicial es rápido pero sencillo: &lt;b&gt;Modelos → Gestionar y descargar modelos…&lt;/b&gt; encuentra modelos más grandes que caben en este equipo.&lt;/p&gt;&lt;p&gt;Suelte un documento (PDF, DOCX, TXT, Markdown, HTML…) en esta ventana, o pulse &lt;b&gt;Ctrl+O&lt;/b&gt;, para obtener un resumen y hacer preguntas sobre él.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>Bienvenida</translation>
        </message>
        <message>
            <source>Got it</source>
            <translation>Entendido</translation>
        </message>
        <message>
            <source>Dismiss welcome</source>
            <translation>Cerrar la bienvenida</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>&amp;New chat</source>
            <translation>&amp;Nuevo chat</translation>
        </message>
        <message>
            <source>&amp;Attach document…</source>
            <translation>&amp;Adjuntar documento…</translation>
        </message>
        <message>
            <source>&amp;Import a GGUF model…</source>
            <translation>&amp;Importar un modelo GGUF…</translation>
        </message>
        <message>
            <source>Conversation &amp;settings…</source>
            <translation>&amp;Configuración de la conversación…</translation>
        </message>
        <message>
            <source>Local &amp;API server</source>
            <translation>Ser&amp;vidor de API local</translation>
        </message>
        <message>
            <source>Serve the loaded model to other programs on 127.0.0.1 (OpenAI-compatible)</source>
            <translation>Ofrecer el modelo cargado a otros programas en 127.0.0.1 (compatible con OpenAI)</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>&amp;Preferencias…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Editar</translation>
        </message>
        <message>
            <source>Copy last reply</source>
            <translation>Copiar la última respuesta</translation>
        </message>
        <message>
            <source>&amp;Search conversations…</source>
            <translation>&amp;Buscar en las conversaciones…</translation>
        </message>
        <message>
            <source>Focus message input</source>
            <translation>Enfocar el campo de mensaje</translation>
        </message>
        <message>
            <source>Focus conversation list</source>
            <translation>Enfocar la lista de conversaciones</translation>
        </message>
        <message>
            <source>Focus model picker</source>
            <translation>Enfocar el selector de modelo</translation>
        </message>
        <message>
            <source>Read last message</source>
            <translation>Leer el último mensaje</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>&amp;Ampliar</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>&amp;Reducir</translation>
        </message>
        <message>
            <source>&amp;Actual size</source>
            <translation>&amp;Tamaño real</translation>
        </message>
        <message>
            <source>&amp;Chat</source>
            <translation>&amp;Chat</translation>
        </message>
        <message>
            <source>S&amp;top</source>
            <translation>&amp;Detener</translation>
        </message>
        <message>
            <source>&amp;Regenerate last reply</source>
            <translation>&amp;Regenerar la última respuesta</translation>
        </message>
        <message>
            <source>Re&amp;name conversation</source>
            <translation>Cambiar el &amp;nombre de la conversación</translation>
        </message>
        <message>
            <source>&amp;Delete conversation</source>
            <translation>&amp;Eliminar conversación</translation>
        </message>
        <message>
            <source>E&amp;xport conversation…</source>
            <translation>E&amp;xportar conversación…</translation>
        </message>
        <message>
            <source>&amp;Models</source>
            <translation>&amp;Modelos</translation>
        </message>
        <message>
            <source>&amp;Manage and download models…</source>
            <translation>&amp;Gestionar y descargar modelos…</translation>
        </message>
        <message>
            <source>&amp;Remote engines…</source>
            <translation>&amp;Motores remotos…</translation>
        </message>
        <message>
            <source>Re&amp;fresh installed models</source>
            <translation>&amp;Actualizar modelos instalados</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Ay&amp;uda</translation>
        </message>
        <message>
            <source>&amp;Welcome</source>
            <translation>&amp;Bienvenida</translation>
        </message>
        <message>
            <source>&amp;This computer…</source>
            <translation>&amp;Este equipo…</translation>
        </message>
        <message>
            <source>&amp;About Wren</source>
            <translation>&amp;Acerca de Wren</translation>
        </message>
        <message>
            <source>Text size {percent} %</source>
            <translation>Tamaño del texto: {percent} %</translation>
        </message>
        <message>
            <source>{model} (remote: {engine})</source>
            <translation>{model} (remoto: {engine})</translation>
        </message>
        <message>
            <source>Loading {name}…</source>
            <translation>Cargando {name}…</translation>
        </message>
        <message>
            <source>{name} ready (loaded in {seconds} s)</source>
            <translation>{name} listo (cargado en {seconds} s)</translation>
        </message>
        <message>
            <source>{name} is ready.</source>
            <translation>{name} está listo.</translation>
        </message>
        <message>
            <source>Error: {message}</source>
            <translation>Error: {message}</translation>
        </message>
        <message>
            <source>{title} — Wren</source>
            <translation>{title} — Wren</translation>
        </message>
        <message>
            <source>Deleted “{title}”.</source>
            <translation>Se eliminó «{title}».</translation>
        </message>
        <message>
            <source>Conversation restored.</source>
            <translation>Conversación restaurada.</translation>
        </message>
        <message>
            <source>The model is still loading: your message is kept, send it when it is ready.</source>
            <translation>El modelo todavía se está cargando: su mensaje se conserva; envíelo cuando esté listo.</translation>
        </message>
        <message>
            <source>Reading the conversation…</source>
            <translation>Leyendo la conversación…</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>Deteniendo…</translation>
        </message>
        <message>
            <source>Writing…</source>
            <translation>Escribiendo…</translation>
        </message>
        <message>
            <source>Reading the conversation… {percent}</source>
            <translation>Leyendo la conversación… {percent}</translation>
        </message>
        <message>
            <source>Writing… {rate} tokens/s</source>
            <translation>Escribiendo… {rate} tokens/s</translation>
        </message>
        <message>
            <source>{tokens} at {rate} tokens/s</source>
            <translation>{tokens} a {rate} tokens/s</translation>
        </message>
        <message>
            <source>Stopped: {tokens}</source>
            <translation>Detenido: {tokens}</translation>
        </message>
        <message>
            <source>Done: {tokens}</source>
            <translation>Terminado: {tokens}</translation>
        </message>
        <message>
            <source>{status}: {tokens}</source>
            <translation>{status}: {tokens}</translation>
        </message>
        <message>
            <source>Reply stopped. {text}</source>
            <translation>Respuesta detenida. {text}</translation>
        </message>
        <message>
            <source>Reply finished. {text}</source>
            <translation>Respuesta terminada. {text}</translation>
        </message>
        <message numerus="yes">
            <source>Dropped %n older message(s); the system prompt is kept.</source>
            <translation>
                <numerusform>Se descartó %n mensaje antiguo; se conserva el prompt del sistema.</numerusform>
                <numerusform>Se descartaron %n mensajes antiguos; se conserva el prompt del sistema.</numerusform>
            </translation>
        </message>
        <message>
            <source>Summarizing this conversation for a new one…</source>
            <translation>Resumiendo esta conversación para una nueva…</translation>
        </message>
        <message>
            <source>{title} (continued)</source>
            <translation>{title} (continuación)</translation>
        </message>
        <message>
            <source>Conversation</source>
            <translation>Conversación</translation>
        </message>
        <message>
            <source>Continued in a new conversation; the summary is in its system prompt.</source>
            <translation>Continuada en una nueva conversación; el resumen está en su prompt del sistema.</translation>
        </message>
        <message>
            <source>The model is still loading: the documents will be read when it is ready.</source>
            <translation>El modelo todavía se está cargando: los documentos se leerán cuando esté listo.</translation>
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
            <translation>%1 documentos en la cola</translation>
        </message>
        <message>
            <source>Resuming the document queue: %1 documents left</source>
            <translation>Reanudando la cola de documentos: quedan %1 documentos</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Descartar</translation>
        </message>
        <message>
            <source>Summary ready: ask questions about the document below.</source>
            <translation>Resumen listo: haga preguntas sobre el documento abajo.</translation>
        </message>
        <message>
            <source>Summary ready: {name}. Ask questions about the document below.</source>
            <translation>Resumen listo: {name}. Haga preguntas sobre el documento abajo.</translation>
        </message>
        <message>
            <source>The document of this summary is no longer stored.</source>
            <translation>El documento de este resumen ya no está guardado.</translation>
        </message>
        <message>
            <source>Attach documents</source>
            <translation>Adjuntar documentos</translation>
        </message>
        <message>
            <source>Import a GGUF model</source>
            <translation>Importar un modelo GGUF</translation>
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
            <translation>el modelo</translation>
        </message>
        <message>
            <source>Imported {name}: choose it in the model list.</source>
            <translation>Se importó {name}: elíjalo en la lista de modelos.</translation>
        </message>
        <message>
            <source>Local API server stopped.</source>
            <translation>Servidor de API local detenido.</translation>
        </message>
        <message>
            <source>The local API server needs a loaded local model.</source>
            <translation>El servidor de API local necesita un modelo local cargado.</translation>
        </message>
        <message>
            <source>the API server could not start: {error}</source>
            <translation>no se pudo iniciar el servidor de API: {error}</translation>
        </message>
        <message>
            <source>Local API server on {url}</source>
            <translation>Servidor de API local en {url}</translation>
        </message>
        <message>
            <source>API server busy</source>
            <translation>Servidor de API ocupado</translation>
        </message>
        <message>
            <source>API server idle</source>
            <translation>Servidor de API inactivo</translation>
        </message>
        <message>
            <source>Copied.</source>
            <translation>Copiado.</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>Configuración guardada.</translation>
        </message>
        <message>
            <source>Preferences saved.</source>
            <translation>Preferencias guardadas.</translation>
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
            <translation>Copiar este mensaje</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Editar</translation>
        </message>
        <message>
            <source>Edit this message and run it again</source>
            <translation>Editar este mensaje y volver a ejecutarlo</translation>
        </message>
        <message>
            <source>Regenerate</source>
            <translation>Regenerar</translation>
        </message>
        <message>
            <source>Write this reply again</source>
            <translation>Volver a escribir esta respuesta</translation>
        </message>
        <message>
            <source>You</source>
            <translation>Usted</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>Asistente</translation>
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
            <translation>detenido</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>con error</translation>
        </message>
        <message>
            <source>writing…</source>
            <translation>escribiendo…</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>terminado</translation>
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
            <translation>{name}, continuación</translation>
        </message>
        <message>
            <source>Message from {author}</source>
            <translation>Mensaje de {author}</translation>
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
            <translation>Elegir un modelo instalado</translation>
        </message>
        <message>
            <source>No model loaded</source>
            <translation>Ningún modelo cargado</translation>
        </message>
        <message>
            <source>Loaded model details</source>
            <translation>Detalles del modelo cargado</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Configuración</translation>
        </message>
        <message>
            <source>Conversation settings</source>
            <translation>Configuración de la conversación</translation>
        </message>
        <message>
            <source>Conversation settings (Ctrl+,)</source>
            <translation>Configuración de la conversación (Ctrl+,)</translation>
        </message>
        <message>
            <source>Models…</source>
            <translation>Modelos…</translation>
        </message>
        <message>
            <source>Manage models</source>
            <translation>Gestionar modelos</translation>
        </message>
        <message>
            <source>Manage and download models (Ctrl+M)</source>
            <translation>Gestionar y descargar modelos (Ctrl+M)</translation>
        </message>
        <message>
            <source>No model installed</source>
            <translation>Ningún modelo instalado</translation>
        </message>
        <message>
            <source>Loading {name}…</source>
            <translation>Cargando {name}…</translation>
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
            <translation>error inesperado: {error}</translation>
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
            <translation>&amp;Buscar en Hugging Face</translation>
        </message>
        <message>
            <source>&amp;Downloads</source>
            <translation>&amp;Descargas</translation>
        </message>
        <message>
            <source>&amp;Installed</source>
            <translation>&amp;Instalados</translation>
        </message>
        <message>
            <source>Model manager sections</source>
            <translation>Secciones del gestor de modelos</translation>
        </message>
        <message>
            <source>Model manager status</source>
            <translation>Estado del gestor de modelos</translation>
        </message>
        <message>
            <source>Any licence</source>
            <translation>Cualquier licencia</translation>
        </message>
        <message>
            <source>Licence filter</source>
            <translation>Filtro de licencia</translation>
        </message>
        <message>
            <source>Any size</source>
            <translation>Cualquier tamaño</translation>
        </message>
        <message>
            <source>Size filter</source>
            <translation>Filtro de tamaño</translation>
        </message>
        <message>
            <source>Any specialization</source>
            <translation>Cualquier especialización</translation>
        </message>
        <message>
            <source>Specialization filter</source>
            <translation>Filtro de especialización</translation>
        </message>
        <message>
            <source>Any training</source>
            <translation>Cualquier entrenamiento</translation>
        </message>
        <message>
            <source>Training filter</source>
            <translation>Filtro de entrenamiento</translation>
        </message>
        <message>
            <source>Which model should I use? &amp;For:</source>
            <translation>¿Qué modelo debería usar? &amp;Para:</translation>
        </message>
        <message>
            <source>Which model should I use? For:</source>
            <translation>¿Qué modelo debería usar? Para:</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>Recomendación</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modelo</translation>
        </message>
        <message>
            <source>Size class</source>
            <translation>Clase de tamaño</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>Licencia</translation>
        </message>
        <message>
            <source>Specialization</source>
            <translation>Especialización</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>Entrenamiento</translation>
        </message>
        <message>
            <source>Quantization</source>
            <translation>Cuantización</translation>
        </message>
        <message>
            <source>Download size</source>
            <translation>Tamaño de descarga</translation>
        </message>
        <message>
            <source>Fits this machine?</source>
            <translation>¿Cabe en este equipo?</translation>
        </message>
        <message>
            <source>Model catalog</source>
            <translation>Catálogo de modelos</translation>
        </message>
        <message>
            <source>Download selected</source>
            <translation>Descargar selección</translation>
        </message>
        <message>
            <source>commercial OK</source>
            <translation>uso comercial permitido</translation>
        </message>
        <message>
            <source>commercial with terms</source>
            <translation>uso comercial con condiciones</translation>
        </message>
        <message>
            <source>commercial restricted</source>
            <translation>uso comercial restringido</translation>
        </message>
        <message>
            <source>Quantization of {model}</source>
            <translation>Cuantización de {model}</translation>
        </message>
        <message>
            <source>{status} ({size} GiB at {n} tokens)</source>
            <translation>{status} ({size} GiB con {n} tokens)</translation>
        </message>
        <message>
            <source>Search GGUF models on Hugging Face (e.g. qwen2 gguf)</source>
            <translation>Buscar modelos GGUF en Hugging Face (p. ej., qwen2 gguf)</translation>
        </message>
        <message>
            <source>Search Hugging Face</source>
            <translation>Buscar en Hugging Face</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Buscar</translation>
        </message>
        <message>
            <source>Hugging Face token…</source>
            <translation>Token de Hugging Face…</translation>
        </message>
        <message>
            <source>Repositories found</source>
            <translation>Repositorios encontrados</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Archivo</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Tamaño</translation>
        </message>
        <message>
            <source>GGUF files in the repository</source>
            <translation>Archivos GGUF del repositorio</translation>
        </message>
        <message>
            <source>Download selected file</source>
            <translation>Descargar el archivo seleccionado</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Buscando…</translation>
        </message>
        <message numerus="yes">
            <source>{repo}  ·  %Ln download(s)</source>
            <translation>
                <numerusform>{repo}  ·  %Ln descarga</numerusform>
                <numerusform>{repo}  ·  %Ln descargas</numerusform>
            </translation>
        </message>
        <message>
            <source>{repo}  ·  gated</source>
            <translation>{repo}  ·  acceso restringido</translation>
        </message>
        <message numerus="yes">
            <source>%n repositories found</source>
            <translation>
                <numerusform>%n repositorio encontrado</numerusform>
                <numerusform>%n repositorios encontrados</numerusform>
            </translation>
        </message>
        <message>
            <source>No GGUF repositories found</source>
            <translation>No se encontraron repositorios GGUF</translation>
        </message>
        <message numerus="yes">
            <source>%n GGUF file(s)</source>
            <translation>
                <numerusform>%n archivo GGUF</numerusform>
                <numerusform>%n archivos GGUF</numerusform>
            </translation>
        </message>
        <message>
            <source>Hugging Face token</source>
            <translation>Token de Hugging Face</translation>
        </message>
        <message>
            <source>Token (kept in the system keyring only):</source>
            <translation>Token (se guarda solo en el llavero del sistema):</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progreso</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Downloads</source>
            <translation>Descargas</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pausar</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Reanudar</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Download of {file}</source>
            <translation>Descarga de {file}</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>En cola</translation>
        </message>
        <message>
            <source>Failed: {message}</source>
            <translation>Error: {message}</translation>
        </message>
        <message>
            <source>{paused} (Resume to continue)</source>
            <translation>{paused} (pulse Reanudar para continuar)</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelada</translation>
        </message>
        <message>
            <source>Paused at {done} / {total}</source>
            <translation>En pausa en {done} / {total}</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Terminada</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Error</translation>
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
            <translation>{progress} · quedan {seconds} s</translation>
        </message>
        <message>
            <source>Done: installed as {model}</source>
            <translation>Completada: se instaló como {model}</translation>
        </message>
        <message>
            <source>Cancelled (partial file deleted)</source>
            <translation>Cancelada (se eliminó el archivo parcial)</translation>
        </message>
        <message>
            <source>Download failed: {message}</source>
            <translation>Error en la descarga: {message}</translation>
        </message>
        <message>
            <source>Download finished: {model} is installed.</source>
            <translation>Descarga terminada: {model} está instalado.</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Id</translation>
        </message>
        <message>
            <source>Size on disk</source>
            <translation>Tamaño en disco</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Origen</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>Predeterminado</translation>
        </message>
        <message>
            <source>Installed models</source>
            <translation>Modelos instalados</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Eliminar…</translation>
        </message>
        <message>
            <source>Show in folder</source>
            <translation>Mostrar en la carpeta</translation>
        </message>
        <message>
            <source>Set as default</source>
            <translation>Establecer como predeterminado</translation>
        </message>
        <message>
            <source>Import GGUF…</source>
            <translation>Importar GGUF…</translation>
        </message>
        <message>
            <source>default model</source>
            <translation>modelo predeterminado</translation>
        </message>
        <message>
            <source>not default</source>
            <translation>no predeterminado</translation>
        </message>
        <message>
            <source>Delete model</source>
            <translation>Eliminar modelo</translation>
        </message>
        <message>
            <source>Delete {model} and its file from disk?</source>
            <translation>¿Eliminar {model} y su archivo del disco?</translation>
        </message>
        <message>
            <source>Imported {name} as {id}</source>
            <translation>Se importó {name} como {id}</translation>
        </message>
        <message>
            <source>Import a GGUF model</source>
            <translation>Importar un modelo GGUF</translation>
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
            <translation>¿Copiar el archivo a la carpeta de modelos de Wren?
(No = usarlo donde está)</translation>
        </message>
    </context>
    <context>
        <name>OverflowBanner</name>
        <message>
            <source>Continue in a new chat with a summary</source>
            <translation>Continuar en un nuevo chat con un resumen</translation>
        </message>
        <message>
            <source>Continue in a new conversation carrying a summary</source>
            <translation>Continuar en una nueva conversación con un resumen</translation>
        </message>
        <message>
            <source>Drop oldest turns</source>
            <translation>Descartar los turnos más antiguos</translation>
        </message>
        <message>
            <source>Drop the oldest turns, keep the system prompt</source>
            <translation>Descartar los turnos más antiguos y conservar el prompt del sistema</translation>
        </message>
        <message>
            <source>&lt;b&gt;This conversation no longer fits the model's memory.&lt;/b&gt;</source>
            <translation>&lt;b&gt;Esta conversación ya no cabe en la memoria del modelo.&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;This conversation fills {percent}% of the model's context&lt;/b&gt; ({used} of {limit} tokens).</source>
            <translation>&lt;b&gt;Esta conversación ocupa el {percent}% del contexto del modelo&lt;/b&gt; ({used} de {limit} tokens).</translation>
        </message>
        <message>
            <source>{head} Older text would otherwise be cut off. Default: continue in a new conversation carrying a summary; or drop the oldest turns (the system prompt is kept).</source>
            <translation>{head} De lo contrario, se cortaría el texto más antiguo. Predeterminado: continuar en una nueva conversación con un resumen; o descartar los turnos más antiguos (se conserva el prompt del sistema).</translation>
        </message>
    </context>
    <context>
        <name>PageView</name>
        <message>
            <source>Document page</source>
            <translation>Página del documento</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Short: a few sentences</source>
            <translation>Breve: unas pocas oraciones</translation>
        </message>
        <message>
            <source>Medium: a paragraph or two</source>
            <translation>Medio: uno o dos párrafos</translation>
        </message>
        <message>
            <source>Detailed: every main point</source>
            <translation>Detallado: cada punto principal</translation>
        </message>
        <message>
            <source>The new language is used when Wren starts again.</source>
            <translation>El nuevo idioma se aplicará cuando Wren se vuelva a iniciar.</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>Preferencias</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <source>Language of the window</source>
            <translation>Idioma de la ventana</translation>
        </message>
        <message>
            <source>System language ({language})</source>
            <translation>Idioma del sistema ({language})</translation>
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
            <translation>Longitud del resumen</translation>
        </message>
        <message>
            <source>Summary &amp;length</source>
            <translation>&amp;Longitud del resumen</translation>
        </message>
        <message>
            <source>Disk space for saved document readings</source>
            <translation>Espacio en disco para las lecturas de documentos guardadas</translation>
        </message>
        <message>
            <source> MB</source>
            <translation> MB</translation>
        </message>
        <message>
            <source>Don't keep readings</source>
            <translation>No conservar lecturas</translation>
        </message>
        <message>
            <source>A document's reading is kept on disk so that follow-up questions are answered at once, even after a restart. The oldest readings are removed beyond this size.</source>
            <translation>La lectura de un documento se conserva en el disco para que las preguntas posteriores se respondan al instante, incluso después de reiniciar. Las lecturas más antiguas se eliminan al superar este tamaño.</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Borrar</translation>
        </message>
        <message>
            <source>Clear saved document readings</source>
            <translation>Borrar las lecturas de documentos guardadas</translation>
        </message>
        <message>
            <source>Saved &amp;readings</source>
            <translation>Lecturas &amp;guardadas</translation>
        </message>
        <message>
            <source>Saved readings in use</source>
            <translation>Lecturas guardadas en uso</translation>
        </message>
        <message>
            <source>Local API server (File → Local API server)</source>
            <translation>Servidor de API local (Archivo → Servidor de API local)</translation>
        </message>
        <message>
            <source>API server port</source>
            <translation>Puerto del servidor de API</translation>
        </message>
        <message>
            <source>Any free port</source>
            <translation>Cualquier puerto libre</translation>
        </message>
        <message>
            <source>&amp;Port on 127.0.0.1</source>
            <translation>&amp;Puerto en 127.0.0.1</translation>
        </message>
        <message>
            <source>Keep API conversations in the history</source>
            <translation>Conservar las conversaciones de la API en el historial</translation>
        </message>
        <message>
            <source>GPU</source>
            <translation>GPU</translation>
        </message>
        <message>
            <source>GPU memory Wren may use</source>
            <translation>Memoria de GPU que Wren puede usar</translation>
        </message>
        <message>
            <source> GB</source>
            <translation> GB</translation>
        </message>
        <message>
            <source>All free memory</source>
            <translation>Toda la memoria libre</translation>
        </message>
        <message>
            <source>Wren plans how much of a model goes to the GPU from its free memory, less a safety margin of 512 MB. Set a limit to keep room for other programs (games, video, other models).</source>
            <translation>Wren calcula qué parte de un modelo va a la GPU a partir de su memoria libre, menos un margen de seguridad de 512 MB. Establezca un límite para dejar espacio a otros programas (juegos, vídeo, otros modelos).</translation>
        </message>
        <message numerus="yes">
            <source>{size} in use by %n saved reading(s)</source>
            <translation>
                <numerusform>{size} en uso por %n lectura guardada</numerusform>
                <numerusform>{size} en uso por %n lecturas guardadas</numerusform>
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
            <translation>Usted</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>Asistente</translation>
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
            <translation>Título de la conversación</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>Sin título</translation>
        </message>
        <message>
            <source>Search conversations</source>
            <translation>Buscar en las conversaciones</translation>
        </message>
        <message>
            <source>Search all chats: words, "a phrase", prefix*</source>
            <translation>Buscar en todos los chats: palabras, "una frase", prefijo*</translation>
        </message>
        <message>
            <source>Search all conversations</source>
            <translation>Buscar en todas las conversaciones</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>Resultados de la búsqueda</translation>
        </message>
        <message>
            <source>Type to search.</source>
            <translation>Escriba para buscar.</translation>
        </message>
        <message>
            <source>Search status</source>
            <translation>Estado de la búsqueda</translation>
        </message>
        <message>
            <source>No words to search for.</source>
            <translation>No hay palabras que buscar.</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Buscando…</translation>
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
            <translation>No hay resultados.</translation>
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
            <translation>Creativo</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Personalizado</translation>
        </message>
        <message>
            <source>Conversation settings</source>
            <translation>Configuración de la conversación</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>Ajuste predefinido</translation>
        </message>
        <message>
            <source>New preset name</source>
            <translation>Nombre del nuevo ajuste predefinido</translation>
        </message>
        <message>
            <source>Save preset</source>
            <translation>Guardar ajuste</translation>
        </message>
        <message>
            <source>Save these settings as a preset</source>
            <translation>Guardar esta configuración como ajuste predefinido</translation>
        </message>
        <message>
            <source>&amp;Preset</source>
            <translation>&amp;Ajuste predefinido</translation>
        </message>
        <message>
            <source>System prompt</source>
            <translation>Prompt del sistema</translation>
        </message>
        <message>
            <source>Optional instructions the model follows in this conversation</source>
            <translation>Instrucciones opcionales que el modelo sigue en esta conversación</translation>
        </message>
        <message>
            <source>S&amp;ystem prompt</source>
            <translation>Prompt del &amp;sistema</translation>
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
            <translation>Longitud máxima de la respuesta</translation>
        </message>
        <message>
            <source>&amp;Max reply length</source>
            <translation>Longitud &amp;máxima de la respuesta</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>Automático</translation>
        </message>
        <message>
            <source>Context size</source>
            <translation>Tamaño del contexto</translation>
        </message>
        <message>
            <source>Memory the context needs</source>
            <translation>Memoria que necesita el contexto</translation>
        </message>
        <message>
            <source>&amp;Context size</source>
            <translation>Tamaño del &amp;contexto</translation>
        </message>
        <message>
            <source>GPU use</source>
            <translation>Uso de la GPU</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>Desactivado</translation>
        </message>
        <message>
            <source>Layers:</source>
            <translation>Capas:</translation>
        </message>
        <message>
            <source>Automatic puts as much of the model on the GPU as its free memory allows (within the limit set in Preferences). Off runs on the CPU only.</source>
            <translation>«Automático» coloca en la GPU tanta parte del modelo como permita su memoria libre (dentro del límite fijado en Preferencias). «Desactivado» ejecuta el modelo solo en la CPU.</translation>
        </message>
        <message>
            <source> layers</source>
            <translation> capas</translation>
        </message>
        <message>
            <source>GPU offload layers</source>
            <translation>Capas descargadas en la GPU</translation>
        </message>
        <message>
            <source>&amp;GPU</source>
            <translation>&amp;GPU</translation>
        </message>
        <message>
            <source>Automatic (faster where the reply repeats the text)</source>
            <translation>Automático (más rápido cuando la respuesta repite el texto)</translation>
        </message>
        <message>
            <source>Lookup decoding</source>
            <translation>Decodificación por búsqueda</translation>
        </message>
        <message>
            <source>Guesses the next words from the document and the conversation and checks the guess in one step. The reply is the same; summaries and questions about a document come faster.</source>
            <translation>Adivina las siguientes palabras a partir del documento y la conversación y comprueba la suposición en un solo paso. La respuesta es la misma; los resúmenes y las preguntas sobre un documento se obtienen más rápido.</translation>
        </message>
        <message>
            <source>Give the preset a new name</source>
            <translation>Dé un nuevo nombre al ajuste predefinido</translation>
        </message>
        <message>
            <source>chosen from the model and free memory</source>
            <translation>elegido según el modelo y la memoria libre</translation>
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
            <translation>Este equipo</translation>
        </message>
        <message>
            <source>CPU, memory and GPUs Wren can use</source>
            <translation>CPU, memoria y GPU que Wren puede usar</translation>
        </message>
        <message>
            <source>Looking at this computer…</source>
            <translation>Examinando este equipo…</translation>
        </message>
    </context>
    <context>
        <name>Wren</name>
        <message>
            <source>Wren cannot start</source>
            <translation>Wren no puede iniciarse</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <source>Open a conversation to export it.</source>
            <translation>Abra una conversación para exportarla.</translation>
        </message>
        <message>
            <source>Export conversation</source>
            <translation>Exportar conversación</translation>
        </message>
        <message>
            <source>Export failed: {why}</source>
            <translation>Error al exportar: {why}</translation>
        </message>
        <message>
            <source>Exported to {path}</source>
            <translation>Exportado a {path}</translation>
        </message>
    </context>
</TS>
