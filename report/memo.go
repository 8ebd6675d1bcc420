package report

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/speechledger/speechledger/internal/atomicfile"
	"github.com/speechledger/speechledger/internal/sealed"
	"github.com/speechledger/speechledger/report/internal/xlsx"
)

// A memo is what a run remembers of the workbook it wrote, so that the
// next run over it neither reads again the rows of its speech sheets nor
// writes again the sheets that come out the same. A nightly run over a
// folder where nothing changed does little else.
//
// A memo is kept in Options.MemoDir under the SHA-256 of the workbook's
// bytes, so it is found only for the workbook exactly as the run left it:
// once staff save it in Excel or WPS, or change it in any way, it has no
// memo and is read and written in full. It is sealed with that SHA-256
// and a checksum (package sealed): a memo damaged on the disk, cut short
// or put under another workbook's name is not used. What a memo says of a sheet is
// checked before it is used: the rows read from it are those the fast
// reader reads from the sheet's XML (xlsx.ParseRows, run on the XML when it was
// written); a sheet is reused only when digests of everything it was
// written from (rowsKey, frameKey) are those of the sheet this run would
// write, by the same build of the program from the same template; and
// the workbook's styles and shared strings, which a sheet refers to by
// number, are compared once the new ones are known (rowWriter.fits).
type memo struct {
	Build    string                // Options.Build of the run that wrote it
	Template [32]byte              // SHA-256 of the template
	Styles   [32]byte              // SHA-256 of the styles part as written
	Shared   []string              // the shared strings the speech sheets' heads refer to, from the first
	Sheets   map[string]*memoSheet // the speech sheets, by name
	// Skeleton is the XML excelize writes for every copy of the prepared
	// template sheet, before its rows, titles and ranges are written in,
	// or nil if the copies differed.
	Skeleton []byte
}

// A memoSheet is what a memo keeps of one speech sheet, whose part is
// written as three deflate pieces (see xlsx.Deflated): the head, up to where
// the task rows go; the task rows; and the tail.
type memoSheet struct {
	Rows     [32]byte      // rowsKey of its task rows
	Frame    [32]byte      // frameKey of the rest
	Whole    bool          // the part can be reused whole: it has no relationships of its own
	Head     int64         // compressed length of the head piece
	Body     xlsx.PieceSum // the task rows' piece
	HeadRows [][]string
	TaskRows [][]string      // raw cell values of the head's rows and of the task rows, as xlsx.ParseRows reads them
	Typed    []xlsx.CellAt   // the task rows' cells that are not text, as xlsx.ReadSheet finds them
	Heights  map[int]float64 // the task rows' heights, by row, as xlsx.ReadSheet finds them
}

// sheet returns what m keeps of the speech sheet name, or nil.
func (m *memo) sheet(name string) *memoSheet {
	if m == nil {
		return nil
	}
	return m.Sheets[name]
}

// rows returns the raw values of the sheet's cells as the fast reader
// reads them from the whole part: the task rows over the head's rows.
func (m *memoSheet) rows() [][]string {
	rows := slices.Clone(m.HeadRows)
	for i, r := range m.TaskRows {
		if r == nil {
			continue
		}
		for len(rows) <= i {
			rows = append(rows, nil)
		}
		rows[i] = r
	}
	return rows
}

// memoFolder is the folder of MemoDir that holds memos.
const memoFolder = "workbooks"

// memoMaxAge is how long a memo no run has used is kept: that of a
// workbook staff changed, or moved away, is never used again.
const memoMaxAge = 30 * 24 * time.Hour

// memoPath returns the file in dir of the memo of the workbook whose
// SHA-256 is sum.
func memoPath(dir string, sum []byte) string {
	return filepath.Join(dir, memoFolder, hex.EncodeToString(sum)+".gob")
}

// A memo is kept as a gob stream of the memo without its sheets and then
// a memoEntry for each sheet, so that neither keeping nor reading it
// holds the whole memo encoded at once.
type memoEntry struct {
	Name  string
	Sheet *memoSheet
}

// encode writes m to w.
func (m *memo) encode(w io.Writer) error {
	enc := gob.NewEncoder(w)
	head := *m
	head.Sheets = nil
	if err := enc.Encode(&head); err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(m.Sheets)) {
		if err := enc.Encode(memoEntry{name, m.Sheets[name]}); err != nil {
			return err
		}
	}
	return nil
}

