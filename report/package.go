package report

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"slices"

	"github.com/speechledger/speechledger/report/internal/xlsx"
)

// writePackage writes the xlsx package of parts to w, adding the rows of
// rows to their worksheets and putting the content types' defaults in
// order. Entries keep their order and carry no timestamps, so the output
// is deterministic. The entries are compressed on all cores at once.
//
// It returns the memo of the workbook, but for its Build and Template.
func writePackage(w io.Writer, parts *xlsx.Parts, rows *rowWriter) (*memo, error) {
	info, err := xlsx.ReadWorkbook(parts.Part)
	if err != nil {
		return nil, err
	}
	sheetOf := map[string]string{} // sheet name by package path
	for name, part := range info.Parts {
		sheetOf[part] = name
	}
	if err := rows.wait(); err != nil {
		return nil, err
	}
	m := &memo{Styles: sha256.Sum256(parts.Styles()), Sheets: map[string]*memoSheet{}}
	if rows.whole > 0 {
		m.Shared = rows.re.m.Shared
	}
	if rows.re != nil {
		m.Skeleton = rows.re.m.Skeleton // unless a sheet written here gives it
	}
	pieces, err := packagePieces(parts, rows, sheetOf, m)
	if err != nil {
		return nil, err
	}
	comp, err := xlsx.CompressAll(pieces)
	if err != nil {
		return nil, err
	}
	for i, name := range parts.Names() {
		sheet := sheetOf[name]
		r := rows.sheets[sheet]
		if r == nil || r.memo == nil {
			continue
		}
		if r.whole != nil {
			comp[i] = xlsx.Whole(*r.whole)
		} else {
			r.memo.Head = pieces[i][0].Z.Size()
		}
		m.Sheets[sheet] = r.memo
	}
	return m, xlsx.WriteZip(w, parts.Names(), comp)
}

// packagePieces returns the pieces each part of parts is written from:
// a worksheet that rows wrote rows for is its part finished, cut where
// the rows go, and the rows compressed already; a part taken whole from
// the previous workbook has none. It records in m, the memo, the
// skeleton of the plain speech sheets and the shared strings their heads
// refer to, and in each sheet's memo what its head holds.
func packagePieces(parts *xlsx.Parts, rows *rowWriter, sheetOf map[string]string, m *memo) ([][]xlsx.Piece, error) {
	shared := parts.SharedStrings()
	skeletons := 0 // plain speech sheets laid out by excelize here
	pieces := make([][]xlsx.Piece, len(parts.Names()))
	for i, name := range parts.Names() {
		b := parts.Content(i)
		r := rows.sheets[sheetOf[name]]
		switch {
		case r != nil && r.whole != nil:
			continue
		case r != nil && r.skeleton != nil:
			b = slices.Clone(r.skeleton) // FinishSheet writes into what it is given
		case r != nil && r.memo != nil && r.plain:
			// Every plain sheet excelize lays out is the same copy of the
			// prepared template sheet; if not, the memo keeps none.
			if skeletons == 0 {
				m.Skeleton = slices.Clone(b)
			} else if !bytes.Equal(m.Skeleton, b) {
				m.Skeleton = nil
			}
			skeletons++
		}
		if r != nil {
			head, tail, err := xlsx.FinishSheet(b, &r.frame)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			if r.memo != nil {
				if err := rememberHead(parts, name, head, shared, r.memo, m); err != nil {
					return nil, fmt.Errorf("%s: %w", name, err)
				}
			}
			pieces[i] = []xlsx.Piece{{Raw: head}, {Z: &r.z}, {Raw: tail}}
			continue
		}
		pieces[i] = []xlsx.Piece{{Raw: xlsx.Tidy(name, b)}}
	}
	return pieces, nil
}

// rememberHead records in ms, the memo of the worksheet part name, the
// rows of its head, and whether the part can be reused whole; and in m
// the shared strings the head refers to.
func rememberHead(parts *xlsx.Parts, name string, head []byte, shared []string, ms *memoSheet, m *memo) error {
	var err error
	if ms.HeadRows, err = xlsx.ParseRows(nil, head, shared); err != nil {
		return err
	}
	if n := xlsx.SharedRefs(head); n > len(m.Shared) && n <= len(shared) {
		m.Shared = shared[:n]
	}
	ms.Whole = !parts.HasRels(name)
	return nil
}

// fits returns errStale if the sheets w took from the previous workbook
// do not fit the styles or shared strings of the package of parts, which
// they refer to by number.
func (w *rowWriter) fits(parts *xlsx.Parts) error {
	if w.whole+w.rowsOnly == 0 {
		return nil
	}
	from := w.re.m
	if sha256.Sum256(parts.Styles()) != from.Styles {
		return errStale
	}
	if w.whole > 0 {
		shared, n := parts.SharedStrings(), len(from.Shared)
		if len(shared) < n || !slices.Equal(shared[:n], from.Shared) {
			return errStale
		}
	}
	return nil
}
