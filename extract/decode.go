package extract

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Errors for input that holds no speech text.
var (
	ErrEmpty    = errors.New("empty file")
	ErrBinary   = errors.New("binary file, not text")
	ErrEncoding = errors.New("unknown text encoding (not UTF-8, UTF-16, GB18030/GBK or Big5)")
)

// Encoding names reported by Decode.
const (
	EncUTF8    = "UTF-8"
	EncUTF16LE = "UTF-16LE"
	EncUTF16BE = "UTF-16BE"
	EncGB18030 = "GB18030"
	EncBig5    = "Big5"
)

// Decode turns the bytes of a text file into a string, detecting the
// encoding: a byte-order mark first, then valid UTF-8, then GB18030 (which
// covers GBK and GB2312) or Big5, whichever reads as more common Chinese.
// It returns the encoding's name.
func Decode(b []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return checkText(string(b[3:]), EncUTF8)
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), b, EncUTF16LE)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), b, EncUTF16BE)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return "", "", ErrEmpty
	}
	if bytes.IndexByte(b, 0) >= 0 && nulShare(b) > 0.01 {
		return "", "", ErrBinary
	}
	if utf8.Valid(b) {
		return checkText(string(b), EncUTF8)
	}
	if invalidUTF8Share(b) < 0.002 {
		// A UTF-8 file with a few broken bytes: keep it, replacing them.
		return checkText(string(bytes.ToValidUTF8(b, []byte("\uFFFD"))), EncUTF8)
	}
	gb, gbErr := decodeBytes(simplifiedchinese.GB18030, b)
	big, bigErr := decodeBytes(traditionalchinese.Big5, b)
	switch {
	case gbErr == nil && (bigErr != nil || commonHanShare(gb) >= commonHanShare(big)):
		return checkText(gb, EncGB18030)
	case bigErr == nil:
		return checkText(big, EncBig5)
	}
	return "", "", ErrEncoding
}

func decodeWith(e encoding.Encoding, b []byte, name string) (string, string, error) {
	s, err := decodeBytes(e, b)
	if err != nil {
		return "", "", ErrEncoding
	}
	return checkText(s, name)
}

func decodeBytes(e encoding.Encoding, b []byte) (string, error) {
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return "", err
	}
	if bytes.Contains(out, []byte("\uFFFD")) {
		return "", ErrEncoding
	}
	return string(out), nil
}

// checkText rejects decoded text that is blank or mostly control characters.
func checkText(s, name string) (string, string, error) {
	s = string(bytes.ReplaceAll([]byte(s), []byte{0}, nil))
	if len(bytes.TrimSpace([]byte(s))) == 0 {
		return "", "", ErrEmpty
	}
	ctrl, n := 0, 0
	for _, r := range s {
		n++
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' || r == utf8.RuneError {
			ctrl++
		}
	}
	if float64(ctrl) > 0.05*float64(n) {
		return "", "", ErrBinary
	}
	return s, name, nil
}

func nulShare(b []byte) float64 {
	return float64(bytes.Count(b, []byte{0})) / float64(len(b))
}

func invalidUTF8Share(b []byte) float64 {
	bad := 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		i += n
	}
	return float64(bad) / float64(len(b))
}

// commonHanShare is the share of runes in the most common block of CJK
// ideographs, which tells a right decoding from a wrong one.
func commonHanShare(s string) float64 {
	han, n := 0, 0
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		n++
		if r >= 0x4E00 && r <= 0x9FA5 || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF {
			han++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(han) / float64(n)
}
