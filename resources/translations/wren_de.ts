<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>&lt;p&gt;Offline chat with small language models, running on this computer through llama.cpp. Wren is released under the MIT licence.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Offline-Chat mit kleinen Sprachmodellen, die über llama.cpp auf diesem Computer laufen. Wren steht unter der MIT-Lizenz.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Loaded model:&lt;/b&gt; {name} — licence: {licence}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Geladenes Modell:&lt;/b&gt; {name} — Lizenz: {licence}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>not stated in the file (see its model card)</source>
            <translation>in der Datei nicht angegeben (siehe Modellkarte)</translation>
        </message>
        <message>
            <source>&lt;p&gt;(The licence list THIRD-PARTY.md is missing from this build.)&lt;/p&gt;</source>
            <translation>&lt;p&gt;(Die Lizenzliste THIRD-PARTY.md fehlt in diesem Build.)&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About Wren</source>
            <translation>Über Wren</translation>
        </message>
        <message>
            <source>About Wren and licences</source>
            <translation>Über Wren und Lizenzen</translation>
        </message>
    </context>
    <context>
        <name>BatchController</name>
        <message>
            <source>Saved %1 summaries to %2</source>
            <translation>%1 Zusammenfassungen in %2 gespeichert</translation>
        </message>
        <message>
            <source>Writing the summary…</source>
            <translation>Zusammenfassung wird geschrieben…</translation>
        </message>
        <message>
            <source>, about %1 left</source>
            <translation>, noch etwa %1</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Wird gelesen…</translation>
        </message>
    </context>
    <context>
        <name>BatchPanel</name>
        <message>
            <source>Document queue</source>
            <translation>Dokumentwarteschlange</translation>
        </message>
        <message>
            <source>&lt;b&gt;Document queue&lt;/b&gt;</source>
            <translation>&lt;b&gt;Dokumentwarteschlange&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Save summaries to…</source>
            <translation>Zusammenfassungen speichern in…</translation>
        </message>
        <message>
            <source>Save summaries to a folder</source>
            <translation>Zusammenfassungen in einem Ordner speichern</translation>
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
            <translation>Dateiformat der gespeicherten Zusammenfassungen</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Close the document queue</source>
            <translation>Dokumentwarteschlange schließen</translation>
        </message>
        <message>
            <source>Overall progress</source>
            <translation>Gesamtfortschritt</translation>
        </message>
        <message>
            <source>Overall progress and time left</source>
            <translation>Gesamtfortschritt und verbleibende Zeit</translation>
        </message>
        <message>
            <source>All done: %1 of %2 summarized</source>
            <translation>Fertig: %1 von %2 zusammengefasst</translation>
        </message>
        <message>
            <source>%1 of %2 documents</source>
            <translation>%1 von %2 Dokumenten</translation>
        </message>
        <message>
            <source>, about %1 left</source>
            <translation>, noch etwa %1</translation>
        </message>
        <message>
            <source> · %1 could not be read</source>
            <translation> · %1 nicht lesbar</translation>
        </message>
        <message>
            <source> · saving to %1</source>
            <translation> · wird gespeichert in %1</translation>
        </message>
        <message>
            <source>Save summaries to</source>
            <translation>Zusammenfassungen speichern in</translation>
        </message>
    </context>
    <context>
        <name>BatchRow</name>
        <message>
            <source>Waiting</source>
            <translation>Wartet</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Wird gelesen…</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Angehalten</translation>
        </message>
        <message>
            <source>Summary ready</source>
            <translation>Zusammenfassung fertig</translation>
        </message>
        <message>
            <source>Could not be read</source>
            <translation>Nicht lesbar</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <source>Not a document Wren reads</source>
            <translation>Kein Dokument, das Wren lesen kann</translation>
        </message>
        <message>
            <source>Document %1</source>
            <translation>Dokument %1</translation>
        </message>
        <message>
            <source>State of %1</source>
            <translation>Status von %1</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Anhalten</translation>
        </message>
        <message>
            <source>Pause %1</source>
            <translation>%1 anhalten</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Cancel %1</source>
            <translation>%1 abbrechen</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <source>Open the summary of %1</source>
            <translation>Zusammenfassung von %1 öffnen</translation>
        </message>
        <message>
            <source>Progress of %1</source>
            <translation>Fortschritt von %1</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Fortsetzen</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>saved as %1</source>
            <translation>gespeichert als %1</translation>
        </message>
        <message>
            <source>Paused: it starts again from the beginning when resumed (pages already read by OCR are kept)</source>
            <translation>Angehalten: Beim Fortsetzen beginnt es wieder von vorn (bereits per OCR gelesene Seiten bleiben erhalten)</translation>
        </message>
    </context>
    <context>
        <name>ChatPane</name>
        <message>
            <source>Notice</source>
            <translation>Hinweis</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Senden</translation>
        </message>
        <message>
            <source>Send message</source>
            <translation>Nachricht senden</translation>
        </message>
        <message>
            <source>Send (Enter)</source>
            <translation>Senden (Eingabe)</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stopp</translation>
        </message>
        <message>
            <source>Stop generating</source>
            <translation>Generierung stoppen</translation>
        </message>
        <message>
            <source>Stop (Esc)</source>
            <translation>Stopp (Esc)</translation>
        </message>
    </context>
    <context>
        <name>ChatView</name>
        <message>
            <source>Conversation</source>
            <translation>Unterhaltung</translation>
        </message>
    </context>
    <context>
        <name>Composer</name>
        <message>
            <source>Message Wren…  (Enter sends, Shift+Enter for a new line)</source>
            <translation>Nachricht an Wren…  (Eingabe sendet, Umschalt+Eingabe für eine neue Zeile)</translation>
        </message>
        <message>
            <source>Message input</source>
            <translation>Nachrichteneingabe</translation>
        </message>
        <message>
            <source>Enter sends, Shift+Enter starts a new line, Esc stops a reply</source>
            <translation>Eingabe sendet, Umschalt+Eingabe beginnt eine neue Zeile, Esc stoppt eine Antwort</translation>
        </message>
    </context>
    <context>
        <name>ConversationList</name>
        <message>
            <source>New chat</source>
            <translation>Neuer Chat</translation>
        </message>
        <message>
            <source>New chat (Ctrl+N)</source>
            <translation>Neuer Chat (Strg+N)</translation>
        </message>
        <message>
            <source>Conversations</source>
            <translation>Unterhaltungen</translation>
        </message>
        <message>
            <source>F2 renames, Delete deletes, the menu key opens more actions</source>
            <translation>F2 benennt um, Entf löscht, die Menütaste öffnet weitere Aktionen</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>Umbenennen</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Exportieren…</translation>
        </message>
    </context>
    <context>
        <name>DocumentCard</name>
        <message>
            <source>Reading the file…</source>
            <translation>Datei wird gelesen…</translation>
        </message>
        <message>
            <source>Reading {name}</source>
            <translation>{name} wird gelesen</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Cancel reading {name}</source>
            <translation>Lesen von {name} abbrechen</translation>
        </message>
        <message>
            <source>Status of {name}</source>
            <translation>Status von {name}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln page(s)</source>
            <translation>
                <numerusform>%Ln Seite</numerusform>
                <numerusform>%Ln Seiten</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln token(s)</source>
            <translation>
                <numerusform>%Ln Token</numerusform>
                <numerusform>%Ln Tokens</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln character(s)</source>
            <translation>
                <numerusform>%Ln Zeichen</numerusform>
                <numerusform>%Ln Zeichen</numerusform>
            </translation>
        </message>
        <message>
            <source>{step}: {done}/{total} tokens, {rate} tok/s</source>
            <translation>{step}: {done}/{total} Tokens, {rate} tok/s</translation>
        </message>
        <message>
            <source>{step}: {done}/{total} pages</source>
            <translation>{step}: {done}/{total} Seiten</translation>
        </message>
        <message>
            <source>{progress}, about {seconds} s left</source>
            <translation>{progress}, noch etwa {seconds} s</translation>
        </message>
        <message>
            <source>Summary ready ({mode}, {seconds} s)</source>
            <translation>Zusammenfassung fertig ({mode}, {seconds} s)</translation>
        </message>
    </context>
    <context>
        <name>DocumentDropArea</name>
        <message>
            <source>Documents ({patterns})</source>
            <translation>Dokumente ({patterns})</translation>
        </message>
    </context>
    <context>
        <name>DocumentJobs</name>
        <message numerus="yes">
            <source>Reading %n document(s)…</source>
            <translation>
                <numerusform>%n Dokument wird gelesen…</numerusform>
                <numerusform>%n Dokumente werden gelesen…</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DocumentPane</name>
        <message>
            <source>Document pane</source>
            <translation>Dokumentbereich</translation>
        </message>
        <message>
            <source>Document name</source>
            <translation>Dokumentname</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>Vorherige Seite</translation>
        </message>
        <message>
            <source>Page number</source>
            <translation>Seitenzahl</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>Nächste Seite</translation>
        </message>
        <message>
            <source>Close the document pane</source>
            <translation>Dokumentbereich schließen</translation>
        </message>
        <message>
            <source>Citation check</source>
            <translation>Quellenprüfung</translation>
        </message>
        <message>
            <source>Page view</source>
            <translation>Seitenansicht</translation>
        </message>
        <message>
            <source>Section text</source>
            <translation>Abschnittstext</translation>
        </message>
        <message>
            <source>Document pane status</source>
            <translation>Status des Dokumentbereichs</translation>
        </message>
        <message>
            <source>✓ Supported: {pct}% of the sentence's words are on {where}.</source>
            <translation>✓ Belegt: {pct} % der Wörter des Satzes stehen auf {where}.</translation>
        </message>
        <message>
            <source>its words are not found there</source>
            <translation>seine Wörter kommen dort nicht vor</translation>
        </message>
        <message>
            <source>⚠ Not supported by {where}: {why}.</source>
            <translation>⚠ Nicht belegt durch {where}: {why}.</translation>
        </message>
        <message>
            <source>The model cited this page.</source>
            <translation>Das Modell hat diese Seite angegeben.</translation>
        </message>
        <message>
            <source>The model cited no page: Wren chose the best match.</source>
            <translation>Das Modell hat keine Seite angegeben: Wren hat die beste Übereinstimmung gewählt.</translation>
        </message>
        <message>
            <source>Page {n} of {total}</source>
            <translation>Seite {n} von {total}</translation>
        </message>
        <message>
            <source>Rendering…</source>
            <translation>Wird dargestellt…</translation>
        </message>
        <message>
            <source>The supporting passage is highlighted.</source>
            <translation>Die belegende Textstelle ist hervorgehoben.</translation>
        </message>
        <message>
            <source>The passage could not be located on this page.</source>
            <translation>Die Textstelle wurde auf dieser Seite nicht gefunden.</translation>
        </message>
        <message>
            <source>The passage could not be located in this section.</source>
            <translation>Die Textstelle wurde in diesem Abschnitt nicht gefunden.</translation>
        </message>
    </context>
    <context>
        <name>EditDialog</name>
        <message>
            <source>Edit message</source>
            <translation>Nachricht bearbeiten</translation>
        </message>
        <message>
            <source>Edit your message. Everything after it will be written again.</source>
            <translation>Bearbeiten Sie Ihre Nachricht. Alles danach wird neu geschrieben.</translation>
        </message>
        <message>
            <source>Edited message</source>
            <translation>Bearbeitete Nachricht</translation>
        </message>
        <message>
            <source>Send again</source>
            <translation>Erneut senden</translation>
        </message>
    </context>
    <context>
        <name>EnginesDialog</name>
        <message>
            <source>Remote engines</source>
            <translation>Entfernte Engines</translation>
        </message>
        <message>
            <source>Engines</source>
            <translation>Engines</translation>
        </message>
        <message>
            <source>http://192.168.1.20:8000  (vLLM, Ollama :11434, llama.cpp :8080)</source>
            <translation>http://192.168.1.20:8000  (vLLM, Ollama :11434, llama.cpp :8080)</translation>
        </message>
        <message>
            <source>optional; kept in the system keyring</source>
            <translation>optional; wird im Schlüsselbund des Systems gespeichert</translation>
        </message>
        <message>
            <source>Engine status</source>
            <translation>Engine-Status</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Hinzufügen</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Verbindung testen</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <source>A&amp;ddress</source>
            <translation>&amp;Adresse</translation>
        </message>
        <message>
            <source>API &amp;key</source>
            <translation>API-&amp;Schlüssel</translation>
        </message>
        <message>
            <source>&amp;Engines</source>
            <translation>&amp;Engines</translation>
        </message>
        <message>
            <source>  (key)</source>
            <translation>  (Schlüssel)</translation>
        </message>
        <message>
            <source>Added {name}.</source>
            <translation>{name} hinzugefügt.</translation>
        </message>
        <message>
            <source>Select an engine to remove.</source>
            <translation>Wählen Sie eine Engine zum Entfernen aus.</translation>
        </message>
        <message>
            <source>Removed {name}.</source>
            <translation>{name} entfernt.</translation>
        </message>
        <message>
            <source>new engine</source>
            <translation>neue Engine</translation>
        </message>
        <message>
            <source>Type an address or select an engine to test.</source>
            <translation>Geben Sie eine Adresse ein oder wählen Sie eine Engine zum Testen aus.</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>Wird getestet…</translation>
        </message>
        <message>
            <source>no models</source>
            <translation>keine Modelle</translation>
        </message>
        <message numerus="yes">
            <source>{names} and %n more</source>
            <translation>
                <numerusform>{names} und %n weiteres</numerusform>
                <numerusform>{names} und %n weitere</numerusform>
            </translation>
        </message>
        <message>
            <source>Connected: {names}</source>
            <translation>Verbunden: {names}</translation>
        </message>
    </context>
    <context>
        <name>InferenceWorker</name>
        <message>
            <source>No model is loaded yet</source>
            <translation>Noch kein Modell geladen</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <source>Load a local model first: documents are read on this computer</source>
            <translation>Laden Sie zuerst ein lokales Modell: Dokumente werden auf diesem Computer gelesen</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Ready</source>
            <translation>Bereit</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Undo delete</source>
            <translation>Löschen rückgängig machen</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Fortschritt</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Wren&lt;/h2&gt;&lt;p&gt;Chat with a language model that runs on this computer.&lt;br&gt;Nothing you type leaves it.&lt;/p&gt;&lt;p&gt;Type a message below and press Enter.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Wren&lt;/h2&gt;&lt;p&gt;Chatten Sie mit einem Sprachmodell, das auf diesem Computer läuft.&lt;br&gt;Nichts, was Sie eingeben, verlässt ihn.&lt;/p&gt;&lt;p&gt;Geben Sie unten eine Nachricht ein und drücken Sie Eingabe.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Welcome to Wren&lt;/h2&gt;&lt;p&gt;Chat with a language model that runs on this computer. Nothing you type leaves it.&lt;/p&gt;&lt;p&gt;The small starter model is quick but simple: &lt;b&gt;Models → Manage and download models…&lt;/b&gt; finds bigger ones that fit this computer.&lt;/p&gt;&lt;p&gt;Drop a document (PDF, DOCX, TXT, Markdown, HTML…) on this window, or press &lt;b&gt;Ctrl+O&lt;/b&gt;, to get a summary and ask questions about it.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Willkommen bei Wren&lt;/h2&gt;&lt;p&gt;Chatten Sie mit einem Sprachmodell, das auf diesem Computer läuft. Nichts, was Sie eingeben, verlässt ihn.&lt;/p&gt;&lt;p&gt;Das kleine Startmodell ist schnell, aber einfach: &lt;b&gt;Modelle → Modelle verwalten und herunterladen…&lt;/b&gt; findet größere, die zu diesem Computer passen.&lt;/p&gt;&lt;p&gt;Ziehen Sie ein Dokument (PDF, DOCX, TXT, Markdown, HTML…) auf dieses Fenster oder drücken Sie &lt;b&gt;Strg+O&lt;/b&gt;, um eine Zusammenfassung zu erhalten und Fragen dazu zu stellen.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>Willkommen</translation>
        </message>
        <message>
            <source>Got it</source>
            <translation>Verstanden</translation>
        </message>
        <message>
            <source>Dismiss welcome</source>
            <translation>Begrüßung ausblenden</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;New chat</source>
            <translation>&amp;Neuer Chat</translation>
        </message>
        <message>
            <source>&amp;Attach document…</source>
            <translation>Dokument &amp;anhängen…</translation>
        </message>
        <message>
            <source>&amp;Import a GGUF model…</source>
            <translation>GGUF-Modell &amp;importieren…</translation>
        </message>
        <message>
            <source>Conversation &amp;settings…</source>
            <translation>Unterhaltungs&amp;einstellungen…</translation>
        </message>
        <message>
            <source>Local &amp;API server</source>
            <translation>Lokaler &amp;API-Server</translation>
        </message>
        <message>
            <source>Serve the loaded model to other programs on 127.0.0.1 (OpenAI-compatible)</source>
            <translation>Das geladene Modell anderen Programmen auf 127.0.0.1 bereitstellen (OpenAI-kompatibel)</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <source>Copy last reply</source>
            <translation>Letzte Antwort kopieren</translation>
        </message>
        <message>
            <source>&amp;Search conversations…</source>
            <translation>Unterhaltungen durch&amp;suchen…</translation>
        </message>
        <message>
            <source>Focus message input</source>
            <translation>Zum Eingabefeld</translation>
        </message>
        <message>
            <source>Focus conversation list</source>
            <translation>Zur Unterhaltungsliste</translation>
        </message>
        <message>
            <source>Focus model picker</source>
            <translation>Zur Modellauswahl</translation>
        </message>
        <message>
            <source>Read last message</source>
            <translation>Letzte Nachricht lesen</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>Ver&amp;größern</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>Ver&amp;kleinern</translation>
        </message>
        <message>
            <source>&amp;Actual size</source>
            <translation>&amp;Originalgröße</translation>
        </message>
        <message>
            <source>&amp;Chat</source>
            <translation>&amp;Chat</translation>
        </message>
        <message>
            <source>S&amp;top</source>
            <translation>S&amp;topp</translation>
        </message>
        <message>
            <source>&amp;Regenerate last reply</source>
            <translation>Letzte Antwort &amp;neu schreiben</translation>
        </message>
        <message>
            <source>Re&amp;name conversation</source>
            <translation>Unterhaltung &amp;umbenennen</translation>
        </message>
        <message>
            <source>&amp;Delete conversation</source>
            <translation>Unterhaltung &amp;löschen</translation>
        </message>
        <message>
            <source>E&amp;xport conversation…</source>
            <translation>Unterhaltung e&amp;xportieren…</translation>
        </message>
        <message>
            <source>&amp;Models</source>
            <translation>&amp;Modelle</translation>
        </message>
        <message>
            <source>&amp;Manage and download models…</source>
            <translation>Modelle &amp;verwalten und herunterladen…</translation>
        </message>
        <message>
            <source>&amp;Remote engines…</source>
            <translation>Entfernte &amp;Engines…</translation>
        </message>
        <message>
            <source>Re&amp;fresh installed models</source>
            <translation>Installierte Modelle a&amp;ktualisieren</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;Welcome</source>
            <translation>&amp;Willkommen</translation>
        </message>
        <message>
            <source>&amp;This computer…</source>
            <translation>Dieser &amp;Computer…</translation>
        </message>
        <message>
            <source>&amp;About Wren</source>
            <translation>Ü&amp;ber Wren</translation>
        </message>
        <message>
            <source>Text size {percent} %</source>
            <translation>Textgröße {percent} %</translation>
        </message>
        <message>
            <source>{model} (remote: {engine})</source>
            <translation>{model} (entfernt: {engine})</translation>
        </message>
        <message>
            <source>Loading {name}…</source>
            <translation>{name} wird geladen…</translation>
        </message>
        <message>
            <source>{name} ready (loaded in {seconds} s)</source>
            <translation>{name} bereit (in {seconds} s geladen)</translation>
        </message>
        <message>
            <source>{name} is ready.</source>
            <translation>{name} ist bereit.</translation>
        </message>
        <message>
            <source>Error: {message}</source>
            <translation>Fehler: {message}</translation>
        </message>
        <message>
            <source>{title} — Wren</source>
            <translation>{title} — Wren</translation>
        </message>
        <message>
            <source>Deleted “{title}”.</source>
            <translation>„{title}“ gelöscht.</translation>
        </message>
        <message>
            <source>Conversation restored.</source>
            <translation>Unterhaltung wiederhergestellt.</translation>
        </message>
        <message>
            <source>The model is still loading: your message is kept, send it when it is ready.</source>
            <translation>Das Modell wird noch geladen: Ihre Nachricht bleibt erhalten. Senden Sie sie, sobald es bereit ist.</translation>
        </message>
        <message>
            <source>Reading the conversation…</source>
            <translation>Unterhaltung wird gelesen…</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>Wird gestoppt…</translation>
        </message>
        <message>
            <source>Writing…</source>
            <translation>Wird geschrieben…</translation>
        </message>
        <message>
            <source>Reading the conversation… {percent}</source>
            <translation>Unterhaltung wird gelesen… {percent}</translation>
        </message>
        <message>
            <source>Writing… {rate} tokens/s</source>
            <translation>Wird geschrieben… {rate} Tokens/s</translation>
        </message>
        <message>
            <source>{tokens} at {rate} tokens/s</source>
            <translation>{tokens} mit {rate} Tokens/s</translation>
        </message>
        <message>
            <source>Stopped: {tokens}</source>
            <translation>Gestoppt: {tokens}</translation>
        </message>
        <message>
            <source>Done: {tokens}</source>
            <translation>Fertig: {tokens}</translation>
        </message>
        <message>
            <source>{status}: {tokens}</source>
            <translation>{status}: {tokens}</translation>
        </message>
        <message>
            <source>Reply stopped. {text}</source>
            <translation>Antwort gestoppt. {text}</translation>
        </message>
        <message>
            <source>Reply finished. {text}</source>
            <translation>Antwort fertig. {text}</translation>
        </message>
        <message numerus="yes">
            <source>Dropped %n older message(s); the system prompt is kept.</source>
            <translation>
                <numerusform>%n ältere Nachricht entfernt; der Systemprompt bleibt erhalten.</numerusform>
                <numerusform>%n ältere Nachrichten entfernt; der Systemprompt bleibt erhalten.</numerusform>
            </translation>
        </message>
        <message>
            <source>Summarizing this conversation for a new one…</source>
            <translation>Diese Unterhaltung wird für eine neue zusammengefasst…</translation>
        </message>
        <message>
            <source>{title} (continued)</source>
            <translation>{title} (Fortsetzung)</translation>
        </message>
        <message>
            <source>Conversation</source>
            <translation>Unterhaltung</translation>
        </message>
        <message>
            <source>Continued in a new conversation; the summary is in its system prompt.</source>
            <translation>In einer neuen Unterhaltung fortgesetzt; die Zusammenfassung steht in ihrem Systemprompt.</translation>
        </message>
        <message>
            <source>The model is still loading: the documents will be read when it is ready.</source>
            <translation>Das Modell wird noch geladen: Die Dokumente werden gelesen, sobald es bereit ist.</translation>
        </message>
        <message>
            <source>Document {name}</source>
            <translation>Dokument {name}</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Wird abgebrochen…</translation>
        </message>
        <message>
            <source>%1 documents in the queue</source>
            <translation>%1 Dokumente in der Warteschlange</translation>
        </message>
        <message>
            <source>Resuming the document queue: %1 documents left</source>
            <translation>Dokumentwarteschlange wird fortgesetzt: noch %1 Dokumente</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Summary ready: ask questions about the document below.</source>
            <translation>Zusammenfassung fertig: Stellen Sie unten Fragen zum Dokument.</translation>
        </message>
        <message>
            <source>Summary ready: {name}. Ask questions about the document below.</source>
            <translation>Zusammenfassung fertig: {name}. Stellen Sie unten Fragen zum Dokument.</translation>
        </message>
        <message>
            <source>The document of this summary is no longer stored.</source>
            <translation>Das Dokument dieser Zusammenfassung ist nicht mehr gespeichert.</translation>
        </message>
        <message>
            <source>Attach documents</source>
            <translation>Dokumente anhängen</translation>
        </message>
        <message>
            <source>Import a GGUF model</source>
            <translation>GGUF-Modell importieren</translation>
        </message>
        <message>
            <source>GGUF models (*.gguf)</source>
            <translation>GGUF-Modelle (*.gguf)</translation>
        </message>
        <message>
            <source>Importing {name}…</source>
            <translation>{name} wird importiert…</translation>
        </message>
        <message>
            <source>the model</source>
            <translation>Das Modell</translation>
        </message>
        <message>
            <source>Imported {name}: choose it in the model list.</source>
            <translation>{name} wurde importiert: Wählen Sie es in der Modellliste aus.</translation>
        </message>
        <message>
            <source>Local API server stopped.</source>
            <translation>Lokaler API-Server gestoppt.</translation>
        </message>
        <message>
            <source>The local API server needs a loaded local model.</source>
            <translation>Der lokale API-Server benötigt ein geladenes lokales Modell.</translation>
        </message>
        <message>
            <source>the API server could not start: {error}</source>
            <translation>Der API-Server konnte nicht gestartet werden: {error}</translation>
        </message>
        <message>
            <source>Local API server on {url}</source>
            <translation>Lokaler API-Server auf {url}</translation>
        </message>
        <message>
            <source>API server busy</source>
            <translation>API-Server beschäftigt</translation>
        </message>
        <message>
            <source>API server idle</source>
            <translation>API-Server im Leerlauf</translation>
        </message>
        <message>
            <source>Copied.</source>
            <translation>Kopiert.</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>Unterhaltungseinstellungen gespeichert.</translation>
        </message>
        <message>
            <source>Preferences saved.</source>
            <translation>Einstellungen gespeichert.</translation>
        </message>
    </context>
    <context>
        <name>MessageWidget</name>
        <message>
            <source>Copy</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <source>Copy this message</source>
            <translation>Diese Nachricht kopieren</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Bearbeiten</translation>
        </message>
        <message>
            <source>Edit this message and run it again</source>
            <translation>Diese Nachricht bearbeiten und erneut ausführen</translation>
        </message>
        <message>
            <source>Regenerate</source>
            <translation>Neu schreiben</translation>
        </message>
        <message>
            <source>Write this reply again</source>
            <translation>Diese Antwort neu schreiben</translation>
        </message>
        <message>
            <source>You</source>
            <translation>Sie</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>Assistent</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Dokument</translation>
        </message>
        <message>
            <source>System</source>
            <translation>System</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>gestoppt</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>fehlgeschlagen</translation>
        </message>
        <message>
            <source>writing…</source>
            <translation>schreibt…</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>fertig</translation>
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
            <translation>{name}, fortgesetzt</translation>
        </message>
        <message>
            <source>Message from {author}</source>
            <translation>Nachricht von {author}</translation>
        </message>
        <message>
            <source>Copy code</source>
            <translation>Code kopieren</translation>
        </message>
    </context>
    <context>
        <name>ModelBar</name>
        <message>
            <source>&amp;Model</source>
            <translation>&amp;Modell</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>Choose an installed model</source>
            <translation>Installiertes Modell auswählen</translation>
        </message>
        <message>
            <source>No model loaded</source>
            <translation>Kein Modell geladen</translation>
        </message>
        <message>
            <source>Loaded model details</source>
            <translation>Details zum geladenen Modell</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>Conversation settings</source>
            <translation>Unterhaltungseinstellungen</translation>
        </message>
        <message>
            <source>Conversation settings (Ctrl+,)</source>
            <translation>Unterhaltungseinstellungen (Strg+,)</translation>
        </message>
        <message>
            <source>Models…</source>
            <translation>Modelle…</translation>
        </message>
        <message>
            <source>Manage models</source>
            <translation>Modelle verwalten</translation>
        </message>
        <message>
            <source>Manage and download models (Ctrl+M)</source>
            <translation>Modelle verwalten und herunterladen (Strg+M)</translation>
        </message>
        <message>
            <source>No model installed</source>
            <translation>Kein Modell installiert</translation>
        </message>
        <message>
            <source>Loading {name}…</source>
            <translation>{name} wird geladen…</translation>
        </message>
        <message>
            <source>context {n} tokens (max {max})</source>
            <translation>Kontext {n} Tokens (max. {max})</translation>
        </message>
        <message>
            <source>context {n} tokens</source>
            <translation>Kontext {n} Tokens</translation>
        </message>
    </context>
    <context>
        <name>ModelManagerDialog</name>
        <message>
            <source>unexpected error: {error}</source>
            <translation>unerwarteter Fehler: {error}</translation>
        </message>
        <message>
            <source>Models</source>
            <translation>Modelle</translation>
        </message>
        <message>
            <source>&amp;Catalog</source>
            <translation>&amp;Katalog</translation>
        </message>
        <message>
            <source>&amp;Search Hugging Face</source>
            <translation>Auf Hugging Face &amp;suchen</translation>
        </message>
        <message>
            <source>&amp;Downloads</source>
            <translation>&amp;Downloads</translation>
        </message>
        <message>
            <source>&amp;Installed</source>
            <translation>&amp;Installiert</translation>
        </message>
        <message>
            <source>Model manager sections</source>
            <translation>Bereiche der Modellverwaltung</translation>
        </message>
        <message>
            <source>Model manager status</source>
            <translation>Status der Modellverwaltung</translation>
        </message>
        <message>
            <source>Any licence</source>
            <translation>Alle Lizenzen</translation>
        </message>
        <message>
            <source>Licence filter</source>
            <translation>Lizenzfilter</translation>
        </message>
        <message>
            <source>Any size</source>
            <translation>Alle Größen</translation>
        </message>
        <message>
            <source>Size filter</source>
            <translation>Größenfilter</translation>
        </message>
        <message>
            <source>Any specialization</source>
            <translation>Alle Spezialisierungen</translation>
        </message>
        <message>
            <source>Specialization filter</source>
            <translation>Spezialisierungsfilter</translation>
        </message>
        <message>
            <source>Any training</source>
            <translation>Alle Trainingsarten</translation>
        </message>
        <message>
            <source>Training filter</source>
            <translation>Trainingsfilter</translation>
        </message>
        <message>
            <source>Which model should I use? &amp;For:</source>
            <translation>Welches Modell soll ich verwenden? &amp;Für:</translation>
        </message>
        <message>
            <source>Which model should I use? For:</source>
            <translation>Welches Modell soll ich verwenden? Für:</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>Empfehlung</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>Size class</source>
            <translation>Größenklasse</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>Lizenz</translation>
        </message>
        <message>
            <source>Specialization</source>
            <translation>Spezialisierung</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>Quantization</source>
            <translation>Quantisierung</translation>
        </message>
        <message>
            <source>Download size</source>
            <translation>Downloadgröße</translation>
        </message>
        <message>
            <source>Fits this machine?</source>
            <translation>Passt zu diesem Computer?</translation>
        </message>
        <message>
            <source>Model catalog</source>
            <translation>Modellkatalog</translation>
        </message>
        <message>
            <source>Download selected</source>
            <translation>Auswahl herunterladen</translation>
        </message>
        <message>
            <source>commercial OK</source>
            <translation>kommerziell erlaubt</translation>
        </message>
        <message>
            <source>commercial with terms</source>
            <translation>kommerziell mit Auflagen</translation>
        </message>
        <message>
            <source>commercial restricted</source>
            <translation>kommerziell eingeschränkt</translation>
        </message>
        <message>
            <source>Quantization of {model}</source>
            <translation>Quantisierung von {model}</translation>
        </message>
        <message>
            <source>{status} ({size} GiB at {n} tokens)</source>
            <translation>{status} ({size} GiB bei {n} Tokens)</translation>
        </message>
        <message>
            <source>Search GGUF models on Hugging Face (e.g. qwen2 gguf)</source>
            <translation>GGUF-Modelle auf Hugging Face suchen (z. B. qwen2 gguf)</translation>
        </message>
        <message>
            <source>Search Hugging Face</source>
            <translation>Hugging Face durchsuchen</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Suchen</translation>
        </message>
        <message>
            <source>Hugging Face token…</source>
            <translation>Token für Hugging Face…</translation>
        </message>
        <message>
            <source>Repositories found</source>
            <translation>Gefundene Repositorys</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>GGUF files in the repository</source>
            <translation>GGUF-Dateien im Repository</translation>
        </message>
        <message>
            <source>Download selected file</source>
            <translation>Ausgewählte Datei herunterladen</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Wird gesucht…</translation>
        </message>
        <message numerus="yes">
            <source>{repo}  ·  %Ln download(s)</source>
            <translation>
                <numerusform>{repo}  ·  %Ln Download</numerusform>
                <numerusform>{repo}  ·  %Ln Downloads</numerusform>
            </translation>
        </message>
        <message>
            <source>{repo}  ·  gated</source>
            <translation>{repo}  ·  zugangsbeschränkt</translation>
        </message>
        <message numerus="yes">
            <source>%n repositories found</source>
            <translation>
                <numerusform>%n Repository gefunden</numerusform>
                <numerusform>%n Repositorys gefunden</numerusform>
            </translation>
        </message>
        <message>
            <source>No GGUF repositories found</source>
            <translation>Keine GGUF-Repositorys gefunden</translation>
        </message>
        <message numerus="yes">
            <source>%n GGUF file(s)</source>
            <translation>
                <numerusform>%n GGUF-Datei</numerusform>
                <numerusform>%n GGUF-Dateien</numerusform>
            </translation>
        </message>
        <message>
            <source>Hugging Face token</source>
            <translation>Token für Hugging Face</translation>
        </message>
        <message>
            <source>Token (kept in the system keyring only):</source>
            <translation>Token (nur im Schlüsselbund des Systems gespeichert):</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Fortschritt</translation>
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
            <translation>Anhalten</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Fortsetzen</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Download of {file}</source>
            <translation>Download von {file}</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>In Warteschlange</translation>
        </message>
        <message>
            <source>Failed: {message}</source>
            <translation>Fehlgeschlagen: {message}</translation>
        </message>
        <message>
            <source>{paused} (Resume to continue)</source>
            <translation>{paused} (mit „Fortsetzen“ weitermachen)</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <source>Paused at {done} / {total}</source>
            <translation>Angehalten bei {done} / {total}</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Fertig</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <source>Verifying sha256…</source>
            <translation>sha256 wird geprüft…</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>Wird gestartet…</translation>
        </message>
        <message>
            <source>Reconnecting…</source>
            <translation>Verbindung wird wiederhergestellt…</translation>
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
            <translation>{progress} · noch {seconds} s</translation>
        </message>
        <message>
            <source>Done: installed as {model}</source>
            <translation>Fertig: installiert als {model}</translation>
        </message>
        <message>
            <source>Cancelled (partial file deleted)</source>
            <translation>Abgebrochen (Teildatei gelöscht)</translation>
        </message>
        <message>
            <source>Download failed: {message}</source>
            <translation>Download fehlgeschlagen: {message}</translation>
        </message>
        <message>
            <source>Download finished: {model} is installed.</source>
            <translation>Download abgeschlossen: {model} ist installiert.</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>Size on disk</source>
            <translation>Größe auf dem Datenträger</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Quelle</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>Standard</translation>
        </message>
        <message>
            <source>Installed models</source>
            <translation>Installierte Modelle</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Löschen…</translation>
        </message>
        <message>
            <source>Show in folder</source>
            <translation>Im Ordner anzeigen</translation>
        </message>
        <message>
            <source>Set as default</source>
            <translation>Als Standard festlegen</translation>
        </message>
        <message>
            <source>Import GGUF…</source>
            <translation>GGUF importieren…</translation>
        </message>
        <message>
            <source>default model</source>
            <translation>Standardmodell</translation>
        </message>
        <message>
            <source>not default</source>
            <translation>nicht Standard</translation>
        </message>
        <message>
            <source>Delete model</source>
            <translation>Modell löschen</translation>
        </message>
        <message>
            <source>Delete {model} and its file from disk?</source>
            <translation>{model} und seine Datei vom Datenträger löschen?</translation>
        </message>
        <message>
            <source>Imported {name} as {id}</source>
            <translation>{name} als {id} importiert</translation>
        </message>
        <message>
            <source>Import a GGUF model</source>
            <translation>GGUF-Modell importieren</translation>
        </message>
        <message>
            <source>GGUF models (*.gguf)</source>
            <translation>GGUF-Modelle (*.gguf)</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importieren</translation>
        </message>
        <message>
            <source>Copy the file into Wren's models folder?
