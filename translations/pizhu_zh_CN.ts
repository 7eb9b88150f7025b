<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnotationCommand</name>
    <message>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <source>Change Colour</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <source>Change Tags</source>
        <translation>更改标签</translation>
    </message>
    <message>
        <source>Delete Highlight</source>
        <translation>删除高亮</translation>
    </message>
    <message>
        <source>Re-attach Highlight</source>
        <translation>重新附着高亮</translation>
    </message>
</context>
<context>
    <name>AnnotationPalette</name>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
</context>
<context>
    <name>Pizhu::AnnotationActions</name>
    <message>
        <source>The annotation database cannot be opened (%1): highlighting is off.</source>
        <translation>无法打开标注数据库（%1）：高亮已停用。</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Highlight</source>
        <translation>高亮(&amp;H)</translation>
    </message>
    <message>
        <source>Highlight &amp;Colour</source>
        <translation>高亮颜色(&amp;C)</translation>
    </message>
    <message>
        <source>Add &amp;Note</source>
        <translation>添加备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete Highlight</source>
        <translation>删除高亮(&amp;D)</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <source>&amp;Re-attach to Selection</source>
        <translation>重新附着到所选文字(&amp;R)</translation>
    </message>
    <message>
        <source>Anchor the annotation chosen in the Annotations panel (an orphan) on the selected text</source>
        <translation>把标注面板中选中的标注（已失去位置的）附着到所选文字上</translation>
    </message>
    <message>
        <source>Choose an annotation in the panel and select the text to attach it to.</source>
        <translation>请在面板中选择一条标注，并选中要附着的文字。</translation>
    </message>
    <message>
        <source>&amp;Annotations List</source>
        <translation>标注列表(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Pizhu::AnnotationController</name>
    <message>
        <source>No annotation database: highlighting is off.</source>
        <translation>没有标注数据库：高亮已停用。</translation>
    </message>
    <message>
        <source>The annotation database is read-only: highlighting is off.</source>
        <translation>标注数据库是只读的：高亮已停用。</translation>
    </message>
    <message>
        <source>No document is open.</source>
        <translation>没有打开的文档。</translation>
    </message>
    <message>
        <source>The annotation database refused the change: %1</source>
        <translation>标注数据库拒绝了此修改：%1</translation>
    </message>
</context>
<context>
    <name>Pizhu::AnnotationListModel</name>
    <message numerus="yes">
        <source>Orphaned (%n)</source>
        <translation>
            <numerusform>失去位置（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>Pizhu::AnnotationsDock</name>
    <message>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Filter annotations</source>
        <translation>筛选标注</translation>
    </message>
    <message>
        <source>All colours</source>
        <translation>所有颜色</translation>
    </message>
    <message>
        <source>By position</source>
        <translation>按位置</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新的在前</translation>
    </message>
    <message>
        <source>Note (plain text, Markdown allowed)</source>
        <translation>备注（纯文本，可用 Markdown）</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n 条标注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n annotation(s)</source>
        <translation>
            <numerusform>%1 / %n 条标注</numerusform>
        </translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
</context>
<context>
    <name>Pizhu::Cli</name>
    <message>
        <source>write FILE&apos;s notes as Markdown or W3C Web Annotation JSON (standard output by default), or a copy of the PDF FILE with its highlights as PDF annotations (-o OUT.pdf)</source>
        <translation>把 FILE 的标注写成 Markdown 或 W3C Web Annotation JSON（默认写到标准输出），或写出 PDF 文件 FILE 的副本，其中的高亮成为 PDF 注释（-o OUT.pdf）</translation>
    </message>
    <message>
        <source>merge W3C Web Annotation JSON notes into FILE&apos;s notes (by id, newer wins), or the PDF&apos;s own highlights and sticky notes</source>
        <translation>把 W3C Web Annotation JSON 中的标注并入 FILE 的标注（按 id 合并，较新的优先），或导入 PDF 自带的高亮和便笺</translation>
    </message>
    <message>
        <source>add, list, search, edit and remove annotations</source>
        <translation>添加、列出、搜索、编辑和删除标注</translation>
    </message>
    <message>
        <source>print the outline: one node a line, indented two spaces a level</source>
        <translation>输出大纲：每行一个节点，每深一级缩进两个空格</translation>
    </message>
    <message>
        <source>print one block a line: PART&lt;TAB&gt;KIND&lt;TAB&gt;TEXT</source>
        <translation>每行输出一个文本块：PART&lt;TAB&gt;KIND&lt;TAB&gt;TEXT（部分、类型、文字）</translation>
    </message>
    <message>
        <source>print each match as PART&lt;TAB&gt;START&lt;TAB&gt;SECTION&lt;TAB&gt;CONTEXT and a count; --pinyin also matches Han characters by pinyin (zhiliang: 质量); --notes searches the notes of every document instead</source>
        <translation>每个匹配输出为 PART&lt;TAB&gt;START&lt;TAB&gt;SECTION&lt;TAB&gt;CONTEXT（部分、起始位置、章节、上下文），最后输出匹配数；--pinyin 同时按拼音匹配汉字（zhiliang：质量）；--notes 改为搜索所有文档的标注</translation>
    </message>
    <message>
        <source>search quotes, notes and tags of every document (also: search --notes); prints DOCUMENT&lt;TAB&gt;SECTION&lt;TAB&gt;QUOTE&lt;TAB&gt;NOTE and a count</source>
        <translation>搜索所有文档的引文、备注和标签（也可用 search --notes）；输出 DOCUMENT&lt;TAB&gt;SECTION&lt;TAB&gt;QUOTE&lt;TAB&gt;NOTE（文档、章节、引文、备注）和匹配数</translation>
    </message>
    <message>
        <source>print the quantitative targets: one a line, INDICATOR&lt;TAB&gt;DIRECTION&lt;TAB&gt;COMPARATOR&lt;TAB&gt;VALUE&lt;TAB&gt;UNIT&lt;TAB&gt;HORIZON&lt;TAB&gt;SECTION&lt;TAB&gt;START&lt;TAB&gt;CHANGE&lt;TAB&gt;SENTENCE; with --compare, a table of the same targets across the documents, one column per document (its year)</source>
        <translation>输出量化目标，每行一个：INDICATOR&lt;TAB&gt;DIRECTION&lt;TAB&gt;COMPARATOR&lt;TAB&gt;VALUE&lt;TAB&gt;UNIT&lt;TAB&gt;HORIZON&lt;TAB&gt;SECTION&lt;TAB&gt;START&lt;TAB&gt;CHANGE&lt;TAB&gt;SENTENCE（指标、方向、比较符、数值、单位、时限、章节、起始位置、增减、原句）；加 --compare 时，输出各文档相同目标的对照表，每个文档（按年份）一列</translation>
    </message>
    <message>
        <source>Usage: pizhu [--lang CODE] [--db PATH] [FILE]
       pizhu COMMAND ARGS...

Pizhu (批注) opens long structured documents for close reading and annotation.
Without a command it opens FILE (or the bundled document) in a window.

Commands:
</source>
        <translation>用法：pizhu [--lang CODE] [--db PATH] [FILE]
      pizhu COMMAND ARGS...

批注（Pizhu）用于细读和标注结构化的长篇文档。
不带命令时，在窗口中打开 FILE（或附带的文档）。

命令：
</translation>
    </message>
    <message>
        <source>
Options:
  --help            show this help
  --version         show the version
  --lang CODE       the language of the window, of this help and of the words an export adds
                    (zh_CN: Simplified Chinese; en: English); default: the locale&apos;s
  --password PASS   with a command that reads a FILE: the password of an encrypted PDF

FILE may be - for standard input. Exit status: 0 success, 1 not done, 2 bad usage,
3 an input that cannot be read or is refused, 4 the output cannot be written,
5 the notes database cannot be used, 6 done on notes recovered from a damaged database.
</source>
        <translation>
选项：
  --help            显示本帮助
  --version         显示版本
  --lang CODE       窗口、本帮助和导出时添加的文字所用的语言
                    （zh_CN：简体中文；en：英文）；默认随系统区域设置
  --password PASS   用于读取 FILE 的命令：加密 PDF 的密码

FILE 为 - 时读取标准输入。退出状态：0 成功，1 未完成，2 用法错误，
3 输入无法读取或被拒绝，4 输出无法写入，
5 标注数据库无法使用，6 已完成，但所用标注是从损坏的数据库中恢复的。
</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>没有这个文件</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>this is a binary file, not text</source>
        <translation>这是二进制文件，不是文本</translation>
    </message>
    <message>
        <source>the file is larger than Pizhu opens (%1 MiB)</source>
        <translation>文件超过了批注能打开的大小（%1 MiB）</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>cannot be opened</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>not a PDF file</source>
        <translation>不是 PDF 文件</translation>
    </message>
    <message>
        <source>the PDF is damaged and cannot be read</source>
        <translation>该 PDF 已损坏，无法读取</translation>
    </message>
    <message>
        <source>the PDF is encrypted; Pizhu cannot open it without its password</source>
        <translation>该 PDF 已加密；没有密码，批注无法打开它</translation>
    </message>
    <message>
        <source>the password is wrong for this PDF</source>
        <translation>该 PDF 的密码不正确</translation>
    </message>
    <message>
        <source>the PDF has no text layer (scanned pages?); Pizhu does not do OCR</source>
        <translation>该 PDF 没有文字层（可能是扫描件）；批注不做文字识别（OCR）</translation>
    </message>
    <message>
        <source>Pizhu&apos;s PDF support (%1) is not installed or cannot be loaded; reinstall Pizhu to read PDFs</source>
        <translation>批注的 PDF 支持组件（%1）未安装或无法加载；请重新安装批注以读取 PDF</translation>
    </message>
    <message>
        <source>%1 is encrypted; Pizhu cannot open it without its password (--password PASS)</source>
        <translation>%1 已加密；没有密码（--password PASS），批注无法打开它</translation>
    </message>
    <message>
        <source>standard input: cannot be read: %1</source>
        <translation>标准输入：无法读取：%1</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>标准输入</translation>
    </message>
    <message>
        <source>usage: pizhu %1</source>
        <translation>用法：pizhu %1</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 需要一个值</translation>
    </message>
</context>
<context>
    <name>Pizhu::CompareTargetsDialog</name>
    <message>
        <source>Compare Targets</source>
        <translation>目标对比</translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation>复制为 Markdown</translation>
    </message>
    <message>
        <source>Reading the documents…</source>
        <translation>正在读取文档…</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) compared.</source>
        <translation>
            <numerusform>已对比 %n 份文档。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out: unreadable or without targets.</source>
        <translation>
            <numerusform>%n 份未列入：无法读取或没有目标。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pizhu::ComparisonModel</name>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A value and its change: &quot;3.9万亿元 (+1000亿元 on last year)&quot;.</extracomment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>Pizhu::DocumentLoader</name>
    <message>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>This is not a file.</source>
        <translation>这不是一个文件。</translation>
    </message>
    <message>
        <source>The file cannot be read: permission denied or an input error.</source>
        <translation>无法读取文件：没有权限或发生输入错误。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The file is not text: it looks like a binary file.</source>
        <translation>这不是文本文件：看起来是二进制文件。</translation>
    </message>
    <message>
        <source>The file is too large to open.</source>
        <translation>文件太大，无法打开。</translation>
    </message>
    <message>
        <source>Opening the file was cancelled.</source>
        <translation>已取消打开文件。</translation>
    </message>
    <message>
        <source>The file is not a PDF.</source>
        <translation>该文件不是 PDF。</translation>
    </message>
    <message>
        <source>The PDF is damaged and cannot be read.</source>
        <translation>该 PDF 已损坏，无法读取。</translation>
    </message>
    <message>
        <source>The PDF is encrypted: Pizhu cannot open it without its password.</source>
        <translation>该 PDF 已加密：没有密码，批注无法打开它。</translation>
    </message>
    <message>
        <source>The PDF password is wrong.</source>
        <translation>PDF 密码不正确。</translation>
    </message>
    <message>
        <source>The PDF has no text, only images of pages (a scan?): Pizhu reads text and does not recognise it in images.</source>
        <translation>该 PDF 没有文字，只有页面图像（可能是扫描件）：批注只读取文字，不识别图像中的文字。</translation>
    </message>
    <message>
        <source>Pizhu&apos;s PDF support (%1) is not installed or cannot be loaded: reinstall Pizhu to open PDFs.</source>
        <translation>批注的 PDF 支持组件（%1）未安装或无法加载：请重新安装批注以打开 PDF。</translation>
    </message>
