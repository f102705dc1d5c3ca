<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>DocumentCard</name>
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
                <numerusform>%Ln token</numerusform>
                <numerusform>%Ln tokens</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln character(s)</source>
            <translation>
                <numerusform>%Ln character</numerusform>
                <numerusform>%Ln characters</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DocumentJobs</name>
        <message numerus="yes">
            <source>Reading %n document(s)…</source>
            <translation>
                <numerusform>Reading %n document…</numerusform>
                <numerusform>Reading %n documents…</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EnginesDialog</name>
        <message numerus="yes">
            <source>{names} and %n more</source>
            <translation>
                <numerusform>{names} and %n more</numerusform>
                <numerusform>{names} and %n more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>Dropped %n older message(s); the system prompt is kept.</source>
            <translation>
                <numerusform>Dropped %n older message; the system prompt is kept.</numerusform>
                <numerusform>Dropped %n older messages; the system prompt is kept.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ModelManagerDialog</name>
        <message numerus="yes">
            <source>{repo}  ·  %Ln download(s)</source>
            <translation>
                <numerusform>{repo}  ·  %Ln download</numerusform>
                <numerusform>{repo}  ·  %Ln downloads</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n repositories found</source>
            <translation>
                <numerusform>%n repository found</numerusform>
                <numerusform>%n repositories found</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n GGUF file(s)</source>
            <translation>
                <numerusform>%n GGUF file</numerusform>
                <numerusform>%n GGUF files</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message numerus="yes">
            <source>{size} in use by %n saved reading(s)</source>
            <translation>
                <numerusform>{size} in use by %n saved reading</numerusform>
                <numerusform>{size} in use by %n saved readings</numerusform>
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
    </context>
    <context>
        <name>SearchDialog</name>
        <message numerus="yes">
            <source>%n+ result(s) ({ms} ms)</source>
            <translation>
                <numerusform>%n+ result ({ms} ms)</numerusform>
                <numerusform>%n+ results ({ms} ms)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n result(s) ({ms} ms)</source>
            <translation>
                <numerusform>%n result ({ms} ms)</numerusform>
                <numerusform>%n results ({ms} ms)</numerusform>
            </translation>
        </message>
    </context>
</TS>
