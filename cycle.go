package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/speechledger/speechledger/extract"
	"github.com/speechledger/speechledger/report"
)

// The office's cycle on its ledger (README, "The supervision cycle"):
// `speechledger handout` writes each responsible unit's tasks into a
// workbook of its own (交办, or with --due-within a reminder, 催办), and
// `speechledger collect` merges the units' replies into the ledger (反馈).

// subcommand runs the subcommand args[0] names, if it names one.
func subcommand(args []string, e env) (code int, ok bool) {
	if len(args) == 0 {
		return 0, false
	}
	c := &command{p: printer{zh: chinese(e.getenv)}, stdin: e.stdin, stdout: e.stdout, stderr: e.stderr}
	switch args[0] {
	case "handout":
		return c.handout(args[1:]), true
	case "collect":
		return c.collect(args[1:]), true
	}
	return 0, false
}

// say picks the English or the Chinese text.
func (p printer) say(en, zh string) string {
	if p.zh {
		return zh
	}
	return en
}

// cycleFlags are the flags handout and collect share.
type cycleFlags struct {
	fs     *pflag.FlagSet
	bodies *string
	help   *bool
}

func (c *command) newCycleFlags(name string) *cycleFlags {
	fs := pflag.NewFlagSet("speechledger "+name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	return &cycleFlags{fs: fs}
}

// addCommon adds --bodies and --help, after the subcommand's own flags.
func (cf *cycleFlags) addCommon(p printer) {
	cf.bodies = cf.fs.String("bodies", "", p.sprintf(msgFlagBodies))
	cf.help = cf.fs.BoolP("help", "h", false, p.sprintf(msgFlagHelp))
}

// parse parses args; ok is false when the command should stop with code.
func (c *command) parseCycle(cf *cycleFlags, args []string, usage string) (code int, ok bool) {
	if err := cf.fs.Parse(args); err != nil {
		c.logf("%s", c.p.sprintf(msgFlagError, err))
		fmt.Fprintln(c.stderr, c.p.sprintf(msgRunHelp))
		return exitUsage, false
	}
	if *cf.help {
		fmt.Fprint(c.stdout, usage)
		fmt.Fprint(c.stdout, flagUsages(cf.fs, c.p.zh))
		return exitOK, false
	}
	return exitOK, true
}

// usageError reports a usage error.
func (c *command) usageError(format string, a ...any) int {
	c.logf(format, a...)
	fmt.Fprintln(c.stderr, c.p.sprintf(msgRunHelp))
	return exitUsage
}

// canonical returns how units are grouped with the --bodies list.
func (c *command) canonical(bodiesFile string) (func(string) string, error) {
	var list []extract.BodyName
	if bodiesFile != "" {
		var err error
		if list, err = loadBodies(bodiesFile); err != nil {
			return nil, err
		}
	}
	return extract.New(list...).Canonical, nil
}

// dateFlag parses the value of a date flag, today when it is empty.
func (c *command) dateFlag(name, v string) (extract.Date, error) {
	if v == "" {
		return extract.DateOf(time.Now()), nil
	}
	d, err := extract.ParseDate(v)
	if err != nil {
		return d, errors.New(c.p.sprintf(msgBadDate, name, c.p.dateReason(v, err)))
	}
	return d, nil
}

// handout runs `speechledger handout`.
func (c *command) handout(args []string) int {
	p := c.p
	cf := c.newCycleFlags("handout")
	fs := cf.fs
	out := fs.StringP("output", "o", "", p.say("`folder` to write one workbook per unit into (created if missing)", "每个责任单位一个工作簿，写入此`文件夹`（不存在则新建）"))
	rep := fs.String("report-date", "", p.say("the day of the handout, `YYYY-MM-DD` (default today)", "交办日期 `YYYY-MM-DD`（默认今天）"))
	replyBy := fs.String("reply-by", "", p.say("the day replies are due, `YYYY-MM-DD` (default a week after the report date)", "反馈期限 `YYYY-MM-DD`（默认交办日期后 7 天）"))
	from := fs.String("from", "", p.say("who sends it, for the title block, e.g. 县委督查室 (`NAME`)", "交办单位名称 `NAME`，写在表头，如 县委督查室"))
	due := fs.String("due-within", "", p.say("reminders (催办单): only tasks overdue or due within `DAYS` (7d, 2w) of the report date", "催办：只列已逾期或在交办日期后 `DAYS`（如 7d、2w）内到期的未办结任务"))
	cf.addCommon(p)
	usage := p.say(handoutUsageEN, handoutUsageZH)
	if code, ok := c.parseCycle(cf, args, usage); !ok {
		return code
	}
	if *out == "" {
		return c.usageError("%s", p.say("handout: name the output folder with -o DIR", "handout：请用 -o 文件夹 指定输出文件夹"))
	}
	ledger := "ledger.xlsx"
	switch rest := fs.Args(); len(rest) {
	case 0:
	case 1:
		ledger = rest[0]
	default:
		return c.usageError("%s", p.say("handout: name one ledger", "handout：只能指定一个台账"))
	}
	opt := report.HandoutOptions{From: *from}
	var err error
	if opt.ReportDate, err = c.dateFlag("--report-date", *rep); err != nil {
		return c.usageError("%v", err)
	}
	if *replyBy != "" {
		if opt.ReplyBy, err = c.dateFlag("--reply-by", *replyBy); err != nil {
			return c.usageError("%v", err)
		}
	}
	if *due != "" {
		if opt.DueWithin, err = parseDays(*due); err != nil {
			return c.usageError("--due-within: %s", p.say("want days such as 7d, 2w or 10", "应为天数，如 7d、2w 或 10"))
		}
		opt.Remind = true
	}
	if opt.Canonical, err = c.canonical(*cf.bodies); err != nil {
		return c.usageError("%s", p.sprintf(msgBadBodies, err))
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		c.logf("%s: %s", *out, describe(err))
		return exitInput
	}
	files, err := report.Handout(ledger, *out, opt)
	for _, f := range files {
		fmt.Fprintf(c.stdout, "%s\t%s\n", f.Path, p.say(
			fmt.Sprintf("%s: %d led, %d supported", f.Unit, f.Lead, f.Support),
			fmt.Sprintf("%s：牵头 %d 项，配合 %d 项", f.Unit, f.Lead, f.Support)))
	}
	if err != nil {
		c.logf("%v", c.ledgerError(ledger, err))
		return exitFor(err)
	}
	if len(files) == 0 {
		c.logf("%s", p.say(ledger+": no task has a responsible unit to hand it to; nothing written",
			ledger+"：没有可交办的任务（没有责任单位），未写出文件"))
	}
	return exitOK
}

// ledgerError makes err about the ledger at path readable.
func (c *command) ledgerError(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return c.p.errorf(msgNotFound, path)
	}
	return err
}