</context>
<context>
    <name>Pizhu::DocumentView</name>
    <message>
        <source>p. %1</source>
        <translation>第 %1 页</translation>
    </message>
</context>
<context>
    <name>Pizhu::ExportNotesDialog</name>
    <message>
        <source>Export Notes</source>
        <translation>导出标注</translation>
    </message>
    <message>
        <source>This document&apos;s notes have no tags.</source>
        <translation>本文档的标注没有标签。</translation>
    </message>
    <message>
        <source>Check tags to export only notes with one of them.</source>
        <translation>勾选标签，只导出带有其中任一标签的标注。</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>How the Markdown export arranges the notes; the JSON export lists them in order.</source>
        <translation>Markdown 导出时标注的编排方式；JSON 导出按顺序列出。</translation>
    </message>
    <message>
        <source>Choose File…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Group by:</source>
        <translation>分组方式：</translation>
    </message>
    <message>
        <source>No notes match this choice.</source>
        <translation>没有符合所选条件的标注。</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 notes will be exported.</source>
        <translation>
            <numerusform>将导出 %n 条标注（共 %1 条）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pizhu::FileWatchActions</name>
    <message>
        <source>File notice</source>
        <translation>文件提示</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新载入(&amp;R)</translation>
    </message>
    <message>
        <source>Open the file as it is now; notes follow the text they were made on</source>
        <translation>按文件当前的内容重新打开；标注会跟随它们所标的文字</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <source>“%1” was removed. You are reading the copy opened at %2.</source>
        <translation>“%1”已被删除。您正在阅读 %2 打开时的副本。</translation>
    </message>
    <message>
        <source>“%1” changed on disk since it was opened.</source>
        <translation>“%1”在打开后已在磁盘上被修改。</translation>
    </message>
