package xlsx

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"runtime"
	"slices"
	"sync"
)

// A Deflated is a piece of a part of the package, compressed on its own
// as deflate blocks that end on a byte boundary and leave the stream open
// (a sync flush), with the CRC-32 and length of what it holds. Pieces
// compressed apart, even at different times, join into one deflate
// stream by concatenation, as pigz joins the pieces it compresses in
// parallel: so each speech sheet's rows are compressed as soon as they
// are written, and only the compressed bytes are kept until the workbook
// is saved. A large piece (a Stream's) is kept in a temporary file,
// File, rather than in Data; a part of a package the Reader reads stays
// in the package's file, Off bytes into it.
type Deflated struct {
	Data []byte
	File *os.File // holds the compressed bytes, when Data does not
	Off  int64    // where they start in File
	Len  int64    // the length of File's bytes
	CRC  uint32   // of what it holds
	N    int64    // length of what it holds
	// borrowed says File is not the piece's own but the package's the
	// piece was read from: Remove leaves it.
	borrowed bool
}

// Size returns the compressed length of z.
func (z Deflated) Size() int64 {
	if z.File != nil {
		return z.Len
	}
	return int64(len(z.Data))
}

// writeTo writes the compressed bytes of z to w.
func (z Deflated) writeTo(w io.Writer) error {
	if z.File == nil {
		_, err := w.Write(z.Data)
		return err
	}
	_, err := io.Copy(w, io.NewSectionReader(z.File, z.Off, z.Len))
	return err
}

// Remove removes the temporary file of z, if it has one.
func (z Deflated) Remove() {
	if z.File != nil && !z.borrowed {
		z.File.Close()
		os.Remove(z.File.Name())
	}
}

// A PieceSum describes a piece of a deflate stream: its compressed
// length, and the CRC-32 and length of what it holds. With the offset of
// the piece in the compressed stream, it is enough to take the piece out
// of the stream again (Piece), as the memo of a workbook does with the
// task rows of a sheet.
type PieceSum struct {
	Len int64
	CRC uint32
	N   int64
}

// Sum returns what describes z as a piece.
func (z Deflated) Sum() PieceSum { return PieceSum{Len: z.Size(), CRC: z.CRC, N: z.N} }

// Holds reports whether the compressed stream z is long enough to hold
// the piece s at off.
func (z Deflated) Holds(off int64, s PieceSum) bool {
	return off >= 0 && s.Len >= 0 && off+s.Len <= z.Size()
}

// Piece returns the piece s of the compressed stream z, which starts off
// bytes into it and which z holds.
func (z Deflated) Piece(off int64, s PieceSum) Deflated {
	if z.File != nil {
		return Deflated{File: z.File, Off: z.Off + off, Len: s.Len, CRC: s.CRC, N: s.N, borrowed: true}
	}
	return Deflated{Data: z.Data[off : off+s.Len], CRC: s.CRC, N: s.N}
}

// flateWriters are deflate compressors at flate.BestSpeed, for reuse:
// each holds a good deal of memory. BestSpeed makes the workbook a little
// larger, and in a good deal less time.
var flateWriters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, flate.BestSpeed)
	return fw
}}

// Deflate compresses b into a piece.
func Deflate(b []byte) (Deflated, error) {
	var buf bytes.Buffer
	buf.Grow(len(b)/4 + 64)
	fw := flateWriters.Get().(*flate.Writer)
	defer flateWriters.Put(fw)
	fw.Reset(&buf)
	if _, err := fw.Write(b); err != nil {
		return Deflated{}, err
	}
	if err := fw.Flush(); err != nil {
		return Deflated{}, err
	}
	return Deflated{Data: buf.Bytes(), CRC: crc32.ChecksumIEEE(b), N: int64(len(b))}, nil
}

// A Stream compresses a piece written to it bit by bit, into what
// Deflate would make of all it was given at once: the compressor's
// blocks do not depend on how its input comes in writes. A sheet of
// many rows is so compressed as its rows are written, never held whole.
type Stream struct {
	fw  *flate.Writer
	out spill
	crc uint32
	n   int64
}

// A spill holds the compressed bytes of a Stream: in memory up to
// spillSize, then in a temporary file.
type spill struct {
	buf  bytes.Buffer
	file *os.File
	fbuf *bufio.Writer
	size int64 // bytes written to file
	err  error // of the file
}

// spillSize is how many compressed bytes a Stream keeps in memory.
var spillSize = 4 << 20 // a variable for tests

// Write keeps b; an error of the file is kept for Close.
func (s *spill) Write(b []byte) (int, error) {
	if s.err != nil {
		return len(b), nil
	}
	if s.file == nil && s.buf.Len()+len(b) > spillSize {
		if s.file, s.err = os.CreateTemp("", "speechledger-*.rows"); s.err != nil {
			return len(b), nil
		}
		s.fbuf = bufio.NewWriterSize(s.file, 1<<16)
		s.size = int64(s.buf.Len())
		_, s.err = s.fbuf.Write(s.buf.Bytes())
		s.buf = bytes.Buffer{}
	}
	if s.file == nil {
		return s.buf.Write(b)
	}
	s.size += int64(len(b))
	if _, err := s.fbuf.Write(b); err != nil && s.err == nil {
		s.err = err
	}
	return len(b), nil
}

// NewStream returns a Stream ready for writing; Close ends it.
func NewStream() *Stream {
	s := &Stream{fw: flateWriters.Get().(*flate.Writer)}
	s.fw.Reset(&s.out)
	return s
}

// Write compresses p.
func (s *Stream) Write(p []byte) (int, error) {
	s.crc = crc32.Update(s.crc, crc32.IEEETable, p)
	s.n += int64(len(p))
	return s.fw.Write(p)
}

