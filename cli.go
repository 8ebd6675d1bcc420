package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/speechledger/speechledger/extract"
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

const usageText = `speechledger — 讲话稿督办台账生成 / supervision task ledger from speeches

用法 / Usage:
  speechledger [flags] PATH...

PATH 是 .txt 文件或文件夹（递归读取）。/ PATH is a .txt file or a folder (read recursively).

示例 / Examples:
  speechledger testdata/seeds                      # 生成 ledger.xlsx / write ledger.xlsx
  speechledger -o 台账.xlsx 讲话稿/                   # 指定输出 / choose the output
  speechledger -o tasks.jsonl --ref-date 2024-03-05 讲话.txt   # JSON lines
  speechledger --report-date 2010-01-15 -o ledger.xlsx testdata/seeds

Flags:
`

// config is what the command line asks for.
type config struct {
	output     string
	refDate    extract.Date
	reportDate extract.Date
	quiet      bool
	bodies     []extract.BodyName
	paths      []string
}

// run is the whole command: it parses args, exports, and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	cfg, code, ok := parseFlags(args, stdout, stderr)
	if !ok {
		return code
	}
	logf := func(format string, a ...any) { fmt.Fprintf(stderr, "speechledger: "+format+"\n", a...) }

	files, failed := inputFiles(cfg.paths, logf)
	x := extract.New(cfg.bodies...)
	var speeches []extract.Speech
	for _, f := range files {
		sp, err := readSpeeches(x, f, cfg)
		if err != nil {
			logf("%v", err)
			failed = true
			continue
		}
		speeches = append(speeches, sp...)
	}
	extract.MarkDuplicates(speeches, x.Fold)
	extract.GroupBodies(speeches)

	if err := write(cfg, speeches, stdout); err != nil {
		logf("%v", err)
		return exitInput
	}
	if !cfg.quiet {
		tasks, dups := 0, 0
		for _, sp := range speeches {
			tasks += len(sp.Tasks)
			if sp.DuplicateOf != 0 {
				dups++
			}
		}
		logf("%d files, %d speeches (%d duplicates), %d tasks -> %s", len(files), len(speeches), dups, tasks, cfg.output)
	}
	if failed {
		return exitInput
	}
	return exitOK
}

// parseFlags reads the command line. ok is false when run should stop
// and return code.
func parseFlags(args []string, stdout, stderr io.Writer) (cfg config, code int, ok bool) {
	fs := pflag.NewFlagSet("speechledger", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	output := fs.StringP("output", "o", "ledger.xlsx", "output file: .xlsx workbook, or .jsonl for JSON lines (- for standard output)")
	ref := fs.String("ref-date", "", "reference date `YYYY-MM-DD` for speeches whose text states none")
	bodies := fs.String("bodies", "", "`FILE` of local body names, one per line, optionally a tab and the name to group it under")
	rep := fs.String("report-date", "", "the day the report is made, `YYYY-MM-DD` (default today)")
	quiet := fs.BoolP("quiet", "q", false, "print only errors")
	showVersion := fs.Bool("version", false, "print the version and exit")
	help := fs.BoolP("help", "h", false, "show this help")
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fmt.Fprint(stderr, fs.FlagUsages())
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return cfg, exitOK, false
		}
		fmt.Fprintf(stderr, "speechledger: %v\n", err)
		return cfg, exitUsage, false
	}
	switch {
	case *help:
		fs.SetOutput(stdout)
		fmt.Fprint(stdout, usageText)
		fmt.Fprint(stdout, fs.FlagUsages())
		return cfg, exitOK, false
	case *showVersion:
		fmt.Fprintf(stdout, "speechledger %s\n", version)
		return cfg, exitOK, false
	}
	cfg.output, cfg.quiet, cfg.paths = *output, *quiet, fs.Args()
	usage := func(format string, a ...any) (config, int, bool) {
		fmt.Fprintf(stderr, "speechledger: "+format+"\n", a...)
		fmt.Fprintln(stderr, "Run 'speechledger -h' for usage.")
		return cfg, exitUsage, false
	}
	if len(cfg.paths) == 0 {
		return usage("no input: name at least one .txt file or folder")
	}
	var err error
	if *ref != "" {
		if cfg.refDate, err = extract.ParseDate(*ref); err != nil {
			return usage("--ref-date: %v", err)
		}
	}
	if *bodies != "" {
		if cfg.bodies, err = loadBodies(*bodies); err != nil {
			return usage("--bodies: %v", err)
		}
	}
	if *rep != "" {
		if cfg.reportDate, err = extract.ParseDate(*rep); err != nil {
			return usage("--report-date: %v", err)
		}
	} else {
		cfg.reportDate = extract.DateOf(time.Now())
	}
	return cfg, exitOK, true
}

// inputFiles expands the paths into the .txt files to read, in order:
// files as given, folders walked recursively in sorted order. Missing
// paths and folders without speeches are reported and set failed.
func inputFiles(paths []string, logf func(string, ...any)) (files []string, failed bool) {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			logf("%s: %v", p, describe(err))
			failed = true
			continue
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && strings.EqualFold(filepath.Ext(name), ".txt") {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			logf("%s: %v", p, describe(err))
			failed = true
		}
		if len(found) == 0 && err == nil {
			logf("%s: folder holds no .txt speeches", p)
			failed = true
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, failed
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

// readSpeeches reads, decodes and extracts one input file.
func readSpeeches(x *extract.Extractor, path string, cfg config) ([]extract.Speech, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", path, describe(err))
	}
	text, _, err := extract.Decode(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	name := filepath.Base(path)
	sp := x.Speeches(name, text, extract.Options{RefDate: cfg.refDate, FileDate: extract.DateInName(name)})
	if len(sp) == 0 {
		return nil, fmt.Errorf("%s: no speech text found", path)
	}
	return sp, nil
}

// write exports the speeches to the configured output.
func write(cfg config, speeches []extract.Speech, stdout io.Writer) error {
	if cfg.output == "-" {
		return report.WriteJSONL(stdout, speeches)
	}
	if strings.EqualFold(filepath.Ext(cfg.output), ".jsonl") {
		return report.WriteJSONLFile(cfg.output, speeches)
	}
	return report.WriteWorkbook(cfg.output, speeches, report.Options{ReportDate: cfg.reportDate, Inputs: cfg.paths})
}
