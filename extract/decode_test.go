package extract

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

var updateEncodings = flag.Bool("update-encodings", false, "rewrite the fixtures under ../testdata/encodings")

// encode returns s in e, failing the test if e cannot encode all of it.
func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

// encodable returns the lines of s that e encodes losslessly.
func encodable(e encoding.Encoding, s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if _, err := e.NewEncoder().String(l); err == nil {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

func readSeed(t testing.TB, name string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join("..", "testdata", "seeds", name+"*.txt"))
	if len(m) != 1 {
		t.Fatalf("seed %s: found %d files", name, len(m))
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const sample = "一、加强领导，落实责任。\n各县区要在3月底前完成排查整治，确保问题整改率达到100%。\n"

func TestDecodeEncodings(t *testing.T) {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	trad := "一、加強領導，落實責任。\n各縣區要在3月底前完成排查整治，確保問題整改率達到100%。\n"
	for _, tc := range []struct {
		name string
		in   []byte
		want string
		enc  string
		bom  bool
	}{
		{"utf8", []byte(sample), sample, EncUTF8, false},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, sample...), sample, EncUTF8, true},
		{"utf16le bom", append([]byte{0xFF, 0xFE}, encode(t, utf16le, sample)...), sample, EncUTF16LE, true},
		{"utf16be bom", append([]byte{0xFE, 0xFF}, encode(t, utf16be, sample)...), sample, EncUTF16BE, true},
		{"utf16le no bom", encode(t, utf16le, "Speech 1\nWe will finish by March.\n"), "Speech 1\nWe will finish by March.\n", EncUTF16LE, false},
		{"utf16be no bom", encode(t, utf16be, "Speech 1\nWe will finish by March.\n"), "Speech 1\nWe will finish by March.\n", EncUTF16BE, false},
		{"gbk", encode(t, simplifiedchinese.GBK, sample), sample, EncGB18030, false},
		// GB2312 text is GBK text: GBK extends its EUC-CN bytes.
		{"gb2312", encode(t, simplifiedchinese.GBK, "要抓紧时间完成工作。"), "要抓紧时间完成工作。", EncGB18030, false},
		{"gb18030 four-byte", encode(t, simplifiedchinese.GB18030, sample+"㐀€\n"), sample + "㐀€\n", EncGB18030, false},
		{"big5", encode(t, traditionalchinese.Big5, trad), trad, EncBig5, false},
		{"big5 short", encode(t, traditionalchinese.Big5, "會議要求各單位認真落實。"), "會議要求各單位認真落實。", EncBig5, false},
		{"gbk short", encode(t, simplifiedchinese.GBK, "会议要求各单位认真落实。"), "会议要求各单位认真落实。", EncGB18030, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := DecodeAs(tc.in, "")
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != tc.want || d.Encoding != tc.enc || d.BOM != tc.bom || d.Invalid != 0 || d.NUL != 0 {
				t.Errorf("got %q %s bom=%v invalid=%d nul=%d; want %q %s bom=%v", d.Text, d.Encoding, d.BOM, d.Invalid, d.NUL, tc.want, tc.enc, tc.bom)
			}
			text, enc, err := Decode(tc.in)
			if err != nil || text != tc.want || enc != tc.enc {
				t.Errorf("Decode: %q %s %v", text, enc, err)
			}
		})
	}
}

// Each seed in GBK, and each seed's Big5-encodable lines in Big5, decode
// to the UTF-8 text.
func TestDecodeSeeds(t *testing.T) {
	for _, seed := range []string{"000", "001", "002", "003", "004"} {
		text := readSeed(t, seed)
		for _, tc := range []struct {
			e    encoding.Encoding
			text string
			want string
		}{
			{simplifiedchinese.GBK, encodable(simplifiedchinese.GBK, text), EncGB18030},
			{simplifiedchinese.GB18030, text, EncGB18030},
			{traditionalchinese.Big5, encodable(traditionalchinese.Big5, text), EncBig5},
		} {
			d, err := DecodeAs(encode(t, tc.e, tc.text), "")
			if err != nil {
				t.Errorf("%s as %s: %v", seed, tc.want, err)
				continue
			}
			if d.Encoding != tc.want || d.Text != tc.text {
				t.Errorf("%s as %s: detected %s, same text %v", seed, tc.want, d.Encoding, d.Text == tc.text)
			}
		}
	}
}

