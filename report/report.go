package report

import (
	"bufio"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/speechledger/speechledger/extract"
	"github.com/speechledger/speechledger/internal/atomicfile"
	"github.com/speechledger/speechledger/report/internal/xlsx"
	"github.com/speechledger/speechledger/templates"
	"github.com/xuri/excelize/v2"
)

// Options configure the report.
type Options struct {
	ReportDate extract.Date // the day the report is made
	Template   string       // path of an office's own .xlsx template; "" = the embedded default
	Inputs     []string     // names of the inputs (files or folders, not paths), for the record
	// Keep is how many dated backups of the workbook being replaced to
	// keep next to it (ledger.2010-01-15.bak.xlsx); 0 makes none.
	Keep int
	// MaxSheets is the most speech sheets the workbook holds; 0 means
	// MaxSpeechSheets.
	MaxSheets int
	// MemoDir is a folder where a run keeps what it remembers of the
	// workbook it writes, so that the next run over it need not read or
	// write again what did not change (see memo); "" keeps nothing.
	MemoDir string
	// Build identifies the program: a memo is used only by the build of
	// the program that kept it. "" keeps no memo.
	Build string
	// Archived, if not nil, returns the archive workbook holding a
	// speech's sheet (see Archive), "" for a speech not archived: an
	// archived speech is a line of 汇总 saying so, without a sheet.
	Archived func(*extract.Speech) string
}

// maxSheets returns the most speech sheets the workbook holds.
func (o Options) maxSheets() int {
	if o.MaxSheets > 0 {
		return o.MaxSheets
	}
	return MaxSpeechSheets
}

// WriteWorkbook is Update without its statistics.
func WriteWorkbook(path string, speeches []extract.Speech, opt Options) error {
	_, err := Update(path, speeches, opt)
	return err
}

// Update writes the ledger for speeches to path. Speeches come in input
// order; a speech with DuplicateOf != 0 gets no sheet, only a line in the
// summary.
//
// When path holds a ledger already, Update carries it forward: what staff
// typed into it (办理状态, 进展情况, 备注, columns and rows they added),
// by task id; tasks no longer in the input stay, marked 已移出; new ones
// are marked 新增; its change log gets a line for this run. A workbook at
// path that cannot be carried forward is left as it is, with an error of
// type *PreviousError.
//
// The file is replaced atomically (temporary file in the same folder,
// fsync, rename), after a check that it did not change since it was read,
// and with opt.Keep dated backups of it kept.
func Update(path string, speeches []extract.Speech, opt Options) (Stats, error) {
	return Prepare(path, opt).Update(speeches)
}

// A Pending is an update of the workbook at a path whose reading has
// begun: the workbook it replaces and the template are read in the
// background, so that a caller can start them before it extracts the
// speeches.
type Pending struct {
	path string
	opt  Options
	prev chan prevResult
	tpl  chan tplResult
}

type prevResult struct {
	p   *previous
	err error
}

type tplResult struct {
	f    *excelize.File
	lay  *layout
	b    []byte // the template
	name string
	err  error
}

// Prepare starts an update of the workbook at path with opt: the
// workbook there and the template are read while the caller works. The
// caller must call Update or Abandon.
func Prepare(path string, opt Options) *Pending {
	u := &Pending{path: path, opt: opt, prev: make(chan prevResult, 1), tpl: make(chan tplResult, 1)}
	go func() {
		p, err := readPrevious(path, opt.MemoDir, opt.Build)
		u.prev <- prevResult{p, err}
	}()
	go func() {
		tpl, name := templates.Default(), "default.xlsx"
		if opt.Template != "" {
			b, err := os.ReadFile(opt.Template)
			if err != nil {
				u.tpl <- tplResult{err: fmt.Errorf("read template: %w", err)}
				return
			}
			tpl, name = b, opt.Template
		}
		f, lay, err := openTemplate(tpl, name)
		u.tpl <- tplResult{f, lay, tpl, name, err}
	}()
	return u
}

// Abandon lets go of what Prepare read.
func (u *Pending) Abandon() {
	(<-u.prev).p.close()
	if t := <-u.tpl; t.f != nil {
		t.f.Close()
	}
}

// Update writes the ledger for speeches, as the function Update does.
func (u *Pending) Update(speeches []extract.Speech) (Stats, error) {
	return u.UpdateFrom(SpeechesOf(speeches))
}

// UpdateFrom is Update for speeches that need not be held: on a first
// run (no workbook at the path) over more speeches than get a sheet of
// their own, the rows of combinedSheet are made from speeches.Each as
// they are written, and each is read a few times.
func (u *Pending) UpdateFrom(speeches Speeches) (Stats, error) {
	st, err := u.update(speeches)
	if err != nil {
		if _, ok := err.(*PreviousError); ok {
			return st, err
		}
		return st, fmt.Errorf("write workbook %s: %w", u.path, err)
	}
	return st, nil
}

