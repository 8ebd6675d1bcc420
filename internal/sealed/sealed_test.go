package sealed

import (
	"bytes"
	"errors"
	"testing"
)

func seal(t *testing.T, key, content string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf, key)
	if _, err := w.Write([]byte(content)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// An entry opens with its key to its content; any byte flipped, any cut,
// or another key, and it does not.
func TestOpen(t *testing.T) {
	for _, content := range []string{"", "各单位要抓紧落实。", string(make([]byte, 300))} {
		b := seal(t, "key-a", content)
		got, err := Open(b, "key-a")
		if err != nil || string(got) != content {
			t.Fatalf("Open = %q, %v; want %q", got, err, content)
		}
		if _, err := Open(b, "key-b"); !errors.Is(err, ErrMisplaced) {
			t.Errorf("another key: %v", err)
		}
		for i := range b {
			for _, bit := range []byte{1, 0x80} {
				c := bytes.Clone(b)
				c[i] ^= bit
				if _, err := Open(c, "key-a"); err == nil {
					t.Fatalf("byte %d flipped by %#x: opened", i, bit)
				}
			}
		}
		for n := range len(b) {
			if _, err := Open(b[:n], "key-a"); !errors.Is(err, ErrDamaged) {
				t.Fatalf("cut to %d bytes: %v", n, err)
			}
		}
	}
}

// FuzzOpen opens any bytes without panicking, and opens nothing that
// was not sealed.
func FuzzOpen(f *testing.F) {
	var buf bytes.Buffer
	w := NewWriter(&buf, "k")
	w.Write([]byte("content"))
	w.Close()
	f.Add(buf.Bytes())
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := Open(b, "k")
		if err != nil {
			return
		}
		var again bytes.Buffer
		w := NewWriter(&again, "k")
		w.Write(got)
		w.Close()
		if !bytes.Equal(again.Bytes(), b) {
			t.Fatalf("opened %q, which is not %q sealed", b, got)
		}
	})
}
