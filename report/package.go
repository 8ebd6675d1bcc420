package report

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"

	"github.com/speechledger/speechledger/report/internal/xlsx"
)

// A partsWriter stands in for excelize's zip writer: it keeps the parts of
// the package in memory, in the order excelize writes them, so that
// writePackage can finish them and compress them once.
type partsWriter struct {
	names []string
	parts []*bytes.Buffer
}

func (p *partsWriter) Create(name string) (io.Writer, error) {
	b := new(bytes.Buffer)
	p.names = append(p.names, name)
	p.parts = append(p.parts, b)
	return b, nil
}

func (p *partsWriter) AddFS(fs.FS) error { return errors.New("add files to a workbook: not supported") }

func (p *partsWriter) Close() error { return nil }

// part returns the content of the part name, or nil.
func (p *partsWriter) part(name string) []byte {
	for i, n := range p.names {
		if n == name {
			return p.parts[i].Bytes()
		}
	}
	return nil
}

// writePackage writes the xlsx package of parts to w, adding the rows of
// rows to their worksheets and putting the content types' defaults in
// order (excelize writes the image types it adds with a chart in map
// order). Entries keep their order and carry no timestamps, so the output
// is deterministic. The entries are compressed on all cores at once.
//
// It returns the memo of the workbook, but for its Build and Template.
func writePackage(w io.Writer, parts *partsWriter, rows *rowWriter) (*memo, error) {
	info, err := xlsx.ReadWorkbook(parts.part)
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
	m := &memo{Styles: sha256.Sum256(parts.part("xl/styles.xml")), Sheets: map[string]*memoSheet{}}
	shared := xlsx.SharedStrings(parts.part("xl/sharedStrings.xml"))
	if rows.whole > 0 {
		m.Shared = rows.re.m.Shared
	}
	if rows.re != nil {
		m.Skeleton = rows.re.m.Skeleton // unless a sheet written here gives it
	}
	skeletons := 0 // plain speech sheets laid out by excelize here
	pieces := make([][]xlsx.Piece, len(parts.names))
	for i, name := range parts.names {
		b := parts.parts[i].Bytes()
		r := rows.sheets[sheetOf[name]]
		switch {
		case r != nil && r.whole != nil:
			continue
		case r != nil && r.skeleton != nil:
			b = slices.Clone(r.skeleton) // finish writes into what it is given
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
		switch {
		case r != nil:
			head, tail, err := r.finish(b)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			if r.memo != nil {
				if r.memo.HeadRows, err = xlsx.ParseRows(nil, head, shared); err != nil {
					return nil, fmt.Errorf("%s: %w", name, err)
				}
				if n := xlsx.SharedRefs(head); n > len(m.Shared) && n <= len(shared) {
					m.Shared = shared[:n]
				}
				dir, file := path.Split(name)
				r.memo.Whole = parts.part(dir+"_rels/"+file+".rels") == nil
			}
			pieces[i] = []xlsx.Piece{{Raw: head}, {Z: &r.z}, {Raw: tail}}
			continue
		case name == "[Content_Types].xml":
			b = sortDefaults(b)
		}
		pieces[i] = []xlsx.Piece{{Raw: b}}
	}
	comp, err := xlsx.CompressAll(pieces)
	if err != nil {
		return nil, err
	}
	for i, name := range parts.names {
		sheet := sheetOf[name]
		r := rows.sheets[sheet]
		if r == nil || r.memo == nil {
			continue
		}
		if r.whole != nil {
			comp[i] = *r.whole
		} else {
			r.memo.Head = int64(len(pieces[i][0].Z.Data))
		}
		m.Sheets[sheet] = r.memo
	}
	zw := zip.NewWriter(w)
	for i, name := range parts.names {
		fw, err := zw.CreateRaw(&zip.FileHeader{
			Name:               name,
			Method:             zip.Deflate,
			Flags:              zipDataDescriptor,
			CreatorVersion:     zipVersion20,
			ReaderVersion:      zipVersion20,
			CRC32:              comp[i].CRC,
			CompressedSize64:   uint64(len(comp[i].Data)),
			UncompressedSize64: uint64(comp[i].N),
		})
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write(comp[i].Data); err != nil {
			return nil, err
		}
	}
	return m, zw.Close()
}

// What zip.Writer.CreateHeader puts in the header of an entry whose name
// is ASCII and whose sizes follow its data, as CreateRaw needs told.
const (
	zipDataDescriptor = 0x8
	zipVersion20      = 20
)

// fits returns errStale if the sheets w took from the previous workbook
// do not fit the styles or shared strings of the package of parts, which
// they refer to by number.
func (w *rowWriter) fits(parts *partsWriter) error {
	if w.whole+w.rowsOnly == 0 {
		return nil
	}
	from := w.re.m
	if sha256.Sum256(parts.part("xl/styles.xml")) != from.Styles {
		return errStale
	}
	if w.whole > 0 {
		shared, n := xlsx.SharedStrings(parts.part("xl/sharedStrings.xml")), len(from.Shared)
		if len(shared) < n || !slices.Equal(shared[:n], from.Shared) {
			return errStale
		}
	}
	return nil
}

// contentDefault matches one <Default> entry of [Content_Types].xml.
var contentDefault = regexp.MustCompile(`<Default [^>]*(?:/>|></Default>)`)

// sortDefaults sorts the <Default> entries of a [Content_Types].xml in place.
func sortDefaults(b []byte) []byte {
	all := contentDefault.FindAll(b, -1)
	sorted := slices.Clone(all)
	slices.SortFunc(sorted, bytes.Compare)
	i := 0
	return contentDefault.ReplaceAllFunc(b, func([]byte) []byte {
		i++
		return sorted[i-1]
	})
}
