<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>&lt;p&gt;Offline chat with small language models, running on this computer through llama.cpp. Wren is released under the MIT licence.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Discussion hors ligne avec de petits modèles de langage, exécutés sur cet ordinateur grâce à llama.cpp. Wren est distribué sous licence MIT.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Loaded model:&lt;/b&gt; {name} — licence: {licence}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Modèle chargé :&lt;/b&gt; {name} — licence : {licence}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>not stated in the file (see its model card)</source>
            <translation>non indiquée dans le fichier (voir la fiche du modèle)</translation>
        </message>
        <message>
            <source>&lt;p&gt;(The licence list THIRD-PARTY.md is missing from this build.)&lt;/p&gt;</source>
            <translation>&lt;p&gt;(La liste des licences THIRD-PARTY.md est absente de cette version.)&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About Wren</source>
            <translation>À propos de Wren</translation>
        </message>
        <message>
            <source>About Wren and licences</source>
            <translation>À propos de Wren et licences</translation>
        </message>
    </context>
    <context>
        <name>BatchController</name>
        <message>
            <source>Saved %1 summaries to %2</source>
            <translation>%1 résumés enregistrés dans %2</translation>
        </message>
        <message>
            <source>Writing the summary…</source>
            <translation>Rédaction du résumé…</translation>
        </message>
        <message>
            <source>, about %1 left</source>
            <translation>, encore environ %1</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Lecture…</translation>
        </message>
    </context>
    <context>
        <name>BatchPanel</name>
        <message>
            <source>Document queue</source>
            <translation>File d’attente de documents</translation>
        </message>
        <message>
            <source>&lt;b&gt;Document queue&lt;/b&gt;</source>
            <translation>&lt;b&gt;File d’attente de documents&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Save summaries to…</source>
            <translation>Enregistrer les résumés dans…</translation>
        </message>
        <message>
            <source>Save summaries to a folder</source>
            <translation>Enregistrer les résumés dans un dossier</translation>
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
            <translation>Format de fichier des résumés enregistrés</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Close the document queue</source>
            <translation>Fermer la file d’attente de documents</translation>
        </message>
        <message>
            <source>Overall progress</source>
            <translation>Progression globale</translation>
        </message>
        <message>
            <source>Overall progress and time left</source>
            <translation>Progression globale et temps restant</translation>
        </message>
        <message>
            <source>All done: %1 of %2 summarized</source>
            <translation>Terminé : %1 résumés sur %2</translation>
        </message>
        <message>
            <source>%1 of %2 documents</source>
            <translation>%1 documents sur %2</translation>
        </message>
        <message>
            <source>, about %1 left</source>
            <translation>, encore environ %1</translation>
        </message>
        <message>
            <source> · %1 could not be read</source>
            <translation> · illisibles : %1</translation>
        </message>
        <message>
            <source> · saving to %1</source>
            <translation> · enregistrement dans %1</translation>
        </message>
        <message>
            <source>Save summaries to</source>
            <translation>Enregistrer les résumés dans</translation>
        </message>
    </context>
    <context>
        <name>BatchRow</name>
        <message>
            <source>Waiting</source>
            <translation>En attente</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Lecture…</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>En pause</translation>
        </message>
        <message>
            <source>Summary ready</source>
            <translation>Résumé prêt</translation>
        </message>
        <message>
            <source>Could not be read</source>
            <translation>Lecture impossible</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Annulé</translation>
        </message>
        <message>
            <source>Not a document Wren reads</source>
            <translation>Format non pris en charge par Wren</translation>
        </message>
        <message>
            <source>Document %1</source>
            <translation>Document %1</translation>
        </message>
        <message>
            <source>State of %1</source>
            <translation>État de %1</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Suspendre</translation>
        </message>
        <message>
            <source>Pause %1</source>
            <translation>Suspendre %1</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Cancel %1</source>
            <translation>Annuler %1</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Ouvrir</translation>
        </message>
        <message>
            <source>Open the summary of %1</source>
            <translation>Ouvrir le résumé de %1</translation>
        </message>
        <message>
            <source>Progress of %1</source>
            <translation>Progression de %1</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Reprendre</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>saved as %1</source>
            <translation>enregistré sous %1</translation>
        </message>
        <message>
            <source>Paused: it starts again from the beginning when resumed (pages already read by OCR are kept)</source>
            <translation>En pause : la lecture recommencera depuis le début à la reprise (les pages déjà lues par OCR sont conservées)</translation>
        </message>
    </context>
    <context>
        <name>ChatPane</name>
        <message>
            <source>Notice</source>
            <translation>Avis</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Envoyer</translation>
        </message>
        <message>
            <source>Send message</source>
            <translation>Envoyer le message</translation>
        </message>
        <message>
            <source>Send (Enter)</source>
            <translation>Envoyer (Enter)</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Arrêter</translation>
        </message>
        <message>
            <source>Stop generating</source>
            <translation>Arrêter la génération</translation>
        </message>
        <message>
            <source>Stop (Esc)</source>
            <translation>Arrêter (Esc)</translation>
        </message>
    </context>
    <context>
        <name>ChatView</name>
        <message>
            <source>Conversation</source>
            <translation>Conversation</translation>
        </message>
    </context>
    <context>
        <name>Composer</name>
        <message>
            <source>Message Wren…  (Enter sends, Shift+Enter for a new line)</source>
            <translation>Écrire à Wren…  (Enter pour envoyer, Shift+Enter pour aller à la ligne)</translation>
        </message>
        <message>
            <source>Message input</source>
            <translation>Saisie du message</translation>
        </message>
        <message>
            <source>Enter sends, Shift+Enter starts a new line, Esc stops a reply</source>
            <translation>Enter envoie, Shift+Enter insère un saut de ligne, Esc interrompt une réponse</translation>
        </message>
    </context>
    <context>
        <name>ConversationList</name>
        <message>
            <source>New chat</source>
            <translation>Nouvelle conversation</translation>
        </message>
        <message>
            <source>New chat (Ctrl+N)</source>
            <translation>Nouvelle conversation (Ctrl+N)</translation>
        </message>
        <message>
            <source>Conversations</source>
            <translation>Conversations</translation>
        </message>
        <message>
            <source>F2 renames, Delete deletes, the menu key opens more actions</source>
            <translation>F2 pour renommer, Delete pour supprimer, la touche Menu ouvre d’autres actions</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>Renommer</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Exporter…</translation>
        </message>
    </context>
    <context>
        <name>DocumentCard</name>
        <message>
            <source>Reading the file…</source>
            <translation>Lecture du fichier…</translation>
        </message>
        <message>
            <source>Reading {name}</source>
            <translation>Lecture de {name}</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Cancel reading {name}</source>
            <translation>Annuler la lecture de {name}</translation>
        </message>
        <message>
            <source>Status of {name}</source>
            <translation>État de {name}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln page(s)</source>
            <translation>
                <numerusform>%Ln page</numerusform>
                <numerusform>%Ln pages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln token(s)</source>
            <translation>
                <numerusform>%Ln jeton</numerusform>
                <numerusform>%Ln jetons</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln character(s)</source>
            <translation>
                <numerusform>%Ln caractère</numerusform>
                <numerusform>%Ln caractères</numerusform>
            </translation>
        </message>
        <message>
            <source>{step}: {done}/{total} tokens, {rate} tok/s</source>
            <translation>{step} : {done}/{total} jetons, {rate} tok/s</translation>
        </message>
        <message>
            <source>{step}: {done}/{total} pages</source>
            <translation>{step} : {done}/{total} pages</translation>
        </message>
        <message>
            <source>{progress}, about {seconds} s left</source>
            <translation>{progress}, encore environ {seconds} s</translation>
        </message>
        <message>
            <source>Summary ready ({mode}, {seconds} s)</source>
            <translation>Résumé prêt ({mode}, {seconds} s)</translation>
        </message>
    </context>
    <context>
        <name>DocumentDropArea</name>
        <message>
            <source>Documents ({patterns})</source>
            <translation>Documents ({patterns})</translation>
        </message>
    </context>
    <context>
        <name>DocumentJobs</name>
        <message numerus="yes">
            <source>Reading %n document(s)…</source>
            <translation>
                <numerusform>Lecture de %n document…</numerusform>
                <numerusform>Lecture de %n documents…</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DocumentPane</name>
        <message>
            <source>Document pane</source>
            <translation>Volet du document</translation>
        </message>
        <message>
            <source>Document name</source>
            <translation>Nom du document</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>Page précédente</translation>
        </message>
        <message>
            <source>Page number</source>
            <translation>Numéro de page</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>Page suivante</translation>
        </message>
        <message>
            <source>Close the document pane</source>
            <translation>Fermer le volet du document</translation>
        </message>
        <message>
            <source>Citation check</source>
            <translation>Vérification de la citation</translation>
        </message>
        <message>
            <source>Page view</source>
            <translation>Vue de la page</translation>
        </message>
        <message>
            <source>Section text</source>
            <translation>Texte de la section</translation>
        </message>
        <message>
            <source>Document pane status</source>
            <translation>État du volet du document</translation>
        </message>
        <message>
            <source>✓ Supported: {pct}% of the sentence's words are on {where}.</source>
            <translation>✓ Étayée par {where} : {pct} % des mots de la phrase y figurent.</translation>
        </message>
        <message>
            <source>its words are not found there</source>
            <translation>ses mots n’y figurent pas</translation>
        </message>
        <message>
            <source>⚠ Not supported by {where}: {why}.</source>
            <translation>⚠ Non étayée par {where} : {why}.</translation>
        </message>
        <message>
            <source>The model cited this page.</source>
            <translation>Le modèle a cité cette page.</translation>
        </message>
        <message>
            <source>The model cited no page: Wren chose the best match.</source>
            <translation>Le modèle n’a cité aucune page : Wren a choisi la meilleure correspondance.</translation>
        </message>
        <message>
            <source>Page {n} of {total}</source>
            <translation>Page {n} sur {total}</translation>
        </message>
        <message>
            <source>Rendering…</source>
            <translation>Rendu en cours…</translation>
        </message>
        <message>
            <source>The supporting passage is highlighted.</source>
            <translation>Le passage justificatif est surligné.</translation>
        </message>
        <message>
            <source>The passage could not be located on this page.</source>
            <translation>Le passage est introuvable sur cette page.</translation>
        </message>
        <message>
            <source>The passage could not be located in this section.</source>
            <translation>Le passage est introuvable dans cette section.</translation>
        </message>
    </context>
    <context>
        <name>EditDialog</name>
        <message>
            <source>Edit message</source>
            <translation>Modifier le message</translation>
        </message>
        <message>
            <source>Edit your message. Everything after it will be written again.</source>
            <translation>Modifiez votre message. Tout ce qui le suit sera réécrit.</translation>
        </message>
        <message>
            <source>Edited message</source>
            <translation>Message modifié</translation>
        </message>
        <message>
            <source>Send again</source>
            <translation>Renvoyer</translation>
        </message>
    </context>
    <context>
        <name>EnginesDialog</name>
        <message>
            <source>Remote engines</source>
            <translation>Moteurs distants</translation>
        </message>
        <message>
            <source>Engines</source>
            <translation>Moteurs</translation>
        </message>
        <message>
            <source>http://192.168.1.20:8000  (vLLM, Ollama :11434, llama.cpp :8080)</source>
            <translation>http://192.168.1.20:8000  (vLLM, Ollama :11434, llama.cpp :8080)</translation>
        </message>
        <message>
            <source>optional; kept in the system keyring</source>
            <translation>facultative ; conservée dans le trousseau du système</translation>
        </message>
        <message>
            <source>Engine status</source>
            <translation>État du moteur</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Ajouter</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Tester la connexion</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Nom</translation>
        </message>
        <message>
            <source>A&amp;ddress</source>
            <translation>&amp;Adresse</translation>
        </message>
        <message>
            <source>API &amp;key</source>
            <translation>&amp;Clé API</translation>
        </message>
        <message>
            <source>&amp;Engines</source>
            <translation>&amp;Moteurs</translation>
        </message>
        <message>
            <source>  (key)</source>
            <translation>  (clé)</translation>
        </message>
        <message>
            <source>Added {name}.</source>
            <translation>{name} ajouté.</translation>
        </message>
        <message>
            <source>Select an engine to remove.</source>
            <translation>Sélectionnez un moteur à supprimer.</translation>
        </message>
        <message>
            <source>Removed {name}.</source>
            <translation>{name} supprimé.</translation>
        </message>
        <message>
            <source>new engine</source>
            <translation>nouveau moteur</translation>
        </message>
        <message>
            <source>Type an address or select an engine to test.</source>
            <translation>Saisissez une adresse ou sélectionnez un moteur à tester.</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>Test en cours…</translation>
        </message>
        <message>
            <source>no models</source>
            <translation>aucun modèle</translation>
        </message>
        <message numerus="yes">
            <source>{names} and %n more</source>
            <translation>
                <numerusform>{names} et %n autre</numerusform>
                <numerusform>{names} et %n autres</numerusform>
            </translation>
        </message>
        <message>
            <source>Connected: {names}</source>
            <translation>Connecté : {names}</translation>
        </message>
    </context>
    <context>
        <name>InferenceWorker</name>
        <message>
            <source>No model is loaded yet</source>
            <translation>Aucun modèle n’est encore chargé</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Annulé</translation>
        </message>
        <message>
            <source>Load a local model first: documents are read on this computer</source>
            <translation>Chargez d’abord un modèle local : les documents sont lus sur cet ordinateur</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Ready</source>
            <translation>Prêt</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Undo delete</source>
            <translation>Annuler la suppression</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progression</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Wren&lt;/h2&gt;&lt;p&gt;Chat with a language model that runs on this computer.&lt;br&gt;Nothing you type leaves it.&lt;/p&gt;&lt;p&gt;Type a message below and press Enter.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Wren&lt;/h2&gt;&lt;p&gt;Discutez avec un modèle de langage qui s’exécute sur cet ordinateur.&lt;br&gt;Rien de ce que vous tapez n’en sort.&lt;/p&gt;&lt;p&gt;Tapez un message ci-dessous et appuyez sur Enter.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Welcome to Wren&lt;/h2&gt;&lt;p&gt;Chat with a language model that runs on this computer. Nothing you type leaves it.&lt;/p&gt;&lt;p&gt;The small starter model is quick but simple: &lt;b&gt;Models → Manage and download models…&lt;/b&gt; finds bigger ones that fit this computer.&lt;/p&gt;&lt;p&gt;Drop a document (PDF, DOCX, TXT, Markdown, HTML…) on this window, or press &lt;b&gt;Ctrl+O&lt;/b&gt;, to get a summary and ask questions about it.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Bienvenue dans Wren&lt;/h2&gt;&lt;p&gt;Discutez avec un modèle de langage qui s’exécute sur cet ordinateur. Rien de ce que vous tapez n’en sort.&lt;/p&gt;&lt;p&gt;Le petit modèle de démarrage est rapide mais simple : &lt;b&gt;Modèles → Gérer et télécharger des modèles…&lt;/b&gt; en trouve de plus puissants adaptés à cet ordinateur.&lt;/p&gt;&lt;p&gt;Déposez un document (PDF, DOCX, TXT, Markdown, HTML…) sur cette fenêtre, ou appuyez sur &lt;b&gt;Ctrl+O&lt;/b&gt;, pour en obtenir un résumé et poser des questions à son sujet.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>Bienvenue</translation>
        </message>
        <message>
            <source>Got it</source>
            <translation>J’ai compris</translation>
        </message>
        <message>
            <source>Dismiss welcome</source>
            <translation>Fermer le message de bienvenue</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>&amp;New chat</source>
            <translation>&amp;Nouvelle conversation</translation>
        </message>
        <message>
            <source>&amp;Attach document…</source>
            <translation>&amp;Joindre un document…</translation>
        </message>
        <message>
            <source>&amp;Import a GGUF model…</source>
            <translation>&amp;Importer un modèle GGUF…</translation>
        </message>
        <message>
            <source>Conversation &amp;settings…</source>
            <translation>Paramètres de la &amp;conversation…</translation>
        </message>
        <message>
            <source>Local &amp;API server</source>
            <translation>Serveur &amp;API local</translation>
        </message>
        <message>
            <source>Serve the loaded model to other programs on 127.0.0.1 (OpenAI-compatible)</source>
            <translation>Mettre le modèle chargé à disposition d’autres programmes sur 127.0.0.1 (compatible OpenAI)</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>&amp;Préférences…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>É&amp;dition</translation>
        </message>
        <message>
            <source>Copy last reply</source>
            <translation>Copier la dernière réponse</translation>
        </message>
        <message>
            <source>&amp;Search conversations…</source>
            <translation>&amp;Rechercher dans les conversations…</translation>
        </message>
        <message>
            <source>Focus message input</source>
            <translation>Aller à la saisie du message</translation>
        </message>
        <message>
            <source>Focus conversation list</source>
            <translation>Aller à la liste des conversations</translation>
        </message>
        <message>
            <source>Focus model picker</source>
            <translation>Aller au sélecteur de modèle</translation>
        </message>
        <message>
            <source>Read last message</source>
            <translation>Lire le dernier message</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>Zoom &amp;avant</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>Zoom a&amp;rrière</translation>
        </message>
        <message>
            <source>&amp;Actual size</source>
            <translation>&amp;Taille réelle</translation>
        </message>
        <message>
            <source>&amp;Chat</source>
            <translation>&amp;Conversation</translation>
        </message>
        <message>
            <source>S&amp;top</source>
            <translation>&amp;Arrêter</translation>
        </message>
        <message>
            <source>&amp;Regenerate last reply</source>
            <translation>&amp;Régénérer la dernière réponse</translation>
        </message>
        <message>
            <source>Re&amp;name conversation</source>
            <translation>Re&amp;nommer la conversation</translation>
        </message>
        <message>
            <source>&amp;Delete conversation</source>
            <translation>&amp;Supprimer la conversation</translation>
        </message>
        <message>
            <source>E&amp;xport conversation…</source>
            <translation>E&amp;xporter la conversation…</translation>
        </message>
        <message>
            <source>&amp;Models</source>
            <translation>&amp;Modèles</translation>
        </message>
        <message>
            <source>&amp;Manage and download models…</source>
            <translation>&amp;Gérer et télécharger des modèles…</translation>
        </message>
        <message>
            <source>&amp;Remote engines…</source>
            <translation>&amp;Moteurs distants…</translation>
        </message>
        <message>
            <source>Re&amp;fresh installed models</source>
            <translation>&amp;Actualiser les modèles installés</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Aid&amp;e</translation>
        </message>
        <message>
            <source>&amp;Welcome</source>
            <translation>&amp;Bienvenue</translation>
        </message>
        <message>
            <source>&amp;This computer…</source>
            <translation>&amp;Cet ordinateur…</translation>
        </message>
        <message>
            <source>&amp;About Wren</source>
            <translation>À &amp;propos de Wren</translation>
        </message>
        <message>
            <source>Text size {percent} %</source>
            <translation>Taille du texte {percent} %</translation>
        </message>
        <message>
            <source>{model} (remote: {engine})</source>
            <translation>{model} (distant : {engine})</translation>
        </message>
        <message>
            <source>Loading {name}…</source>
            <translation>Chargement de {name}…</translation>
        </message>
        <message>
            <source>{name} ready (loaded in {seconds} s)</source>
            <translation>{name} prêt (chargé en {seconds} s)</translation>
        </message>
        <message>
            <source>{name} is ready.</source>
            <translation>{name} est prêt.</translation>
        </message>
        <message>
            <source>Error: {message}</source>
            <translation>Erreur : {message}</translation>
        </message>
        <message>
            <source>{title} — Wren</source>
            <translation>{title} — Wren</translation>
        </message>
        <message>
            <source>Deleted “{title}”.</source>
            <translation>Conversation « {title} » supprimée.</translation>
        </message>
        <message>
            <source>Conversation restored.</source>
            <translation>Conversation restaurée.</translation>
        </message>
        <message>
            <source>The model is still loading: your message is kept, send it when it is ready.</source>
            <translation>Le modèle est encore en cours de chargement : votre message est conservé, envoyez-le quand il sera prêt.</translation>
        </message>
        <message>
            <source>Reading the conversation…</source>
            <translation>Lecture de la conversation…</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>Arrêt…</translation>
        </message>
        <message>
            <source>Writing…</source>
            <translation>Rédaction…</translation>
        </message>
        <message>
            <source>Reading the conversation… {percent}</source>
            <translation>Lecture de la conversation… {percent}</translation>
        </message>
        <message>
            <source>Writing… {rate} tokens/s</source>
            <translation>Rédaction… {rate} jetons/s</translation>
        </message>
        <message>
            <source>{tokens} at {rate} tokens/s</source>
            <translation>{tokens} à {rate} jetons/s</translation>
        </message>
        <message>
            <source>Stopped: {tokens}</source>
            <translation>Arrêté : {tokens}</translation>
        </message>
        <message>
            <source>Done: {tokens}</source>
            <translation>Terminé : {tokens}</translation>
        </message>
        <message>
            <source>{status}: {tokens}</source>
            <translation>{status} : {tokens}</translation>
        </message>
        <message>
            <source>Reply stopped. {text}</source>
            <translation>Réponse interrompue. {text}</translation>
        </message>
        <message>
            <source>Reply finished. {text}</source>
            <translation>Réponse terminée. {text}</translation>
        </message>
        <message numerus="yes">
            <source>Dropped %n older message(s); the system prompt is kept.</source>
            <translation>
                <numerusform>%n ancien message supprimé ; l’invite système est conservée.</numerusform>
                <numerusform>%n anciens messages supprimés ; l’invite système est conservée.</numerusform>
            </translation>
        </message>
        <message>
            <source>Summarizing this conversation for a new one…</source>
            <translation>Résumé de cette conversation pour en commencer une nouvelle…</translation>
        </message>
        <message>
            <source>{title} (continued)</source>
            <translation>{title} (suite)</translation>
        </message>
        <message>
            <source>Conversation</source>
            <translation>Conversation</translation>
        </message>
        <message>
            <source>Continued in a new conversation; the summary is in its system prompt.</source>
            <translation>Suite dans une nouvelle conversation ; le résumé figure dans son invite système.</translation>
        </message>
        <message>
            <source>The model is still loading: the documents will be read when it is ready.</source>
            <translation>Le modèle est encore en cours de chargement : les documents seront lus dès qu’il sera prêt.</translation>
        </message>
        <message>
            <source>Document {name}</source>
            <translation>Document {name}</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Annulation…</translation>
        </message>
        <message>
            <source>%1 documents in the queue</source>
            <translation>%1 documents dans la file d’attente</translation>
        </message>
        <message>
            <source>Resuming the document queue: %1 documents left</source>
            <translation>Reprise de la file d’attente : %1 documents restants</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Summary ready: ask questions about the document below.</source>
            <translation>Résumé prêt : posez vos questions sur le document ci-dessous.</translation>
        </message>
        <message>
            <source>Summary ready: {name}. Ask questions about the document below.</source>
            <translation>Résumé prêt : {name}. Posez vos questions sur le document ci-dessous.</translation>
        </message>
        <message>
            <source>The document of this summary is no longer stored.</source>
            <translation>Le document de ce résumé n’est plus conservé.</translation>
        </message>
        <message>
            <source>Attach documents</source>
            <translation>Joindre des documents</translation>
        </message>
        <message>
            <source>Import a GGUF model</source>
            <translation>Importer un modèle GGUF</translation>
        </message>
        <message>
            <source>GGUF models (*.gguf)</source>
            <translation>Modèles GGUF (*.gguf)</translation>
        </message>
        <message>
            <source>Importing {name}…</source>
            <translation>Importation de {name}…</translation>
        </message>
        <message>
            <source>the model</source>
            <translation>le modèle</translation>
        </message>
        <message>
            <source>Imported {name}: choose it in the model list.</source>
            <translation>{name} importé : choisissez-le dans la liste des modèles.</translation>
        </message>
        <message>
            <source>Local API server stopped.</source>
            <translation>Serveur API local arrêté.</translation>
        </message>
        <message>
            <source>The local API server needs a loaded local model.</source>
            <translation>Le serveur API local nécessite un modèle local chargé.</translation>
        </message>
        <message>
            <source>the API server could not start: {error}</source>
            <translation>le serveur API n’a pas pu démarrer : {error}</translation>
        </message>
        <message>
            <source>Local API server on {url}</source>
            <translation>Serveur API local sur {url}</translation>
        </message>
        <message>
            <source>API server busy</source>
            <translation>Serveur API occupé</translation>
        </message>
        <message>
            <source>API server idle</source>
            <translation>Serveur API inactif</translation>
        </message>
        <message>
            <source>Copied.</source>
            <translation>Copié.</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>Paramètres enregistrés.</translation>
        </message>
        <message>
            <source>Preferences saved.</source>
            <translation>Préférences enregistrées.</translation>
        </message>
    </context>
    <context>
        <name>MessageWidget</name>
        <message>
            <source>Copy</source>
            <translation>Copier</translation>
        </message>
        <message>
            <source>Copy this message</source>
            <translation>Copier ce message</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Modifier</translation>
        </message>
        <message>
            <source>Edit this message and run it again</source>
            <translation>Modifier ce message et le relancer</translation>
        </message>
        <message>
            <source>Regenerate</source>
            <translation>Régénérer</translation>
        </message>
        <message>
            <source>Write this reply again</source>
            <translation>Réécrire cette réponse</translation>
        </message>
        <message>
            <source>You</source>
            <translation>Vous</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>Assistant</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>System</source>
            <translation>Système</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>interrompu</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>échec</translation>
        </message>
        <message>
            <source>writing…</source>
            <translation>rédaction…</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>terminé</translation>
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
            <translation>{name}, suite</translation>
        </message>
        <message>
            <source>Message from {author}</source>
            <translation>Message de {author}</translation>
        </message>
        <message>
            <source>Copy code</source>
            <translation>Copier le code</translation>
        </message>
    </context>
    <context>
        <name>ModelBar</name>
        <message>
            <source>&amp;Model</source>
            <translation>&amp;Modèle</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modèle</translation>
        </message>
        <message>
            <source>Choose an installed model</source>
            <translation>Choisir un modèle installé</translation>
        </message>
        <message>
            <source>No model loaded</source>
            <translation>Aucun modèle chargé</translation>
        </message>
        <message>
            <source>Loaded model details</source>
            <translation>Détails du modèle chargé</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <source>Conversation settings</source>
            <translation>Paramètres de la conversation</translation>
        </message>
        <message>
            <source>Conversation settings (Ctrl+,)</source>
            <translation>Paramètres de la conversation (Ctrl+,)</translation>
        </message>
        <message>
            <source>Models…</source>
            <translation>Modèles…</translation>
        </message>
        <message>
            <source>Manage models</source>
            <translation>Gérer les modèles</translation>
        </message>
        <message>
            <source>Manage and download models (Ctrl+M)</source>
            <translation>Gérer et télécharger des modèles (Ctrl+M)</translation>
        </message>
        <message>
            <source>No model installed</source>
            <translation>Aucun modèle installé</translation>
        </message>
        <message>
            <source>Loading {name}…</source>
            <translation>Chargement de {name}…</translation>
        </message>
        <message>
            <source>context {n} tokens (max {max})</source>
            <translation>contexte de {n} jetons (max. {max})</translation>
        </message>
        <message>
            <source>context {n} tokens</source>
            <translation>contexte de {n} jetons</translation>
        </message>
    </context>
    <context>
        <name>ModelManagerDialog</name>
        <message>
            <source>unexpected error: {error}</source>
            <translation>erreur inattendue : {error}</translation>
        </message>
        <message>
            <source>Models</source>
            <translation>Modèles</translation>
        </message>
        <message>
            <source>&amp;Catalog</source>
            <translation>&amp;Catalogue</translation>
        </message>
        <message>
            <source>&amp;Search Hugging Face</source>
            <translation>&amp;Rechercher sur Hugging Face</translation>
        </message>
        <message>
            <source>&amp;Downloads</source>
            <translation>&amp;Téléchargements</translation>
        </message>
        <message>
            <source>&amp;Installed</source>
            <translation>&amp;Installés</translation>
        </message>
        <message>
            <source>Model manager sections</source>
            <translation>Sections du gestionnaire de modèles</translation>
        </message>
        <message>
            <source>Model manager status</source>
            <translation>État du gestionnaire de modèles</translation>
        </message>
        <message>
            <source>Any licence</source>
            <translation>Toutes les licences</translation>
        </message>
        <message>
            <source>Licence filter</source>
            <translation>Filtre de licence</translation>
        </message>
        <message>
            <source>Any size</source>
            <translation>Toutes les tailles</translation>
        </message>
        <message>
            <source>Size filter</source>
            <translation>Filtre de taille</translation>
        </message>
        <message>
            <source>Any specialization</source>
            <translation>Toutes les spécialisations</translation>
        </message>
        <message>
            <source>Specialization filter</source>
            <translation>Filtre de spécialisation</translation>
        </message>
        <message>
            <source>Any training</source>
            <translation>Tout type d’entraînement</translation>
        </message>
        <message>
            <source>Training filter</source>
            <translation>Filtre d’entraînement</translation>
        </message>
        <message>
            <source>Which model should I use? &amp;For:</source>
            <translation>Quel modèle utiliser ? &amp;Pour :</translation>
        </message>
        <message>
            <source>Which model should I use? For:</source>
            <translation>Quel modèle utiliser ? Pour :</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>Recommandation</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modèle</translation>
        </message>
        <message>
            <source>Size class</source>
            <translation>Classe de taille</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>Licence</translation>
        </message>
        <message>
            <source>Specialization</source>
            <translation>Spécialisation</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>Entraînement</translation>
        </message>
        <message>
            <source>Quantization</source>
            <translation>Quantification</translation>
        </message>
        <message>
            <source>Download size</source>
            <translation>Taille du téléchargement</translation>
        </message>
        <message>
            <source>Fits this machine?</source>
            <translation>Adapté à cette machine ?</translation>
        </message>
        <message>
            <source>Model catalog</source>
            <translation>Catalogue des modèles</translation>
        </message>
        <message>
            <source>Download selected</source>
            <translation>Télécharger la sélection</translation>
        </message>
        <message>
            <source>commercial OK</source>
            <translation>usage commercial autorisé</translation>
        </message>
        <message>
            <source>commercial with terms</source>
            <translation>usage commercial sous conditions</translation>
        </message>
        <message>
            <source>commercial restricted</source>
            <translation>usage commercial restreint</translation>
        </message>
        <message>
            <source>Quantization of {model}</source>
            <translation>Quantification de {model}</translation>
        </message>
        <message>
            <source>{status} ({size} GiB at {n} tokens)</source>
            <translation>{status} ({size} GiB pour {n} jetons)</translation>
        </message>
        <message>
            <source>Search GGUF models on Hugging Face (e.g. qwen2 gguf)</source>
            <translation>Rechercher des modèles GGUF sur Hugging Face (p. ex. qwen2 gguf)</translation>
        </message>
        <message>
            <source>Search Hugging Face</source>
            <translation>Rechercher sur Hugging Face</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Rechercher</translation>
        </message>
        <message>
            <source>Hugging Face token…</source>
            <translation>Jeton Hugging Face…</translation>
        </message>
        <message>
            <source>Repositories found</source>
            <translation>Dépôts trouvés</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <source>GGUF files in the repository</source>
            <translation>Fichiers GGUF du dépôt</translation>
        </message>
        <message>
            <source>Download selected file</source>
            <translation>Télécharger le fichier sélectionné</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Recherche…</translation>
        </message>
        <message numerus="yes">
            <source>{repo}  ·  %Ln download(s)</source>
            <translation>
                <numerusform>{repo}  ·  %Ln téléchargement</numerusform>
                <numerusform>{repo}  ·  %Ln téléchargements</numerusform>
            </translation>
        </message>
        <message>
            <source>{repo}  ·  gated</source>
            <translation>{repo}  ·  accès restreint</translation>
        </message>
        <message numerus="yes">
            <source>%n repositories found</source>
            <translation>
                <numerusform>%n dépôt trouvé</numerusform>
                <numerusform>%n dépôts trouvés</numerusform>
            </translation>
        </message>
        <message>
            <source>No GGUF repositories found</source>
            <translation>Aucun dépôt GGUF trouvé</translation>
        </message>
        <message numerus="yes">
            <source>%n GGUF file(s)</source>
            <translation>
                <numerusform>%n fichier GGUF</numerusform>
                <numerusform>%n fichiers GGUF</numerusform>
            </translation>
        </message>
        <message>
            <source>Hugging Face token</source>
            <translation>Jeton Hugging Face</translation>
        </message>
        <message>
            <source>Token (kept in the system keyring only):</source>
            <translation>Jeton (conservé uniquement dans le trousseau du système) :</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progression</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Downloads</source>
            <translation>Téléchargements</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Suspendre</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Reprendre</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Download of {file}</source>
            <translation>Téléchargement de {file}</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>En file d’attente</translation>
        </message>
        <message>
            <source>Failed: {message}</source>
            <translation>Échec : {message}</translation>
        </message>
        <message>
            <source>{paused} (Resume to continue)</source>
            <translation>{paused} (« Reprendre » pour continuer)</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Annulé</translation>
        </message>
        <message>
            <source>Paused at {done} / {total}</source>
            <translation>En pause à {done} / {total}</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Échec</translation>
        </message>
        <message>
            <source>Verifying sha256…</source>
            <translation>Vérification sha256…</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>Démarrage…</translation>
        </message>
        <message>
            <source>Reconnecting…</source>
            <translation>Reconnexion…</translation>
        </message>
        <message>
            <source>{status}: {message}</source>
            <translation>{status} : {message}</translation>
        </message>
        <message>
            <source>{done} / {total} · {speed}/s</source>
            <translation>{done} / {total} · {speed}/s</translation>
        </message>
        <message>
            <source>{progress} · {seconds} s left</source>
            <translation>{progress} · encore {seconds} s</translation>
        </message>
        <message>
            <source>Done: installed as {model}</source>
            <translation>Terminé : installé sous le nom {model}</translation>
        </message>
        <message>
            <source>Cancelled (partial file deleted)</source>
            <translation>Annulé (fichier partiel supprimé)</translation>
        </message>
        <message>
            <source>Download failed: {message}</source>
            <translation>Échec du téléchargement : {message}</translation>
        </message>
        <message>
            <source>Download finished: {model} is installed.</source>
            <translation>Téléchargement terminé : {model} est installé.</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>Size on disk</source>
            <translation>Taille sur le disque</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>Par défaut</translation>
        </message>
        <message>
            <source>Installed models</source>
            <translation>Modèles installés</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Supprimer…</translation>
        </message>
        <message>
            <source>Show in folder</source>
            <translation>Afficher dans le dossier</translation>
        </message>
        <message>
            <source>Set as default</source>
            <translation>Définir par défaut</translation>
        </message>
        <message>
            <source>Import GGUF…</source>
            <translation>Importer un GGUF…</translation>
        </message>
        <message>
            <source>default model</source>
            <translation>modèle par défaut</translation>
        </message>
        <message>
            <source>not default</source>
            <translation>pas par défaut</translation>
        </message>
        <message>
            <source>Delete model</source>
            <translation>Supprimer le modèle</translation>
        </message>
        <message>
            <source>Delete {model} and its file from disk?</source>
            <translation>Supprimer {model} et son fichier du disque ?</translation>
        </message>
        <message>
            <source>Imported {name} as {id}</source>
            <translation>{name} importé sous {id}</translation>
        </message>
        <message>
            <source>Import a GGUF model</source>
            <translation>Importer un modèle GGUF</translation>
        </message>
        <message>
            <source>GGUF models (*.gguf)</source>
            <translation>Modèles GGUF (*.gguf)</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importer</translation>
        </message>
        <message>
            <source>Copy the file into Wren's models folder?
