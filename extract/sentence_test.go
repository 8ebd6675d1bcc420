package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// Guide, "Task": a sentence ends at 。！？； or their half-width forms, or
// at a line break; garbled ?? is not a sentence end.
func TestSplitSentences(t *testing.T) {
	x := New()
	tests := []struct {
		line string
		want []string
	}{
		{"要抓好落实。要确保完成!对吗?好;", []string{"要抓好落实。", "要确保完成!", "对吗?", "好;"}},
		{"他说:“要抓紧。”然后走了", []string{"他说:“要抓紧。”", "然后走了"}},
		{"能聯系上要?jiǎng)訂T指導其盡快補報年報;", []string{"能聯系上要?jiǎng)訂T指導其盡快補報年報;"}},
		{"这个??字乱码了。下一句。", []string{"这个??字乱码了。", "下一句。"}},
		{"  前后有空格。 ", []string{"前后有空格。"}},
		{"全角标点！半角标点!", []string{"全角标点！", "半角标点!"}},
		{"。。。", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range x.splitSentences(tt.line) {
			got = append(got, s.text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("splitSentences(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// Guide, "Clarifications": numbered headings and bullets.
func TestParagraphKind(t *testing.T) {
	tests := map[string]int{
		"二、主攻重点求突破,全力冲刺保目标":  paraLevel1,
		"(一)全力抓好产业培育。":       paraLevel2,
		"（三）全力加快城乡建设。":       paraLevel2,
		"1、开展创新是必然要求。":       paraLevel3,
		"2.强化团队意识":           paraLevel3,
		"——要加强领导。":           paraBullet,
		"一要正确处理评比与建设的关系。":    paraBullet,
		"二是正确处理部署与指导的关系。":    paraBullet,
		"第一,要明白中小学德育工作要抓基础。": paraBullet,
		"各级各部门要抓好落实。":        paraPlain,
		"2009年是关键之年。":        paraPlain,
	}
	for s, want := range tests {
		if got := paragraphKind(s); got != want {
			t.Errorf("paragraphKind(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestFold(t *testing.T) {
	x := New()
	tests := map[string]string{
		"全市教育工作推進(jìn)會(huì)發(fā)言稿": "全市教育工作推进会发言稿",
		"１２３ＡＢＣ，。":                   "123ABC,。",
		"縣教育局":                       "县教育局",
		"(a)条和(AB)不是拼音":              "(a)条和(AB)不是拼音",
	}
	for in, want := range tests {
		if got := x.Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	// Spans in the folded text map back to the text as written.
	fd := x.fold.fold("推進(jìn)會議")
	if sp := fd.origSpan(Span{2, 4}); sp != (Span{7, 9}) {
		t.Errorf("origSpan = %v, want {7 9}", sp)
	}
}

// TestSentenceFolds checks that the folds of sentences taken from the fold
// of their line are the folds of the sentences as written.
func TestSentenceFolds(t *testing.T) {
	x := New()
	lines := []string{
		"", " ", "要(jiǎng)做好。 (a)条 和 A B。", "\u00a0(jiǎng) 要做好 2 年内。\u00a0A1 站建成？？要?jiǎng)好",
		"推進(jìn)會議。(hǎo)要抓好。」 要\xff做好(jì\xffn)。", "（一）要做好；\t再做好！\u3000三是。",
	}
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	for _, line := range lines {
		for _, s := range x.splitSentences(line) {
			if want := x.fold.fold(s.text); !reflect.DeepEqual(s.fold, want) {
				t.Fatalf("sentence %q of %q folds to %+v, want %+v", s.text, line, s.fold, want)
			}
		}
	}
}

// TestIsBlank checks isBlank, which tests few characters above U+3000,
// against what it stands for on every character.
func TestIsBlank(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isBlank(r), unicode.IsSpace(r) || r == '\u3000' || r == '\ufeff'; got != want {
			t.Fatalf("isBlank(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestEndsNoSentence checks, at each character of folded texts, that
// what endsNoSentence reads is what decodeRune reads and ends no
// sentence.
func TestEndsNoSentence(t *testing.T) {
	for _, s := range []string{"", "各单位要抓紧落实。", "要?jiǎng)做好！对吗？是；a;b!c?", "\xff要\xe4\xb8。", "𠀀要😀；", "１２３，。"} {
		checkEndsNoSentence(t, s)
	}
}

// FuzzEndsNoSentence is TestEndsNoSentence on any text.
func FuzzEndsNoSentence(f *testing.F) {
	f.Add("各单位要抓紧落实。对吗？")
	f.Add("\xff要\xe4\xb8;")
	f.Fuzz(checkEndsNoSentence)
}

func checkEndsNoSentence(t *testing.T, s string) {
	t.Helper()
	text := testFolder.foldString(s)
	for i := 0; i < len(text); {
		wr, wn := decodeRune(text, i)
		if r, n, ok := endsNoSentence(text, i); ok && (r != wr || n != wn || isSentenceEnd(0, r, text[i+n:])) {
			t.Fatalf("endsNoSentence(%q, %d) = %q, %d, want %q, %d, no sentence end", text, i, r, n, wr, wn)
		}
		i += wn
	}
}
