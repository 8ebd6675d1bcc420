package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
)

// Parts stands in for excelize's zip writer (excelize.File.SetZipWriter):
// it keeps the parts of the package in memory, in the order excelize
// writes them, so that they can be finished and compressed once, then
// written by WriteZip.
type Parts struct {
	names []string
	parts []*bytes.Buffer
}

// Create starts the part name.
func (p *Parts) Create(name string) (io.Writer, error) {
	b := new(bytes.Buffer)
	p.names = append(p.names, name)
	p.parts = append(p.parts, b)
	return b, nil
}

// AddFS is not supported: excelize adds no files that way.
func (p *Parts) AddFS(fs.FS) error { return errors.New("add files to a workbook: not supported") }

// Close does nothing: the parts are written by WriteZip.
func (p *Parts) Close() error { return nil }

// Names returns the names of the parts, in the order they were created.
func (p *Parts) Names() []string { return p.names }

// Content returns the content of the i-th part.
func (p *Parts) Content(i int) []byte { return p.parts[i].Bytes() }

// Part returns the content of the part name, or nil.
func (p *Parts) Part(name string) []byte {
	for i, n := range p.names {
		if n == name {
			return p.parts[i].Bytes()
		}
	}
	return nil
}

// Styles returns the content of the styles part, xl/styles.xml.
func (p *Parts) Styles() []byte { return p.Part("xl/styles.xml") }

// SharedStrings returns the strings of the shared strings part.
func (p *Parts) SharedStrings() []string { return SharedStrings(p.Part("xl/sharedStrings.xml")) }

// HasRels reports whether the part name has relationships of its own (a
// worksheet's comments, drawings, hyperlinks), which a copy of it would
// need too.
func (p *Parts) HasRels(name string) bool { return p.Part(relsOf(name)) != nil }

// relsOf returns the name of the relationships part of the part name.
func relsOf(name string) string {
	dir, file := path.Split(name)
	return dir + "_rels/" + file + ".rels"
}

// What zip.Writer.CreateHeader puts in the header of an entry whose name
// is ASCII and whose sizes follow its data, as CreateRaw needs told.
const (
	zipDataDescriptor = 0x8
	zipVersion20      = 20
)

// WriteZip writes the package of the parts names, compressed as comp, to
// w. Entries keep their order and carry no timestamps, so the output is
// deterministic.
func WriteZip(w io.Writer, names []string, comp []Compressed) error {
	zw := zip.NewWriter(w)
	for i, name := range names {
		fw, err := zw.CreateRaw(&zip.FileHeader{
			Name:               name,
			Method:             zip.Deflate,
			Flags:              zipDataDescriptor,
			CreatorVersion:     zipVersion20,
			ReaderVersion:      zipVersion20,
			CRC32:              comp[i].CRC,
			CompressedSize64:   uint64(comp[i].size()),
			UncompressedSize64: uint64(comp[i].N),
		})
		if err != nil {
			return err
		}
		if _, err := comp[i].WriteTo(fw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// contentDefault matches one <Default> entry of [Content_Types].xml.
var contentDefault = regexp.MustCompile(`<Default [^>]*(?:/>|></Default>)`)

// Tidy returns the part name, as excelize wrote it, as it is written:
// the <Default> entries of [Content_Types].xml sorted (excelize writes
// the image types it adds with a chart in map order), any other part as
// it is.
func Tidy(name string, b []byte) []byte {
	if name != "[Content_Types].xml" {
		return b
	}
	return sortDefaults(b)
}

// sortDefaults sorts the <Default> entries of a [Content_Types].xml in
// place.
func sortDefaults(b []byte) []byte {
	all := contentDefault.FindAll(b, -1)
	sorted := slices.Clone(all)
	slices.SortFunc(sorted, bytes.Compare)
	i := 0
	return contentDefault.ReplaceAllFunc(b, func([]byte) []byte {
		i++
		return sorted[i-1]
	})
}
