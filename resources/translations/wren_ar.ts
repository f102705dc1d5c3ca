<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>&lt;p&gt;Offline chat with small language models, running on this computer through llama.cpp. Wren is released under the MIT licence.&lt;/p&gt;</source>
            <translation>&lt;p&gt;دردشة دون اتصال بالإنترنت مع نماذج لغوية صغيرة تعمل على هذا الجهاز عبر llama.cpp. يصدر Wren بموجب ترخيص MIT.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Loaded model:&lt;/b&gt; {name} — licence: {licence}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;النموذج المحمّل:&lt;/b&gt; {name} — الترخيص: {licence}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>not stated in the file (see its model card)</source>
            <translation>غير مذكور في الملف (راجع بطاقة النموذج)</translation>
        </message>
        <message>
            <source>&lt;p&gt;(The licence list THIRD-PARTY.md is missing from this build.)&lt;/p&gt;</source>
            <translation>&lt;p&gt;(قائمة التراخيص THIRD-PARTY.md مفقودة من هذا الإصدار.)&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About Wren</source>
            <translation>حول Wren</translation>
        </message>
        <message>
            <source>About Wren and licences</source>
            <translation>حول Wren والتراخيص</translation>
        </message>
    </context>
    <context>
        <name>BatchController</name>
        <message>
            <source>Saved %1 summaries to %2</source>
            <translation>تم حفظ %1 من الملخصات في %2</translation>
        </message>
        <message>
            <source>Writing the summary…</source>
            <translation>جارٍ كتابة الملخص…</translation>
        </message>
        <message>
            <source>, about %1 left</source>
            <translation>، يتبقى نحو %1</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>جارٍ القراءة…</translation>
        </message>
    </context>
    <context>
        <name>BatchPanel</name>
        <message>
            <source>Document queue</source>
            <translation>قائمة انتظار المستندات</translation>
        </message>
        <message>
            <source>&lt;b&gt;Document queue&lt;/b&gt;</source>
            <translation>&lt;b&gt;قائمة انتظار المستندات&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Save summaries to…</source>
            <translation>حفظ الملخصات في…</translation>
        </message>
        <message>
            <source>Save summaries to a folder</source>
            <translation>حفظ الملخصات في مجلد</translation>
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
            <translation>تنسيق ملفات الملخصات المحفوظة</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>إغلاق</translation>
        </message>
        <message>
            <source>Close the document queue</source>
            <translation>إغلاق قائمة انتظار المستندات</translation>
        </message>
        <message>
            <source>Overall progress</source>
            <translation>التقدم الإجمالي</translation>
        </message>
        <message>
            <source>Overall progress and time left</source>
            <translation>التقدم الإجمالي والوقت المتبقي</translation>
        </message>
        <message>
            <source>All done: %1 of %2 summarized</source>
            <translation>اكتمل الكل: لُخِّص %1 من %2</translation>
        </message>
        <message>
            <source>%1 of %2 documents</source>
            <translation>المستندات: %1 من %2</translation>
        </message>
        <message>
            <source>, about %1 left</source>
            <translation>، يتبقى نحو %1</translation>
        </message>
        <message>
            <source> · %1 could not be read</source>
            <translation> · تعذّرت قراءة %1</translation>
        </message>
        <message>
            <source> · saving to %1</source>
            <translation> · الحفظ في %1</translation>
        </message>
        <message>
            <source>Save summaries to</source>
            <translation>حفظ الملخصات في</translation>
        </message>
    </context>
    <context>
        <name>BatchRow</name>
        <message>
            <source>Waiting</source>
            <translation>في الانتظار</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>جارٍ القراءة…</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>متوقف مؤقتًا</translation>
        </message>
        <message>
            <source>Summary ready</source>
            <translation>الملخص جاهز</translation>
        </message>
        <message>
            <source>Could not be read</source>
            <translation>تعذّرت القراءة</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>أُلغي</translation>
        </message>
        <message>
            <source>Not a document Wren reads</source>
            <translation>ليس مستندًا يقرؤه Wren</translation>
        </message>
        <message>
            <source>Document %1</source>
            <translation>المستند %1</translation>
        </message>
        <message>
            <source>State of %1</source>
            <translation>حالة %1</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>إيقاف مؤقت</translation>
        </message>
        <message>
            <source>Pause %1</source>
            <translation>إيقاف %1 مؤقتًا</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <source>Cancel %1</source>
            <translation>إلغاء %1</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>فتح</translation>
        </message>
        <message>
            <source>Open the summary of %1</source>
            <translation>فتح ملخص %1</translation>
        </message>
        <message>
            <source>Progress of %1</source>
            <translation>تقدم %1</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>استئناف</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 ث</translation>
        </message>
        <message>
            <source>saved as %1</source>
            <translation>حُفظ باسم %1</translation>
        </message>
        <message>
            <source>Paused: it starts again from the beginning when resumed (pages already read by OCR are kept)</source>
            <translation>متوقف مؤقتًا: يبدأ من جديد عند الاستئناف (مع الاحتفاظ بالصفحات التي قُرئت بالتعرف الضوئي على الحروف)</translation>
        </message>
    </context>
    <context>
        <name>ChatPane</name>
        <message>
            <source>Notice</source>
            <translation>تنبيه</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>إرسال</translation>
        </message>
        <message>
            <source>Send message</source>
            <translation>إرسال الرسالة</translation>
        </message>
        <message>
            <source>Send (Enter)</source>
            <translation>إرسال (Enter)</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>إيقاف</translation>
        </message>
        <message>
            <source>Stop generating</source>
            <translation>إيقاف التوليد</translation>
        </message>
        <message>
            <source>Stop (Esc)</source>
            <translation>إيقاف (Esc)</translation>
        </message>
    </context>
    <context>
        <name>ChatView</name>
        <message>
            <source>Conversation</source>
            <translation>المحادثة</translation>
        </message>
    </context>
    <context>
        <name>Composer</name>
        <message>
            <source>Message Wren…  (Enter sends, Shift+Enter for a new line)</source>
            <translation>راسِل Wren…  (يرسل Enter، وShift+Enter لسطر جديد)</translation>
        </message>
        <message>
            <source>Message input</source>
            <translation>حقل الرسالة</translation>
        </message>
        <message>
            <source>Enter sends, Shift+Enter starts a new line, Esc stops a reply</source>
            <translation>يرسل Enter، وينشئ Shift+Enter سطرًا جديدًا، ويوقف Esc الرد</translation>
        </message>
    </context>
    <context>
        <name>ConversationList</name>
        <message>
            <source>New chat</source>
            <translation>محادثة جديدة</translation>
        </message>
        <message>
            <source>New chat (Ctrl+N)</source>
            <translation>محادثة جديدة (Ctrl+N)</translation>
        </message>
        <message>
            <source>Conversations</source>
            <translation>المحادثات</translation>
        </message>
        <message>
            <source>F2 renames, Delete deletes, the menu key opens more actions</source>
            <translation>يعيد F2 التسمية، ويحذف Delete، وتفتح مفتاح القائمة مزيدًا من الإجراءات</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>حذف</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>إعادة تسمية</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>تصدير…</translation>
        </message>
    </context>
    <context>
        <name>DocumentCard</name>
        <message>
            <source>Reading the file…</source>
            <translation>جارٍ قراءة الملف…</translation>
        </message>
        <message>
            <source>Reading {name}</source>
            <translation>جارٍ قراءة {name}</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <source>Cancel reading {name}</source>
            <translation>إلغاء قراءة {name}</translation>
        </message>
        <message>
            <source>Status of {name}</source>
            <translation>حالة {name}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln page(s)</source>
            <translation>
                <numerusform>%Ln صفحة</numerusform>
                <numerusform>%Ln صفحة</numerusform>
                <numerusform>%Ln صفحتان</numerusform>
                <numerusform>%Ln صفحات</numerusform>
                <numerusform>%Ln صفحة</numerusform>
                <numerusform>%Ln صفحة</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln token(s)</source>
            <translation>
                <numerusform>%Ln رمز</numerusform>
                <numerusform>%Ln رمز</numerusform>
                <numerusform>%Ln رمزان</numerusform>
                <numerusform>%Ln رموز</numerusform>
                <numerusform>%Ln رمزًا</numerusform>
                <numerusform>%Ln رمز</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln character(s)</source>
            <translation>
                <numerusform>%Ln حرف</numerusform>
                <numerusform>%Ln حرف</numerusform>
                <numerusform>%Ln حرفان</numerusform>
                <numerusform>%Ln أحرف</numerusform>
                <numerusform>%Ln حرفًا</numerusform>
                <numerusform>%Ln حرف</numerusform>
            </translation>
        </message>
        <message>
            <source>{step}: {done}/{total} tokens, {rate} tok/s</source>
            <translation>{step}: {done}/{total} رمز، {rate} tok/s</translation>
        </message>
        <message>
            <source>{step}: {done}/{total} pages</source>
            <translation>{step}: {done}/{total} صفحة</translation>
        </message>
        <message>
            <source>{progress}, about {seconds} s left</source>
            <translation>{progress}، يتبقى نحو {seconds} ث</translation>
        </message>
        <message>
            <source>Summary ready ({mode}, {seconds} s)</source>
            <translation>الملخص جاهز ({mode}، {seconds} ث)</translation>
        </message>
    </context>
    <context>
        <name>DocumentDropArea</name>
        <message>
            <source>Documents ({patterns})</source>
            <translation>المستندات ({patterns})</translation>
        </message>
    </context>
    <context>
        <name>DocumentJobs</name>
        <message numerus="yes">
            <source>Reading %n document(s)…</source>
            <translation>
                <numerusform>جارٍ قراءة %n مستند…</numerusform>
                <numerusform>جارٍ قراءة %n مستند…</numerusform>
                <numerusform>جارٍ قراءة %n مستندين…</numerusform>
                <numerusform>جارٍ قراءة %n مستندات…</numerusform>
                <numerusform>جارٍ قراءة %n مستندًا…</numerusform>
                <numerusform>جارٍ قراءة %n مستند…</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DocumentPane</name>
        <message>
            <source>Document pane</source>
            <translation>لوحة المستند</translation>
        </message>
        <message>
            <source>Document name</source>
            <translation>اسم المستند</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>الصفحة السابقة</translation>
        </message>
        <message>
            <source>Page number</source>
            <translation>رقم الصفحة</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>الصفحة التالية</translation>
        </message>
        <message>
            <source>Close the document pane</source>
            <translation>إغلاق لوحة المستند</translation>
        </message>
        <message>
            <source>Citation check</source>
            <translation>التحقق من الاستشهاد</translation>
        </message>
        <message>
            <source>Page view</source>
            <translation>عرض الصفحة</translation>
        </message>
        <message>
            <source>Section text</source>
            <translation>نص القسم</translation>
        </message>
        <message>
            <source>Document pane status</source>
            <translation>حالة لوحة المستند</translation>
        </message>
        <message>
            <source>✓ Supported: {pct}% of the sentence's words are on {where}.</source>
            <translation>✓ مدعوم: {pct}% من كلمات الجملة موجودة في {where}.</translation>
        </message>
        <message>
            <source>its words are not found there</source>
            <translation>كلماتها غير موجودة هناك</translation>
        </message>
        <message>
            <source>⚠ Not supported by {where}: {why}.</source>
            <translation>⚠ غير مدعوم في {where}: {why}.</translation>
        </message>
        <message>
            <source>The model cited this page.</source>
            <translation>استشهد النموذج بهذه الصفحة.</translation>
        </message>
        <message>
            <source>The model cited no page: Wren chose the best match.</source>
            <translation>لم يستشهد النموذج بأي صفحة: اختار Wren أفضل تطابق.</translation>
        </message>
        <message>
            <source>Page {n} of {total}</source>
            <translation>الصفحة {n} من {total}</translation>
        </message>
        <message>
            <source>Rendering…</source>
            <translation>جارٍ العرض…</translation>
        </message>
        <message>
            <source>The supporting passage is highlighted.</source>
            <translation>المقطع الداعم مميَّز.</translation>
        </message>
        <message>
            <source>The passage could not be located on this page.</source>
            <translation>تعذّر العثور على المقطع في هذه الصفحة.</translation>
        </message>
        <message>
            <source>The passage could not be located in this section.</source>
            <translation>تعذّر العثور على المقطع في هذا القسم.</translation>
        </message>
    </context>
    <context>
        <name>EditDialog</name>
        <message>
            <source>Edit message</source>
            <translation>تحرير الرسالة</translation>
        </message>
        <message>
            <source>Edit your message. Everything after it will be written again.</source>
            <translation>حرّر رسالتك. ستُكتب كل الردود التي تليها من جديد.</translation>
        </message>
        <message>
            <source>Edited message</source>
            <translation>الرسالة المحرَّرة</translation>
        </message>
        <message>
            <source>Send again</source>
            <translation>إرسال مجددًا</translation>
        </message>
    </context>
    <context>
        <name>EnginesDialog</name>
        <message>
            <source>Remote engines</source>
            <translation>المحركات البعيدة</translation>
        </message>
        <message>
            <source>Engines</source>
            <translation>المحركات</translation>
        </message>
        <message>
            <source>http://192.168.1.20:8000  (vLLM, Ollama :11434, llama.cpp :8080)</source>
            <translation>http://192.168.1.20:8000  (vLLM, Ollama :11434, llama.cpp :8080)</translation>
        </message>
        <message>
            <source>optional; kept in the system keyring</source>
            <translation>اختياري؛ يُحفظ في سلسلة مفاتيح النظام</translation>
        </message>
        <message>
            <source>Engine status</source>
            <translation>حالة المحرك</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>إضافة</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>اختبار الاتصال</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>إزالة</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>الا&amp;سم</translation>
        </message>
        <message>
            <source>A&amp;ddress</source>
            <translation>ال&amp;عنوان</translation>
        </message>
        <message>
            <source>API &amp;key</source>
            <translation>&amp;مفتاح API</translation>
        </message>
        <message>
            <source>&amp;Engines</source>
            <translation>المحر&amp;كات</translation>
        </message>
        <message>
            <source>  (key)</source>
            <translation>  (مفتاح)</translation>
        </message>
        <message>
            <source>Added {name}.</source>
            <translation>تمت إضافة {name}.</translation>
        </message>
        <message>
            <source>Select an engine to remove.</source>
            <translation>اختر محركًا لإزالته.</translation>
        </message>
        <message>
            <source>Removed {name}.</source>
            <translation>تمت إزالة {name}.</translation>
        </message>
        <message>
            <source>new engine</source>
            <translation>محرك جديد</translation>
        </message>
        <message>
            <source>Type an address or select an engine to test.</source>
            <translation>اكتب عنوانًا أو اختر محركًا لاختباره.</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>جارٍ الاختبار…</translation>
        </message>
        <message>
            <source>no models</source>
            <translation>لا توجد نماذج</translation>
        </message>
        <message numerus="yes">
            <source>{names} and %n more</source>
            <translation>
                <numerusform>{names} و%n غيرها</numerusform>
                <numerusform>{names} و%n غيرها</numerusform>
                <numerusform>{names} و%n غيرها</numerusform>
                <numerusform>{names} و%n غيرها</numerusform>
                <numerusform>{names} و%n غيرها</numerusform>
                <numerusform>{names} و%n غيرها</numerusform>
            </translation>
        </message>
        <message>
            <source>Connected: {names}</source>
            <translation>متصل: {names}</translation>
        </message>
    </context>
    <context>
        <name>InferenceWorker</name>
        <message>
            <source>No model is loaded yet</source>
            <translation>لم يُحمَّل أي نموذج بعد</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>أُلغي</translation>
        </message>
        <message>
            <source>Load a local model first: documents are read on this computer</source>
            <translation>حمّل نموذجًا محليًا أولًا: تُقرأ المستندات على هذا الجهاز</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Ready</source>
            <translation>جاهز</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Undo delete</source>
            <translation>التراجع عن الحذف</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>التقدم</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Wren&lt;/h2&gt;&lt;p&gt;Chat with a language model that runs on this computer.&lt;br&gt;Nothing you type leaves it.&lt;/p&gt;&lt;p&gt;Type a message below and press Enter.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Wren&lt;/h2&gt;&lt;p&gt;دردش مع نموذج لغوي يعمل على هذا الجهاز.&lt;br&gt;لا يغادره شيء مما تكتبه.&lt;/p&gt;&lt;p&gt;اكتب رسالة في الأسفل واضغط Enter.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Welcome to Wren&lt;/h2&gt;&lt;p&gt;Chat with a language model that runs on this computer. Nothing you type leaves it.&lt;/p&gt;&lt;p&gt;The small starter model is quick but simple: &lt;b&gt;Models → Manage and download models…&lt;/b&gt; finds bigger ones that fit this computer.&lt;/p&gt;&lt;p&gt;Drop a document (PDF, DOCX, TXT, Markdown, HTML…) on this window, or press &lt;b&gt;Ctrl+O&lt;/b&gt;, to get a summary and ask questions about it.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;مرحبًا بك في Wren&lt;/h2&gt;&lt;p&gt;دردش مع نموذج لغوي يعمل على هذا الجهاز. لا يغادره شيء مما تكتبه.&lt;/p&gt;&lt;p&gt;النموذج المبدئي الصغير سريع لكنه بسيط: يعثر &lt;b&gt;النماذج ← إدارة النماذج وتنزيلها…&lt;/b&gt; على نماذج أكبر تناسب هذا الجهاز.&lt;/p&gt;&lt;p&gt;أفلت مستندًا (PDF أو DOCX أو TXT أو Markdown أو HTML…) على هذه النافذة، أو اضغط &lt;b&gt;Ctrl+O&lt;/b&gt;، للحصول على ملخص وطرح أسئلة عنه.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>مرحبًا</translation>
        </message>
        <message>
            <source>Got it</source>
            <translation>فهمت</translation>
        </message>
        <message>
            <source>Dismiss welcome</source>
            <translation>إغلاق رسالة الترحيب</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;ملف</translation>
        </message>
        <message>
            <source>&amp;New chat</source>
            <translation>محادثة &amp;جديدة</translation>
        </message>
        <message>
            <source>&amp;Attach document…</source>
            <translation>إرفاق &amp;مستند…</translation>
        </message>
        <message>
            <source>&amp;Import a GGUF model…</source>
            <translation>ا&amp;ستيراد نموذج GGUF…</translation>
        </message>
        <message>
            <source>Conversation &amp;settings…</source>
            <translation>إعدادات المحا&amp;دثة…</translation>
        </message>
        <message>
            <source>Local &amp;API server</source>
            <translation>خادم &amp;API المحلي</translation>
        </message>
        <message>
            <source>Serve the loaded model to other programs on 127.0.0.1 (OpenAI-compatible)</source>
            <translation>إتاحة النموذج المحمّل للبرامج الأخرى على 127.0.0.1 (متوافق مع OpenAI)</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>ال&amp;تفضيلات…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;خروج</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;تحرير</translation>
        </message>
        <message>
            <source>Copy last reply</source>
            <translation>نسخ الرد الأخير</translation>
        </message>
        <message>
            <source>&amp;Search conversations…</source>
            <translation>&amp;بحث في المحادثات…</translation>
        </message>
        <message>
            <source>Focus message input</source>
            <translation>التركيز على حقل الرسالة</translation>
        </message>
        <message>
            <source>Focus conversation list</source>
            <translation>التركيز على قائمة المحادثات</translation>
        </message>
        <message>
            <source>Focus model picker</source>
            <translation>التركيز على منتقي النموذج</translation>
        </message>
        <message>
            <source>Read last message</source>
            <translation>قراءة الرسالة الأخيرة</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;عرض</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>&amp;تكبير</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>ت&amp;صغير</translation>
        </message>
        <message>
            <source>&amp;Actual size</source>
            <translation>الحجم ال&amp;فعلي</translation>
        </message>
        <message>
            <source>&amp;Chat</source>
            <translation>&amp;محادثة</translation>
        </message>
        <message>
            <source>S&amp;top</source>
            <translation>إي&amp;قاف</translation>
        </message>
        <message>
            <source>&amp;Regenerate last reply</source>
            <translation>إعادة &amp;توليد الرد الأخير</translation>
        </message>
        <message>
            <source>Re&amp;name conversation</source>
            <translation>إعادة ت&amp;سمية المحادثة</translation>
        </message>
        <message>
            <source>&amp;Delete conversation</source>
            <translation>&amp;حذف المحادثة</translation>
        </message>
        <message>
            <source>E&amp;xport conversation…</source>
            <translation>ت&amp;صدير المحادثة…</translation>
        </message>
        <message>
            <source>&amp;Models</source>
            <translation>ال&amp;نماذج</translation>
        </message>
        <message>
            <source>&amp;Manage and download models…</source>
            <translation>إ&amp;دارة النماذج وتنزيلها…</translation>
        </message>
        <message>
            <source>&amp;Remote engines…</source>
            <translation>المحركات ال&amp;بعيدة…</translation>
        </message>
        <message>
            <source>Re&amp;fresh installed models</source>
            <translation>&amp;تحديث النماذج المثبتة</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>م&amp;ساعدة</translation>
        </message>
        <message>
            <source>&amp;Welcome</source>
            <translation>ال&amp;ترحيب</translation>
        </message>
        <message>
            <source>&amp;This computer…</source>
            <translation>&amp;هذا الجهاز…</translation>
        </message>
        <message>
            <source>&amp;About Wren</source>
            <translation>&amp;حول Wren</translation>
        </message>
        <message>
            <source>Text size {percent} %</source>
            <translation>حجم النص {percent} %</translation>
        </message>
        <message>
            <source>{model} (remote: {engine})</source>
            <translation>{model} (بعيد: {engine})</translation>
        </message>
        <message>
            <source>Loading {name}…</source>
            <translation>جارٍ تحميل {name}…</translation>
        </message>
        <message>
            <source>{name} ready (loaded in {seconds} s)</source>
            <translation>{name} جاهز (حُمِّل في {seconds} ث)</translation>
        </message>
        <message>
            <source>{name} is ready.</source>
            <translation>{name} جاهز.</translation>
        </message>
        <message>
            <source>Error: {message}</source>
            <translation>خطأ: {message}</translation>
        </message>
        <message>
            <source>{title} — Wren</source>
            <translation>{title} — Wren</translation>
        </message>
        <message>
            <source>Deleted “{title}”.</source>
            <translation>حُذفت «{title}».</translation>
        </message>
        <message>
            <source>Conversation restored.</source>
            <translation>استُعيدت المحادثة.</translation>
        </message>
        <message>
            <source>The model is still loading: your message is kept, send it when it is ready.</source>
            <translation>لا يزال النموذج قيد التحميل: احتُفظ برسالتك، أرسلها عندما يصبح جاهزًا.</translation>
        </message>
        <message>
            <source>Reading the conversation…</source>
            <translation>جارٍ قراءة المحادثة…</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>جارٍ الإيقاف…</translation>
        </message>
        <message>
            <source>Writing…</source>
            <translation>جارٍ الكتابة…</translation>
        </message>
        <message>
            <source>Reading the conversation… {percent}</source>
            <translation>جارٍ قراءة المحادثة… {percent}</translation>
        </message>
        <message>
            <source>Writing… {rate} tokens/s</source>
            <translation>جارٍ الكتابة… {rate} رمز/ث</translation>
        </message>
        <message>
            <source>{tokens} at {rate} tokens/s</source>
            <translation>{tokens} بمعدل {rate} رمز/ث</translation>
        </message>
        <message>
            <source>Stopped: {tokens}</source>
            <translation>توقف: {tokens}</translation>
        </message>
        <message>
            <source>Done: {tokens}</source>
            <translation>اكتمل: {tokens}</translation>
        </message>
        <message>
            <source>{status}: {tokens}</source>
            <translation>{status}: {tokens}</translation>
        </message>
        <message>
            <source>Reply stopped. {text}</source>
            <translation>توقف الرد. {text}</translation>
        </message>
        <message>
            <source>Reply finished. {text}</source>
            <translation>اكتمل الرد. {text}</translation>
        </message>
        <message numerus="yes">
            <source>Dropped %n older message(s); the system prompt is kept.</source>
            <translation>
                <numerusform>حُذفت %n رسالة أقدم؛ مع الإبقاء على موجّه النظام.</numerusform>
                <numerusform>حُذفت %n رسالة أقدم؛ مع الإبقاء على موجّه النظام.</numerusform>
                <numerusform>حُذفت %n رسالتان أقدم؛ مع الإبقاء على موجّه النظام.</numerusform>
                <numerusform>حُذفت %n رسائل أقدم؛ مع الإبقاء على موجّه النظام.</numerusform>
                <numerusform>حُذفت %n رسالة أقدم؛ مع الإبقاء على موجّه النظام.</numerusform>
                <numerusform>حُذفت %n رسالة أقدم؛ مع الإبقاء على موجّه النظام.</numerusform>
            </translation>
        </message>
        <message>
            <source>Summarizing this conversation for a new one…</source>
            <translation>جارٍ تلخيص هذه المحادثة لمحادثة جديدة…</translation>
        </message>
        <message>
            <source>{title} (continued)</source>
            <translation>{title} (تابع)</translation>
        </message>
        <message>
            <source>Conversation</source>
            <translation>محادثة</translation>
        </message>
        <message>
            <source>Continued in a new conversation; the summary is in its system prompt.</source>
            <translation>تمت المتابعة في محادثة جديدة؛ الملخص موجود في موجّه النظام الخاص بها.</translation>
        </message>
        <message>
            <source>The model is still loading: the documents will be read when it is ready.</source>
            <translation>لا يزال النموذج قيد التحميل: ستُقرأ المستندات عندما يصبح جاهزًا.</translation>
        </message>
        <message>
            <source>Document {name}</source>
            <translation>المستند {name}</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>جارٍ الإلغاء…</translation>
        </message>
        <message>
            <source>%1 documents in the queue</source>
            <translation>المستندات في قائمة الانتظار: %1</translation>
        </message>
        <message>
            <source>Resuming the document queue: %1 documents left</source>
            <translation>استئناف قائمة انتظار المستندات: المتبقي %1</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>إغلاق</translation>
        </message>
        <message>
            <source>Summary ready: ask questions about the document below.</source>
            <translation>الملخص جاهز: اطرح أسئلة عن المستند أدناه.</translation>
        </message>
        <message>
            <source>Summary ready: {name}. Ask questions about the document below.</source>
            <translation>الملخص جاهز: {name}. اطرح أسئلة عن المستند أدناه.</translation>
        </message>
        <message>
            <source>The document of this summary is no longer stored.</source>
            <translation>لم يعد مستند هذا الملخص مخزَّنًا.</translation>
        </message>
        <message>
            <source>Attach documents</source>
            <translation>إرفاق مستندات</translation>
        </message>
        <message>
            <source>Import a GGUF model</source>
            <translation>استيراد نموذج GGUF</translation>
        </message>
        <message>
            <source>GGUF models (*.gguf)</source>
            <translation>نماذج GGUF (*.gguf)</translation>
        </message>
        <message>
            <source>Importing {name}…</source>
            <translation>جارٍ استيراد {name}…</translation>
        </message>
        <message>
            <source>the model</source>
            <translation>النموذج</translation>
        </message>
        <message>
            <source>Imported {name}: choose it in the model list.</source>
            <translation>تم استيراد {name}: اختره من قائمة النماذج.</translation>
        </message>
        <message>
            <source>Local API server stopped.</source>
            <translation>توقف خادم API المحلي.</translation>
        </message>
        <message>
            <source>The local API server needs a loaded local model.</source>
            <translation>يحتاج خادم API المحلي إلى نموذج محلي محمّل.</translation>
        </message>
        <message>
            <source>the API server could not start: {error}</source>
            <translation>تعذّر بدء خادم API: {error}</translation>
        </message>
        <message>
            <source>Local API server on {url}</source>
            <translation>خادم API المحلي على {url}</translation>
        </message>
        <message>
            <source>API server busy</source>
            <translation>خادم API مشغول</translation>
        </message>
        <message>
            <source>API server idle</source>
            <translation>خادم API خامل</translation>
        </message>
        <message>
            <source>Copied.</source>
            <translation>تم النسخ.</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>حُفظت الإعدادات.</translation>
        </message>
        <message>
            <source>Preferences saved.</source>
            <translation>حُفظت التفضيلات.</translation>
        </message>
    </context>
    <context>
        <name>MessageWidget</name>
        <message>
            <source>Copy</source>
            <translation>نسخ</translation>
        </message>
        <message>
            <source>Copy this message</source>
            <translation>نسخ هذه الرسالة</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>تحرير</translation>
        </message>
        <message>
            <source>Edit this message and run it again</source>
            <translation>تحرير هذه الرسالة وتشغيلها مجددًا</translation>
        </message>
        <message>
            <source>Regenerate</source>
            <translation>إعادة التوليد</translation>
        </message>
        <message>
            <source>Write this reply again</source>
            <translation>كتابة هذا الرد مجددًا</translation>
        </message>
        <message>
            <source>You</source>
            <translation>أنت</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>المساعد</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>مستند</translation>
        </message>
        <message>
            <source>System</source>
            <translation>النظام</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>متوقف</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>فشل</translation>
        </message>
        <message>
            <source>writing…</source>
            <translation>جارٍ الكتابة…</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>مكتمل</translation>
        </message>
        <message>
            <source>{author}, {model}, {status}</source>
            <translation>{author}، {model}، {status}</translation>
        </message>
        <message>
            <source>{author}, {status}</source>
            <translation>{author}، {status}</translation>
        </message>
        <message>
            <source>{name}, continued</source>
            <translation>{name}، تابع</translation>
        </message>
        <message>
            <source>Message from {author}</source>
            <translation>رسالة من {author}</translation>
        </message>
        <message>
            <source>Copy code</source>
            <translation>نسخ الشيفرة</translation>
        </message>
    </context>
    <context>
        <name>ModelBar</name>
        <message>
            <source>&amp;Model</source>
            <translation>ال&amp;نموذج</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>النموذج</translation>
        </message>
        <message>
            <source>Choose an installed model</source>
            <translation>اختر نموذجًا مثبتًا</translation>
        </message>
        <message>
            <source>No model loaded</source>
            <translation>لم يُحمَّل أي نموذج</translation>
        </message>
        <message>
            <source>Loaded model details</source>
            <translation>تفاصيل النموذج المحمّل</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>الإعدادات</translation>
        </message>
        <message>
            <source>Conversation settings</source>
            <translation>إعدادات المحادثة</translation>
        </message>
        <message>
            <source>Conversation settings (Ctrl+,)</source>
            <translation>إعدادات المحادثة (Ctrl+,)</translation>
        </message>
        <message>
            <source>Models…</source>
            <translation>النماذج…</translation>
        </message>
        <message>
            <source>Manage models</source>
            <translation>إدارة النماذج</translation>
        </message>
        <message>
            <source>Manage and download models (Ctrl+M)</source>
            <translation>إدارة النماذج وتنزيلها (Ctrl+M)</translation>
        </message>
        <message>
            <source>No model installed</source>
            <translation>لا يوجد نموذج مثبت</translation>
        </message>
        <message>
            <source>Loading {name}…</source>
            <translation>جارٍ تحميل {name}…</translation>
        </message>
        <message>
            <source>context {n} tokens (max {max})</source>
            <translation>السياق {n} رمز (الحد الأقصى {max})</translation>
        </message>
        <message>
            <source>context {n} tokens</source>
            <translation>السياق {n} رمز</translation>
        </message>
    </context>
    <context>
        <name>ModelManagerDialog</name>
        <message>
            <source>unexpected error: {error}</source>
            <translation>خطأ غير متوقع: {error}</translation>
        </message>
        <message>
            <source>Models</source>
            <translation>النماذج</translation>
        </message>
        <message>
            <source>&amp;Catalog</source>
            <translation>ال&amp;كتالوج</translation>
        </message>
        <message>
            <source>&amp;Search Hugging Face</source>
            <translation>&amp;بحث في Hugging Face</translation>
        </message>
        <message>
            <source>&amp;Downloads</source>
            <translation>ال&amp;تنزيلات</translation>
        </message>
        <message>
            <source>&amp;Installed</source>
            <translation>ال&amp;مثبتة</translation>
        </message>
        <message>
            <source>Model manager sections</source>
            <translation>أقسام مدير النماذج</translation>
        </message>
        <message>
            <source>Model manager status</source>
            <translation>حالة مدير النماذج</translation>
        </message>
        <message>
            <source>Any licence</source>
            <translation>أي ترخيص</translation>
        </message>
        <message>
            <source>Licence filter</source>
            <translation>تصفية حسب الترخيص</translation>
        </message>
        <message>
            <source>Any size</source>
            <translation>أي حجم</translation>
        </message>
        <message>
            <source>Size filter</source>
            <translation>تصفية حسب الحجم</translation>
        </message>
        <message>
            <source>Any specialization</source>
            <translation>أي تخصص</translation>
        </message>
        <message>
            <source>Specialization filter</source>
            <translation>تصفية حسب التخصص</translation>
        </message>
        <message>
            <source>Any training</source>
            <translation>أي تدريب</translation>
        </message>
        <message>
            <source>Training filter</source>
            <translation>تصفية حسب التدريب</translation>
        </message>
        <message>
            <source>Which model should I use? &amp;For:</source>
            <translation>أي نموذج يناسبني؟ ال&amp;غرض:</translation>
        </message>
        <message>
            <source>Which model should I use? For:</source>
            <translation>أي نموذج يناسبني؟ الغرض:</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>التوصية</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>النموذج</translation>
        </message>
        <message>
            <source>Size class</source>
            <translation>فئة الحجم</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>الترخيص</translation>
        </message>
        <message>
            <source>Specialization</source>
            <translation>التخصص</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>التدريب</translation>
        </message>
        <message>
            <source>Quantization</source>
            <translation>التكميم</translation>
        </message>
        <message>
            <source>Download size</source>
            <translation>حجم التنزيل</translation>
        </message>
        <message>
            <source>Fits this machine?</source>
            <translation>يناسب هذا الجهاز؟</translation>
        </message>
        <message>
            <source>Model catalog</source>
            <translation>كتالوج النماذج</translation>
        </message>
        <message>
            <source>Download selected</source>
            <translation>تنزيل المحدد</translation>
        </message>
        <message>
            <source>commercial OK</source>
            <translation>الاستخدام التجاري مسموح</translation>
        </message>
        <message>
            <source>commercial with terms</source>
            <translation>تجاري بشروط</translation>
        </message>
        <message>
            <source>commercial restricted</source>
            <translation>تجاري مقيَّد</translation>
        </message>
        <message>
            <source>Quantization of {model}</source>
            <translation>تكميم {model}</translation>
        </message>
        <message>
            <source>{status} ({size} GiB at {n} tokens)</source>
            <translation>{status} ({size} GiB عند {n} رمز)</translation>
        </message>
        <message>
            <source>Search GGUF models on Hugging Face (e.g. qwen2 gguf)</source>
            <translation>ابحث عن نماذج GGUF في Hugging Face (مثلًا qwen2 gguf)</translation>
        </message>
        <message>
            <source>Search Hugging Face</source>
            <translation>بحث في Hugging Face</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>بحث</translation>
        </message>
        <message>
            <source>Hugging Face token…</source>
            <translation>رمز Hugging Face المميز…</translation>
        </message>
        <message>
            <source>Repositories found</source>
            <translation>المستودعات التي عُثر عليها</translation>
        </message>
        <message>
            <source>File</source>
            <translation>الملف</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>الحجم</translation>
        </message>
        <message>
            <source>GGUF files in the repository</source>
            <translation>ملفات GGUF في المستودع</translation>
        </message>
        <message>
            <source>Download selected file</source>
            <translation>تنزيل الملف المحدد</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>جارٍ البحث…</translation>
        </message>
        <message numerus="yes">
            <source>{repo}  ·  %Ln download(s)</source>
            <translation>
                <numerusform>{repo}  ·  %Ln تنزيل</numerusform>
                <numerusform>{repo}  ·  %Ln تنزيل</numerusform>
                <numerusform>{repo}  ·  %Ln تنزيلان</numerusform>
                <numerusform>{repo}  ·  %Ln تنزيلات</numerusform>
                <numerusform>{repo}  ·  %Ln تنزيلًا</numerusform>
                <numerusform>{repo}  ·  %Ln تنزيل</numerusform>
            </translation>
        </message>
        <message>
            <source>{repo}  ·  gated</source>
            <translation>{repo}  ·  مقيَّد الوصول</translation>
        </message>
        <message numerus="yes">
            <source>%n repositories found</source>
            <translation>
                <numerusform>عُثر على %n مستودع</numerusform>
                <numerusform>عُثر على %n مستودع</numerusform>
                <numerusform>عُثر على %n مستودعين</numerusform>
                <numerusform>عُثر على %n مستودعات</numerusform>
                <numerusform>عُثر على %n مستودعًا</numerusform>
                <numerusform>عُثر على %n مستودع</numerusform>
            </translation>
        </message>
        <message>
            <source>No GGUF repositories found</source>
            <translation>لم يُعثر على مستودعات GGUF</translation>
        </message>
        <message numerus="yes">
            <source>%n GGUF file(s)</source>
            <translation>
                <numerusform>%n ملف GGUF</numerusform>
                <numerusform>%n ملف GGUF</numerusform>
                <numerusform>%n ملفان GGUF</numerusform>
                <numerusform>%n ملفات GGUF</numerusform>
                <numerusform>%n ملفًا GGUF</numerusform>
                <numerusform>%n ملف GGUF</numerusform>
            </translation>
        </message>
        <message>
            <source>Hugging Face token</source>
            <translation>رمز Hugging Face المميز</translation>
        </message>
        <message>
            <source>Token (kept in the system keyring only):</source>
            <translation>الرمز المميز (يُحفظ في سلسلة مفاتيح النظام فقط):</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>التقدم</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Downloads</source>
            <translation>التنزيلات</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>إيقاف مؤقت</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>استئناف</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <source>Download of {file}</source>
            <translation>تنزيل {file}</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>في قائمة الانتظار</translation>
        </message>
        <message>
            <source>Failed: {message}</source>
            <translation>فشل: {message}</translation>
        </message>
        <message>
            <source>{paused} (Resume to continue)</source>
            <translation>{paused} (استأنف للمتابعة)</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>أُلغي</translation>
        </message>
        <message>
            <source>Paused at {done} / {total}</source>
            <translation>متوقف مؤقتًا عند {done} / {total}</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>اكتمل</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>فشل</translation>
        </message>
        <message>
            <source>Verifying sha256…</source>
            <translation>جارٍ التحقق من sha256…</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>جارٍ البدء…</translation>
        </message>
        <message>
            <source>Reconnecting…</source>
            <translation>جارٍ إعادة الاتصال…</translation>
        </message>
        <message>
            <source>{status}: {message}</source>
            <translation>{status}: {message}</translation>
        </message>
        <message>
            <source>{done} / {total} · {speed}/s</source>
            <translation>{done} / {total} · {speed}/ث</translation>
        </message>
        <message>
            <source>{progress} · {seconds} s left</source>
            <translation>{progress} · يتبقى {seconds} ث</translation>
        </message>
        <message>
            <source>Done: installed as {model}</source>
            <translation>اكتمل: ثُبِّت باسم {model}</translation>
        </message>
        <message>
            <source>Cancelled (partial file deleted)</source>
            <translation>أُلغي (حُذف الملف الجزئي)</translation>
        </message>
        <message>
            <source>Download failed: {message}</source>
            <translation>فشل التنزيل: {message}</translation>
        </message>
        <message>
            <source>Download finished: {model} is installed.</source>
            <translation>اكتمل التنزيل: تم تثبيت {model}.</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>المعرّف</translation>
        </message>
        <message>
            <source>Size on disk</source>
            <translation>الحجم على القرص</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>المصدر</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>افتراضي</translation>
        </message>
        <message>
            <source>Installed models</source>
            <translation>النماذج المثبتة</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>حذف…</translation>
        </message>
        <message>
            <source>Show in folder</source>
            <translation>إظهار في المجلد</translation>
        </message>
        <message>
            <source>Set as default</source>
            <translation>تعيين كافتراضي</translation>
        </message>
        <message>
            <source>Import GGUF…</source>
            <translation>استيراد GGUF…</translation>
        </message>
        <message>
            <source>default model</source>
            <translation>النموذج الافتراضي</translation>
        </message>
        <message>
            <source>not default</source>
            <translation>غير افتراضي</translation>
        </message>
        <message>
            <source>Delete model</source>
            <translation>حذف النموذج</translation>
        </message>
        <message>
            <source>Delete {model} and its file from disk?</source>
            <translation>هل تريد حذف {model} وملفه من القرص؟</translation>
        </message>
        <message>
            <source>Imported {name} as {id}</source>
            <translation>تم استيراد {name} باسم {id}</translation>
        </message>
        <message>
            <source>Import a GGUF model</source>
            <translation>استيراد نموذج GGUF</translation>
        </message>
        <message>
            <source>GGUF models (*.gguf)</source>
            <translation>نماذج GGUF (*.gguf)</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>استيراد</translation>
        </message>
        <message>
            <source>Copy the file into Wren's models folder?
