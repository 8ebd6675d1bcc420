package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"path"
	"strings"
)

// readZipFile returns the content of zf.
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

// A WorkbookInfo is what xl/workbook.xml and its relationships say of a
// package.
type WorkbookInfo struct {
	Sheets []string          // names, in order
	Parts  map[string]string // package path of each sheet, by name
	Names  []string          // the defined names
}

// ReadWorkbook reads xl/workbook.xml and its relationships, which part
// returns (nil for a part there is not).
func ReadWorkbook(part func(name string) []byte) (*WorkbookInfo, error) {
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
	info := &WorkbookInfo{Parts: map[string]string{}}
	for _, s := range wb.Sheets {
		info.Sheets = append(info.Sheets, s.Name)
		if t, ok := target[s.ID]; ok {
			info.Parts[s.Name] = t
		}
	}
	for _, dn := range wb.Names {
		info.Names = append(info.Names, dn.Name)
	}
	return info, nil
}

// ReadPart returns the part name of the package b.
func ReadPart(b []byte, name string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	for _, zf := range zr.File {
		if strings.EqualFold(zf.Name, name) {
			return readZipFile(zf)
		}
	}
	return nil, fmt.Errorf("no %s", name)
}
