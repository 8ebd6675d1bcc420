package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Errors for OFD files that cannot be read.
var (
	ErrOFDCorrupt   = errors.New("corrupt or truncated .ofd file")
	ErrOFDBomb      = errors.New(".ofd file expands to too much data (a zip bomb?)")
	ErrNotOFD       = errors.New("not an OFD document")
	ErrOFDEncrypted = errors.New("encrypted .ofd file")
)

// ofdMaxPages bounds the pages read from one document.
const ofdMaxPages = 5000

// OFD returns the text of an OFD document (GB/T 33190-2016, the Chinese
// fixed-layout format) held in b, as speechledger reads a speech. It reads:
//
//   - the package's OFD.xml and the first document's Document.xml it
//     names (DocRoot), its pages in order (Pages/Page, BaseLoc relative to
//     the document or absolute) and its page area (PhysicalBox);
//   - on each page, the text objects (TextObject) of every layer, also
//     inside page blocks (PageBlock) and composite objects: each text code
//     (TextCode) placed by the object's Boundary, its X and Y and its
//     glyph advances (DeltaX, with the g repeat form), in the object's
//     font size (Size);
//   - the lines this gives, in reading order (top to bottom, then left to
//     right; runs far apart on one line are table cells), joined again
//     where the layout broke a paragraph and without page numbers and
//     running headers or footers, as for a PDF (see joinPages).
//
// Template pages (TemplatePage: letterheads, running headers and footers),
// annotations, signatures, attachments, images and paths are not read,
// nor are fonts (the text is taken as the TextCode holds it) or the
// transforms of objects (CTM), nor any document but the first. A document
// with pages but no text is a scan, and fails with ErrNoTextLayer; an
// encrypted package (GM/T 0099, Encryptions.xml) with ErrOFDEncrypted.
// Like Docx, OFD reads at most 64 MiB of uncompressed data.
func OFD(b []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrOFDCorrupt, err)
	}
	r := &docxReader{zr: zr, budget: docxMaxBytes}
	data, err := ofdPart(r, "OFD.xml")
	if errors.Is(err, errNoPart) {
		return "", ErrNotOFD
	}
	if err != nil {
		return "", err
	}
	if r.file("Encryptions.xml") != nil || bytes.Contains(data, []byte("Encryptions")) {
		return "", ErrOFDEncrypted
	}
	var pkg struct {
		DocBody []struct {
			DocRoot string `xml:"DocRoot"`
		} `xml:"DocBody"`
	}
	if err := xml.Unmarshal(data, &pkg); err != nil {
		return "", fmt.Errorf("%w: OFD.xml: %v", ErrOFDCorrupt, err)
	}
	if len(pkg.DocBody) == 0 || strings.TrimSpace(pkg.DocBody[0].DocRoot) == "" {
		return "", ErrNotOFD
	}
	root := ofdPath("", pkg.DocBody[0].DocRoot)
	data, err = ofdPart(r, root)
	if err != nil {
		return "", err
	}
	var doc struct {
		Box   string `xml:"CommonData>PageArea>PhysicalBox"`
		Pages []struct {
			BaseLoc string `xml:"BaseLoc,attr"`
		} `xml:"Pages>Page"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		return "", fmt.Errorf("%w: %s: %v", ErrOFDCorrupt, root, err)
	}
	if len(doc.Pages) > ofdMaxPages {
		return "", fmt.Errorf("%w: %d pages", ErrOFDBomb, len(doc.Pages))
	}
	dir := path.Dir(root)
	var pages [][]ofdRun
	for _, p := range doc.Pages {
		name := ofdPath(dir, p.BaseLoc)
		data, err := ofdPart(r, name)
		if err != nil {
			return "", err
		}
		runs, err := ofdRuns(data)
		if err != nil {
			return "", fmt.Errorf("%w: %s: %v", ErrOFDCorrupt, name, err)
		}
		pages = append(pages, runs)
	}
	return joinPages(ofdLines(pages))
}

// ofdPart reads a part of an OFD package, with OFD's errors.
func ofdPart(r *docxReader, name string) ([]byte, error) {
	data, err := r.read(name)
	switch {
	case errors.Is(err, ErrDocxBomb):
		return nil, ErrOFDBomb
	case errors.Is(err, errNoPart):
		if name == "OFD.xml" {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %s missing", ErrOFDCorrupt, name)
	case err != nil:
		return nil, fmt.Errorf("%w: %s", ErrOFDCorrupt, strings.TrimPrefix(err.Error(), ErrDocxCorrupt.Error()+": "))
	}
	return data, nil
}

// ofdPath resolves loc, a location in an OFD package, against the folder
// dir: absolute locations start at the package's root.
func ofdPath(dir, loc string) string {
	loc = strings.TrimSpace(strings.ReplaceAll(loc, "\\", "/"))
	if strings.HasPrefix(loc, "/") {
		return strings.TrimPrefix(path.Clean(loc), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+path.Join(dir, loc)), "/")
}

// An ofdRun is the text of one TextCode, placed on its page in
// millimetres: x where it starts, y its baseline, w its width, size its
// font size.
type ofdRun struct {
	text          string
	x, y, w, size float64
}

// ofdRuns returns the text runs of a page's content, in document order.
func ofdRuns(data []byte) ([]ofdRun, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var (
		runs    []ofdRun
		objX    float64 // the open TextObject's Boundary origin
		objY    float64
		size    float64
		inObj   bool
		inCode  bool
		code    ofdRun
		deltaX  []float64
		codeBuf strings.Builder
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TextObject":
				inObj = true
				box := numbers(attr(t, "Boundary"))
				objX, objY = 0, 0
				if len(box) >= 2 {
					objX, objY = box[0], box[1]
				}
				size = 3.5 // about 10 pt, when no size is given
				if s := numbers(attr(t, "Size")); len(s) == 1 && s[0] > 0 {
					size = s[0]
				}
			case "TextCode":
				if !inObj {
					continue
				}
				inCode = true
				codeBuf.Reset()
				// A TextCode without X or Y goes on from the previous
				// one's end on the same line.
				x, y := code.x+code.w, code.y
				if v := numbers(attr(t, "X")); len(v) == 1 {
					x = objX + v[0]
				}
				if v := numbers(attr(t, "Y")); len(v) == 1 {
					y = objY + v[0]
				}
				code = ofdRun{x: x, y: y, size: size}
				deltaX = deltas(attr(t, "DeltaX"))
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TextObject":
				inObj = false
			case "TextCode":
				if !inCode {
					continue
				}
				inCode = false
				code.text = codeBuf.String()
				code.w = runWidth(code.text, deltaX, code.size)
				if strings.TrimSpace(code.text) != "" && finite(code.x, code.y, code.w, code.size) {
					runs = append(runs, code)
				}
			}
		case xml.CharData:
			if inCode {
				codeBuf.Write(t)
			}
		}
	}
	return runs, nil
}

// runWidth is the width of text set in size with the glyph advances
// deltaX (one fewer than the glyphs): the advances and, for the last
// glyph, its own width; without advances, a Chinese character is as wide
// as the size and a Latin one half as wide.
func runWidth(text string, deltaX []float64, size float64) float64 {
	n, w := 0, 0.0
	for _, r := range text {
		if n < len(deltaX) {
			w += deltaX[n]
		} else if wide(r) {
			w += size
		} else {
			w += size / 2
		}
		n++
	}
	return w
}

// numbers parses a list of numbers separated by spaces.
func numbers(s string) []float64 {
	var out []float64
	for _, f := range strings.Fields(s) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil
		}
		out = append(out, v)
	}
	return out
}

// deltas parses a DeltaX list, where "g 3 4.2" stands for 4.2 three times.
func deltas(s string) []float64 {
	var out []float64
	f := strings.Fields(s)
	for i := 0; i < len(f) && len(out) < 1<<16; i++ {
		if f[i] == "g" && i+2 < len(f) {
			n, err1 := strconv.Atoi(f[i+1])
			v, err2 := strconv.ParseFloat(f[i+2], 64)
			if err1 != nil || err2 != nil || n < 0 {
				return out
			}
			for range min(n, 1<<16-len(out)) {
				out = append(out, v)
			}
			i += 2
			continue
		}
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return out
		}
		out = append(out, v)
	}
	return out
}

func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e6 {
			return false
		}
	}
	return true
}

// ofdLines groups each page's runs into lines, in reading order: runs
// whose baselines lie within a third of the font size are one line, read
// left to right; lines top to bottom. Positions are measured in half the
// document's commonest font size, the width of a Latin character, as
// joinPages wants them. Runs further apart than two Chinese characters
// are table cells.
func ofdLines(pages [][]ofdRun) [][]layoutLine {
	var sizes []float64
	for _, p := range pages {
		for _, r := range p {
			sizes = append(sizes, r.size)
		}
	}
	unit := 1.75
	if len(sizes) > 0 {
		slices.Sort(sizes)
		unit = max(sizes[len(sizes)/2]/2, 0.1)
	}
	out := make([][]layoutLine, 0, len(pages))
	for _, p := range pages {
		runs := slices.Clone(p)
		sort.SliceStable(runs, func(i, j int) bool { return runs[i].y < runs[j].y })
		var lines [][]ofdRun
		for _, r := range runs {
			if n := len(lines); n > 0 {
				last := lines[n-1][0]
				if math.Abs(r.y-last.y) <= max(last.size, r.size)/3 {
					lines[n-1] = append(lines[n-1], r)
					continue
				}
			}
			lines = append(lines, []ofdRun{r})
		}
		var page []layoutLine
		for _, l := range lines {
			sort.SliceStable(l, func(i, j int) bool { return l[i].x < l[j].x })
			var b strings.Builder
			cells := false
			for i, r := range l {
				if i > 0 {
					gap := r.x - (l[i-1].x + l[i-1].w)
					switch {
					case gap > 2*r.size:
						b.WriteByte('\t')
						cells = true
					case gap > r.size/4 && !wideEnd(l[i-1].text, r.text):
						b.WriteByte(' ')
					}
				}
				b.WriteString(r.text)
			}
			last := l[len(l)-1]
			page = append(page, layoutLine{
				text:  b.String(),
				left:  l[0].x / unit,
				right: (last.x + last.w) / unit,
				cells: cells,
			})
		}
		out = append(out, page)
	}
	return out
}

// wideEnd reports whether a run ending a and one starting b meet at a
// Chinese character, where a small gap is letter spacing, not a space.
func wideEnd(a, b string) bool {
	ra := []rune(a)
	rb := []rune(b)
	return len(ra) > 0 && wide(ra[len(ra)-1]) || len(rb) > 0 && wide(rb[0])
}
