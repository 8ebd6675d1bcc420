package extract

import (
	"bytes"
	"errors"
	"flag"
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
	f.Fuzz(func(t *testing.T, b []byte) {
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
