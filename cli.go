package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"github.com/speechledger/speechledger/extract"
	"github.com/speechledger/speechledger/internal/atomicfile"
	"github.com/speechledger/speechledger/internal/inputs"
	"github.com/speechledger/speechledger/report"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// Exit statuses.
const (
	exitOK    = 0
	exitInput = 1
	exitUsage = 2
)

// Limits on one input. A speech is tens of kilobytes; the limits keep a
// wrong file (a log, a database dump) from taking the run down with it.
const (
	maxInputMB = 128
	maxLineKB  = 1024
)

// config is what the command line asks for.
type config struct {
	output     string
	refDate    extract.Date
	reportDate extract.Date
	encoding   string // forced encoding, "" to detect
	template   string // an office's own workbook layout, "" for the default
	bodies     []extract.BodyName
	quiet      bool
	verbose    bool
	paths      []string
	nightly    nightlyConfig
	cpuprofile string // file for a CPU profile of the run, "" for none
	maxSheets  int    // the most speech sheets a workbook holds
	archive    archiveConfig
}

// The range of --report-date: the dates an Excel cell holds without
// doubt. Excel counts 1900-02-29, which never was, so its serial numbers
// of earlier dates are one day off in some programs and not in others.
var (
	minReportDate = extract.NewDate(1900, time.March, 1)
	maxReportDate = extract.NewDate(9999, time.December, 31)
)

