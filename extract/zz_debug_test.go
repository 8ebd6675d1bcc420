package extract

import (
	"os"
	"strings"
	"testing"
)

func TestZZDebug(t *testing.T) {
	ref, _ := ParseDate(os.Getenv("REF"))
	for _, e := range strings.Split(os.Getenv("EXPRS"), "|") {
		rs := []rune(e)
		p := &parser{rs: rs, ref: ref, exact: true}
		m, ok := p.phrase(0)
		tn, ok2 := ParseTime(e, ref)
		t.Logf("%s: ok=%v end=%d/%d iv=%+v suf=%v | %v %+v", e, ok, m.end, len(rs), m.iv, m.suf, ok2, tn)
		t.Logf("  find: %+v", FindTimes(e, ref))
	}
}
