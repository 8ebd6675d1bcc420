package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --bodies changes recognition (a local name without a body suffix becomes
// a body) and grouping (names map to the canonical name given after a tab).
func TestBodiesFlag(t *testing.T) {
	dir := t.TempDir()
	speech := filepath.Join(dir, "2024-03-05 讲话.txt")
	must(t, os.WriteFile(speech, []byte("全县工作会讲话\n城投集团要在6月底前完成棚改项目。\n城发要加快推进道路建设。\n县教育局要抓好开学工作。\n教育局要在9月1日前完成校舍排查。\n"), 0o644))
	list := filepath.Join(dir, "bodies.txt")
	must(t, os.WriteFile(list, []byte("# 本县单位\n城发\t城投集团\n"), 0o644))

	bodies := func(args ...string) map[string]string {
		out := filepath.Join(dir, "out.jsonl")
		if _, stderr, code := speechledger(t, append(append([]string{"-q", "-o", out}, args...), speech)...); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		got := map[string]string{}
		for _, l := range strings.Split(strings.TrimSpace(string(readFile(t, out))), "\n") {
			var v struct {
				Type   string `json:"type"`
				Bodies []struct {
					Name      string `json:"name"`
					Canonical string `json:"canonical"`
				} `json:"bodies"`
			}
			must(t, json.Unmarshal([]byte(l), &v))
			for _, b := range v.Bodies {
				c := b.Canonical
				if c == "" {
					c = b.Name
				}
				got[b.Name] = c
			}
		}
		return got
	}

	without := bodies()
	if _, ok := without["城发"]; ok {
		t.Errorf("城发 is a body without the user's list: %v", without)
	}
	if without["教育局"] != "县教育局" {
		t.Errorf("教育局 should group under 县教育局 by rule, got %v", without)
	}
	with := bodies("--bodies", list)
	if with["城发"] != "城投集团" {
		t.Errorf("with the list, 城发 should be a body grouped under 城投集团, got %v", with)
	}
	if _, stderr, code := speechledger(t, "--bodies", filepath.Join(dir, "none.txt"), speech); code != 2 || !strings.Contains(stderr, "none.txt") {
		t.Errorf("missing list: exit %d, %s", code, stderr)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