func (u *Pending) update(speeches Speeches) (Stats, error) {
	path, opt := u.path, u.opt
	if opt.ReportDate.IsZero() {
		u.Abandon()
		return Stats{}, fmt.Errorf("no report date")
	}
	t := <-u.tpl
	if t.err != nil {
		(<-u.prev).p.close()
		return Stats{}, t.err
	}
	pr := <-u.prev
	if pr.err != nil {
		t.f.Close()
		return Stats{}, pr.err
	}
	prev := pr.p
	defer prev.close()
	l, err := readLedger(speeches, opt, prev == nil)
	if err != nil {
		t.f.Close()
		return Stats{}, err
	}
	tplSum := sha256.Sum256(t.b)
	remember := opt.MemoDir != "" && opt.Build != ""
	st, parts, rows, err := build(t.f, t.lay, l, prev, newReuse(prev, opt.Build, tplSum), remember)
	if err == nil {
		err = rows.fits(parts)
	}
	if errors.Is(err, errStale) {
		// Write every sheet afresh, on a fresh copy of the template.
		rows.release()
		t.f.Close()
		if l, err = readLedger(speeches, opt, prev == nil); err != nil {
			return Stats{}, err
		}
		var lay *layout
		if t.f, lay, err = openTemplate(t.b, t.name); err != nil {
			return Stats{}, err
		}
		st, parts, rows, err = build(t.f, lay, l, prev, nil, remember)
	}
	defer t.f.Close()
	if rows != nil {
		defer rows.release()
	}
	if err != nil {
		return st, err
	}
	var m *memo
	var prevSum *fileSum // nil: there was no workbook
	if prev != nil {
		prevSum = prev.sum
	}
	sum := sha256.New()
	err = atomicfile.Write(path, func(w io.Writer) error {
		bw := bufio.NewWriterSize(io.MultiWriter(w, sum), 1<<16)
		var err error
		if m, err = writePackage(bw, parts, rows); err != nil {
			return err
		}
		return bw.Flush()
	}, atomicfile.Options{BeforeRename: func() error {
		prev.closeInput() // all its parts are copied
		err := unchanged(path, prevSum, "this run was working")
		if err == nil && prev != nil && opt.Keep > 0 {
			st.Backup, err = backup(path, opt.ReportDate)
		}
		return err
	}})
	if err != nil {
		return st, err
	}
	if remember {
		m.Build, m.Template = opt.Build, tplSum
		var old []byte
		if prevSum != nil {
			old = prevSum.sha[:]
		}
		saveMemo(opt.MemoDir, m, sum.Sum(nil), old)
	}
	if st.Backup != "" {
		if err := pruneBackups(path, opt.Keep); err != nil {
			return st, err
		}
	}
	return st, nil
}

// build lays ledger l, carried forward from the previous workbook prev,
// into the template f laid out by lay, taking by re what it can from
// prev, and returns what the run did and the parts of the package and
// rows that writePackage writes (rows also on an error: see
// rowWriter.release); with remember, rows learns what the workbook's
// memo keeps.
func build(f *excelize.File, lay *layout, l ledger, prev *previous, re *reuse, remember bool) (Stats, *xlsx.Parts, *rowWriter, error) {
	st := merge(&l, prev, lay)
	collapse(&l, lay)
	rows := newRowWriter(f, styleCache{})
	rows.re, rows.remember = re, remember
	if err := fill(f, lay, &l, prev, st, rows); err != nil {
		return st, nil, rows, err
	}
	st.Reused, st.RowsOnly = rows.whole, rows.rowsOnly
	parts := &xlsx.Parts{}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return parts })
	if _, err := f.WriteToBuffer(); err != nil {
		return st, nil, rows, err
	}
	return st, parts, rows, nil
}

// A fileSum tells a file's content: its length and SHA-256.
type fileSum struct {
	size int64
	sha  [sha256.Size]byte
}

// sumOf returns the fileSum of what r reads.
func sumOf(r io.Reader) (*fileSum, error) {
	h := sha256.New()
	n, err := io.Copy(h, r)
	if err != nil {
		return nil, err
	}
	s := &fileSum{size: n}
	h.Sum(s.sha[:0])
	return s, nil
}

// unchanged returns nil if the file at path still holds what it held, as
// was tells, before the run worked on it (nil: the file did not exist
// then), and a *PreviousError naming what happened otherwise: staff may
// have saved the workbook since it was read, and replacing it now would
// lose what they saved. while says what was going on, for the message.
func unchanged(path string, was *fileSum, while string) error {
	f, err := os.Open(path)
	var cur *fileSum
	if err == nil {
		cur, err = sumOf(f)
		f.Close()
	}
	switch {
	case was == nil && err == nil:
		return &PreviousError{Path: path, Reason: "appeared while " + while + "; run again"}
	case was == nil && errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return &PreviousError{Path: path, Reason: "cannot be read again before replacing it", Err: err}
	case *cur != *was:
		return &PreviousError{Path: path, Reason: "changed while " + while + " (saved in another program?); run again"}
	}
	return nil
}