// decodeMemo reads a memo from r, or returns nil if r does not hold one
// kept by build.
func decodeMemo(r io.Reader, build string) *memo {
	dec := gob.NewDecoder(r)
	var m memo
	if dec.Decode(&m) != nil || m.Build != build {
		return nil
	}
	m.Sheets = map[string]*memoSheet{}
	for {
		var e memoEntry
		switch err := dec.Decode(&e); {
		case errors.Is(err, io.EOF):
			return &m
		case err != nil || e.Sheet == nil:
			return nil
		}
		m.Sheets[e.Name] = e.Sheet
	}
}

// loadMemo returns the memo of the workbook whose SHA-256 is sum kept in
// dir by build, or nil when there is none.
func loadMemo(dir, build string, sum []byte) *memo {
	if dir == "" || build == "" {
		return nil
	}
	b, err := os.ReadFile(memoPath(dir, sum))
	if err != nil {
		return nil
	}
	content, err := sealed.Open(b, hex.EncodeToString(sum))
	if err != nil {
		return nil // damaged, or another workbook's: the workbook is read in full
	}
	return decodeMemo(bytes.NewReader(content), build)
}

// saveMemo keeps m in dir as the memo of the workbook whose SHA-256 is
// sum, and lets go of that of the workbook it replaced, whose SHA-256 is
// old (nil for none), and of memos
// no run has used for memoMaxAge. A memo that cannot be kept is no reason
// to fail the run: the next one reads the workbook in full. The run
// calls it only when it keeps memos (Options.MemoDir and Build set).
func saveMemo(dir string, m *memo, sum, old []byte) {
	path := memoPath(dir, sum)
	if os.MkdirAll(filepath.Dir(path), 0o755) != nil {
		return
	}
	err := atomicfile.Write(path, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<16)
		if err := sealMemo(bw, m, sum); err != nil {
			return err
		}
		return bw.Flush()
	}, atomicfile.Options{NoSync: true}) // a lost memo costs only time
	if err != nil {
		return
	}
	if old != nil {
		if p := memoPath(dir, old); p != path {
			os.Remove(p)
		}
	}
	pruneMemos(filepath.Dir(path), time.Now().Add(-memoMaxAge))
}

// sealMemo writes m to w sealed for the workbook whose SHA-256 is sum.
func sealMemo(w io.Writer, m *memo, sum []byte) error {
	sw := sealed.NewWriter(w, hex.EncodeToString(sum))
	if err := m.encode(sw); err != nil {
		return err
	}
	return sw.Close()
}

// pruneMemos removes the memos in folder last changed before cutoff.
func pruneMemos(folder string, cutoff time.Time) {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.ModTime().Before(cutoff) {
			os.Remove(filepath.Join(folder, e.Name()))
		}
	}
}

// A reuse is what a run may take from the workbook it replaces, by its
// memo: the compressed pieces of speech sheets that come out the same.
type reuse struct {
	m       *memo
	entries map[string]xlsx.Deflated // the parts of its speech sheets, compressed, by sheet name
}

// newReuse returns what may be reused of the previous workbook p by a run
// of build with the template whose SHA-256 is tpl, or nil.
func newReuse(p *previous, build string, tpl [32]byte) *reuse {
	if p == nil || p.memo == nil || p.raw == nil || p.memo.Build != build || p.memo.Template != tpl {
		return nil
	}
	r := &reuse{m: p.memo, entries: map[string]xlsx.Deflated{}}
	for name := range p.memo.Sheets {
		part, ok := p.raw.SheetPart(name)
		if !ok {
			continue
		}
		if z, ok := p.raw.Compressed(part); ok {
			r.entries[name] = z
		}
	}
	return r
}

// entry returns the part of sheet in the previous workbook, compressed,
// with what the memo keeps of the sheet.
func (r *reuse) entry(sheet string) (xlsx.Deflated, *memoSheet, bool) {
	if r == nil {
		return xlsx.Deflated{}, nil, false
	}
	z, ok := r.entries[sheet]
	ms := r.m.Sheets[sheet]
	if !ok || ms == nil || !z.Holds(ms.Head, ms.Body) {
		return xlsx.Deflated{}, nil, false
	}
	return z, ms, true
}