// Line by line, short texts are told apart too: every line of the
// traditional seed with at least 8 Chinese characters in Big5, every line
// of the simplified seeds in GBK.
func TestDecodeShortLines(t *testing.T) {
	check := func(seed string, e encoding.Encoding, want string) {
		total, wrong := 0, 0
		for _, l := range strings.Split(readSeed(t, seed), "\n") {
			if hanCount(l) < 8 {
				continue
			}
			b, err := e.NewEncoder().Bytes([]byte(l))
			if err != nil {
				continue
			}
			total++
			if d, err := DecodeAs(b, ""); err != nil || d.Encoding != want || d.Text != l {
				wrong++
				if wrong <= 3 {
					t.Logf("%s %s: %q read as %s (%v)", seed, want, l, d.Encoding, err)
				}
			}
		}
		if total == 0 || wrong > 0 {
			t.Errorf("%s in %s: %d of %d lines misread", seed, want, wrong, total)
		}
	}
	check("002", traditionalchinese.Big5, EncBig5)
	for _, s := range []string{"000", "001", "003", "004"} {
		check(s, simplifiedchinese.GBK, EncGB18030)
	}
}

func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			n++
		}
	}
	return n
}

func TestDecodeDamaged(t *testing.T) {
	gbk := encode(t, simplifiedchinese.GBK, sample)
	for _, tc := range []struct {
		name    string
		in      []byte
		want    string
		enc     string
		invalid int
		nul     int
		err     error
	}{
		{"empty", nil, "", "", 0, 0, ErrEmpty},
		{"whitespace", []byte(" \r\n\t\u3000\n"), "", "", 0, 0, ErrEmpty},
		{"bom only", []byte{0xEF, 0xBB, 0xBF}, "", "", 0, 0, ErrEmpty},
		{"utf16 bom only", []byte{0xFF, 0xFE}, "", "", 0, 0, ErrEmpty},
		{"nul only", make([]byte, 100), "", "", 0, 0, ErrBinary},
		{"binary", []byte("\x00\x01\x02\x03PK\x03\x04\x00\x00binary\x00\xff\xfe\x00"), "", "", 0, 0, ErrBinary},
		{"zip", []byte("PK\x03\x04\x14\x00\x06\x00"), "", "", 0, 0, ErrBinary},
		{"pdf", []byte("%PDF-1.7\n要加强领导。"), "", "", 0, 0, ErrBinary},
		{"controls", bytes.Repeat([]byte("\x01\x02要\x03"), 50), "", "", 0, 0, ErrBinary},
		{"invalid utf8 in the middle", []byte("要加强领导，\xff\xfe落实责任。" + strings.Repeat("各单位要抓好落实。", 20)), "要加强领导，\uFFFD落实责任。" + strings.Repeat("各单位要抓好落实。", 20), EncUTF8, 1, 0, nil},
		{"truncated utf8", []byte(sample + "要加强\xe9\xa2"), sample + "要加强\uFFFD", EncUTF8, 1, 0, nil},
		{"nul bytes", []byte("要加强领导，\x00落实责任。\x00\n" + strings.Repeat("各单位要抓好落实。", 20)), "要加强领导，落实责任。\n" + strings.Repeat("各单位要抓好落实。", 20), EncUTF8, 0, 2, nil},
		{"gbk with a broken byte", append(append(append([]byte{}, gbk...), 0xFF), gbk...), sample + "\uFFFD" + sample, EncGB18030, 1, 0, nil},
		{"odd utf16", append([]byte{0xFF, 0xFE}, append(encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), sample), 'x')...), sample, EncUTF16LE, 1, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := DecodeAs(tc.in, "")
			if !errors.Is(err, tc.err) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
			if err != nil {
				return
			}
			if d.Text != tc.want || d.Encoding != tc.enc || d.Invalid != tc.invalid || d.NUL != tc.nul {
				t.Errorf("got %q %s invalid=%d nul=%d; want %q %s invalid=%d nul=%d", d.Text, d.Encoding, d.Invalid, d.NUL, tc.want, tc.enc, tc.invalid, tc.nul)
			}
		})
	}
}

