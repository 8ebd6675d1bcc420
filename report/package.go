package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
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
func writePackage(w io.Writer, parts *partsWriter, rows *rowWriter) error {
	info, err := readWorkbook(parts.part)
	if err != nil {
		return err
	}
	sheetOf := map[string]string{} // sheet name by package path
	for name, part := range info.parts {
		sheetOf[part] = name
	}
	if err := rows.wait(); err != nil {
		return err
	}
	pieces := make([][]piece, len(parts.names))
	for i, name := range parts.names {
		b := parts.parts[i].Bytes()
		if r := rows.sheets[sheetOf[name]]; r != nil {
			head, tail, err := r.finish(b)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			pieces[i] = []piece{{raw: head}, {z: &r.z}, {raw: tail}}
			continue
		}
		if name == "[Content_Types].xml" {
			b = sortDefaults(b)
		}
		pieces[i] = []piece{{raw: b}}
	}
	comp, err := compressAll(pieces)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for i, name := range parts.names {
		fw, err := zw.CreateRaw(&zip.FileHeader{
			Name:               name,
			Method:             zip.Deflate,
			Flags:              zipDataDescriptor,
			CreatorVersion:     zipVersion20,
			ReaderVersion:      zipVersion20,
			CRC32:              comp[i].crc,
			CompressedSize64:   uint64(len(comp[i].data)),
			UncompressedSize64: uint64(comp[i].n),
		})
		if err != nil {
			return err
		}
		if _, err := fw.Write(comp[i].data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// What zip.Writer.CreateHeader puts in the header of an entry whose name
// is ASCII and whose sizes follow its data, as CreateRaw needs told.
const (
	zipDataDescriptor = 0x8
	zipVersion20      = 20
)

func zipReader(b []byte) (*zip.Reader, error) {
	return zip.NewReader(bytes.NewReader(b), int64(len(b)))
}

func readZipFile(zf *zip.File) ([]byte, error) {
	r, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	// Room for the whole part at once, as its header tells (up to a
	// limit, the header may lie), rather than growing it step by step.
	var buf bytes.Buffer
	buf.Grow(int(min(zf.UncompressedSize64, 64<<20)) + bytes.MinRead)
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// A workbookInfo is what xl/workbook.xml and its relationships say of a
// package.
type workbookInfo struct {
	sheets []string          // names, in order
	parts  map[string]string // package path of each sheet, by name
	names  []string          // the defined names
}

// readWorkbook reads xl/workbook.xml and its relationships, which part
// returns (nil for a part there is not).
func readWorkbook(part func(name string) []byte) (*workbookInfo, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
		Names []struct {
			Name string `xml:"name,attr"`
		} `xml:"definedNames>definedName"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	for _, p := range []struct {
		name string
		v    any
	}{{"xl/workbook.xml", &wb}, {"xl/_rels/workbook.xml.rels", &rels}} {
		b := part(p.name)
		if b == nil {
			return nil, fmt.Errorf("no %s", p.name)
		}
		if err := xml.Unmarshal(b, p.v); err != nil {
			return nil, fmt.Errorf("read %s: %w", p.name, err)
		}
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = t
	}
	info := &workbookInfo{parts: map[string]string{}}
	for _, s := range wb.Sheets {
		info.sheets = append(info.sheets, s.Name)
		if t, ok := target[s.ID]; ok {
			info.parts[s.Name] = t
		}
	}
	for _, dn := range wb.Names {
		info.names = append(info.names, dn.Name)
	}
	return info, nil
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
