package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/speechledger/speechledger/internal/ofdtest"
)

// seedParagraphs returns the non-blank lines of the first n lines of a
// seed, trimmed.
func seedParagraphs(t testing.TB, name string, n int) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i, l := range strings.Split(string(b), "\n") {
		if i == n {
			break
		}
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// An OFD laid out from known paragraphs reads back as those paragraphs:
// lines joined again, header and page numbers dropped, in reading order
// whatever order the objects come in.
func TestOFDRoundTrip(t *testing.T) {
	for _, seed := range []string{"004_ff2848a0e228d2d6.txt", "002_df9160acd0344ef3.txt"} {
		paras := seedParagraphs(t, seed, 60)
		// A space between a Chinese character and a number cannot be told
		// from the space a layout puts there, and goes.
		want := closeSpaces(strings.Join(paras, "\n")) + "\n"
		for _, opt := range []ofdtest.Options{
			{Indent: 2, Header: "某某市人民政府办公室文件", PageNumber: true},
			{Indent: 2, PageNumber: true, Shuffle: true},
			{Indent: 2, Size: 5.6},
		} {
			got, err := OFD(ofdtest.Write(paras, opt))
			if err != nil {
				t.Fatalf("%s %+v: %v", seed, opt, err)
			}
			if got != want {
				t.Errorf("%s %+v:\n%s", seed, opt, firstLineDiff(got, want))
			}
		}
	}
}

// A table's rows read as lines of cells separated by tabs.
func TestOFDTable(t *testing.T) {
	rows := [][]string{{"序号", "工作任务", "牵头单位", "完成时限"}, {"1", "完成规划编制", "县发改局", "2024年6月底前"}}
	got, err := OFD(ofdtest.Write([]string{"任务分工"}, ofdtest.Options{Tables: rows}))
	if err != nil {
		t.Fatal(err)
	}
	want := "任务分工\n序号\t工作任务\t牵头单位\t完成时限\n1\t完成规划编制\t县发改局\t2024年6月底前\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// What cannot be read fails with an error saying why.
func TestOFDErrors(t *testing.T) {
	zipOf := func(files map[string]string) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, content := range files {
			w, _ := zw.Create(name)
			w.Write([]byte(content))
		}
		zw.Close()
		return buf.Bytes()
	}
	good := ofdtest.Write([]string{"各单位要在6月底前完成任务。"}, ofdtest.Options{})
	scan := zipOf(map[string]string{
		"OFD.xml":                        `<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
		"Doc_0/Document.xml":             `<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`,
		"Doc_0/Pages/Page_0/Content.xml": `<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer><ofd:ImageObject ID="2" Boundary="0 0 210 297" ResourceID="9"/></ofd:Layer></ofd:Content></ofd:Page>`,
	})
	for _, tc := range []struct {
		name string
		b    []byte
		want error
	}{
		{"truncated", good[:len(good)/2], ErrOFDCorrupt},
		{"not a zip", []byte("OFD.xml"), ErrOFDCorrupt},
		{"no OFD.xml", zipOf(map[string]string{"word/document.xml": "<w/>"}), ErrNotOFD},
		{"no document", zipOf(map[string]string{"OFD.xml": `<OFD><DocBody/></OFD>`}), ErrNotOFD},
		{"missing page", zipOf(map[string]string{"OFD.xml": `<OFD><DocBody><DocRoot>D/Document.xml</DocRoot></DocBody></OFD>`, "D/Document.xml": `<Document><Pages><Page BaseLoc="P/C.xml"/></Pages></Document>`}), ErrOFDCorrupt},
		{"encrypted", zipOf(map[string]string{"OFD.xml": `<OFD><DocBody><DocRoot>D/Document.xml</DocRoot></DocBody></OFD>`, "Encryptions.xml": `<Encryptions/>`}), ErrOFDEncrypted},
		{"scan", scan, ErrNoTextLayer},
		{"bomb", zipOf(map[string]string{"OFD.xml": strings.Repeat(" ", 70<<20)}), ErrOFDBomb},
	} {
		if _, err := OFD(tc.b); !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, err, tc.want)
		}
	}
}

// firstLineDiff shows the first line where got and want differ.
func firstLineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			gr, wr := []rune(g[i]), []rune(w[i])
			j := 0
			for j < min(len(gr), len(wr)) && gr[j] == wr[j] {
				j++
			}
			from := max(j-10, 0)
			return fmt.Sprintf("line %d, character %d:\ngot:  …%s\nwant: …%s", i+1, j, string(gr[from:min(j+20, len(gr))]), string(wr[from:min(j+20, len(wr))]))
		}
	}
	return fmt.Sprintf("got %d lines, want %d", len(g), len(w))
}
