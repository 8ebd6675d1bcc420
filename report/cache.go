package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
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

// addCachedValues copies the xlsx package src to w, adding the cached values
// of c to the formula cells of each worksheet and putting the content
// types' defaults in order (excelize writes the image types it adds with a
// chart in map order). Entries keep their order and carry no timestamps, so
// the output is deterministic.
func addCachedValues(w io.Writer, src []byte, c formulaCache) error {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return err
	}
	paths, err := sheetPaths(zr)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, zf := range zr.File {
		b, err := readZipFile(zf)
		if err != nil {
			return err
		}
		if values := c[paths[zf.Name]]; len(values) > 0 {
			b = formulaCell.ReplaceAllFunc(b, func(m []byte) []byte {
				sub := formulaCell.FindSubmatch(m)
				v, ok := values[string(sub[1])]
				if !ok {
					return m
				}
				var esc bytes.Buffer
				if err := xml.EscapeText(&esc, []byte(v)); err != nil {
					return m
				}
				return fmt.Appendf(nil, `<c r="%s"%s t="str"><f>%s</f><v>%s</v></c>`, sub[1], sub[2], sub[3], esc.Bytes())
			})
		}
		if zf.Name == "[Content_Types].xml" {
			b = sortDefaults(b)
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := fw.Write(b); err != nil {
			return err
		}
	}
	return zw.Close()
}

func readZipFile(zf *zip.File) ([]byte, error) {
	r, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// sheetPaths maps the package paths of the worksheets of zr to their names,
// reading xl/workbook.xml and its relationships.
func sheetPaths(zr *zip.Reader) (map[string]string, error) {
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
	for _, part := range []struct {
		name string
		v    any
	}{{"xl/workbook.xml", &wb}, {"xl/_rels/workbook.xml.rels", &rels}} {
		f, err := zr.Open(part.name)
		if err != nil {
			return nil, err
		}
		err = xml.NewDecoder(f).Decode(part.v)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", part.name, err)
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
