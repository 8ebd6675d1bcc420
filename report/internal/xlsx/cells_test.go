package xlsx

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
)

// EscapeText writes what xml.EscapeText writes, read back.
func TestEscapeText(t *testing.T) {
	for _, s := range []string{"", "教育局要在年底前完成", `IF(E5="","无时限")`, "a<b>&c", "行一\n行二\r\n\t末", "bad\xffbyte"} {
		var b bytes.Buffer
		b.WriteString("<t>")
		EscapeText(&b, s)
		b.WriteString("</t>")
		var got string
		if err := xml.Unmarshal(b.Bytes(), &got); err != nil {
			t.Errorf("%q: %v", s, err)
			continue
		}
		want := strings.ToValidUTF8(s, "\uFFFD")
		if got != want {
			t.Errorf("%q: read back %q", s, got)
		}
	}
}