// Random bytes are not text.
func TestDecodeNoise(t *testing.T) {
	b := make([]byte, 4096)
	x := uint32(1)
	for i := range b {
		x = x*1664525 + 1013904223
		b[i] = byte(x >> 24)
	}
	if _, err := DecodeAs(b, ""); !errors.Is(err, ErrBinary) && !errors.Is(err, ErrEncoding) {
		t.Errorf("noise: %v, want ErrBinary or ErrEncoding", err)
	}
}

func TestDecodeAsForced(t *testing.T) {
	gbk := encode(t, simplifiedchinese.GBK, sample)
	big5 := encode(t, traditionalchinese.Big5, "會議要求各單位認真落實。")
	for _, tc := range []struct {
		in   []byte
		name string
		want string
		enc  string
		err  bool
	}{
		{gbk, "GBK", sample, EncGB18030, false},
		{gbk, "gb2312", sample, EncGB18030, false},
		{gbk, "cp936", sample, EncGB18030, false},
		{big5, "big5", "會議要求各單位認真落實。", EncBig5, false},
		{[]byte(sample), "utf-8", sample, EncUTF8, false},
		{append([]byte{0xEF, 0xBB, 0xBF}, sample...), "UTF8", sample, EncUTF8, false},
		{append([]byte{0xFE, 0xFF}, encode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), sample)...), "utf-16be", sample, EncUTF16BE, false},
		{encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), sample), "UTF-16LE", sample, EncUTF16LE, false},
		{gbk, "utf-8", "", "", true},
		{gbk, "latin1", "", "", true},
	} {
		d, err := DecodeAs(tc.in, tc.name)
		if (err != nil) != tc.err || d.Text != tc.want || d.Encoding != tc.enc {
			t.Errorf("DecodeAs(%s): %q %s %v", tc.name, d.Text, d.Encoding, err)
		}
	}
	_, err := DecodeAs(gbk, "utf-8")
	var ee *EncodingError
	if !errors.As(err, &ee) || ee.Encoding != EncUTF8 || ee.Invalid == 0 || !errors.Is(err, ErrEncoding) {
		t.Errorf("GBK forced as UTF-8: %v", err)
	}
}