// env is what the command gets from its surroundings.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one run of speechledger: its configuration, language and
// output streams.
type command struct {
	cfg    config
	night  nightRun
	p      printer
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// input is one speech file to read: a path, or "-" for standard input.
type input struct {
	path   string
	walked bool // found in a folder, not named on the command line
}

// run is the whole command: it parses args, exports, and returns the exit status.
func run(args []string, e env) int {
	if code, ok := subcommand(args, e); ok {
		return code
	}
	c := &command{p: printer{zh: chinese(e.getenv)}, stdin: e.stdin, stdout: e.stdout, stderr: e.stderr}
	code, ok := c.parseFlags(args)
	if !ok {
		return code
	}
	if c.cfg.cpuprofile != "" {
		stop, err := startProfile(c.cfg.cpuprofile)
		if err != nil {
			c.logf("%v", err)
			return exitInput
		}
		defer stop()
	}
	if err := c.checkOutput(); err != nil {
		c.logf("%v", err)
		return exitInput
	}
	release, code, ok := c.night.begin(c.cfg.nightly, c.cfg.output, c.logf, c.cfg.refDate.String(), c.cfg.encoding, fmt.Sprintf("%q", c.cfg.bodies))
	if !ok {
		return code
	}
	defer release()

	// The workbook being replaced and the template are read while the
	// inputs are.
	var pending *report.Pending
	if !c.archiving() {
		pending = c.prepare()
	}
	files, failed := c.inputFiles()
	x := extract.New(c.cfg.bodies...)
	var speeches []extract.Speech
	var dups extract.Duplicates
	// The output need not hold the run's speeches: they wait on disk. A
	// run that cannot make the spool holds them, as does one that
	// archives, which moves sheets by the speeches' tasks.
	var spool *speechSpool
	if !c.archiving() {
		if s, err := newSpeechSpool(); err == nil {
			spool = s
			defer spool.close()
			// What stays in memory is then small and does not grow:
			// collecting garbage at twice it, not five times, keeps
			// the run's memory at a third for little work. A workbook
			// with a sheet for every speech holds their rows anyway,
			// and keeps the trade of less collection (nightRun.begin).
			if !c.workbookOutput() || len(files) > c.cfg.maxSheets {
				debug.SetGCPercent(100)
			}
		}
	}
	var spoolErr error
	c.readAll(x, files, func(sp []extract.Speech, err error) {
		if errors.Is(err, errSkipped) {
			return
		}
		if err != nil {
			c.logf("%v", err)
			failed = true
			return
		}
		// Compared with the speeches before them while the next inputs
		// are read.
		dups.Mark(sp)
		for i := range sp {
			sp[i].Fingerprints = nil // dups indexes what later speeches are compared with
		}
		if spool == nil {
			speeches = append(speeches, sp...)
		} else if err := spool.add(sp); err != nil && spoolErr == nil {
			spoolErr = err
		}
	})
	if spoolErr != nil {
		c.logf("%v", spoolErr)
		return exitInput
	}
	extract.GroupBodies(speeches)
	counts := tallyOf(speeches)
	if spool != nil {
		counts = spool.tally
	}
	if c.archiving() {
		// Sheets move between the ledger and its archives before the
		// run reads the ledger.
		if err := c.archive(speeches); err != nil {
			c.logf("%v", err)
			return exitFor(err)
		}
		pending = c.prepare()
	}

	if counts.Speeches == 0 && failed {
		// Writing an empty ledger over last week's would lose work.
		if pending != nil {
			pending.Abandon()
		}
		c.logf("%s", c.p.sprintf(msgNothingWritten, c.cfg.output))
		return exitInput
	}
	if err := c.write(speeches, spool, pending); err != nil {
		if !errors.Is(err, atomicfile.ErrAborted) { // a signal stops the run, and says so
			c.logf("%v", err)
		}
		return exitFor(err)
	}
	code = exitOK
	if failed {
		code = exitInput
	}
	if !c.cfg.quiet {
		writeSummaryLine(c.stderr, c.night.summary(len(files), counts, c.cfg.output, code), c.cfg.nightly.logJSON, c.p.zh)
	}
	return code
}

// logf prints one line on standard error.
func (c *command) logf(format string, a ...any) {
	if c.cfg.nightly.logJSON {
		writeJSONLine(c.stderr, "error", fmt.Sprintf(format, a...), nil)
		return
	}
	fmt.Fprintf(c.stderr, "speechledger: "+format+"\n", a...)
}

// note prints message id under -v.
func (c *command) note(id msg, a ...any) {
	if c.cfg.verbose {
		c.logf("%s", c.p.sprintf(id, a...))
	}
}

// parseFlags reads the command line. ok is false when run should stop
// and return code.
func (c *command) parseFlags(args []string) (code int, ok bool) {
	p := c.p
	fs := pflag.NewFlagSet("speechledger", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	output := fs.StringP("output", "o", "ledger.xlsx", p.sprintf(msgFlagOutput))
	ref := fs.String("ref-date", "", p.sprintf(msgFlagRefDate))
	bodies := fs.String("bodies", "", p.sprintf(msgFlagBodies))
	template := fs.String("template", "", p.sprintf(msgFlagTemplate))
	maxSheets := fs.Int("max-sheets", report.MaxSpeechSheets, p.sprintf(msgFlagMaxSheets))
	rep := fs.String("report-date", "", p.sprintf(msgFlagReportDate))
	enc := fs.String("encoding", "", p.sprintf(msgFlagEncoding))
	verbose := fs.BoolP("verbose", "v", false, p.sprintf(msgFlagVerbose))
	quiet := fs.BoolP("quiet", "q", false, p.sprintf(msgFlagQuiet))
	showVersion := fs.Bool("version", false, p.sprintf(msgFlagVersion))
	nf := addNightlyFlags(fs, p.zh)
	cpuprofile := addProfileFlag(fs, p.zh)
	af := addArchiveFlags(fs, p)
	help := fs.BoolP("help", "h", false, p.sprintf(msgFlagHelp))
	usage := func(id msg, a ...any) (int, bool) {
		c.logf("%s", p.sprintf(id, a...))
		fmt.Fprintln(c.stderr, p.sprintf(msgRunHelp))
		return exitUsage, false
	}
	if err := fs.Parse(args); err != nil {
		return usage(msgFlagError, err)
	}
	switch {
	case *help:
		fmt.Fprint(c.stdout, p.sprintf(msgUsage))
		fmt.Fprint(c.stdout, flagUsages(fs, p.zh))
		return exitOK, false
	case *showVersion:
		fmt.Fprintf(c.stdout, "speechledger %s\n", version)
		return exitOK, false
	}
	cfg := &c.cfg
	cfg.output, cfg.quiet, cfg.verbose, cfg.paths = *output, *quiet, *verbose, fs.Args()
	cfg.template = *template
	if cfg.maxSheets = *maxSheets; cfg.maxSheets < 1 {
		return usage(msgBadMaxSheets, cfg.maxSheets)
	}
	cfg.cpuprofile = *cpuprofile
	archive, aerr := af.config(p)
	if aerr != nil {
		return usage(msgFlagError, aerr)
	}
	cfg.archive = archive
	if len(cfg.paths) == 0 {
		return usage(msgNoInput)
	}
	var err error
	if *ref != "" {
		if cfg.refDate, err = extract.ParseDate(*ref); err != nil {
			return usage(msgBadDate, "--ref-date", p.dateReason(*ref, err))
		}
	}
	if *bodies != "" {
		if cfg.bodies, err = loadBodies(*bodies); err != nil {
			return usage(msgBadBodies, err)
		}
	}
	if cfg.template != "" {
		// Found missing only when the workbook is written, it would be
		// taken for the output's folder missing.
		if info, err := os.Stat(cfg.template); err != nil {
			return usage(msgBadTemplate, c.fileError(cfg.template, err))
		} else if info.IsDir() {
			return usage(msgBadTemplate, msgError(cfg.template+p.say(": a folder, not a workbook", "：是文件夹，不是工作簿")))
		}
	}
	if *rep != "" {
		if cfg.reportDate, err = extract.ParseDate(*rep); err != nil {
			return usage(msgBadDate, "--report-date", p.dateReason(*rep, err))
		}
		if cfg.reportDate.Before(minReportDate) || maxReportDate.Before(cfg.reportDate) {
			return usage(msgReportDateRange, *rep)
		}
	} else {
		cfg.reportDate = extract.DateOf(time.Now())
	}
	if cfg.nightly, err = nf.config(); err != nil {
		return usage(msgFlagError, err)
	}
	if *enc != "" {
		if _, ok := extract.LookupEncoding(*enc); !ok {
			return usage(msgBadEncoding, *enc)
		}
		cfg.encoding = *enc
	}
	return exitOK, true
}

// checkOutput fails early, before any input is read, when the output
// cannot be written: its folder is missing or is not a folder, or the
// output names a folder.
func (c *command) checkOutput() error {
	out := c.cfg.output
	if out == "-" {
		return nil
	}
	if info, err := os.Stat(out); err == nil && info.IsDir() {
		return c.p.errorf(msgOutIsDir, out, filepath.Join(out, "ledger.xlsx"))
	}
	dir := filepath.Dir(out)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return c.p.errorf(msgOutDirMissing, out, dir)
	case err != nil && errors.Is(err, syscall.ENOTDIR), err == nil && !info.IsDir():
		return c.p.errorf(msgOutNotDir, out, dir)
	}
	return nil
}

// regular reports whether the path p named on the command line, of which
// info tells, is a regular file, and says so when it is not: reading a
// named pipe or a terminal would wait for whatever writes to it.
func (c *command) regular(p string, info fs.FileInfo) bool {
	if info.Mode().IsRegular() {
		return true
	}
	c.logf("%v", c.p.errorf(msgNotRegular, p, c.p.fileKind(info.Mode())))
	return false
}

// inputFiles expands the paths into the inputs to read, in order: files
// as given, "-" for standard input, folders walked as inputs.Walk does
// (-v notes what it skips). Missing paths and folders without speeches
// are reported and set failed.
func (c *command) inputFiles() (files []input, failed bool) {
	for _, p := range c.cfg.paths {
		if p == "-" {
			files = append(files, input{path: "-"})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			c.logf("%v", c.fileError(p, err))
			failed = true
			continue
		}
		if !info.IsDir() {
			if !c.regular(p, info) {
				failed = true
				continue
			}
			files = append(files, input{path: p})
			continue
		}
		found, err := inputs.Walk(p, func(path string, why inputs.Skip) {
			c.note(skipNotes[why], path)
		}, func(path string, err error) {
			c.logf("%v", c.p.errorf(msgFolderError, path, describe(err)))
			failed = true
		})
		for _, path := range found {
			files = append(files, input{path: path, walked: true})
		}
		if err != nil {
			c.logf("%v", c.p.errorf(msgFolderError, p, describe(err)))
			failed = true
		} else if len(found) == 0 {
			c.logf("%v", c.p.errorf(msgFolderEmpty, p))
			failed = true
		}
	}
	return files, failed
}

// skipNotes are the notes -v prints for the files a walk skips.
var skipNotes = map[inputs.Skip]msg{
	inputs.SkipHidden:  msgNoteHidden,
	inputs.SkipTemp:    msgNoteTemp,
	inputs.SkipType:    msgNoteType,
	inputs.SkipSpecial: msgNoteSpecial,
}

// fileKind names the kind of a file that is neither a regular file nor a
// folder.
func (p printer) fileKind(m fs.FileMode) string {
	kind := [2]string{"a special file", "特殊文件"}
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = [2]string{"a named pipe", "命名管道"}
	case m&fs.ModeSocket != 0:
		kind = [2]string{"a socket", "套接字"}
	case m&fs.ModeDevice != 0:
		kind = [2]string{"a device", "设备文件"}
	}
	if p.zh {
		return kind[1]
	}
	return kind[0]
}