(No = use it where it is)</source>
            <translation>Die Datei in den Modellordner von Wren kopieren?
(Nein = an ihrem Ort verwenden)</translation>
        </message>
    </context>
    <context>
        <name>OverflowBanner</name>
        <message>
            <source>Continue in a new chat with a summary</source>
            <translation>In einem neuen Chat mit Zusammenfassung fortfahren</translation>
        </message>
        <message>
            <source>Continue in a new conversation carrying a summary</source>
            <translation>In einer neuen Unterhaltung mit einer Zusammenfassung fortfahren</translation>
        </message>
        <message>
            <source>Drop oldest turns</source>
            <translation>Älteste Beiträge entfernen</translation>
        </message>
        <message>
            <source>Drop the oldest turns, keep the system prompt</source>
            <translation>Die ältesten Beiträge entfernen, den Systemprompt behalten</translation>
        </message>
        <message>
            <source>&lt;b&gt;This conversation no longer fits the model's memory.&lt;/b&gt;</source>
            <translation>&lt;b&gt;Diese Unterhaltung passt nicht mehr in den Speicher des Modells.&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;This conversation fills {percent}% of the model's context&lt;/b&gt; ({used} of {limit} tokens).</source>
            <translation>&lt;b&gt;Diese Unterhaltung füllt {percent} % des Kontexts des Modells&lt;/b&gt; ({used} von {limit} Tokens).</translation>
        </message>
        <message>
            <source>{head} Older text would otherwise be cut off. Default: continue in a new conversation carrying a summary; or drop the oldest turns (the system prompt is kept).</source>
            <translation>{head} Älterer Text würde sonst abgeschnitten. Standard: in einer neuen Unterhaltung mit einer Zusammenfassung fortfahren; oder die ältesten Beiträge entfernen (der Systemprompt bleibt erhalten).</translation>
        </message>
    </context>
    <context>
        <name>PageView</name>
        <message>
            <source>Document page</source>
            <translation>Dokumentseite</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Short: a few sentences</source>
            <translation>Kurz: einige Sätze</translation>
        </message>
        <message>
            <source>Medium: a paragraph or two</source>
            <translation>Mittel: ein oder zwei Absätze</translation>
        </message>
        <message>
            <source>Detailed: every main point</source>
            <translation>Ausführlich: alle Hauptpunkte</translation>
        </message>
        <message>
            <source>The new language is used when Wren starts again.</source>
            <translation>Die neue Sprache wird beim nächsten Start von Wren verwendet.</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <source>Language of the window</source>
            <translation>Sprache der Oberfläche</translation>
        </message>
        <message>
            <source>System language ({language})</source>
            <translation>Systemsprache ({language})</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Sprache</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Dokumente</translation>
        </message>
        <message>
            <source>Summary length</source>
            <translation>Länge der Zusammenfassung</translation>
        </message>
        <message>
            <source>Summary &amp;length</source>
            <translation>&amp;Länge der Zusammenfassung</translation>
        </message>
        <message>
            <source>Disk space for saved document readings</source>
            <translation>Speicherplatz für gespeicherte Einlesungen von Dokumenten</translation>
        </message>
        <message>
            <source> MB</source>
            <translation> MB</translation>
        </message>
        <message>
            <source>Don't keep readings</source>
            <translation>Einlesungen nicht behalten</translation>
        </message>
        <message>
            <source>A document's reading is kept on disk so that follow-up questions are answered at once, even after a restart. The oldest readings are removed beyond this size.</source>
            <translation>Die Einlesung eines Dokuments wird auf dem Datenträger gespeichert, damit Folgefragen sofort beantwortet werden, auch nach einem Neustart. Über diese Größe hinaus werden die ältesten Einlesungen entfernt.</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Leeren</translation>
        </message>
        <message>
            <source>Clear saved document readings</source>
            <translation>Gespeicherte Einlesungen von Dokumenten löschen</translation>
        </message>
        <message>
            <source>Saved &amp;readings</source>
            <translation>Gespeicherte &amp;Einlesungen</translation>
        </message>
        <message>
            <source>Saved readings in use</source>
            <translation>Belegung durch gespeicherte Einlesungen</translation>
        </message>
        <message>
            <source>Local API server (File → Local API server)</source>
            <translation>Lokaler API-Server (Datei → Lokaler API-Server)</translation>
        </message>
        <message>
            <source>API server port</source>
            <translation>Port des API-Servers</translation>
        </message>
        <message>
            <source>Any free port</source>
            <translation>Beliebiger freier Port</translation>
        </message>
        <message>
            <source>&amp;Port on 127.0.0.1</source>
            <translation>&amp;Port auf 127.0.0.1</translation>
        </message>
        <message>
            <source>Keep API conversations in the history</source>
            <translation>API-Unterhaltungen im Verlauf behalten</translation>
        </message>
        <message>
            <source>GPU</source>
            <translation>GPU</translation>
        </message>
        <message>
            <source>GPU memory Wren may use</source>
            <translation>GPU-Speicher, den Wren nutzen darf</translation>
        </message>
        <message>
            <source> GB</source>
            <translation> GB</translation>
        </message>
        <message>
            <source>All free memory</source>
            <translation>Gesamter freier Speicher</translation>
        </message>
        <message>
            <source>Wren plans how much of a model goes to the GPU from its free memory, less a safety margin of 512 MB. Set a limit to keep room for other programs (games, video, other models).</source>
            <translation>Wren plant anhand des freien Speichers, wie viel eines Modells auf die GPU kommt, abzüglich einer Sicherheitsreserve von 512 MB. Legen Sie ein Limit fest, um Platz für andere Programme zu lassen (Spiele, Video, andere Modelle).</translation>
        </message>
        <message numerus="yes">
            <source>{size} in use by %n saved reading(s)</source>
            <translation>
                <numerusform>{size} belegt durch %n gespeicherte Einlesung</numerusform>
                <numerusform>{size} belegt durch %n gespeicherte Einlesungen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReplyWords</name>
        <message numerus="yes">
            <source>%Ln token(s)</source>
            <translation>
                <numerusform>%Ln Token</numerusform>
                <numerusform>%Ln Tokens</numerusform>
            </translation>
        </message>
        <message>
            <source>{tokens} · {rate} tok/s</source>
            <translation>{tokens} · {rate} Tok./s</translation>
        </message>
    </context>
    <context>
        <name>SearchDialog</name>
        <message>
            <source>You</source>
            <translation>Sie</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>Assistent</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Dokument</translation>
        </message>
        <message>
            <source>System</source>
            <translation>System</translation>
        </message>
        <message>
            <source>Conversation title</source>
            <translation>Titel der Unterhaltung</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>Ohne Titel</translation>
        </message>
        <message>
            <source>Search conversations</source>
            <translation>Unterhaltungen durchsuchen</translation>
        </message>
        <message>
            <source>Search all chats: words, "a phrase", prefix*</source>
            <translation>Alle Chats durchsuchen: Wörter, "eine Wortgruppe", Präfix*</translation>
        </message>
        <message>
            <source>Search all conversations</source>
            <translation>Alle Unterhaltungen durchsuchen</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>Suchergebnisse</translation>
        </message>
        <message>
            <source>Type to search.</source>
            <translation>Geben Sie einen Suchbegriff ein.</translation>
        </message>
        <message>
            <source>Search status</source>
            <translation>Suchstatus</translation>
        </message>
        <message>
            <source>No words to search for.</source>
            <translation>Keine Wörter zum Suchen.</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Wird gesucht…</translation>
        </message>
        <message numerus="yes">
            <source>%n+ result(s) ({ms} ms)</source>
            <translation>
                <numerusform>%n+ Ergebnis ({ms} ms)</numerusform>
                <numerusform>%n+ Ergebnisse ({ms} ms)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n result(s) ({ms} ms)</source>
            <translation>
                <numerusform>%n Ergebnis ({ms} ms)</numerusform>
                <numerusform>%n Ergebnisse ({ms} ms)</numerusform>
            </translation>
        </message>
        <message>
            <source>No results.</source>
            <translation>Keine Ergebnisse.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Precise</source>
            <translation>Präzise</translation>
        </message>
        <message>
            <source>Balanced</source>
            <translation>Ausgewogen</translation>
        </message>
        <message>
            <source>Creative</source>
            <translation>Kreativ</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Benutzerdefiniert</translation>
        </message>
        <message>
            <source>Conversation settings</source>
            <translation>Unterhaltungseinstellungen</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>Voreinstellung</translation>
        </message>
        <message>
            <source>New preset name</source>
            <translation>Name der neuen Voreinstellung</translation>
        </message>
        <message>
            <source>Save preset</source>
            <translation>Voreinstellung speichern</translation>
        </message>
        <message>
            <source>Save these settings as a preset</source>
            <translation>Diese Einstellungen als Voreinstellung speichern</translation>
        </message>
        <message>
            <source>&amp;Preset</source>
            <translation>&amp;Voreinstellung</translation>
        </message>
        <message>
            <source>System prompt</source>
            <translation>Systemprompt</translation>
        </message>
        <message>
            <source>Optional instructions the model follows in this conversation</source>
            <translation>Optionale Anweisungen, die das Modell in dieser Unterhaltung befolgt</translation>
        </message>
        <message>
            <source>S&amp;ystem prompt</source>
            <translation>S&amp;ystemprompt</translation>
        </message>
        <message>
            <source>Temperature</source>
            <translation>Temperatur</translation>
        </message>
        <message>
            <source>&amp;Temperature</source>
            <translation>&amp;Temperatur</translation>
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
            <translation> Tokens</translation>
        </message>
        <message>
            <source>Maximum reply length</source>
            <translation>Maximale Antwortlänge</translation>
        </message>
        <message>
            <source>&amp;Max reply length</source>
            <translation>&amp;Maximale Antwortlänge</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>Automatisch</translation>
        </message>
        <message>
            <source>Context size</source>
            <translation>Kontextgröße</translation>
        </message>
        <message>
            <source>Memory the context needs</source>
            <translation>Speicherbedarf des Kontexts</translation>
        </message>
        <message>
            <source>&amp;Context size</source>
            <translation>&amp;Kontextgröße</translation>
        </message>
        <message>
            <source>GPU use</source>
            <translation>GPU-Nutzung</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>Aus</translation>
        </message>
        <message>
            <source>Layers:</source>
            <translation>Schichten:</translation>
        </message>
        <message>
            <source>Automatic puts as much of the model on the GPU as its free memory allows (within the limit set in Preferences). Off runs on the CPU only.</source>
            <translation>„Automatisch“ legt so viel vom Modell auf die GPU, wie deren freier Speicher zulässt (innerhalb des in den Einstellungen festgelegten Limits). „Aus“ nutzt nur die CPU.</translation>
        </message>
        <message>
            <source> layers</source>
            <translation> Schichten</translation>
        </message>
        <message>
            <source>GPU offload layers</source>
            <translation>Auf die GPU ausgelagerte Schichten</translation>
        </message>
        <message>
            <source>&amp;GPU</source>
            <translation>&amp;GPU</translation>
        </message>
        <message>
            <source>Automatic (faster where the reply repeats the text)</source>
            <translation>Automatisch (schneller, wenn die Antwort den Text wiederholt)</translation>
        </message>
        <message>
            <source>Lookup decoding</source>
            <translation>Lookup-Decoding</translation>
        </message>
        <message>
            <source>Guesses the next words from the document and the conversation and checks the guess in one step. The reply is the same; summaries and questions about a document come faster.</source>
            <translation>Errät die nächsten Wörter aus dem Dokument und der Unterhaltung und prüft die Vermutung in einem Schritt. Die Antwort bleibt gleich; Zusammenfassungen und Fragen zu einem Dokument werden schneller beantwortet.</translation>
        </message>
        <message>
            <source>Give the preset a new name</source>
            <translation>Geben Sie der Voreinstellung einen neuen Namen</translation>
        </message>
        <message>
            <source>chosen from the model and free memory</source>
            <translation>anhand des Modells und des freien Speichers gewählt</translation>
        </message>
        <message>
            <source>≈ {size} of RAM</source>
            <translation>≈ {size} RAM</translation>
        </message>
    </context>
    <context>
        <name>SystemDialog</name>
        <message>
            <source>This computer</source>
            <translation>Dieser Computer</translation>
        </message>
        <message>
            <source>CPU, memory and GPUs Wren can use</source>
            <translation>CPU, Arbeitsspeicher und GPUs, die Wren nutzen kann</translation>
        </message>
        <message>
            <source>Looking at this computer…</source>
            <translation>Dieser Computer wird untersucht…</translation>
        </message>
    </context>
    <context>
        <name>Wren</name>
        <message>
            <source>Wren cannot start</source>
            <translation>Wren kann nicht starten</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <source>Open a conversation to export it.</source>
            <translation>Öffnen Sie eine Unterhaltung, um sie zu exportieren.</translation>
        </message>
        <message>
            <source>Export conversation</source>
            <translation>Unterhaltung exportieren</translation>
        </message>
        <message>
            <source>Export failed: {why}</source>
            <translation>Export fehlgeschlagen: {why}</translation>
        </message>
        <message>
            <source>Exported to {path}</source>
            <translation>Exportiert nach {path}</translation>
        </message>
    </context>
</TS>