// parseDays reads a number of days: 7, 7d, 7天, 2w, 2周.
func parseDays(s string) (int, error) {
	s = strings.TrimSpace(s)
	mult := 1
	for _, suf := range []struct {
		s string
		n int
	}{{"d", 1}, {"天", 1}, {"w", 7}, {"周", 7}} {
		if strings.HasSuffix(s, suf.s) {
			s, mult = strings.TrimSuffix(s, suf.s), suf.n
			break
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("bad number of days %q", s)
	}
	return n * mult, nil
}

// collect runs `speechledger collect`.
func (c *command) collect(args []string) int {
	p := c.p
	cf := c.newCycleFlags("collect")
	fs := cf.fs
	out := fs.StringP("output", "o", "ledger.xlsx", p.say("the ledger to merge the replies into", "合并反馈的台账"))
	date := fs.String("date", "", p.say("the day of collecting, for 变更记录, `YYYY-MM-DD` (default today)", "反馈合并日期 `YYYY-MM-DD`，记入“变更记录”（默认今天）"))
	cf.addCommon(p)
	if code, ok := c.parseCycle(cf, args, p.say(collectUsageEN, collectUsageZH)); !ok {
		return code
	}
	var opt report.CollectOptions
	var err error
	if opt.Date, err = c.dateFlag("--date", *date); err != nil {
		return c.usageError("%v", err)
	}
	if opt.Canonical, err = c.canonical(*cf.bodies); err != nil {
		return c.usageError("%s", p.sprintf(msgBadBodies, err))
	}
	replies, failed := c.replyFiles(fs.Args(), *out)
	if len(replies) == 0 && !failed {
		return c.usageError("%s", p.say("collect: name the replies (.xlsx files or folders)", "collect：请给出反馈文件（.xlsx 文件或文件夹）"))
	}
	res, err := report.Collect(*out, replies, opt)
	if err != nil {
		c.logf("%v", c.ledgerError(*out, err))
		return exitFor(err)
	}
	for _, m := range res.Merged {
		fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s → %s\t%s\n", m.ID, m.Unit, m.Field, orNone(m.Old, p), m.New, filepath.Base(m.File))
	}
	for _, pr := range res.Problems {
		c.logf("%s", c.problem(pr))
	}
	fmt.Fprintln(c.stderr, p.say(
		fmt.Sprintf("speechledger: %d replies, %d values merged into %s, %d problems not merged", res.Replies, len(res.Merged), *out, len(res.Problems)),
		fmt.Sprintf("speechledger：%d 份反馈，%d 项合并入 %s，%d 处问题未合并", res.Replies, len(res.Merged), *out, len(res.Problems))))
	if failed || len(res.Problems) > 0 {
		return exitInput
	}
	return exitOK
}

// replyFiles expands the arguments of collect into the replies to read:
// .xlsx files as given, folders' .xlsx files in sorted order (hidden and
// temporary Office files, and the ledger itself, skipped).
func (c *command) replyFiles(args []string, ledger string) (files []string, failed bool) {
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			c.logf("%v", c.fileError(a, err))
			failed = true
			continue
		}
		if !info.IsDir() {
			if !c.regular(a, info) {
				failed = true
				continue
			}
			files = append(files, a)
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			c.logf("%v", c.fileError(a, err))
			failed = true
			continue
		}
		for _, e := range entries {
			name := e.Name()
			path := filepath.Join(a, name)
			if e.IsDir() || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") ||
				!strings.EqualFold(filepath.Ext(name), ".xlsx") || sameFile(path, ledger) {
				continue
			}
			files = append(files, path)
		}
	}
	return files, failed
}