// fileError turns a file-system error about path into a message.
func (c *command) fileError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return c.p.errorf(msgNotFound, path)
	case errors.Is(err, fs.ErrPermission):
		return c.p.errorf(msgPermission, path)
	}
	return c.p.errorf(msgReadError, path, describe(err))
}

// describe turns file-system errors into short messages.
func describe(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// readSpeeches reads, decodes and extracts one input.
func (c *command) readSpeeches(x *extract.Extractor, in input) ([]extract.Speech, error) {
	p := c.p
	path, name := in.path, filepath.Base(in.path)
	var r io.Reader
	if path == "-" {
		path, name = p.sprintf(msgStdin), "stdin"
		r = c.stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, c.fileError(path, err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxInputMB<<20+1))
	if err != nil {
		return nil, p.errorf(msgReadError, path, describe(err))
	}
	if len(b) > maxInputMB<<20 {
		return nil, p.errorf(msgTooLarge, path, maxInputMB)
	}
	// An input read before comes from the cache, by its bytes, with how
	// they were decoded (README, "Nightly runs").
	entry, key, hit, err := c.night.lookup(name, b)
	if err != nil {
		c.note(msgNoteCacheBad, path, err)
	}
	if hit {
		c.noteDecoding(path, entry.Decoding)
	} else {
		doc, dec, err := c.decode(path, b)
		if err != nil {
			var skip folderSkip
			if errors.As(err, &skip) && in.walked {
				c.note(skip.note, path)
				return nil, errSkipped
			}
			return nil, err
		}
		c.noteDecoding(path, dec)
		text := extract.NormalizeBreaks(doc.text)
		if n, size := longestLine(text); size > maxLineKB<<10 {
			return nil, p.errorf(msgLongLine, path, n, size>>10, maxLineKB)
		}
		opt := extract.Options{RefDate: c.cfg.refDate, FileDate: extract.DateInName(name)}
		var sp []extract.Speech
		if len(doc.tables) > 0 {
			sp = x.TableSpeeches(name, text, doc.tables, opt)
		} else {
			sp = x.Speeches(name, text, opt)
		}
		// The ledger shows tasks, not the speeches' texts: once they are
		// fingerprinted for duplicates, a large corpus need not hold them.
		x.Fingerprint(sp)
		extract.Release(sp)
		entry = cachedInput{Speeches: sp, Decoding: dec}
	}
	sp := entry.Speeches
	if len(sp) == 0 {
		return nil, p.errorf(msgNoSpeech, path)
	}
	if c.cfg.verbose {
		tasks := 0
		for _, s := range sp {
			tasks += len(s.Tasks)
		}
		c.note(msgNoteSpeeches, path, len(sp), tasks)
	}
	if err := c.night.remember(key, entry, hit); err != nil && c.cfg.verbose {
		c.logf("%v", err)
	}
	return sp, nil
}

// A decoding says how the bytes of an input became text: what a run
// notes and warns about each input, whether it decodes it or finds it in
// the cache.
type decoding struct {
	Docx     bool   // a Word document
	Kind     string // else the type of a document read by its layout or converted: .pdf, .ofd, .doc
	Encoding string // else the text encoding, with
	BOM      bool   // a byte-order mark,
	Invalid  int    // invalid sequences replaced
	NUL      int    // and NUL bytes dropped
}

// decode turns the bytes of an input into its content: each kind of
// document (see inputs.Sniff) by its reader, old Office and WPS files converted
// with LibreOffice first, anything else as text in the detected or forced
// encoding.
func (c *command) decode(path string, b []byte) (content, decoding, error) {
	p := c.p
	kind := inputs.Sniff(path, b)
	switch kind {
	case inputs.OldWord, inputs.OldExcel:
		converted, err := c.convertOld(path, kind, b)
		if err != nil {
			return content{}, decoding{}, err
		}
		doc, _, err := c.decode(path, converted)
		return doc, decoding{Kind: inputs.TypeName(path, kind)}, err
	case inputs.Encrypted:
		return content{}, decoding{}, p.errorf(msgEncrypted, path, "Office")
	case inputs.BadOLE:
		return content{}, decoding{}, p.errorf(msgOLEDamaged, path, inputs.TypeName(path, inputs.OldKindByName(path)))
	case inputs.PDF, inputs.OFD:
		read := c.pdfText
		if kind == inputs.OFD {
			read = c.ofdText
		}
		text, err := read(path, b)
		if err != nil {
			return content{}, decoding{}, err
		}
		return content{text: text}, decoding{Kind: inputs.TypeName(path, kind)}, nil
	case inputs.Xlsx:
		tables, err := c.taskSheet(path, b)
		return content{tables: tables}, decoding{Kind: inputs.TypeName(path, kind)}, err
	case inputs.Docx:
		text, tables, err := extract.DocxDocument(b)
		switch {
		case errors.Is(err, extract.ErrDocxBomb):
			return content{}, decoding{}, p.errorf(msgDocxBomb, path, 64)
		case errors.Is(err, extract.ErrNotDocx):
			return content{}, decoding{}, p.errorf(msgNotDocx, path)
		case err != nil:
			return content{}, decoding{}, p.errorf(msgDocxCorrupt, path, strings.TrimPrefix(err.Error(), extract.ErrDocxCorrupt.Error()+": "))
		case strings.TrimSpace(text) == "" && len(tables) == 0:
			return content{}, decoding{}, p.errorf(msgEmpty, path)
		}
		return content{text: text, tables: tables}, decoding{Docx: true}, nil
	}
	d, err := extract.DecodeAs(b, c.cfg.encoding)
	var ee *extract.EncodingError
	switch {
	case errors.As(err, &ee):
		return content{}, decoding{}, p.errorf(msgForcedEncoding, path, ee.Encoding, ee.Invalid)
	case errors.Is(err, extract.ErrEmpty):
		return content{}, decoding{}, p.errorf(msgEmpty, path)
	case errors.Is(err, extract.ErrMaybeUTF16):
		return content{}, decoding{}, p.errorf(msgMaybeUTF16, path)
	case errors.Is(err, extract.ErrBinary):
		return content{}, decoding{}, p.errorf(msgBinary, path)
	case errors.Is(err, extract.ErrEncoding):
		return content{}, decoding{}, p.errorf(msgEncoding, path)
	case err != nil:
		return content{}, decoding{}, fmt.Errorf("%s: %w", path, err)
	}
	return content{text: d.Text}, decoding{Encoding: d.Encoding, BOM: d.BOM, Invalid: d.Invalid, NUL: d.NUL}, nil
}

// noteDecoding notes how the input at path was decoded (with -v) and
// warns of what decoding replaced or dropped.
func (c *command) noteDecoding(path string, d decoding) {
	switch {
	case d.Docx:
		c.note(msgNoteDocx, path)
		return
	case d.Kind != "":
		c.note(msgNoteKind, path, d.Kind)
		return
	case d.BOM:
		c.note(msgNoteBOM, path, d.Encoding)
	default:
		c.note(msgNoteEncoding, path, d.Encoding)
	}
	if d.Invalid > 0 && !c.cfg.quiet {
		c.logf("%s", c.p.sprintf(msgWarnInvalid, path, d.Invalid, d.Encoding))
	}
	if d.NUL > 0 && !c.cfg.quiet {
		c.logf("%s", c.p.sprintf(msgWarnNUL, path, d.NUL))
	}
}

// longestLine returns the 1-based number and byte length of text's
// longest line.
func longestLine(text string) (n, size int) {
	line := 0
	for len(text) > 0 {
		line++
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			i = len(text)
		}
		if i > size {
			n, size = line, i
		}
		text = text[min(i+1, len(text)):]
	}
	return n, size
}

