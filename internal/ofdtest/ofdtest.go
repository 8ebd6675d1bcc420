// Package ofdtest writes OFD documents (GB/T 33190) from known text, for
// the tests of the OFD reader: paragraphs laid out on A4 pages in lines
// the way an office's layout program sets them, each line a TextObject,
// with a running header and a page number (— 3 —) on every page.
package ofdtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
)

// Options shape the layout.
type Options struct {
	Size       float64    // font size in mm; 0 is 4.2 (12 pt)
	Indent     int        // first-line indent in Chinese characters
	Header     string     // running header on every page, "" for none
	PageNumber bool       // — N — at the foot of every page
	Shuffle    bool       // write each page's objects bottom line first
	Tables     [][]string // rows of cells laid out after the paragraphs
}

const (
	pageW, pageH = 210.0, 297.0
	marginX      = 25.0
	marginTop    = 30.0
	marginBottom = 30.0
)

// Write returns an OFD package holding paragraphs, laid out on pages.
func Write(paragraphs []string, opt Options) []byte {
	size := opt.Size
	if size == 0 {
		size = 4.2
	}
	type obj struct {
		x, y float64
		text string
	}
	var pages [][]obj
	var page []obj
	y := marginTop
	newPage := func() {
		pages = append(pages, page)
		page = nil
		y = marginTop
	}
	place := func(x float64, text string) {
		if y+size > pageH-marginBottom {
			newPage()
		}
		page = append(page, obj{x, y, text})
		y += size * 1.6
	}
	width := pageW - 2*marginX
	for _, p := range paragraphs {
		rs := []rune(p)
		indent := float64(opt.Indent) * size
		for len(rs) > 0 {
			w, n := indent, 0
			for n < len(rs) && w+glyph(rs[n], size) <= width+0.001 {
				w += glyph(rs[n], size)
				n++
			}
			// A Latin word or a number is not broken.
			if n < len(rs) && n > 0 && latin(rs[n]) && latin(rs[n-1]) {
				k := n
				for k > 0 && latin(rs[k-1]) {
					k--
				}
				if k > 0 {
					n = k
				}
			}
			// No line starts with closing punctuation: it hangs at the
			// end of the line before.
			for n < len(rs) && strings.ContainsRune("。，、；：？！”’）》,.;:?!)", rs[n]) {
				n++
			}
			if n == 0 {
				n = 1
			}
			place(marginX+indent, string(rs[:n]))
			rs = rs[n:]
			indent = 0
		}
	}
	for _, row := range opt.Tables {
		x := marginX
		var line []obj
		for _, c := range row {
			line = append(line, obj{x, y, c})
			x += width / float64(len(row))
		}
		if y+size > pageH-marginBottom {
			newPage()
			for i := range line {
				line[i].y = y
			}
		}
		page = append(page, line...)
		y += size * 1.6
	}
	if len(page) > 0 || len(pages) == 0 {
		pages = append(pages, page)
	}

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, content string) {
		w, _ := zw.Create(name)
		w.Write([]byte(content))
	}
	add("OFD.xml", `<?xml version="1.0" encoding="UTF-8"?>
<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID><ofd:Creator>ofdtest</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`)
	var doc strings.Builder
	fmt.Fprintf(&doc, `<?xml version="1.0" encoding="UTF-8"?>
<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>99999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 %g %g</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>`, pageW, pageH)
	for i := range pages {
		fmt.Fprintf(&doc, `<ofd:Page ID="%d" BaseLoc="Pages/Page_%d/Content.xml"/>`, i+1, i)
	}
	doc.WriteString(`</ofd:Pages></ofd:Document>`)
	add("Doc_0/Document.xml", doc.String())
	add("Doc_0/PublicRes.xml", `<?xml version="1.0" encoding="UTF-8"?>
<ofd:Res xmlns:ofd="http://www.ofdspec.org/2016" BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`)
	id := 100
	for i, objs := range pages {
		if opt.Header != "" {
			objs = append([]obj{{marginX, 15, opt.Header}}, objs...)
		}
		if opt.PageNumber {
			objs = append(objs, obj{pageW/2 - 2*size, pageH - 15, fmt.Sprintf("— %d —", i+1)})
		}
		if opt.Shuffle {
			for a, b := 0, len(objs)-1; a < b; a, b = a+1, b-1 {
				objs[a], objs[b] = objs[b], objs[a]
			}
		}
		var c strings.Builder
		c.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="1">`)
		for _, o := range objs {
			id++
			w := 0.0
			var dx []string
			for j, r := range []rune(o.text) {
				g := glyph(r, size)
				w += g
				if j > 0 {
					dx = append(dx, fmt.Sprintf("%g", prev(o.text, j, size)))
				}
			}
			fmt.Fprintf(&c, `<ofd:TextObject ID="%d" Boundary="%g %g %g %g" Font="2" Size="%g"><ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="%g" DeltaX="%s">%s</ofd:TextCode></ofd:TextObject>`,
				id, o.x, o.y, w, size*1.2, size, size, strings.Join(dx, " "), escape(o.text))
		}
		c.WriteString(`</ofd:Layer></ofd:Content></ofd:Page>`)
		add(fmt.Sprintf("Doc_0/Pages/Page_%d/Content.xml", i), c.String())
	}
	zw.Close()
	return buf.Bytes()
}

// glyph is the advance of r in size: a Chinese character is square, a
// Latin one half as wide.
func glyph(r rune, size float64) float64 {
	if r >= 0x2E80 {
		return size
	}
	return size / 2
}

// prev is the advance of the glyph before the j-th of text.
func prev(text string, j int, size float64) float64 {
	return glyph([]rune(text)[j-1], size)
}

func latin(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '.' || r == '%'
}

func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