// sameFile reports whether a and b name the same file.
func sameFile(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ia, ib)
}

func orNone(s string, p printer) string {
	if s == "" {
		return p.say("(empty)", "（空）")
	}
	return s
}

// problem says what is wrong with a reply.
func (c *command) problem(pr report.Problem) string {
	p := c.p
	where := pr.File
	if pr.Row > 0 {
		where += p.say(fmt.Sprintf(": row %d", pr.Row), fmt.Sprintf("：第 %d 行", pr.Row))
	}
	switch pr.Kind {
	case report.ProblemFile:
		return p.say(where+": not read: "+pr.Detail, where+"：未读取："+pr.Detail)
	case report.ProblemAddedRow:
		return p.say(where+": a row without 任务编号, added by the unit; not merged (enter it in the ledger by hand)",
			where+"：没有任务编号的行（单位自行添加），未合并；如需要请手工录入台账")
	case report.ProblemUnknownID:
		return p.say(where+": task "+pr.ID+" is not in the ledger; not merged", where+"：任务 "+pr.ID+" 不在台账中，未合并")
	case report.ProblemWrongUnit:
		return p.say(where+": task "+pr.ID+" belongs to "+pr.Detail+", not to "+pr.Unit+"; not merged",
			where+"：任务 "+pr.ID+" 的承办单位是 "+pr.Detail+"，不是 "+pr.Unit+"，未合并")
	case report.ProblemNotHanded:
		return p.say(where+": task "+pr.ID+" was not on this handout; not merged", where+"：任务 "+pr.ID+" 不在这份交办单上，未合并")
	case report.ProblemConflict:
		return p.say(fmt.Sprintf("task %s: the replies disagree on %s (%s); not merged", pr.ID, pr.Field, strings.Join(pr.Values, "; ")),
			fmt.Sprintf("任务 %s：各反馈的“%s”不一致（%s），未合并", pr.ID, pr.Field, strings.Join(pr.Values, "；")))
	case report.ProblemStaffChanged:
		return p.say(fmt.Sprintf("%s: task %s: %s was changed in the ledger since the handout (%q); the reply's %q not merged", pr.File, pr.ID, pr.Field, pr.Values[0], pr.Values[1]),
			fmt.Sprintf("%s：任务 %s：台账中的“%s”在交办后已改为“%s”，反馈的“%s”未合并", pr.File, pr.ID, pr.Field, pr.Values[0], pr.Values[1]))
	case report.ProblemOtherLedger:
		return p.say(where+": a handout of the ledger "+pr.Detail+", not of this one", where+"：这是台账 "+pr.Detail+" 的交办单，不是本台账的")
	}
	return where
}

const handoutUsageEN = `speechledger handout — one workbook of tasks per responsible unit (交办, 催办)

Usage:
  speechledger handout -o DIR [flags] [LEDGER.xlsx]

Writes into DIR, for each responsible unit of the ledger (default
ledger.xlsx), UNIT-督办任务.xlsx: the tasks it leads, then those it
supports, with the columns it fills in (办理状态, 进展情况, 完成日期, 联系人).
With --due-within, only tasks overdue or due soon, as UNIT-催办单.xlsx.
Send the files; merge the replies with 'speechledger collect'.

Examples:
  speechledger handout -o 交办 --from 县委督查室 ledger.xlsx
  speechledger handout -o 催办 --due-within 7d ledger.xlsx

Flags:
`