// workbookOutput reports whether the output is a workbook.
func (c *command) workbookOutput() bool {
	out := c.cfg.output
	return out != "-" && !strings.EqualFold(filepath.Ext(out), ".jsonl")
}

// prepare starts the update of the output workbook, or returns nil when
// the output is not one.
func (c *command) prepare() *report.Pending {
	if !c.workbookOutput() {
		return nil
	}
	opt := report.Options{ReportDate: c.cfg.reportDate, Template: c.cfg.template, Archived: c.cfg.archive.of,
		Inputs: inputNames(c.cfg.paths), Keep: c.cfg.nightly.keep, MaxSheets: c.cfg.maxSheets}
	if cache := c.night.cache; cache != nil {
		// What the run remembers of the workbook is kept with the cache.
		opt.MemoDir, opt.Build = cache.Dir(), cache.Program()
	}
	return report.Prepare(c.cfg.output, opt)
}

// inputNames returns how the workbook names the inputs paths: by their
// file or folder names, not by where they lie on this machine, since the
// workbook is shared.
func inputNames(paths []string) []string {
	names := make([]string, len(paths))
	for i, p := range paths {
		name := filepath.Base(p)
		if name == "." || name == ".." || name == string(filepath.Separator) {
			if abs, err := filepath.Abs(p); err == nil {
				name = filepath.Base(abs)
			}
		}
		names[i] = name
	}
	return names
}

