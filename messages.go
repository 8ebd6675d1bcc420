package main

import (
	"fmt"
	"strings"
)

// msg identifies a message the command prints; catalogue holds its English
// and Chinese format strings, which take the same arguments in the same
// order.
type msg int

const (
	msgUsage msg = iota
	msgFlagOutput
	msgFlagRefDate
	msgFlagReportDate
	msgFlagBodies
	msgFlagTemplate
	msgFlagMaxSheets
	msgBadMaxSheets
	msgFlagEncoding
	msgFlagVerbose
	msgFlagQuiet
	msgFlagVersion
	msgFlagHelp
	msgFlagError
	msgNoInput
	msgBadDate
	msgBadEncoding
	msgBadBodies
	msgRunHelp
	msgStdin
	msgNotFound
	msgNotRegular
	msgReportDateRange
	msgPermission
	msgReadError
	msgFolderEmpty
	msgFolderError
	msgOldFormat
	msgPDF
	msgConvertFailed
	msgConvertTimeout
	msgEncrypted
	msgOLEDamaged
	msgPDFDamaged
	msgNoTextLayer
	msgZipBomb
	msgNotOFD
	msgOFDCorrupt
	msgNotTaskSheet
	msgLedgerInput
	msgXlsxCorrupt
	msgTooLarge
	msgLongLine
	msgEmpty
	msgBinary
	msgMaybeUTF16
	msgEncoding
	msgForcedEncoding
	msgDocxCorrupt
	msgDocxBomb
	msgNotDocx
	msgNoSpeech
	msgWarnInvalid
	msgWarnNUL
	msgWarnSheets
	msgNoteEncoding
	msgNoteBOM
	msgNoteDocx
	msgNoteKind
	msgNoteLedger
	msgNoteNotTaskSheet
	msgNoteSpeeches
	msgNoteHidden
	msgNoteTemp
	msgNoteType
	msgNoteSpecial
	msgNoteCacheBad
	msgNothingWritten
	msgOutDirMissing
	msgOutNotDir
	msgOutIsDir
	msgOutPermission
	msgOutDiskFull
	msgOutError
	msgBadTemplate
)