// Close ends the piece and returns it, in a temporary file if it is
// large (Remove removes it). The Stream cannot be used after.
func (s *Stream) Close() (Deflated, error) {
	err := s.fw.Flush()
	s.fw.Reset(io.Discard)
	flateWriters.Put(s.fw)
	o := &s.out
	if o.file == nil {
		return Deflated{Data: o.buf.Bytes(), CRC: s.crc, N: s.n}, err
	}
	z := Deflated{File: o.file, Len: o.size, CRC: s.crc, N: s.n}
	if err = cmp.Or(err, o.err, o.fbuf.Flush()); err != nil {
		z.Remove()
		return Deflated{}, err
	}
	return z, nil
}

// finalBlock ends a deflate stream: an empty last block.
var finalBlock = func() []byte {
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestSpeed)
	fw.Close()
	return buf.Bytes()
}()

// A Compressed is a part of the package compressed: one deflate stream,
// written as its pieces one after another, with the CRC-32 and length of
// what it holds.
type Compressed struct {
	Pieces []Deflated
	CRC    uint32
	N      int64
}

// Whole returns the part compressed as the one stream z, final block
// included: a part taken as it is from another package.
func Whole(z Deflated) Compressed { return Compressed{Pieces: []Deflated{z}, CRC: z.CRC, N: z.N} }

// size returns the compressed length of c.
func (c Compressed) size() int64 {
	var n int64
	for _, p := range c.Pieces {
		n += p.Size()
	}
	return n
}

// WriteTo writes the deflate stream of c to w.
func (c Compressed) WriteTo(w io.Writer) (int64, error) {
	for _, p := range c.Pieces {
		if err := p.writeTo(w); err != nil {
			return 0, err
		}
	}
	return c.size(), nil
}

// joinDeflated returns the deflate stream made of pieces, in order, with
// its CRC-32 and length.
func joinDeflated(pieces []Deflated) Compressed {
	out := Compressed{Pieces: make([]Deflated, 0, len(pieces)+1)}
	for _, p := range pieces {
		out.Pieces = append(out.Pieces, p)
		out.CRC = crc32Combine(out.CRC, p.CRC, p.N)
		out.N += p.N
	}
	out.Pieces = append(out.Pieces, Deflated{Data: finalBlock})
	return out
}

// A Piece is part of a part of the package: Raw bytes to compress, or
// bytes compressed already, Z.
type Piece struct {
	Raw []byte
	Z   *Deflated
}

// CompressAll compresses the raw pieces of parts on as many goroutines as
// there are cores, and returns each part as one deflate stream. Deflate is
// deterministic: the result does not depend on which goroutine compresses
// which piece.
func CompressAll(parts [][]Piece) ([]Compressed, error) {
	type job struct{ part, piece int }
	var jobs []job
	for i, ps := range parts {
		for j, p := range ps {
			if p.Z == nil {
				jobs = append(jobs, job{i, j})
			}
		}
	}
	// Largest first, so that one large piece does not start last.
	slices.SortStableFunc(jobs, func(a, b job) int {
		return len(parts[b.part][b.piece].Raw) - len(parts[a.part][a.piece].Raw)
	})
	next := make(chan job, len(jobs))
	for _, j := range jobs {
		next <- j
	}
	close(next)
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for w := range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for j := range next {
				z, err := Deflate(parts[j.part][j.piece].Raw)
				if err != nil {
					errs[w] = errors.Join(errs[w], err)
					continue
				}
				parts[j.part][j.piece] = Piece{Z: &z}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	out := make([]Compressed, len(parts))
	for i, ps := range parts {
		zs := make([]Deflated, len(ps))
		for j, p := range ps {
			zs[j] = *p.Z
		}
		out[i] = joinDeflated(zs)
	}
	return out, nil
}

// crc32Combine returns the CRC-32 (IEEE) of the concatenation of a and b
// from crc1, the CRC of a, crc2, the CRC of b, and n2, the length of b:
// zlib's crc32_combine. Appending n2 zero bytes to a multiplies its CRC
// by a fixed matrix over GF(2); the matrix for n2 bytes is built by
// squaring the one for a single zero bit.
func crc32Combine(crc1, crc2 uint32, n2 int64) uint32 {
	if n2 <= 0 {
		return crc1
	}
	var even, odd [32]uint32
	odd[0] = crc32.IEEE // the operator for one zero bit
	row := uint32(1)
	for i := 1; i < 32; i++ {
		odd[i] = row
		row <<= 1
	}
	gf2Square(&even, &odd) // two zero bits
	gf2Square(&odd, &even) // four zero bits
	// Apply n2 zero bytes, one bit of n2 at a time, to crc1.
	for {
		gf2Square(&even, &odd)
		if n2&1 != 0 {
			crc1 = gf2Times(&even, crc1)
		}
		n2 >>= 1
		if n2 == 0 {
			break
		}
		gf2Square(&odd, &even)
		if n2&1 != 0 {
			crc1 = gf2Times(&odd, crc1)
		}
		n2 >>= 1
		if n2 == 0 {
			break
		}
	}
	return crc1 ^ crc2
}

// gf2Times returns the matrix mat times the vector vec over GF(2).
func gf2Times(mat *[32]uint32, vec uint32) uint32 {
	var sum uint32
	for i := 0; vec != 0; i, vec = i+1, vec>>1 {
		if vec&1 != 0 {
			sum ^= mat[i]
		}
	}
	return sum
}

// gf2Square sets square to mat times mat.
func gf2Square(square, mat *[32]uint32) {
	for i := range mat {
		square[i] = gf2Times(mat, mat[i])
	}
}