// The fixtures under testdata/encodings are one speech in each encoding;
// each decodes to the UTF-8 one. Run with -update-encodings to rewrite them.
func TestDecodeFixtures(t *testing.T) {
	dir := filepath.Join("..", "testdata", "encodings")
	ref, err := os.ReadFile(filepath.Join(dir, "utf8.txt"))
	if err != nil {
		t.Fatal(err)
	}
	trad, err := os.ReadFile(filepath.Join(dir, "utf8-traditional.txt"))
	if err != nil {
		t.Fatal(err)
	}
	le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	for _, fx := range []struct {
		file string
		text []byte
		make func() []byte
		enc  string
	}{
		{"utf8-bom.txt", ref, func() []byte { return append([]byte{0xEF, 0xBB, 0xBF}, ref...) }, EncUTF8},
		{"utf16le-bom.txt", ref, func() []byte { return encode(t, le, string(ref)) }, EncUTF16LE},
		{"utf16be-bom.txt", ref, func() []byte { return encode(t, be, string(ref)) }, EncUTF16BE},
		{"gbk.txt", ref, func() []byte { return encode(t, simplifiedchinese.GBK, string(ref)) }, EncGB18030},
		{"gb18030.txt", ref, func() []byte { return encode(t, simplifiedchinese.GB18030, string(ref)) }, EncGB18030},
		{"big5.txt", trad, func() []byte { return encode(t, traditionalchinese.Big5, string(trad)) }, EncBig5},
	} {
		path := filepath.Join(dir, fx.file)
		if *updateEncodings {
			if err := os.WriteFile(path, fx.make(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d, err := DecodeAs(b, "")
		if err != nil || d.Text != string(fx.text) || d.Encoding != fx.enc {
			t.Errorf("%s: read as %s (%v), same text %v", fx.file, d.Encoding, err, d.Text == string(fx.text))
		}
	}
}

func TestLookupEncoding(t *testing.T) {
	for in, want := range map[string]string{
		"utf-8": EncUTF8, "UTF8": EncUTF8, "gbk": EncGB18030, "GB2312": EncGB18030, "gb18030": EncGB18030,
		"Big5": EncBig5, "big-5": EncBig5, "utf-16le": EncUTF16LE, "UTF_16BE": EncUTF16BE, "cp950": EncBig5,
	} {
		if got, ok := LookupEncoding(in); !ok || got != want {
			t.Errorf("LookupEncoding(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := LookupEncoding("latin1"); ok {
		t.Error("latin1 accepted")
	}
}

func FuzzDecode(f *testing.F) {
	for _, seed := range []string{"000", "002"} {
		text := readSeed(f, seed)
		if len(text) > 4000 {
			text = text[:4000]
			for !utf8.ValidString(text) {
				text = text[:len(text)-1]
			}
		}
		f.Add([]byte(text))
		f.Add(encode(f, simplifiedchinese.GBK, encodable(simplifiedchinese.GBK, text)))
		f.Add(encode(f, traditionalchinese.Big5, encodable(traditionalchinese.Big5, text)))
		f.Add(encode(f, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), text))
	}
	f.Add([]byte{0xEF, 0xBB, 0xBF})
	f.Add([]byte("\x00\x00a\x00"))
	f.Add([]byte("\xef\xbb\xbf要\x1b\x7f\x01加强\x00领导\xff。\r\n"))
	f.Add([]byte("要加强\x1b领导\x7f，落实\x00责任。\xe8\xa6\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		// DecodeAs gives what the code it replaced gave, detecting or
		// forced to any encoding.
		for _, name := range referenceNames {
			sameAsReference(t, b, name)
		}
		// check and countChars get valid UTF-8 in every encoding.
		for _, enc := range []string{EncUTF8, EncUTF16LE, EncUTF16BE, EncGB18030, EncBig5} {
			text := decodeWith(enc, b).Text
			if !utf8.ValidString(text) {
				t.Fatalf("%s: invalid UTF-8 %q", enc, text)
			}
			if n, ctrl := countChars(text); n != utf8.RuneCountInString(text) || ctrl != slowControls(text) {
				t.Errorf("%s: countChars(%q) = %d, %d", enc, text, n, ctrl)
			}
		}
		d, err := DecodeAs(b, "")
		if err != nil {
			if d != (Decoded{}) {
				t.Errorf("error %v with a result", err)
			}
			return
		}
		if !utf8.ValidString(d.Text) || strings.ContainsRune(d.Text, 0) || strings.TrimSpace(d.Text) == "" {
			t.Errorf("bad text %q", d.Text)
		}
		// Forcing the detected encoding reads the same text.
		if f, err := DecodeAs(b, d.Encoding); err == nil && f.Text != d.Text {
			t.Errorf("forced %s: %q, detected %q", d.Encoding, f.Text, d.Text)
		}
	})
}

// slowControls counts the control characters of s other than tab, line
// feed, form feed and carriage return, character by character.
func slowControls(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' || r == 0x7F {
			n++
		}
	}
	return n
}

// countChars agrees with counting character by character, wherever in a
// word the control characters and multi-byte characters fall.
func TestCountChars(t *testing.T) {
	var in []string
	for c := range 0x80 {
		for _, around := range []string{"", "a", "要", "\x7f", "\x1f", " ", "\u00e9", "𠀀"} {
			for i := range 17 {
				in = append(in, strings.Repeat(around, i)+string(rune(c))+strings.Repeat(around, 16-i))
			}
		}
	}
	for _, b := range referenceInputs(t) {
		if utf8.Valid(b) {
			in = append(in, string(b))
		}
	}
	for _, s := range in {
		n, ctrl := countChars(s)
		if n != utf8.RuneCountInString(s) || ctrl != slowControls(s) {
			t.Errorf("countChars(%q) = %d, %d; want %d, %d", s, n, ctrl, utf8.RuneCountInString(s), slowControls(s))
		}
	}
}

// referenceNames are the encoding names the reference tests decode with.
var referenceNames = []string{"", "utf-8", "gbk", "big5", "utf-16le", "utf-16be"}

// sameAsReference fails t unless DecodeAs(b, name) gives what
// refDecodeAs(b, name) gives.
func sameAsReference(t *testing.T, b []byte, name string) {
	t.Helper()
	d, err := DecodeAs(b, name)
	rd, rerr := refDecodeAs(b, name)
	same := d == rd && fmt.Sprint(err) == fmt.Sprint(rerr)
	for _, e := range []error{ErrEmpty, ErrBinary, ErrEncoding} {
		same = same && errors.Is(err, e) == errors.Is(rerr, e)
	}
	if !same {
		short := b
		if len(short) > 64 {
			short = short[:64]
		}
		t.Errorf("DecodeAs(%q..., %q) (%d bytes) = %s %v invalid=%d nul=%d len %d, %v; reference %s %v invalid=%d nul=%d len %d, %v",
			short, name, len(b), d.Encoding, d.BOM, d.Invalid, d.NUL, len(d.Text), err,
			rd.Encoding, rd.BOM, rd.Invalid, rd.NUL, len(rd.Text), rerr)
	}
}

// referenceInputs returns inputs for comparing DecodeAs with refDecodeAs:
// the seeds and fixtures in every encoding, with and without byte-order
// marks, and short texts with controls, NULs, damage and blanks, many of
// them near the thresholds for binary data.
func referenceInputs(t testing.TB) [][]byte {
	t.Helper()
	le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	be := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	// Each of texts is also tried after each byte-order mark; encoded
	// seeds only as they are.
	var in, texts [][]byte
	for _, seed := range []string{"000", "001", "002", "003", "004"} {
		text := readSeed(t, seed)
		texts = append(texts, []byte(text))
		in = append(in,
			encode(t, simplifiedchinese.GBK, encodable(simplifiedchinese.GBK, text)),
			encode(t, simplifiedchinese.GB18030, text),
			encode(t, traditionalchinese.Big5, encodable(traditionalchinese.Big5, text)),
			encode(t, le, text),
			encode(t, be, text),
		)
	}
	fixtures, _ := filepath.Glob(filepath.Join("..", "testdata", "encodings", "*.txt"))
	for _, path := range fixtures {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, b)
	}
	for _, s := range []string{
		"", " ", " \r\n\t\f\v\u3000\u00a0\n", "\x00", "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
		sample, "a", "要", "\x7f", "\x1b[0m要加强领导。", "\ufeff要", "\ufffd\ufffd要",
		"\xff", "\xff\xfe", "\xfe\xff", "\xef\xbb", "\xef\xbb\xbf", "\xef\xbb\xbf\xef\xbb\xbf",
		"\xed\xa0\x80要", "\xf4\x90\x80\x80要", "\xc0\xaf要", "要\xe8", "要\xe8\xa6",
		"PK\x03\x04", "MZ要加强领导", "%PDF-", "\x7fELF",
		"S\x00p\x00e\x00e\x00c\x00h\x00", "\x00S\x00p\x00e\x00e\x00c\x00h",
	} {
		texts = append(texts, []byte(s))
	}
	// Text with k controls (or NULs, or damage) among n characters, around
	// the thresholds of check, looksBinary and DecodeAs.
	x := uint32(7)
	rand := func(n int) int {
		x = x*1664525 + 1013904223
		return int(x>>8) % n
	}
	pieces := []string{"a", " ", "\n", "\r\n", "\t", "要", "領", "。", "𠀀", "\ufffd", "\u3000"}
	odd := []string{"\x00", "\x01", "\x08", "\x0b", "\x1b", "\x1f", "\x7f", "\x0c", "\xff", "\xe8\xa6", "\x80", "\xc3"}
	for n := 1; n <= 120; n += 1 + n/10 {
		for k := 0; k <= n/10+4; k++ {
			for range 3 {
				var sb strings.Builder
				for range n {
					sb.WriteString(pieces[rand(len(pieces))])
				}
				s := sb.String()
				for range k {
					i := rand(len(s) + 1)
					s = s[:i] + odd[rand(len(odd))] + s[i:]
				}
				texts = append(texts, []byte(s))
			}
		}
	}
	for _, b := range texts {
		in = append(in, b,
			append([]byte{0xEF, 0xBB, 0xBF}, b...),
			append([]byte{0xFF, 0xFE}, b...),
			append([]byte{0xFE, 0xFF}, b...),
		)
	}
	return in
}

// DecodeAs agrees with refDecodeAs, the code it replaced, on every
// reference input and encoding name.
func TestDecodeReference(t *testing.T) {
	for i, b := range referenceInputs(t) {
		if testing.Short() && i%3 != 0 {
			continue // a third of the inputs, every encoding among them
		}
		for _, name := range referenceNames {
			sameAsReference(t, b, name)
		}
	}
}

// BenchmarkDecodeUTF8 measures DecodeAs on the largest seed, valid UTF-8,
// with and without a byte-order mark.
func BenchmarkDecodeUTF8(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", "002_df9160acd0344ef3.txt"))
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		in   []byte
	}{
		{"plain", data},
		{"bom", append([]byte{0xEF, 0xBB, 0xBF}, data...)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.in)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := DecodeAs(bc.in, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// refDecodeAs is DecodeAs as it was before its fast paths for valid UTF-8,
// kept with its helpers below, unchanged but for their names, as the
// reference that DecodeAs must agree with on every input.
func refDecodeAs(b []byte, name string) (Decoded, error) {
	if name != "" {
		enc, ok := LookupEncoding(name)
		if !ok {
			return Decoded{}, fmt.Errorf("unknown encoding %q", name)
		}
		return refForced(b, enc)
	}
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		d := refDecodeUTF8(b[3:])
		d.BOM = true
		return refCheck(d)
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		d := refDecodeWith(EncUTF16LE, b[2:])
		d.BOM = true
		return refCheck(d)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		d := refDecodeWith(EncUTF16BE, b[2:])
		d.BOM = true
		return refCheck(d)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return Decoded{}, ErrEmpty
	}
	if enc := refUTF16NoBOM(b); enc != "" {
		return refCheck(refDecodeWith(enc, b))
	}
	// Chinese UTF-16 without a mark came after the code this replaced:
	// the reference takes its rules as they are.
	if !utf8.Valid(b) {
		if d, ok := utf16Han(b); ok {
			return refCheck(d)
		}
	}
	if refLooksBinary(b) {
		if mayBeUTF16(b) {
			return Decoded{}, ErrMaybeUTF16
		}
		return Decoded{}, ErrBinary
	}
	if utf8.Valid(b) {
		return refCheck(refDecodeUTF8(b))
	}
	best, bestScore := Decoded{}, 0.0
	for i, enc := range []string{EncUTF8, EncGB18030, EncBig5} {
		d := refDecodeWith(enc, b)
		if s := score(d); i == 0 || s > bestScore {
			best, bestScore = d, s
		}
	}
	if runes := utf8.RuneCountInString(best.Text); best.Invalid > runes/20+1 {
		return Decoded{}, ErrEncoding
	}
	return refCheck(best)
}

// refForced decodes b in enc, dropping a matching byte-order mark.
func refForced(b []byte, enc string) (Decoded, error) {
	var d Decoded
	switch {
	case enc == EncUTF8 && bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		d = refDecodeWith(enc, b[3:])
		d.BOM = true
	case enc == EncUTF16LE && bytes.HasPrefix(b, []byte{0xFF, 0xFE}),
		enc == EncUTF16BE && bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		d = refDecodeWith(enc, b[2:])
		d.BOM = true
	default:
		d = refDecodeWith(enc, b)
	}
	if n := utf8.RuneCountInString(d.Text); d.Invalid > n/20+1 {
		return Decoded{}, &EncodingError{Encoding: enc, Invalid: d.Invalid}
	}
	return refCheck(d)
}

// refDecodeUTF8 decodes b as UTF-8.
func refDecodeUTF8(b []byte) Decoded {
	return refDecodeWith(EncUTF8, b)
}

// refDecodeWith decodes b in enc, replacing invalid sequences with U+FFFD and
// counting them, and dropping NUL characters.
func refDecodeWith(enc string, b []byte) Decoded {
	d := Decoded{Encoding: enc}
	var s string
	var e encoding.Encoding
	switch enc {
	case EncUTF8:
		d.Invalid = refInvalidUTF8(b)
		s = strings.ToValidUTF8(string(b), "\uFFFD")
	case EncUTF16LE:
		e = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case EncUTF16BE:
		e = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	case EncGB18030:
		e = simplifiedchinese.GB18030
	case EncBig5:
		e = traditionalchinese.Big5
	}
	if e != nil {
		if len(b)%2 == 1 && (enc == EncUTF16LE || enc == EncUTF16BE) {
			b = b[:len(b)-1]
			d.Invalid++
		}
		out, err := e.NewDecoder().Bytes(b)
		if err != nil {
			// The x/text decoders replace rather than fail; be safe anyway.
			out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
		}
		s = string(out)
		d.Invalid += strings.Count(s, "\uFFFD")
	}
	if d.NUL = strings.Count(s, "\x00"); d.NUL > 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	d.Text = s
	return d
}

// refCheck rejects decoded text that is blank or mostly control characters.
func refCheck(d Decoded) (Decoded, error) {
	if strings.TrimSpace(d.Text) == "" {
		return Decoded{}, ErrEmpty
	}
	ctrl, n := 0, 0
	for _, r := range d.Text {
		n++
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' || r == 0x7F {
			ctrl++
		}
	}
	if ctrl > n/20 || d.NUL > n/20+2 {
		return Decoded{}, ErrBinary
	}
	return d, nil
}

// refLooksBinary reports whether b opens like a known binary format or has
// more NUL and other control bytes than damage would explain.
func refLooksBinary(b []byte) bool {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(b, m) {
			return true
		}
	}
	ctrl := 0
	for _, c := range b {
		// C0 controls other than tab, line feed, form feed, carriage
		// return and escape: no text encoding here puts them inside a
		// character, and text uses none of them.
		if c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != 0x1B {
			ctrl++
		}
	}
	return ctrl > len(b)/50+8
}

// refUTF16NoBOM recognises UTF-16 without a byte-order mark by its NUL bytes:
// in mostly ASCII text they fall on one side of nearly every byte pair.
func refUTF16NoBOM(b []byte) string {
	if len(b) < 8 || len(b)%2 == 1 {
		return ""
	}
	var even, odd int
	for i := 0; i+1 < len(b); i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	pairs := len(b) / 2
	switch {
	case odd > pairs*3/10 && even < odd/20:
		return EncUTF16LE
	case even > pairs*3/10 && odd < even/20:
		return EncUTF16BE
	}
	return ""
}

// refInvalidUTF8 counts the invalid sequences of b, as ToValidUTF8 replaces
// them: a run of bad bytes counts once.
func refInvalidUTF8(b []byte) int {
	bad, inRun := 0, false
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			if !inRun {
				bad++
			}
			inRun = true
		} else {
			inRun = false
		}
		i += n
	}
	return bad
}