(No = use it where it is)</source>
            <translation>هل تريد نسخ الملف إلى مجلد نماذج Wren؟
(لا = استخدامه في مكانه الحالي)</translation>
        </message>
    </context>
    <context>
        <name>OverflowBanner</name>
        <message>
            <source>Continue in a new chat with a summary</source>
            <translation>المتابعة في محادثة جديدة مع ملخص</translation>
        </message>
        <message>
            <source>Continue in a new conversation carrying a summary</source>
            <translation>المتابعة في محادثة جديدة تحمل ملخصًا</translation>
        </message>
        <message>
            <source>Drop oldest turns</source>
            <translation>حذف أقدم الأدوار</translation>
        </message>
        <message>
            <source>Drop the oldest turns, keep the system prompt</source>
            <translation>حذف أقدم الأدوار مع الإبقاء على موجّه النظام</translation>
        </message>
        <message>
            <source>&lt;b&gt;This conversation no longer fits the model's memory.&lt;/b&gt;</source>
            <translation>&lt;b&gt;لم تعد هذه المحادثة تتسع في ذاكرة النموذج.&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;This conversation fills {percent}% of the model's context&lt;/b&gt; ({used} of {limit} tokens).</source>
            <translation>&lt;b&gt;تشغل هذه المحادثة {percent}% من سياق النموذج&lt;/b&gt; ({used} من {limit} رمز).</translation>
        </message>
        <message>
            <source>{head} Older text would otherwise be cut off. Default: continue in a new conversation carrying a summary; or drop the oldest turns (the system prompt is kept).</source>
            <translation>{head} وإلا فسيُقتطع النص الأقدم. الافتراضي: المتابعة في محادثة جديدة تحمل ملخصًا؛ أو حذف أقدم الأدوار (مع الإبقاء على موجّه النظام).</translation>
        </message>
    </context>
    <context>
        <name>PageView</name>
        <message>
            <source>Document page</source>
            <translation>صفحة المستند</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Short: a few sentences</source>
            <translation>قصير: بضع جمل</translation>
        </message>
        <message>
            <source>Medium: a paragraph or two</source>
            <translation>متوسط: فقرة أو فقرتان</translation>
        </message>
        <message>
            <source>Detailed: every main point</source>
            <translation>مفصَّل: كل نقطة رئيسية</translation>
        </message>
        <message>
            <source>The new language is used when Wren starts again.</source>
            <translation>تُستخدم اللغة الجديدة عند إعادة تشغيل Wren.</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>التفضيلات</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>اللغة</translation>
        </message>
        <message>
            <source>Language of the window</source>
            <translation>لغة النافذة</translation>
        </message>
        <message>
            <source>System language ({language})</source>
            <translation>لغة النظام ({language})</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>ال&amp;لغة</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>المستندات</translation>
        </message>
        <message>
            <source>Summary length</source>
            <translation>طول الملخص</translation>
        </message>
        <message>
            <source>Summary &amp;length</source>
            <translation>&amp;طول الملخص</translation>
        </message>
        <message>
            <source>Disk space for saved document readings</source>
            <translation>مساحة القرص لقراءات المستندات المحفوظة</translation>
        </message>
        <message>
            <source> MB</source>
            <translation> MB</translation>
        </message>
        <message>
            <source>Don't keep readings</source>
            <translation>عدم الاحتفاظ بالقراءات</translation>
        </message>
        <message>
            <source>A document's reading is kept on disk so that follow-up questions are answered at once, even after a restart. The oldest readings are removed beyond this size.</source>
            <translation>تُحفظ قراءة المستند على القرص لتُجاب أسئلة المتابعة فورًا، حتى بعد إعادة التشغيل. تُزال أقدم القراءات عند تجاوز هذا الحجم.</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>مسح</translation>
        </message>
        <message>
            <source>Clear saved document readings</source>
            <translation>مسح قراءات المستندات المحفوظة</translation>
        </message>
        <message>
            <source>Saved &amp;readings</source>
            <translation>القراءات ال&amp;محفوظة</translation>
        </message>
        <message>
            <source>Saved readings in use</source>
            <translation>القراءات المحفوظة المستخدمة</translation>
        </message>
        <message>
            <source>Local API server (File → Local API server)</source>
            <translation>خادم API المحلي (ملف ← خادم API المحلي)</translation>
        </message>
        <message>
            <source>API server port</source>
            <translation>منفذ خادم API</translation>
        </message>
        <message>
            <source>Any free port</source>
            <translation>أي منفذ متاح</translation>
        </message>
        <message>
            <source>&amp;Port on 127.0.0.1</source>
            <translation>المن&amp;فذ على 127.0.0.1</translation>
        </message>
        <message>
            <source>Keep API conversations in the history</source>
            <translation>الاحتفاظ بمحادثات API في السجل</translation>
        </message>
        <message>
            <source>GPU</source>
            <translation>GPU</translation>
        </message>
        <message>
            <source>GPU memory Wren may use</source>
            <translation>ذاكرة GPU التي يمكن لـ Wren استخدامها</translation>
        </message>
        <message>
            <source> GB</source>
            <translation> GB</translation>
        </message>
        <message>
            <source>All free memory</source>
            <translation>كل الذاكرة المتاحة</translation>
        </message>
        <message>
            <source>Wren plans how much of a model goes to the GPU from its free memory, less a safety margin of 512 MB. Set a limit to keep room for other programs (games, video, other models).</source>
            <translation>يحدد Wren مقدار ما يوضع من النموذج على GPU بناءً على ذاكرته المتاحة، مطروحًا منها هامش أمان قدره 512 MB. عيّن حدًا لترك مساحة للبرامج الأخرى (الألعاب، الفيديو، النماذج الأخرى).</translation>
        </message>
        <message numerus="yes">
            <source>{size} in use by %n saved reading(s)</source>
            <translation>
                <numerusform>{size} تستخدمها %n قراءة محفوظة</numerusform>
                <numerusform>{size} تستخدمها %n قراءة محفوظة</numerusform>
                <numerusform>{size} تستخدمها %n قراءتان محفوظتان</numerusform>
                <numerusform>{size} تستخدمها %n قراءات محفوظة</numerusform>
                <numerusform>{size} تستخدمها %n قراءة محفوظة</numerusform>
                <numerusform>{size} تستخدمها %n قراءة محفوظة</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReplyWords</name>
        <message numerus="yes">
            <source>%Ln token(s)</source>
            <translation>
                <numerusform>%Ln رمز</numerusform>
                <numerusform>%Ln رمز</numerusform>
                <numerusform>%Ln رمزان</numerusform>
                <numerusform>%Ln رموز</numerusform>
                <numerusform>%Ln رمزًا</numerusform>
                <numerusform>%Ln رمز</numerusform>
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
            <translation>أنت</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>المساعد</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>مستند</translation>
        </message>
        <message>
            <source>System</source>
            <translation>النظام</translation>
        </message>
        <message>
            <source>Conversation title</source>
            <translation>عنوان المحادثة</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>بلا عنوان</translation>
        </message>
        <message>
            <source>Search conversations</source>
            <translation>البحث في المحادثات</translation>
        </message>
        <message>
            <source>Search all chats: words, "a phrase", prefix*</source>
            <translation>ابحث في كل المحادثات: كلمات، "عبارة"، بادئة*</translation>
        </message>
        <message>
            <source>Search all conversations</source>
            <translation>البحث في كل المحادثات</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>نتائج البحث</translation>
        </message>
        <message>
            <source>Type to search.</source>
            <translation>اكتب للبحث.</translation>
        </message>
        <message>
            <source>Search status</source>
            <translation>حالة البحث</translation>
        </message>
        <message>
            <source>No words to search for.</source>
            <translation>لا توجد كلمات للبحث عنها.</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>جارٍ البحث…</translation>
        </message>
        <message numerus="yes">
            <source>%n+ result(s) ({ms} ms)</source>
            <translation>
                <numerusform>%n+ نتيجة ({ms} ms)</numerusform>
                <numerusform>%n+ نتيجة ({ms} ms)</numerusform>
                <numerusform>%n+ نتيجتان ({ms} ms)</numerusform>
                <numerusform>%n+ نتائج ({ms} ms)</numerusform>
                <numerusform>%n+ نتيجة ({ms} ms)</numerusform>
                <numerusform>%n+ نتيجة ({ms} ms)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n result(s) ({ms} ms)</source>
            <translation>
                <numerusform>%n نتيجة ({ms} ms)</numerusform>
                <numerusform>%n نتيجة ({ms} ms)</numerusform>
                <numerusform>%n نتيجتان ({ms} ms)</numerusform>
                <numerusform>%n نتائج ({ms} ms)</numerusform>
                <numerusform>%n نتيجة ({ms} ms)</numerusform>
                <numerusform>%n نتيجة ({ms} ms)</numerusform>
            </translation>
        </message>
        <message>
            <source>No results.</source>
            <translation>لا توجد نتائج.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Precise</source>
            <translation>دقيق</translation>
        </message>
        <message>
            <source>Balanced</source>
            <translation>متوازن</translation>
        </message>
        <message>
            <source>Creative</source>
            <translation>إبداعي</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>مخصص</translation>
        </message>
        <message>
            <source>Conversation settings</source>
            <translation>إعدادات المحادثة</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>الإعداد المسبق</translation>
        </message>
        <message>
            <source>New preset name</source>
            <translation>اسم الإعداد المسبق الجديد</translation>
        </message>
        <message>
            <source>Save preset</source>
            <translation>حفظ الإعداد المسبق</translation>
        </message>
        <message>
            <source>Save these settings as a preset</source>
            <translation>حفظ هذه الإعدادات كإعداد مسبق</translation>
        </message>
        <message>
            <source>&amp;Preset</source>
            <translation>الإعداد ال&amp;مسبق</translation>
        </message>
        <message>
            <source>System prompt</source>
            <translation>موجّه النظام</translation>
        </message>
        <message>
            <source>Optional instructions the model follows in this conversation</source>
            <translation>تعليمات اختيارية يتبعها النموذج في هذه المحادثة</translation>
        </message>
        <message>
            <source>S&amp;ystem prompt</source>
            <translation>موجّه ال&amp;نظام</translation>
        </message>
        <message>
            <source>Temperature</source>
            <translation>درجة الحرارة</translation>
        </message>
        <message>
            <source>&amp;Temperature</source>
            <translation>&amp;درجة الحرارة</translation>
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
            <translation> رمز</translation>
        </message>
        <message>
            <source>Maximum reply length</source>
            <translation>الحد الأقصى لطول الرد</translation>
        </message>
        <message>
            <source>&amp;Max reply length</source>
            <translation>ال&amp;حد الأقصى لطول الرد</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>تلقائي</translation>
        </message>
        <message>
            <source>Context size</source>
            <translation>حجم السياق</translation>
        </message>
        <message>
            <source>Memory the context needs</source>
            <translation>الذاكرة التي يحتاجها السياق</translation>
        </message>
        <message>
            <source>&amp;Context size</source>
            <translation>حجم ال&amp;سياق</translation>
        </message>
        <message>
            <source>GPU use</source>
            <translation>استخدام GPU</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>إيقاف</translation>
        </message>
        <message>
            <source>Layers:</source>
            <translation>الطبقات:</translation>
        </message>
        <message>
            <source>Automatic puts as much of the model on the GPU as its free memory allows (within the limit set in Preferences). Off runs on the CPU only.</source>
            <translation>يضع الوضع «تلقائي» أكبر قدر ممكن من النموذج على GPU بحسب ذاكرته المتاحة (ضمن الحد المعيَّن في التفضيلات). أما «إيقاف» فيعمل على CPU فقط.</translation>
        </message>
        <message>
            <source> layers</source>
            <translation> طبقة</translation>
        </message>
        <message>
            <source>GPU offload layers</source>
            <translation>طبقات النموذج المنقولة إلى GPU</translation>
        </message>
        <message>
            <source>&amp;GPU</source>
            <translation>&amp;GPU</translation>
        </message>
        <message>
            <source>Automatic (faster where the reply repeats the text)</source>
            <translation>تلقائي (أسرع حين يكرر الرد النص)</translation>
        </message>
        <message>
            <source>Lookup decoding</source>
            <translation>فك الترميز بالبحث</translation>
        </message>
        <message>
            <source>Guesses the next words from the document and the conversation and checks the guess in one step. The reply is the same; summaries and questions about a document come faster.</source>
            <translation>يخمّن الكلمات التالية من المستند والمحادثة ويتحقق من التخمين في خطوة واحدة. يبقى الرد كما هو؛ لكن الملخصات والأسئلة عن المستند تأتي أسرع.</translation>
        </message>
        <message>
            <source>Give the preset a new name</source>
            <translation>أعطِ الإعداد المسبق اسمًا جديدًا</translation>
        </message>
        <message>
            <source>chosen from the model and free memory</source>
            <translation>يُحدَّد حسب النموذج والذاكرة المتاحة</translation>
        </message>
        <message>
            <source>≈ {size} of RAM</source>
            <translation>≈ {size} من RAM</translation>
        </message>
    </context>
    <context>
        <name>SystemDialog</name>
        <message>
            <source>This computer</source>
            <translation>هذا الجهاز</translation>
        </message>
        <message>
            <source>CPU, memory and GPUs Wren can use</source>
            <translation>المعالج والذاكرة ووحدات GPU التي يمكن لـ Wren استخدامها</translation>
        </message>
        <message>
            <source>Looking at this computer…</source>
            <translation>جارٍ فحص هذا الجهاز…</translation>
        </message>
    </context>
    <context>
        <name>Wren</name>
        <message>
            <source>Wren cannot start</source>
            <translation>تعذّر بدء Wren</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <source>Open a conversation to export it.</source>
            <translation>افتح محادثة لتصديرها.</translation>
        </message>
        <message>
            <source>Export conversation</source>
            <translation>تصدير المحادثة</translation>
        </message>
        <message>
            <source>Export failed: {why}</source>
            <translation>فشل التصدير: {why}</translation>
        </message>
        <message>
            <source>Exported to {path}</source>
            <translation>تم التصدير إلى {path}</translation>
        </message>
    </context>
</TS>