// errStale says that the styles or shared strings of a workbook being
// written are not those the sheets it reused were written with.
var errStale = errors.New("the previous workbook's sheets do not fit the new styles")

// A keyWriter takes a digest of values, each with its length or kind, so
// that different values never run together the same. The bytes go to
// the hash a buffer at a time: those of 其余讲话's rows are as many as the
// rows' text.
type keyWriter struct {
	b []byte
	h hash.Hash // nil until the buffer first fills
}

// keyBuffer is how many bytes a keyWriter holds before it hashes them.
const keyBuffer = 64 << 10

func (k *keyWriter) str(s string) {
	k.b = binary.AppendUvarint(k.b, uint64(len(s)))
	k.b = append(k.b, s...)
	if len(k.b) >= keyBuffer {
		if k.h == nil {
			k.h = sha256.New()
		}
		k.h.Write(k.b)
		k.b = k.b[:0]
	}
}

func (k *keyWriter) int(n int) { k.b = binary.AppendVarint(k.b, int64(n)) }

func (k *keyWriter) bool(v bool) {
	if v {
		k.b = append(k.b, 1)
	} else {
		k.b = append(k.b, 0)
	}
}

func (k *keyWriter) float(f float64) {
	k.b = binary.LittleEndian.AppendUint64(k.b, math.Float64bits(f))
}

func (k *keyWriter) sum() [32]byte {
	if k.h == nil {
		return sha256.Sum256(k.b)
	}
	k.h.Write(k.b)
	var s [32]byte
	k.h.Sum(s[:0])
	return s
}

// rowsKey returns a digest of all that writeRow writes the task rows of
// sh from, with the template and the build: the columns, the rows'
// fields and carried cells, the style of each carried cell (added to the
// workbook here, in the order writing the rows would add them) and where
// the rows start.
func (w *rowWriter) rowsKey(sh *sheet) ([32]byte, error) {
	var k keyWriter
	lay := sh.lay
	k.int(lay.headerRow)
	for _, c := range lay.cols {
		k.int(c.col)
		k.int(int(c.field))
		k.bool(c.known)
		k.int(c.extra)
		k.int(c.style)
		k.float(c.width)
		k.bool(c.wrap)
	}
	k.int(len(sh.Rows))
	for i := range sh.Rows {
		r := &sh.Rows[i]
		k.int(r.Seq)
		for _, s := range [...]string{r.ID, r.Text, r.Times, r.Due.String(), r.Lead, r.Support, r.Targets,
			r.Section, r.Hints, r.Status, r.Warning, r.Progress, r.Note, r.Change} {
			k.str(s)
		}
		k.int(len(r.Marks))
		for _, m := range r.Marks {
			k.int(m.Start)
			k.int(m.End)
			k.int(int(m.Kind))
		}
		k.float(r.TargetValue)
		k.bool(r.HasValue)
		k.bool(r.Removed)
		k.bool(r.Verbatim)
		k.float(r.Height)
		for _, c := range lay.cols {
			cc, ok := r.Cells.get(c.col)
			if !ok {
				continue
			}
			style := 0
			if cc.style != nil {
				id, err := w.styles.id(w.f, cc.style)
				if err != nil {
					return [32]byte{}, err
				}
				style = id
			}
			k.int(c.col)
			k.int(int(cc.kind))
			k.str(cc.value)
			k.str(cc.formula)
			k.int(style)
			k.int(cc.row)
		}
		k.int(-1)
	}
	return k.sum(), nil
}

// frameKey returns a digest of what the rest of a speech sheet's part is
// written from besides the template: the texts of its title cells, what
// fills its page header and footer, and the rows it spans.
func frameKey(titles map[string]string, hf []string, first, lastRow, lastCol int) [32]byte {
	var k keyWriter
	refs := make([]string, 0, len(titles))
	for ref := range titles {
		refs = append(refs, ref)
	}
	slices.Sort(refs)
	for _, ref := range refs {
		k.str(ref)
		k.str(titles[ref])
	}
	k.int(len(hf))
	for _, s := range hf {
		k.str(s)
	}
	k.int(first)
	k.int(lastRow)
	k.int(lastCol)
	return k.sum()
}
