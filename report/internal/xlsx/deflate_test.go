package xlsx

import (
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"testing"
)

func TestCRC32Combine(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 3, 7, 64, 1000, 70000} {
		a := make([]byte, rng.IntN(300))
		b := make([]byte, n)
		for i := range a {
			a[i] = byte(rng.Uint32())
		}
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		want := crc32.ChecksumIEEE(append(append([]byte{}, a...), b...))
		if got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(len(b))); got != want {
			t.Errorf("len(a) %d, len(b) %d: combined CRC %08x, want %08x", len(a), len(b), got, want)
		}
	}
}

// Pieces compressed apart, some empty, join into one stream holding
// their concatenation, with its CRC and length.
func TestJoinDeflated(t *testing.T) {
	texts := [][]byte{
		[]byte(`<worksheet><sheetData>`),
		bytes.Repeat([]byte(`<row r="5"><c r="A5" t="inlineStr"><is><t>各单位要在年底前完成整改。</t></is></c></row>`), 500),
		nil,
		[]byte(`</sheetData></worksheet>`),
	}
	var parts [][]Piece
	parts = append(parts, []Piece{{Raw: texts[0]}})
	z, err := Deflate(texts[1])
	if err != nil {
		t.Fatal(err)
	}
	parts[0] = append(parts[0], Piece{Z: &z}, Piece{Raw: texts[2]}, Piece{Raw: texts[3]})
	parts = append(parts, []Piece{{Raw: nil}})
	out, err := CompressAll(parts)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range [][]byte{bytes.Join(texts, nil), nil} {
		var z bytes.Buffer
		if _, err := out[i].WriteTo(&z); err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(flate.NewReader(&z))
		if err != nil {
			t.Fatalf("part %d: %v", i, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("part %d: inflated %d bytes, want %d", i, len(got), len(want))
		}
		if out[i].CRC != crc32.ChecksumIEEE(want) || out[i].N != int64(len(want)) {
			t.Errorf("part %d: CRC %08x length %d, want %08x %d", i, out[i].CRC, out[i].N, crc32.ChecksumIEEE(want), len(want))
		}
	}
}

// A piece written to a Stream in writes of any size is compressed to the
// same bytes as Deflate makes of it whole: the workbook does not depend
// on how its rows were handed over.
func TestStreamIsDeflate(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var text []byte
	for len(text) < 600_000 {
		text = append(text, fmt.Sprintf(`<row r="%d"><c r="A%d" t="inlineStr"><is><t>第%d项任务要在%d月底前完成。</t></is></c></row>`,
			len(text), len(text), rng.IntN(1000), rng.IntN(12)+1)...)
	}
	want, err := Deflate(text)
	if err != nil {
		t.Fatal(err)
	}
	defer func(n int) { spillSize = n }(spillSize)
	for _, most := range []int{1, 100, 70_000, len(text)} {
		spillSize = 2000 + most // in memory, then in a file
		s := NewStream()
		for rest := text; len(rest) > 0; {
			n := min(len(rest), 1+rng.IntN(most))
			s.Write(rest[:n])
			rest = rest[n:]
		}
		z, err := s.Close()
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := z.writeTo(&got); err != nil {
			t.Fatal(err)
		}
		z.Remove()
		if z.File == nil != (len(want.Data) <= spillSize) {
			t.Errorf("writes of up to %d bytes: in a file %v, for %d bytes", most, z.File != nil, len(want.Data))
		}
		if !bytes.Equal(got.Bytes(), want.Data) || z.CRC != want.CRC || z.N != want.N {
			t.Errorf("writes of up to %d bytes: %d bytes, CRC %08x, length %d; Deflate: %d, %08x, %d",
				most, got.Len(), z.CRC, z.N, len(want.Data), want.CRC, want.N)
		}
	}
}