</context>
<context>
    <name>Pizhu::FindActions</name>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
</context>
<context>
    <name>Pizhu::FindBar</name>
    <message>
        <source>Find in document</source>
        <translation>在文档中查找</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>Also match Chinese characters by their pinyin: zhiliang finds 质量</source>
        <translation>也按拼音匹配汉字：zhiliang 可找到“质量”</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>上一个匹配（Shift+Enter，Shift+F3）</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>下一个匹配（Enter，F3）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>没有匹配</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
</context>
<context>
    <name>Pizhu::MainWindow</name>
    <message>
        <source>Pizhu</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Opening cancelled.</source>
        <translation>已取消打开。</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Commentary</source>
        <translation>解读</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open Document</source>
        <translation>打开文档</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Bundled Document</source>
        <translation>打开附带文档(&amp;B)</translation>
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
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Font…</source>
        <translation>字体(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Line Spacing</source>
        <translation>行距(&amp;L)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Show &amp;Outline</source>
        <translation>显示大纲(&amp;O)</translation>
    </message>
    <message>
        <source>Show &amp;Document</source>
        <translation>显示正文(&amp;D)</translation>
    </message>
    <message>
        <source>Show &amp;Commentary</source>
        <translation>显示解读(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Next Section</source>
        <translation>下一节(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Section</source>
        <translation>上一节(&amp;P)</translation>
    </message>
    <message>
        <source>Back to &amp;Top</source>
        <translation>回到开头(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Outline</source>
        <translation>大纲(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Pizhu</source>
        <translation>关于批注(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>%1 — Pizhu</source>
        <translation>%1 — 批注</translation>
    </message>
    <message>
        <source>Cannot Open File</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>Pizhu cannot open “%1”.</source>
        <translation>批注无法打开“%1”。</translation>
    </message>
    <message>
        <source>Reading Font</source>
        <translation>阅读字体</translation>
    </message>
    <message>
        <source>About Pizhu</source>
        <translation>关于批注</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Pizhu %1&lt;/h3&gt;&lt;p&gt;Close reading and annotation of long documents.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;批注 %1&lt;/h3&gt;&lt;p&gt;细读长篇文档，随读随标注。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Document (opening)</source>
        <translation>正文（正在打开）</translation>
    </message>
    <message>
        <source>Documents (*.txt *.md *.markdown *.pdf);;Text and Markdown (*.txt *.md *.markdown);;PDF files (*.pdf);;All files (*)</source>
        <translation>文档 (*.txt *.md *.markdown *.pdf);;文本和 Markdown (*.txt *.md *.markdown);;PDF 文件 (*.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Main document — %1</source>
        <translation>正文 — %1</translation>
    </message>
    <message>
        <source>Commentary — %1</source>
        <translation>解读 — %1</translation>
    </message>
    <message>
        <source>after the main document</source>
        <translation>正文之后</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Filter commands or keys</source>
        <translation>筛选命令或按键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>Pizhu::MarkdownExporter</name>
    <message>
        <source>¶ %1</source>
        <translation>第 %1 段</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>pp. %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <source>Orphaned notes</source>
        <translation>失去位置的标注</translation>
    </message>
</context>
<context>
    <name>Pizhu::NotesExportActions</name>
    <message>
        <source>&amp;Export Notes…</source>
        <translation>导出标注(&amp;E)…</translation>
    </message>
    <message>
        <source>Copy Notes as &amp;Markdown</source>
        <translation>以 Markdown 复制标注(&amp;M)</translation>
    </message>
    <message>
        <source>No document is open.</source>
        <translation>没有打开的文档。</translation>
    </message>
    <message>
        <source>Notes cannot be exported: the annotation database is not open.</source>
        <translation>无法导出标注：标注数据库未打开。</translation>
    </message>
    <message>
        <source>Notes cannot be exported: the annotation database cannot be read (%1).</source>
        <translation>无法导出标注：无法读取标注数据库（%1）。</translation>
    </message>
    <message>
        <source>This document has no notes to export.</source>
        <translation>本文档没有可导出的标注。</translation>
    </message>
    <message>
        <source>No notes match the export filters.</source>
        <translation>没有符合导出筛选条件的标注。</translation>
    </message>
    <message>
        <source>Notes exported to “%1”.</source>
        <translation>标注已导出到“%1”。</translation>
    </message>
    <message>
        <source>Notes copied as Markdown.</source>
        <translation>标注已以 Markdown 格式复制。</translation>
    </message>
    <message>
        <source>%1 notes</source>
        <translation>%1 标注</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Web Annotations JSON (*.json)</source>
        <translation>Web Annotations JSON (*.json)</translation>
    </message>
    <message>
        <source>Export Notes</source>
        <translation>导出标注</translation>
    </message>
</context>
<context>
    <name>Pizhu::NotesSearchActions</name>
    <message>
        <source>&amp;Search Notes…</source>
        <translation>搜索标注(&amp;S)…</translation>
    </message>
    <message>
        <source>Search the quotes, notes and tags of every document</source>
        <translation>搜索所有文档的引文、备注和标签</translation>
    </message>
    <message>
        <source>“%1” was never opened from a file here: open it to see this note.</source>
        <translation>《%1》从未在这里从文件打开过：请先打开它再查看这条标注。</translation>
    </message>
    <message>
        <source>The file of “%1” is gone: %2</source>
        <translation>《%1》的文件已不存在：%2</translation>
    </message>
    <message>
        <source>The note is no longer in %1.</source>
        <translation>这条标注已不在 %1 中。</translation>
    </message>
    <message>
        <source>This note&apos;s text is no longer in the document: it is listed with the orphans.</source>
        <translation>这条标注所引的文字已不在文档中：它列在失去位置的标注里。</translation>
    </message>
</context>
<context>
    <name>Pizhu::NotesSearchDock</name>
    <message>
        <source>Search Notes</source>
        <translation>搜索标注</translation>
    </message>
    <message>
        <source>Search notes in all documents</source>
        <translation>在所有文档中搜索标注</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Notes found</source>
        <translation>找到的标注</translation>
    </message>
    <message>
        <source>Notes cannot be searched: there is no annotation database.</source>
        <translation>无法搜索标注：没有标注数据库。</translation>
    </message>
    <message>
        <source>Notes cannot be searched. %1</source>
        <translation>无法搜索标注。%1</translation>
    </message>
    <message>
        <source>The notes cannot be searched: %1</source>
        <translation>无法搜索标注：%1</translation>
    </message>
    <message>
        <source>No notes match</source>
        <translation>没有匹配的标注</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 条标注</translation>
    </message>
    <message>
        <source>The first %1 notes</source>
        <translation>前 %1 条标注</translation>
    </message>
    <message>
        <source>%1 notes</source>
        <translation>%1 条标注</translation>
    </message>
</context>
<context>
    <name>Pizhu::OriginalTextActions</name>
    <message>
        <source>Show &amp;Original Text</source>
        <translation>显示原始文字(&amp;O)</translation>
    </message>
    <message>
        <source>Show the text as it was extracted, without Pizhu&apos;s repairs</source>
        <translation>按提取时的原样显示文字，不做批注的修复</translation>
    </message>
    <message numerus="yes">
        <source>%n characters repaired</source>
        <translation>
            <numerusform>已修复 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>Radicals: %1, dashes: %2, ligatures: %3, spaces: %4, page numbers: %5, running headers: %6</source>
        <translation>部首：%1，破折号：%2，连字：%3，空格：%4，页码：%5，页眉页脚：%6</translation>
    </message>
</context>
<context>
    <name>Pizhu::PageActions</name>
    <message>
        <source>Original Page</source>
        <translation>原始页面</translation>
    </message>
    <message>
        <source>&amp;Page Zoom</source>
        <translation>页面缩放(&amp;P)</translation>
    </message>
    <message>
        <source>Fit Page &amp;Width</source>
        <translation>适合页宽(&amp;W)</translation>
    </message>
    <message>
        <source>Fit Whole &amp;Page</source>
        <translation>适合整页(&amp;P)</translation>
    </message>
    <message>
        <source>Page Zoom &amp;In</source>
        <translation>页面放大(&amp;I)</translation>
    </message>
    <message>
        <source>Page Zoom &amp;Out</source>
        <translation>页面缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>页宽</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Original Page in Place of the &amp;Text</source>
        <translation>以原始页面代替正文(&amp;T)</translation>
    </message>
    <message>
        <source>Go to &amp;Page…</source>
        <translation>转到页(&amp;P)…</translation>
    </message>
    <message>
        <source>No document is open.</source>
        <translation>没有打开的文档。</translation>
    </message>
    <message>
        <source>Pages are shown for PDF files. This document is text, so its reflowed text is all there is.</source>
        <translation>只有 PDF 文件才显示原始页面。本文档是文本文件，重排后的文字就是它的全部内容。</translation>
    </message>
    <message>
        <source>Go to Page</source>
        <translation>转到页</translation>
    </message>
    <message>
        <source>Page (as printed, or 1–%1 counted from the first):</source>
        <translation>页码（按印刷页码，或从第一页起数的 1–%1）：</translation>
    </message>
    <message>
        <source>No page “%1” in this document.</source>
        <translation>本文档中没有“%1”页。</translation>
    </message>
    <message>
        <source>Page %1 (%2 of %3)</source>
        <translation>第 %1 页（第 %2 页，共 %3 页）</translation>
    </message>
</context>
<context>
    <name>Pizhu::PageRenderer</name>
    <message>
        <source>Pages cannot be shown: Pizhu&apos;s PDF support is not installed.</source>
        <translation>无法显示页面：批注的 PDF 支持组件未安装。</translation>
    </message>
    <message>
        <source>The pages of this PDF are locked with a password.</source>
        <translation>该 PDF 的页面有密码保护。</translation>
    </message>
    <message>
        <source>The file is gone or is no longer a PDF.</source>
        <translation>文件已不存在，或已不再是 PDF。</translation>
    </message>
    <message>
        <source>The pages of this PDF cannot be read: it is damaged.</source>
        <translation>无法读取该 PDF 的页面：文件已损坏。</translation>
    </message>
</context>
<context>
    <name>Pizhu::PdfMarkupActions</name>
    <message>
        <source>Export Annotated &amp;PDF…</source>
        <translation>导出带标注的 &amp;PDF…</translation>
    </message>
    <message>
        <source>PDF annotations notice</source>
        <translation>PDF 注释提示</translation>
    </message>
    <message>
        <source>&amp;Import Them</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Add the PDF&apos;s highlights and notes to Pizhu&apos;s notes of this document</source>
        <translation>把 PDF 中的高亮和注释加入批注中本文档的标注</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message numerus="yes">
        <source>This PDF carries %n highlight(s) or note(s) made in another program.</source>
        <translation>
            <numerusform>此 PDF 带有 %n 处在其他程序中添加的高亮或注释。</numerusform>
        </translation>
    </message>
    <message>
        <source>The PDF&apos;s notes cannot be imported: %1</source>
        <translation>无法导入 PDF 的注释：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) imported from the PDF.</source>
        <translation>
            <numerusform>已从 PDF 导入 %n 条标注。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only a PDF can be exported as an annotated PDF.</source>
        <translation>只有 PDF 才能导出为带标注的 PDF。</translation>
    </message>
    <message>
        <source>Notes cannot be exported: the annotation database is not open.</source>
        <translation>无法导出标注：标注数据库未打开。</translation>
    </message>
    <message>
        <source>Notes cannot be exported: the annotation database cannot be read (%1).</source>
        <translation>无法导出标注：无法读取标注数据库（%1）。</translation>
    </message>
    <message>
        <source>This document has no highlights to put into the PDF.</source>
        <translation>本文档没有可写入 PDF 的高亮。</translation>
    </message>
    <message>
        <source>An encrypted PDF cannot be exported with its highlights.</source>
        <translation>加密的 PDF 无法连同高亮一起导出。</translation>
    </message>
    <message>
        <source>The PDF cannot be read again to write its copy (it changed or went since it was opened).</source>
        <translation>无法重新读取该 PDF 来写出副本（打开后它已被修改或删除）。</translation>
    </message>
    <message>
        <source>The annotated copy cannot replace the PDF itself; choose another name.</source>
        <translation>带标注的副本不能覆盖 PDF 原文件，请另选一个文件名。</translation>
    </message>
    <message>
        <source>Annotated PDF written to “%1”.</source>
        <translation>带标注的 PDF 已写入“%1”。</translation>
    </message>
    <message>
        <source>%1 (annotated)</source>
        <translation>%1（带标注）</translation>
    </message>
    <message>
        <source>Export Annotated PDF</source>
        <translation>导出带标注的 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Pizhu::PdfPasswordPrompt</name>
    <message>
        <source>Password Required</source>
        <translation>需要密码</translation>
    </message>
    <message>
        <source>“%1” is protected by a password.</source>
        <translation>“%1”受密码保护。</translation>
    </message>
    <message>
        <source>That password does not open it. Try again:</source>
        <translation>该密码无法打开它。请重试：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>Pizhu::RecentFiles</name>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清除菜单(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Pizhu::SaveBytes</name>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
</context>
<context>
    <name>Pizhu::SearchResultsDock</name>
    <message>
        <source>Search results (%1)</source>
        <translation>搜索结果（%1）</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
</context>
<context>
    <name>Pizhu::SearchResultsModel</name>
    <message>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
</context>
<context>
    <name>Pizhu::StoreNoticeBar</name>
    <message>
        <source>Notes database notice</source>
        <translation>标注数据库提示</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <source>Your notes database was damaged. 1 note could still be read and was recovered into a new database; the damaged file is kept as %1.</source>
        <translation>标注数据库已损坏。仍能读出的 1 条标注已恢复到新的数据库中；损坏的文件保留为 %1。</translation>
    </message>
    <message>
        <source>Your notes database was damaged. %1 notes could still be read and were recovered into a new database; the damaged file is kept as %2.</source>
        <translation>标注数据库已损坏。仍能读出的 %1 条标注已恢复到新的数据库中；损坏的文件保留为 %2。</translation>
    </message>
    <message>
        <source>%1 is not a Pizhu notes database; it was left as it is. Highlighting is off.</source>
        <translation>%1 不是批注的标注数据库，已原样保留。高亮已停用。</translation>
    </message>
    <message>
        <source>The notes database %1 cannot be read. Highlighting is off.</source>
        <translation>无法读取标注数据库 %1。高亮已停用。</translation>
    </message>
    <message>
        <source>The notes database %1 was made by a newer Pizhu; it was left as it is. Highlighting is off.</source>
        <translation>标注数据库 %1 由更新版本的批注创建，已原样保留。高亮已停用。</translation>
    </message>
    <message>
        <source>The notes database %1 is damaged and its notes could not be recovered (%2); it was left as it is. Highlighting is off.</source>
        <translation>标注数据库 %1 已损坏，其中的标注无法恢复（%2），已原样保留。高亮已停用。</translation>
    </message>
    <message>
        <source>The notes database %1 cannot be opened: the disk is full. Highlighting is off.</source>
        <translation>无法打开标注数据库 %1：磁盘已满。高亮已停用。</translation>
    </message>
    <message>
        <source>Another program is holding the notes database %1. Highlighting is off.</source>
        <translation>另一个程序正在使用标注数据库 %1。高亮已停用。</translation>
    </message>
</context>
<context>
    <name>Pizhu::TargetModel</name>
    <message>
        <source>rise</source>
        <translation>上升</translation>
    </message>
    <message>
        <source>fall</source>
        <translation>下降</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>增减</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>原句</translation>
    </message>
    <message>
        <source>%1 on last year</source>
        <translation>比上年 %1</translation>
    </message>
    <message>
        <source>%1 on last year (%2)</source>
        <translation>比上年 %1（%2）</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>比%2 %1</translation>
    </message>
</context>
<context>
    <name>Pizhu::TargetsActions</name>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>&amp;Compare Targets…</source>
        <translation>目标对比(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>Pizhu::TargetsDock</name>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <source>Turn the selected targets into highlights</source>
        <translation>把选中的目标标为高亮</translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation>复制为 Markdown</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export Targets</source>
        <translation>导出目标</translation>
    </message>
    <message>
        <source>targets.csv</source>
        <translation>目标.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Targets (%1)</source>
        <translation>目标（%1）</translation>
    </message>
</context>
<context>
    <name>Pizhu::ThemeActions</name>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Night</source>
        <translation>夜间(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;High Contrast</source>
        <translation>高对比度(&amp;H)</translation>
    </message>
</context>
<context>
    <name>Pizhu::WindowStatus</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop opening the file (Esc)</source>
        <translation>停止打开文件（Esc）</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>p. %1 · %2%</source>
        <translation>第 %1 页 · %2%</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
</context>
</TS>