const handoutUsageZH = `speechledger handout — 按责任单位生成交办单、催办单

用法:
  speechledger handout -o 文件夹 [选项] [台账.xlsx]

为台账（默认 ledger.xlsx）中的每个责任单位，在文件夹中写出“单位-督办任务.xlsx”：
先列牵头任务，再列配合任务，单位填写“办理状态、进展情况、完成日期、联系人”四列。
加 --due-within 时只列已逾期或即将到期的任务，文件名为“单位-催办单.xlsx”。
单位反馈后用 speechledger collect 合并回台账。

示例:
  speechledger handout -o 交办 --from 县委督查室 ledger.xlsx
  speechledger handout -o 催办 --due-within 7d ledger.xlsx

选项:
`

const collectUsageEN = `speechledger collect — merge the units' replies into the ledger (反馈)

Usage:
  speechledger collect [-o LEDGER.xlsx] [flags] REPLY.xlsx|FOLDER...

Merges what each unit filled in on its handout (办理状态, 进展情况, 完成日期,
联系人) into the ledger by 任务编号; each merged value is a line of 变更记录.
Rows a unit added, unknown tasks, tasks of other units, replies that
disagree and values staff changed in the ledger since the handout are
named on standard error and not merged.

Exit status: 0 every reply merged, 1 something was not merged or could not
be read (the rest was merged), 2 usage error, 4 the ledger cannot be read
or changed meanwhile (left as it was).

Flags:
`

const collectUsageZH = `speechledger collect — 把各单位的反馈合并回台账

用法:
  speechledger collect [-o 台账.xlsx] [选项] 反馈.xlsx|文件夹...

按任务编号把各单位在交办单上填写的“办理状态、进展情况、完成日期、联系人”合并进台账，
每合并一项在“变更记录”中记一行。单位自行添加的行、台账中没有的任务、其他单位的任务、
互相矛盾的反馈，以及交办后工作人员已在台账中改过的值，都在标准错误中列出，不合并。

退出状态: 0 全部合并；1 有未合并或无法读取的内容（其余已合并）；2 用法错误；
4 台账无法读取或期间被改动（原样保留）。

选项:
`

// archiveConfig is what the --archive flags ask for (归档).
type archiveConfig struct {
	on     bool
	before extract.Date                 // also archive speeches dated before it
	of     func(*extract.Speech) string // the archive of a speech, once read
}

// archiveFlags are the --archive flags.
type archiveFlags struct {
	on     *bool
	before *string
}

func addArchiveFlags(fs *pflag.FlagSet, p printer) *archiveFlags {
	return &archiveFlags{
		on: fs.Bool("archive", false, p.say(
			"move speeches whose tasks are all 已办结 to an archive workbook per year beside the ledger (ledger-归档-2024.xlsx); a new task brings one back",
			"归档：任务全部“已办结”的讲话移入台账旁按年的归档工作簿（如 ledger-归档-2024.xlsx）；有新任务时移回")),
		before: fs.String("archive-before", "", p.say(
			"with --archive, also archive speeches dated before `YYYY-MM-DD`",
			"与 --archive 同用：讲话日期早于 `YYYY-MM-DD` 的也归档")),
	}
}

// config checks the flags.
func (af *archiveFlags) config(p printer) (archiveConfig, error) {
	cfg := archiveConfig{on: *af.on || *af.before != ""}
	if *af.before != "" {
		d, err := extract.ParseDate(*af.before)
		if err != nil {
			return cfg, errors.New(p.sprintf(msgBadDate, "--archive-before", p.dateReason(*af.before, err)))
		}
		cfg.before = d
	}
	return cfg, nil
}

// archiving reports whether the run archives.
func (c *command) archiving() bool {
	return c.cfg.archive.on && c.workbookOutput()
}

// archive moves speeches between the ledger and its archives before the
// run (report.Archive) and notes what moved.
func (c *command) archive(speeches []extract.Speech) error {
	a, moved, err := report.Archive(c.cfg.output, speeches, report.ArchiveOptions{ReportDate: c.cfg.reportDate, Before: c.cfg.archive.before})
	if err != nil {
		if errors.As(err, new(*report.PreviousError)) {
			return err
		}
		return fmt.Errorf("%s: %w", c.cfg.output, err)
	}
	c.cfg.archive.of = a.Of
	for _, m := range moved {
		if !c.cfg.quiet {
			c.logf("%s", c.p.say("archive: "+m, "归档："+m))
		}
	}
	return nil
}