var catalogue = map[msg][2]string{
	msgUsage: {
		`speechledger — supervision task ledger (督办台账) from speeches

Usage:
  speechledger [flags] PATH...

PATH is a .txt or .docx file, a PDF or OFD, a .doc, .wps, .xls or .et
(with LibreOffice), a task-division .xlsx, a folder (read recursively), or
- for standard input. Text may be UTF-8, UTF-16, GB18030/GBK or Big5; the
encoding is detected (-v shows it) or set with --encoding.

Examples:
  speechledger testdata/seeds                        # write ledger.xlsx
  speechledger -o 台账.xlsx "讲话稿 2024/"              # choose the output
  speechledger -o tasks.jsonl --ref-date 2024-03-05 speech.docx   # JSON lines
  type speech.txt | speechledger -o - -               # standard input to standard output

Exit status: 0 all inputs exported, 1 some input or the output failed,
2 usage error, 3 another run holds the output's lock, 4 the existing
workbook cannot be carried forward (left as it was), 130/143 stopped by
SIGINT/SIGTERM (the workbook left as it was). See the README, "Nightly runs".

Flags:
`,
		`speechledger — 讲话稿督办台账生成

用法:
  speechledger [选项] 路径...

路径可以是 .txt 或 .docx 文件、PDF 或 OFD 文件、.doc/.wps/.xls/.et 文件（需 LibreOffice）、
任务分工表 .xlsx、文件夹（含子文件夹），或 - 表示标准输入。
文本编码可为 UTF-8、UTF-16、GB18030/GBK 或 Big5，自动识别（-v 显示识别结果），
也可用 --encoding 指定。

示例:
  speechledger testdata/seeds                        # 生成 ledger.xlsx
  speechledger -o 台账.xlsx "讲话稿 2024/"              # 指定输出文件
  speechledger -o tasks.jsonl --ref-date 2024-03-05 讲话.docx   # 输出 JSON lines
  type 讲话.txt | speechledger -o - -                 # 从标准输入读，写到标准输出

退出状态: 0 全部导出；1 有输入或输出失败；2 用法错误；3 另一次运行正占用输出（锁）；
4 已有台账无法沿用（原样保留）；130/143 被 SIGINT/SIGTERM 中止（台账原样保留）。
见 README“Nightly runs”一节。

选项:
`,
	},
	msgFlagOutput:     {"output `FILE`: .xlsx workbook, or .jsonl for JSON lines (- for standard output)", "输出`文件`：.xlsx 工作簿，或 .jsonl（JSON lines）；- 表示标准输出"},
	msgFlagRefDate:    {"reference date `YYYY-MM-DD` for speeches whose text and file name state none", "参照日期 `YYYY-MM-DD`，用于正文和文件名都没有日期的讲话"},
	msgFlagReportDate: {"the day the report is made, `YYYY-MM-DD` (default today)", "制表日期 `YYYY-MM-DD`（默认今天）"},
	msgFlagBodies:     {"`FILE` of local body names, one per line, optionally a tab and the name to group it under", "本地责任单位名单文件 `FILE`：每行一个名称，可加制表符和归并到的名称"},
	msgFlagTemplate:   {"fill an office's own workbook layout `FILE.xlsx` instead of the default", "使用本单位自己的台账模板 `FILE.xlsx`（默认用内置版式）"},
	msgFlagMaxSheets:  {"give the `N` most recent speeches a sheet of their own; the tasks of the others are rows of the sheet 其余讲话 (office programs open many sheets slowly)", "为最近的 `N` 篇讲话各建一张表，其余各篇的任务列在“其余讲话”表中（工作表多了，办公软件打开很慢）"},
	msgBadMaxSheets:   {"--max-sheets %d: want 1 or more", "--max-sheets %d：应为 1 或更大"},
	msgFlagEncoding:   {"text encoding of the inputs: `NAME` UTF-8, UTF-16LE, UTF-16BE, GB18030, GBK, GB2312 or Big5 (default: detect)", "输入文本的编码 `NAME`：UTF-8、UTF-16LE、UTF-16BE、GB18030、GBK、GB2312 或 Big5（默认自动识别）"},
	msgFlagVerbose:    {"say what is read and skipped, with each file's encoding", "显示读取和跳过的文件及其编码"},
	msgFlagQuiet:      {"print only errors", "只显示错误"},
	msgFlagVersion:    {"print the version and exit", "显示版本"},
	msgFlagHelp:       {"show this help", "显示本帮助"},
	msgFlagError:      {"%v", "命令行参数错误：%v"},
	msgNoInput:        {"no input: name at least one .txt or .docx file, a folder, or - for standard input", "没有输入：请至少给出一个 .txt 或 .docx 文件、文件夹，或用 - 表示标准输入"},
	msgBadDate:        {"%s: %v", "%s：日期无效（%v）"},
	msgBadEncoding:    {"--encoding: unknown encoding %q (use UTF-8, UTF-16LE, UTF-16BE, GB18030, GBK, GB2312 or Big5)", "--encoding：不认识的编码 %q（可用 UTF-8、UTF-16LE、UTF-16BE、GB18030、GBK、GB2312 或 Big5）"},
	msgBadBodies:      {"--bodies: %v", "--bodies：%v"},
	msgBadTemplate:    {"--template: %v", "--template：%v"},
	msgRunHelp:        {"Run 'speechledger -h' for usage.", "运行 'speechledger -h' 查看用法。"},
	msgStdin:          {"standard input", "标准输入"},
	msgNotFound:       {"%s: no such file or folder", "%s：文件或文件夹不存在"},
	msgNotRegular:     {"%s: %s, not a file: name .txt or .docx files or folders, or - for standard input", "%s：%s，不是文件：请给出 .txt 或 .docx 文件或文件夹，或用 - 表示标准输入"},
	msgReportDateRange: {"--report-date %s: want a date from 1900-03-01 to 9999-12-31 (Excel's dates; it counts 1900-02-29, which never was)",
		"--report-date %s：日期须在 1900-03-01 至 9999-12-31 之间（Excel 的日期范围；Excel 把不存在的 1900-02-29 算作一天）"},
	msgPermission:       {"%s: permission denied (cannot read it)", "%s：没有读取权限"},
	msgReadError:        {"%s: cannot read: %v", "%s：无法读取：%v"},
	msgFolderEmpty:      {"%s: folder holds no speeches (.txt, .docx, .pdf, .ofd, .doc, .wps, .xlsx, .xls or .et files)", "%s：文件夹中没有讲话稿（.txt、.docx、.pdf、.ofd、.doc、.wps、.xlsx、.xls 或 .et 文件）"},
	msgFolderError:      {"%s: cannot read folder: %v", "%s：无法读取文件夹：%v"},
	msgOldFormat:        {"%s: %s files are read by converting them with LibreOffice, which is not installed; install LibreOffice, or open the file in %s or WPS and save it as %s", "%s：%s 文件需要用 LibreOffice 转换后读取，但未安装 LibreOffice；请安装 LibreOffice，或用 %s 或 WPS 打开，另存为 %s"},
	msgPDF:              {"%s: PDF files are read with pdftotext (poppler-utils), which is not installed; install it, or save the document as .docx, or copy its text into a .txt file", "%s：读取 PDF 文件需要 pdftotext（poppler-utils），但未安装；请安装，或另存为 .docx，或把文字复制到 .txt 文件"},
	msgConvertFailed:    {"%s: LibreOffice could not convert this %s file (damaged, or password-protected?): %v", "%s：LibreOffice 无法转换此 %s 文件（文件损坏或设有密码？）：%v"},
	msgConvertTimeout:   {"%s: converting this %s file with LibreOffice took over %v; not read", "%s：用 LibreOffice 转换此 %s 文件超过 %v，未读取"},
	msgEncrypted:        {"%s: password-protected %s file; save a copy without the password and read that", "%s：%s 文件设有密码；请另存一份不带密码的副本再读取"},
	msgOLEDamaged:       {"%s: damaged %s file (not a whole Word, WPS or Excel file); open it in Word or WPS and save it again", "%s：%s 文件损坏（不是完整的 Word、WPS 或 Excel 文件）；请用 Word 或 WPS 打开后重新保存"},
	msgPDFDamaged:       {"%s: damaged PDF file (%v)", "%s：PDF 文件损坏（%v）"},
	msgNoTextLayer:      {"%s: %s without a text layer (a scan?); it needs OCR, which speechledger does not do", "%s：%s 文件没有文字层（扫描件？），需要先做文字识别（OCR），本程序不做 OCR"},
	msgZipBomb:          {"%s: %s file expands to too much data (over %d MB, or 200 times its size); not read", "%s：%s 文件解压后过大（超过 %d MB 或 200 倍），未读取"},
	msgNotOFD:           {"%s: not an OFD document (no OFD.xml naming a document)", "%s：不是 OFD 文档（没有指明文档的 OFD.xml）"},
	msgOFDCorrupt:       {"%s: corrupt or truncated .ofd file (%v)", "%s：.ofd 文件损坏或不完整（%v）"},
	msgNotTaskSheet:     {"%s: not a task-division sheet: no sheet has a header row naming a task column (工作任务, 重点任务, 工作内容, 任务事项) and a unit column (牵头单位, 责任单位)", "%s：不是任务分工表：没有哪张工作表的表头同时列出任务列（工作任务、重点任务、工作内容、任务事项）和单位列（牵头单位、责任单位）"},
	msgLedgerInput:      {"%s: a ledger speechledger wrote (it has the sheets 汇总 and 变更记录), not a task-division sheet; to update it, name it with -o", "%s：这是本程序写出的台账（含“汇总”和“变更记录”表），不是任务分工表；要更新它，请用 -o 指定"},
	msgXlsxCorrupt:      {"%s: corrupt or truncated .xlsx workbook (%v); open it in Excel or WPS and save it again", "%s：.xlsx 工作簿损坏或不完整（%v）；请用 Excel 或 WPS 打开后重新保存"},
	msgTooLarge:         {"%s: file too large (over %d MB); is it really a speech?", "%s：文件过大（超过 %d MB），请确认是否为讲话稿"},
	msgLongLine:         {"%s: line %d is %d KB long without a line break (at most %d KB); not a speech, or the line breaks were lost", "%s：第 %d 行长达 %d KB 且没有换行（上限 %d KB），不像讲话稿，或换行已丢失"},
	msgEmpty:            {"%s: empty file (no text)", "%s：空文件（没有文字）"},
	msgBinary:           {"%s: binary file, not text; save the speech as .txt or .docx", "%s：二进制文件，不是文本；请把讲话稿存为 .txt 或 .docx"},
	msgMaybeUTF16:       {"%s: binary file, or UTF-16 text without a byte-order mark; if it is text, name its encoding with --encoding UTF-16LE (or UTF-16BE)", "%s：二进制文件，或不带 BOM 的 UTF-16 文本；如果是文本，请用 --encoding UTF-16LE（或 UTF-16BE）指定编码"},
	msgEncoding:         {"%s: unknown text encoding (not UTF-8, UTF-16, GB18030/GBK or Big5); try --encoding", "%s：无法识别文本编码（不是 UTF-8、UTF-16、GB18030/GBK 或 Big5）；可用 --encoding 指定"},
	msgForcedEncoding:   {"%s: not %s text (%d invalid byte sequences); check --encoding", "%s：不是 %s 编码的文本（%d 处无效字节）；请检查 --encoding"},
	msgDocxCorrupt:      {"%s: corrupt or truncated .docx file (%v); open it in Word and save it again", "%s：.docx 文件损坏或不完整（%v）；请用 Word 打开后重新保存"},
	msgDocxBomb:         {"%s: .docx file expands to too much data (over %d MB, or 200 times its size); not read", "%s：.docx 文件解压后过大（超过 %d MB 或 200 倍），未读取"},
	msgNotDocx:          {"%s: not a Word .docx document", "%s：不是 Word .docx 文档"},
	msgNoSpeech:         {"%s: no speech text found", "%s：没有找到讲话正文"},
	msgWarnInvalid:      {"%s: warning: %d invalid byte sequences in %s text replaced with �", "%s：警告：%[3]s 文本中有 %[2]d 处无效字节，已替换为 �"},
	msgWarnNUL:          {"%s: warning: %d NUL bytes removed", "%s：警告：已删除 %d 个 NUL 字节"},
	msgWarnSheets:       {"%s: %d speeches, more than the %d sheets of their own a workbook holds (--max-sheets); the tasks of the older ones are rows of the sheet 其余讲话", "%s：共 %d 篇讲话，超过单独建表的 %d 篇（--max-sheets）；较早各篇的任务列在“其余讲话”表中"},
	msgNoteEncoding:     {"%s: %s text", "%s：%s 编码文本"},
	msgNoteBOM:          {"%s: %s text with byte-order mark", "%s：%s 编码文本（带 BOM）"},
	msgNoteDocx:         {"%s: Word document", "%s：Word 文档"},
	msgNoteKind:         {"%s: %s document", "%s：%s 文档"},
	msgNoteLedger:       {"%s: skipped: a ledger speechledger wrote", "%s：跳过：本程序写出的台账"},
	msgNoteNotTaskSheet: {"%s: skipped: a workbook with no task-division header", "%s：跳过：没有任务分工表表头的工作簿"},
	msgNoteSpeeches:     {"%s: %d speeches, %d tasks", "%s：%d 篇讲话，%d 项任务"},
	msgNoteHidden:       {"%s: skipped: hidden", "%s：跳过：隐藏文件"},
	msgNoteTemp:         {"%s: skipped: temporary Office file", "%s：跳过：Office 临时文件"},
	msgNoteType:         {"%s: skipped: not a kind of file speechledger reads", "%s：跳过：不是本程序读取的文件类型"},
	msgNoteSpecial:      {"%s: skipped: not a regular file", "%s：跳过：不是普通文件"},
	msgNoteCacheBad:     {"%s: %v; extracted again", "%s：%v；已重新抽取"},
	msgNothingWritten:   {"no speech was read; %s not written", "没有读到任何讲话，未写出 %s"},
	msgOutDirMissing:    {"%s: output folder %s does not exist; create it first", "%s：输出文件夹 %s 不存在，请先创建"},
	msgOutNotDir:        {"%s: %s is not a folder", "%s：%s 不是文件夹"},
	msgOutIsDir:         {"%s: is a folder; name an output file such as %s", "%s：这是文件夹；请给出输出文件名，例如 %s"},
	msgOutPermission:    {"%s: cannot write: permission denied (or the file is open in Excel); nothing was written", "%s：无法写入：没有权限（或文件正在 Excel 中打开），未写出任何内容"},
	msgOutDiskFull:      {"%s: disk full; nothing was written", "%s：磁盘已满，未写出任何内容"},
	msgOutError:         {"%s: cannot write: %v; nothing was written", "%s：无法写入（%v），未写出任何内容"},
}

// printer formats messages in one language.
type printer struct {
	zh bool
}

// sprintf formats message id with args.
func (p printer) sprintf(id msg, args ...any) string {
	f := catalogue[id]
	if p.zh {
		return fmt.Sprintf(f[1], args...)
	}
	return fmt.Sprintf(f[0], args...)
}

// errorf returns message id as an error.
func (p printer) errorf(id msg, args ...any) error {
	return msgError(p.sprintf(id, args...))
}

// msgError is an error whose text is a finished message for the user.
type msgError string

func (e msgError) Error() string { return string(e) }

// chinese reports whether the locale asks for Chinese messages: the first
// of LC_ALL, LC_MESSAGES and LANG that is set decides, as in POSIX; when
// none is set, the system's language does (on Windows, the display
// language).
func chinese(getenv func(string) string) bool {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l := getenv(v); l != "" {
			return strings.HasPrefix(strings.ToLower(l), "zh")
		}
	}
	return systemChinese()
}
