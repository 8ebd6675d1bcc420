package extract

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"strconv"
	"testing"
)

// numberCase is one line of testdata/conformance/number_cases.jsonl, cases
// taken from cn2an's tests.
type numberCase struct {
	Input    string          `json:"input"`
	Expected json.RawMessage `json:"expected"`
	Function string          `json:"function"`
	Mode     string          `json:"mode"`
}

// outOfScope says why a conformance case does not apply to ParseNumber,
// keyed by input.
var outOfScope = map[string]string{
	// ParseNumber reads numerals the way speeches write them, which is
	// cn2an's normal mode: a digit-by-digit run such as 一一 is 11, as in
	// cn2an's own normal-mode cases. Only strict mode rejects it.
	"一一": "strict-mode rejection; ParseNumber follows normal mode, where 一一 is 11",
}

// outOfScopeFunction says why whole groups of cases do not apply.
var outOfScopeFunction = map[string]string{
	"transform": "text rewriting; the ledger copies text verbatim (finding numerals in text: TestFindTargets)",
	"an2cn":     "Arabic to Chinese output is not needed: the ledger only reads numerals",
}

func TestNumberConformance(t *testing.T) {
	f, err := os.Open("../testdata/conformance/number_cases.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var pass, total int
	var skipped [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var c numberCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("bad case %s: %v", sc.Text(), err)
		}
		if why, ok := outOfScopeFunction[c.Function]; ok {
			skipped = append(skipped, [2]string{c.Function + " " + c.Input, why})
			continue
		}
		var raises struct {
			Raises string `json:"raises"`
		}
		_ = json.Unmarshal(c.Expected, &raises)
		if raises.Raises != "" {
			if why, ok := outOfScope[c.Input]; ok {
				skipped = append(skipped, [2]string{c.Mode + " " + c.Input, why})
				continue
			}
			total++
			if v, ok := ParseNumber(c.Input); ok {
				t.Errorf("ParseNumber(%q) = %v, true; want an error (%s)", c.Input, v, raises.Raises)
				continue
			}
			pass++
			continue
		}
		// The direct mode gives a string of digits: compare its value.
		var want float64
		var s string
		if err := json.Unmarshal(c.Expected, &want); err != nil {
			if err := json.Unmarshal(c.Expected, &s); err != nil {
				t.Fatalf("case %q: unreadable expectation %s", c.Input, c.Expected)
			}
			if want, err = strconv.ParseFloat(s, 64); err != nil {
				t.Fatalf("case %q: unreadable expectation %s", c.Input, c.Expected)
			}
		}
		total++
		got, ok := ParseNumber(c.Input)
		if !ok || math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
			t.Errorf("%s %s: ParseNumber(%q) = %v, %v; want %v", c.Function, c.Mode, c.Input, got, ok, want)
			continue
		}
		pass++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("conformance: %d of %d in-scope cases pass; %d out of scope:", pass, total, len(skipped))
	for _, s := range skipped {
		t.Logf("  out of scope  %-40s %s", s[0], s[1])
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"48", 48, true},
		{"1,000", 1000, true},
		{"3.9", 3.9, true},
		{"三十二", 32, true},
		{"两千五百", 2500, true},
		{"一万", 10000, true},
		{"二〇二一", 2021, true},
		{"壹贰叁", 123, true},
		{"1.2万", 12000, true},
		{"3千", 3000, true},
		{"2.76万亿", 2.76e12, true},
		{"萬", 0, false},
		{"十三五", 0, false}, // a plan's name, not a numeral
		{"千方", 0, false},
		{"百分之九十五", 0, false}, // a percent word: see parseRateWord
		{"5元", 0, false},     // a unit is not part of a numeral
		{"一百零", 0, false},
		{"", 0, false},
		{"1e5", 0, false},
		{"NaN", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseNumber(tt.in)
		if ok != tt.ok || ok && math.Abs(got-tt.want) > 1e-9*math.Max(1, tt.want) {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseRateWord(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		unit string
		ok   bool
	}{
		{"百分之九十五", 95, "%", true},
		{"百分之负三点八", -3.8, "%", true},
		{"千分之三", 3, "‰", true},
		{"九成", 90, "%", true},
		{"九成五", 95, "%", true},
		{"两成", 20, "%", true},
		{"十一成", 0, "", false},
		{"九十五", 0, "", false},
	}
	for _, tt := range tests {
		got, unit, ok := parseRateWord(tt.in)
		if ok != tt.ok || ok && (math.Abs(got-tt.want) > 1e-9 || unit != tt.unit) {
			t.Errorf("parseRateWord(%q) = %v, %q, %v; want %v, %q, %v", tt.in, got, unit, ok, tt.want, tt.unit, tt.ok)
		}
	}
}