// write exports the speeches to the configured output, from spool when
// it is not nil; pending is the update of the output workbook prepare
// started.
func (c *command) write(speeches []extract.Speech, spool *speechSpool, pending *report.Pending) error {
	out := c.cfg.output
	each := func(fn func(extract.Speech) error) error {
		for _, sp := range speeches {
			if err := fn(sp); err != nil {
				return err
			}
		}
		return nil
	}
	if spool != nil {
		each = spool.each
	}
	var err error
	switch {
	case c.workbookOutput():
		all := report.SpeechesOf(speeches)
		if spool != nil {
			all = spool.speeches()
		}
		if n := sheetsWanted(all.Heads); n > c.cfg.maxSheets {
			c.logf("%s", c.p.sprintf(msgWarnSheets, out, n, c.cfg.maxSheets))
		}
		c.night.stats, err = pending.UpdateFrom(all)
	case out == "-":
		err = writeJSONL(c.stdout, each)
	default:
		if err = atomicfile.Write(out, func(w io.Writer) error { return writeJSONL(w, each) }, atomicfile.Options{}); err != nil {
			err = fmt.Errorf("write %s: %w", out, err)
		}
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, atomicfile.ErrAborted):
		return err
	case errors.As(err, new(*report.PreviousError)):
		return err // names the workbook and says what to do
	case out == "-":
		return fmt.Errorf("%s: %w", c.p.sprintf(msgStdin), err)
	case errors.Is(err, syscall.ENOSPC):
		return c.p.errorf(msgOutDiskFull, out)
	case errors.Is(err, fs.ErrPermission):
		return c.p.errorf(msgOutPermission, out)
	case errors.Is(err, fs.ErrNotExist):
		return c.p.errorf(msgOutDirMissing, out, filepath.Dir(out))
	}
	return c.p.errorf(msgOutError, out, describe(err))
}

// writeJSONL writes the speeches each gives to w as JSON lines.
func writeJSONL(w io.Writer, each func(fn func(extract.Speech) error) error) error {
	jw := report.NewJSONLWriter(w)
	if err := each(jw.Write); err != nil {
		return err
	}
	return jw.Flush()
}

// sheetsWanted counts the speeches that would each have a sheet: all but
// the duplicates.
func sheetsWanted(speeches []extract.Speech) int {
	n := 0
	for _, sp := range speeches {
		if sp.DuplicateOf == 0 {
			n++
		}
	}
	return n
}
