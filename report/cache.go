package report

import (
	"archive/zip"
	"bytes"
	"compress/flate"
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

// A formulaCache holds the values formula cells show as of the report date,
// by sheet name and cell reference. excelize writes a formula cell without
// a value, so readers that do not calculate (and spreadsheet programs
// before they recalculate) would see an empty 预警; addCachedValues writes
// the values into the saved workbook.
type formulaCache map[string]map[string]string

// set records that cell of sheet shows v.
func (c formulaCache) set(sheet, cell, v string) {
	if c[sheet] == nil {
		c[sheet] = map[string]string{}
	}
	c[sheet][cell] = v
}

// formulaCell matches a string formula cell as excelize writes it, with no
// cached value: <c r="N4" s="8" t="str"><f>…</f></c>.
var formulaCell = regexp.MustCompile(`<c r="([A-Z]+[0-9]+)"([^>]*) t="str"><f>([^<]*)</f></c>`)

// A partsWriter stands in for excelize's zip writer: it keeps the parts of
// the package in memory, in the order excelize writes them, so that
// addCachedValues can finish them and compress them once.
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

// addCachedValues writes the xlsx package of parts to w, adding the cached
// values of c to the formula cells of each worksheet, the rich texts of
// rich to the shared strings, and putting the content types' defaults in
// order (excelize writes the image types it adds with a chart in map
// order). Entries keep their order and carry no timestamps, so the output
// is deterministic.
func addCachedValues(w io.Writer, parts *partsWriter, c formulaCache, rich *richTexts) error {
	paths, err := sheetPaths(parts.part)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	// The fastest compression: the workbook is a little larger, and made
	// in a good deal less time. The entries are written one after the
	// other: one compressor serves them all.
	var fw *flate.Writer
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			fw, err = flate.NewWriter(w, flate.BestSpeed)
			return fw, err
		}
		fw.Reset(w)
		return fw, nil
	})
	for i, name := range parts.names {
		b := parts.parts[i].Bytes()
		if values := c[paths[name]]; len(values) > 0 {
			b = addValues(b, values)
		}
		if name == "[Content_Types].xml" {
			b = sortDefaults(b)
		}
		if name == "xl/sharedStrings.xml" {
			if b, err = rich.replace(b); err != nil {
				return err
			}
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := fw.Write(b); err != nil {
			return err
		}
	}
	return zw.Close()
}

// formulaEnd ends the opening of a string formula cell as excelize writes
// it; addValues looks for it rather than run formulaCell over the whole
// sheet, which is slow.
var formulaEnd = []byte(` t="str"><f>`)

// addValues adds the cached values of values, by cell, to the formula
// cells of the worksheet b.
func addValues(b []byte, values map[string]string) []byte {
	var out bytes.Buffer
	out.Grow(len(b) + len(values)*16)
	for {
		i := bytes.Index(b, formulaEnd)
		if i < 0 {
			break
		}
		start := bytes.LastIndex(b[:i], []byte("<c "))
		end := bytes.Index(b[i:], []byte("</c>"))
		if start < 0 || end < 0 {
			break
		}
		end += i + len("</c>")
		cell := b[start:end]
		if sub := formulaCell.FindSubmatch(cell); sub != nil && len(sub[0]) == len(cell) {
			if v, ok := values[string(sub[1])]; ok {
				var esc bytes.Buffer
				xml.EscapeText(&esc, []byte(v))
				out.Write(b[:start])
				fmt.Fprintf(&out, `<c r="%s"%s t="str"><f>%s</f><v>%s</v></c>`, sub[1], sub[2], sub[3], esc.Bytes())
				b = b[end:]
				continue
			}
		}
		out.Write(b[:end])
		b = b[end:]
	}
	out.Write(b)
	return out.Bytes()
}

func zipReader(b []byte) (*zip.Reader, error) {
	return zip.NewReader(bytes.NewReader(b), int64(len(b)))
}

func readZipFile(zf *zip.File) ([]byte, error) {
	r, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// sheetPaths maps the package paths of the worksheets to their names,
// reading xl/workbook.xml and its relationships.
func sheetPaths(part func(name string) []byte) (map[string]string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
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
	paths := map[string]string{}
	for _, s := range wb.Sheets {
		if t, ok := target[s.ID]; ok {
			paths[t] = s.Name
		}
	}
	return paths, nil
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
