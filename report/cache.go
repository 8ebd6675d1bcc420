package report

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
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

// A string formula cell as excelize writes it, with no cached value,
// is <c r="N4" s="8" t="str"><f>…</f></c>: in full,
// <c r="([A-Z]+[0-9]+)"([^>]*) t="str"><f>([^<]*)</f></c>, which
// splitFormulaCell matches.

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
	bodies := make([][]byte, len(parts.names))
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
		bodies[i] = b
	}
	// The fastest compression: the workbook is a little larger, and made
	// in a good deal less time. The entries are compressed on all cores
	// at once, each on its own, and then written in order as they are:
	// the bytes are those archive/zip's own compressor would write.
	comp, err := compressAll(bodies)
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
			CRC32:              crc32.ChecksumIEEE(bodies[i]),
			CompressedSize64:   uint64(len(comp[i])),
			UncompressedSize64: uint64(len(bodies[i])),
		})
		if err != nil {
			return err
		}
		if _, err := fw.Write(comp[i]); err != nil {
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

// compressAll deflates each of bodies at flate.BestSpeed, on as many
// goroutines as there are cores. Deflate is deterministic: the result
// does not depend on which goroutine compresses which body.
func compressAll(bodies [][]byte) ([][]byte, error) {
	out := make([][]byte, len(bodies))
	errs := make([]error, len(bodies))
	// Largest first, so that one large sheet does not start last.
	order := make([]int, len(bodies))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return len(bodies[b]) - len(bodies[a]) })
	next := make(chan int, len(order))
	for _, i := range order {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(bodies)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var fw *flate.Writer
			for i := range next {
				var buf bytes.Buffer
				buf.Grow(len(bodies[i])/4 + 64)
				if fw == nil {
					var err error
					if fw, err = flate.NewWriter(&buf, flate.BestSpeed); err != nil {
						errs[i] = err
						continue
					}
				} else {
					fw.Reset(&buf)
				}
				if _, err := fw.Write(bodies[i]); err != nil {
					errs[i] = err
					continue
				}
				errs[i] = fw.Close()
				out[i] = buf.Bytes()
			}
		}()
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// formulaEnd ends the opening of a string formula cell as excelize writes
// it; addValues looks for it rather than match a cell's pattern over the whole
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
		if ref, attrs, formula, ok := splitFormulaCell(cell, i-start); ok {
			if v, ok := values[string(ref)]; ok {
				out.Write(b[:start])
				out.WriteString(`<c r="`)
				out.Write(ref)
				out.WriteByte('"')
				out.Write(attrs)
				out.WriteString(` t="str"><f>`)
				out.Write(formula)
				out.WriteString("</f><v>")
				xml.EscapeText(&out, []byte(v))
				out.WriteString("</v></c>")
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

// splitFormulaCell returns the parts of cell, whose formulaEnd is at at,
// that the pattern of a string formula cell above matches, if it matches
// the whole cell: the pattern's submatches, without a regular expression.
func splitFormulaCell(cell []byte, at int) (ref, attrs, formula []byte, ok bool) {
	const open, close = `<c r="`, "</f></c>"
	if !bytes.HasPrefix(cell, []byte(open)) || !bytes.HasSuffix(cell, []byte(close)) {
		return nil, nil, nil, false
	}
	i := len(open)
	letters := i
	for i < len(cell) && 'A' <= cell[i] && cell[i] <= 'Z' {
		i++
	}
	digits := i
	for i < len(cell) && '0' <= cell[i] && cell[i] <= '9' {
		i++
	}
	if digits == letters || i == digits || i >= len(cell) || cell[i] != '"' || i+1 > at {
		return nil, nil, nil, false
	}
	ref, attrs = cell[letters:i], cell[i+1:at]
	fstart, fend := at+len(formulaEnd), len(cell)-len(close)
	if fend < fstart || bytes.IndexByte(attrs, '>') >= 0 {
		return nil, nil, nil, false
	}
	formula = cell[fstart:fend]
	if bytes.IndexByte(formula, '<') >= 0 {
		return nil, nil, nil, false
	}
	return ref, attrs, formula, true
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
	// Room for the whole part at once, as its header tells (up to a
	// limit, the header may lie), rather than growing it step by step.
	var buf bytes.Buffer
	buf.Grow(int(min(zf.UncompressedSize64, 64<<20)) + bytes.MinRead)
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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