(No = use it where it is)</source>
            <translation>Copier le fichier dans le dossier des modèles de Wren ?
(Non = l’utiliser à son emplacement actuel)</translation>
        </message>
    </context>
    <context>
        <name>OverflowBanner</name>
        <message>
            <source>Continue in a new chat with a summary</source>
            <translation>Continuer dans une nouvelle conversation avec un résumé</translation>
        </message>
        <message>
            <source>Continue in a new conversation carrying a summary</source>
            <translation>Continuer dans une nouvelle conversation reprenant un résumé</translation>
        </message>
        <message>
            <source>Drop oldest turns</source>
            <translation>Supprimer les plus anciens échanges</translation>
        </message>
        <message>
            <source>Drop the oldest turns, keep the system prompt</source>
            <translation>Supprimer les plus anciens échanges, conserver l’invite système</translation>
        </message>
        <message>
            <source>&lt;b&gt;This conversation no longer fits the model's memory.&lt;/b&gt;</source>
            <translation>&lt;b&gt;Cette conversation ne tient plus dans la mémoire du modèle.&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;This conversation fills {percent}% of the model's context&lt;/b&gt; ({used} of {limit} tokens).</source>
            <translation>&lt;b&gt;Cette conversation occupe {percent} % du contexte du modèle&lt;/b&gt; ({used} sur {limit} jetons).</translation>
        </message>
        <message>
            <source>{head} Older text would otherwise be cut off. Default: continue in a new conversation carrying a summary; or drop the oldest turns (the system prompt is kept).</source>
            <translation>{head} Sinon, le texte le plus ancien serait tronqué. Par défaut : continuer dans une nouvelle conversation reprenant un résumé ; ou supprimer les plus anciens échanges (l’invite système est conservée).</translation>
        </message>
    </context>
    <context>
        <name>PageView</name>
        <message>
            <source>Document page</source>
            <translation>Page du document</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Short: a few sentences</source>
            <translation>Court : quelques phrases</translation>
        </message>
        <message>
            <source>Medium: a paragraph or two</source>
            <translation>Moyen : un ou deux paragraphes</translation>
        </message>
        <message>
            <source>Detailed: every main point</source>
            <translation>Détaillé : tous les points principaux</translation>
        </message>
        <message>
            <source>The new language is used when Wren starts again.</source>
            <translation>La nouvelle langue sera utilisée au prochain démarrage de Wren.</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>Préférences</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>Language of the window</source>
            <translation>Langue de l’interface</translation>
        </message>
        <message>
            <source>System language ({language})</source>
            <translation>Langue du système ({language})</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Langue</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <source>Summary length</source>
            <translation>Longueur des résumés</translation>
        </message>
        <message>
            <source>Summary &amp;length</source>
            <translation>Lon&amp;gueur des résumés</translation>
        </message>
        <message>
            <source>Disk space for saved document readings</source>
            <translation>Espace disque pour les lectures de documents enregistrées</translation>
        </message>
        <message>
            <source> MB</source>
            <translation> MB</translation>
        </message>
        <message>
            <source>Don't keep readings</source>
            <translation>Ne pas conserver les lectures</translation>
        </message>
        <message>
            <source>A document's reading is kept on disk so that follow-up questions are answered at once, even after a restart. The oldest readings are removed beyond this size.</source>
            <translation>La lecture d’un document est conservée sur le disque afin de répondre immédiatement aux questions suivantes, même après un redémarrage. Au-delà de cette taille, les lectures les plus anciennes sont supprimées.</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Effacer</translation>
        </message>
        <message>
            <source>Clear saved document readings</source>
            <translation>Effacer les lectures de documents enregistrées</translation>
        </message>
        <message>
            <source>Saved &amp;readings</source>
            <translation>Lectures &amp;enregistrées</translation>
        </message>
        <message>
            <source>Saved readings in use</source>
            <translation>Espace occupé par les lectures enregistrées</translation>
        </message>
        <message>
            <source>Local API server (File → Local API server)</source>
            <translation>Serveur API local (Fichier → Serveur API local)</translation>
        </message>
        <message>
            <source>API server port</source>
            <translation>Port du serveur API</translation>
        </message>
        <message>
            <source>Any free port</source>
            <translation>N’importe quel port libre</translation>
        </message>
        <message>
            <source>&amp;Port on 127.0.0.1</source>
            <translation>&amp;Port sur 127.0.0.1</translation>
        </message>
        <message>
            <source>Keep API conversations in the history</source>
            <translation>Conserver les conversations API dans l’historique</translation>
        </message>
        <message>
            <source>GPU</source>
            <translation>GPU</translation>
        </message>
        <message>
            <source>GPU memory Wren may use</source>
            <translation>Mémoire GPU utilisable par Wren</translation>
        </message>
        <message>
            <source> GB</source>
            <translation> GB</translation>
        </message>
        <message>
            <source>All free memory</source>
            <translation>Toute la mémoire libre</translation>
        </message>
        <message>
            <source>Wren plans how much of a model goes to the GPU from its free memory, less a safety margin of 512 MB. Set a limit to keep room for other programs (games, video, other models).</source>
            <translation>Wren détermine la part d’un modèle à placer sur le GPU en fonction de sa mémoire libre, moins une marge de sécurité de 512 MB. Définissez une limite pour laisser de la place à d’autres programmes (jeux, vidéo, autres modèles).</translation>
        </message>
        <message numerus="yes">
            <source>{size} in use by %n saved reading(s)</source>
            <translation>
                <numerusform>{size} utilisés par %n lecture enregistrée</numerusform>
                <numerusform>{size} utilisés par %n lectures enregistrées</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReplyWords</name>
        <message numerus="yes">
            <source>%Ln token(s)</source>
            <translation>
                <numerusform>%Ln jeton</numerusform>
                <numerusform>%Ln jetons</numerusform>
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
            <translation>Vous</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>Assistant</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>System</source>
            <translation>Système</translation>
        </message>
        <message>
            <source>Conversation title</source>
            <translation>Titre de la conversation</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>Sans titre</translation>
        </message>
        <message>
            <source>Search conversations</source>
            <translation>Rechercher dans les conversations</translation>
        </message>
        <message>
            <source>Search all chats: words, "a phrase", prefix*</source>
            <translation>Rechercher dans toutes les conversations : mots, "une expression", préfixe*</translation>
        </message>
        <message>
            <source>Search all conversations</source>
            <translation>Rechercher dans toutes les conversations</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>Résultats de la recherche</translation>
        </message>
        <message>
            <source>Type to search.</source>
            <translation>Tapez pour rechercher.</translation>
        </message>
        <message>
            <source>Search status</source>
            <translation>État de la recherche</translation>
        </message>
        <message>
            <source>No words to search for.</source>
            <translation>Aucun mot à rechercher.</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Recherche…</translation>
        </message>
        <message numerus="yes">
            <source>%n+ result(s) ({ms} ms)</source>
            <translation>
                <numerusform>%n+ résultat ({ms} ms)</numerusform>
                <numerusform>%n+ résultats ({ms} ms)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n result(s) ({ms} ms)</source>
            <translation>
                <numerusform>%n résultat ({ms} ms)</numerusform>
                <numerusform>%n résultats ({ms} ms)</numerusform>
            </translation>
        </message>
        <message>
            <source>No results.</source>
            <translation>Aucun résultat.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Precise</source>
            <translation>Précis</translation>
        </message>
        <message>
            <source>Balanced</source>
            <translation>Équilibré</translation>
        </message>
        <message>
            <source>Creative</source>
            <translation>Créatif</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Personnalisé</translation>
        </message>
        <message>
            <source>Conversation settings</source>
            <translation>Paramètres de la conversation</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>Préréglage</translation>
        </message>
        <message>
            <source>New preset name</source>
            <translation>Nom du nouveau préréglage</translation>
        </message>
        <message>
            <source>Save preset</source>
            <translation>Enregistrer le préréglage</translation>
        </message>
        <message>
            <source>Save these settings as a preset</source>
            <translation>Enregistrer ces paramètres comme préréglage</translation>
        </message>
        <message>
            <source>&amp;Preset</source>
            <translation>P&amp;réréglage</translation>
        </message>
        <message>
            <source>System prompt</source>
            <translation>Invite système</translation>
        </message>
        <message>
            <source>Optional instructions the model follows in this conversation</source>
            <translation>Instructions facultatives que le modèle suit dans cette conversation</translation>
        </message>
        <message>
            <source>S&amp;ystem prompt</source>
            <translation>Invite &amp;système</translation>
        </message>
        <message>
            <source>Temperature</source>
            <translation>Température</translation>
        </message>
        <message>
            <source>&amp;Temperature</source>
            <translation>&amp;Température</translation>
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
            <translation> jetons</translation>
        </message>
        <message>
            <source>Maximum reply length</source>
            <translation>Longueur maximale de la réponse</translation>
        </message>
        <message>
            <source>&amp;Max reply length</source>
            <translation>Longueur &amp;max. de la réponse</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>Automatique</translation>
        </message>
        <message>
            <source>Context size</source>
            <translation>Taille du contexte</translation>
        </message>
        <message>
            <source>Memory the context needs</source>
            <translation>Mémoire nécessaire au contexte</translation>
        </message>
        <message>
            <source>&amp;Context size</source>
            <translation>Taille du &amp;contexte</translation>
        </message>
        <message>
            <source>GPU use</source>
            <translation>Utilisation du GPU</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>Désactivé</translation>
        </message>
        <message>
            <source>Layers:</source>
            <translation>Couches :</translation>
        </message>
        <message>
            <source>Automatic puts as much of the model on the GPU as its free memory allows (within the limit set in Preferences). Off runs on the CPU only.</source>
            <translation>« Automatique » place sur le GPU autant du modèle que sa mémoire libre le permet (dans la limite définie dans les Préférences). « Désactivé » n’utilise que le CPU.</translation>
        </message>
        <message>
            <source> layers</source>
            <translation> couches</translation>
        </message>
        <message>
            <source>GPU offload layers</source>
            <translation>Couches déchargées sur le GPU</translation>
        </message>
        <message>
            <source>&amp;GPU</source>
            <translation>&amp;GPU</translation>
        </message>
        <message>
            <source>Automatic (faster where the reply repeats the text)</source>
            <translation>Automatique (plus rapide quand la réponse reprend le texte)</translation>
        </message>
        <message>
            <source>Lookup decoding</source>
            <translation>Décodage par recherche</translation>
        </message>
        <message>
            <source>Guesses the next words from the document and the conversation and checks the guess in one step. The reply is the same; summaries and questions about a document come faster.</source>
            <translation>Devine les mots suivants à partir du document et de la conversation, puis vérifie cette supposition en une seule étape. La réponse est identique ; les résumés et les questions sur un document sont plus rapides.</translation>
        </message>
        <message>
            <source>Give the preset a new name</source>
            <translation>Donnez un nouveau nom au préréglage</translation>
        </message>
        <message>
            <source>chosen from the model and free memory</source>
            <translation>choisi selon le modèle et la mémoire libre</translation>
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
            <translation>Cet ordinateur</translation>
        </message>
        <message>
            <source>CPU, memory and GPUs Wren can use</source>
            <translation>CPU, mémoire et GPU utilisables par Wren</translation>
        </message>
        <message>
            <source>Looking at this computer…</source>
            <translation>Analyse de cet ordinateur…</translation>
        </message>
    </context>
    <context>
        <name>Wren</name>
        <message>
            <source>Wren cannot start</source>
            <translation>Wren ne peut pas démarrer</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <source>Open a conversation to export it.</source>
            <translation>Ouvrez une conversation pour l’exporter.</translation>
        </message>
        <message>
            <source>Export conversation</source>
            <translation>Exporter la conversation</translation>
        </message>
        <message>
            <source>Export failed: {why}</source>
            <translation>Échec de l’exportation : {why}</translation>
        </message>
        <message>
            <source>Exported to {path}</source>
            <translation>Exporté vers {path}</translation>
        </message>
    </context>
</TS>
