package main

import (
	"bufio"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// module is the import path of the module; the rules below name packages
// relative to it ("" is the root, the command).
const module = "github.com/speechledger/speechledger"

// layers says which packages of the module each package may import, as
// architecture.md draws them. A package missing here fails the test:
// a new package takes its place in the picture before it is used. A key
// ending in "/..." stands for every package under it.
var layers = map[string][]string{
	"":                    {"*"}, // the command may import any package of the module
	"extract":             {},
	"templates":           {},
	"report":              {"extract", "templates", "report/internal/...", "internal/atomicfile", "internal/sealed"},
	"report/internal/...": {"report/internal/...", "internal/atomicfile", "internal/sealed"},
	"internal/atomicfile": {},
	"internal/sealed":     {},
	"internal/convert":    {},
	"internal/ofdtest":    {},
	"internal/tasksheet":  {"extract"},
	"internal/lock":       {},
	"internal/cache":      {"internal/atomicfile", "internal/sealed"},
	"internal/inputs":     {"extract", "internal/convert", "internal/tasksheet"},
}

// stdForbidden lists, for a package, standard packages its non-test code
// must not import: extract reads no file, environment, process or network
// (the command gives it bytes and dates).
var stdForbidden = map[string][]string{
	"extract": {"os", "os/exec", "os/signal", "os/user", "io/ioutil", "net", "net/http", "syscall", "path/filepath"},
}

// sheetCode are the standard packages that reading or writing
// SpreadsheetML by hand starts from.
var sheetCode = []string{"encoding/xml", "archive/zip"}

// sheetCodeAllowed are the packages whose code may import sheetCode, each
// with why. Only report/internal/xlsx knows the XML of a workbook's
// sheets (architecture.md); the others read or write other formats that
// are zip packages of XML.
var sheetCodeAllowed = map[string]string{
	"report/internal/xlsx": "the one package that writes and scans SpreadsheetML",
	"extract":              "reads Word (.docx) and OFD documents, zip packages of XML",
	"internal/ofdtest":     "writes OFD documents for tests",
	"internal/inputs":      "tells an input's kind by the names of its zip parts (zipKind)",
}

// clockFuncs are the functions of package time that read the clock, which
// extract must not call: its results depend on its input and the dates
// the command gives it, never on when it runs.
var clockFuncs = []string{"Now", "Since", "Until"}

// goList runs go list with args in the module and returns its output's
// lines, skipping the test where there is no go command.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(goCmd, append([]string{"list"}, args...)...).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("go list %v: %v\n%s", args, err, ee.Stderr)
		}
		t.Fatalf("go list %v: %v", args, err)
	}
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines
}

// rel returns path relative to the module, and whether it lies in it.
func rel(path string) (string, bool) {
	if path == module {
		return "", true
	}
	return strings.CutPrefix(path, module+"/")
}

// rule returns the rule of package pkg (relative to the module).
func rule(pkg string) (allowed []string, ok bool) {
	if allowed, ok := layers[pkg]; ok {
		return allowed, true
	}
	for key, allowed := range layers {
		if prefix, wild := strings.CutSuffix(key, "/..."); wild && strings.HasPrefix(pkg, prefix+"/") {
			return allowed, true
		}
	}
	return nil, false
}

// matches reports whether pkg is one a rule's entry names.
func matches(entry, pkg string) bool {
	if entry == "*" {
		return true
	}
	if prefix, wild := strings.CutSuffix(entry, "/..."); wild {
		return strings.HasPrefix(pkg, prefix+"/")
	}
	return entry == pkg
}

// Each package imports only the packages of the module its layer allows
// (architecture.md): the command on top, report under it, extract at the
// bottom importing none; nothing imports the command.
func TestImportRules(t *testing.T) {
	for _, l := range goList(t, "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...") {
		fields := strings.Fields(l)
		pkg, _ := rel(fields[0])
		allowed, ok := rule(pkg)
		if !ok {
			t.Errorf("package %s has no place in architecture.md: add it to layers in architecture_test.go", fields[0])
			continue
		}
		for _, imp := range fields[1:] {
			dep, inModule := rel(imp)
			if !inModule {
				if slices.Contains(stdForbidden[pkg], imp) {
					t.Errorf("%s imports %s: it must read no file, clock or environment", fields[0], imp)
				}
				continue
			}
			if !slices.ContainsFunc(allowed, func(e string) bool { return matches(e, dep) }) || dep == "" {
				t.Errorf("%s imports %s, which architecture.md does not allow", fields[0], imp)
			}
		}
	}
}

// extract depends, even through other packages, on no package of the
// module: it is the part every other part builds on.
func TestExtractStandsAlone(t *testing.T) {
	for _, dep := range goList(t, "-deps", "./extract") {
		if p, in := rel(dep); in && p != "extract" {
			t.Errorf("extract depends on %s", dep)
		}
	}
}

// extract's code (tests aside) calls no function of package time that
// reads the clock.
func TestExtractReadsNoClock(t *testing.T) {
	files, err := filepath.Glob("extract/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no extract sources: %v", err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		timeName := ""
		for _, imp := range f.Imports {
			if imp.Path.Value == `"time"` {
				timeName = "time"
				if imp.Name != nil {
					timeName = imp.Name.Name
				}
			}
		}
		if timeName == "" {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == timeName && slices.Contains(clockFuncs, sel.Sel.Name) {
				t.Errorf("%s: extract reads the clock (time.%s)", fset.Position(sel.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
}

// Only report/internal/xlsx writes or scans worksheet XML: no other
// package's code, nor report's tests, imports encoding/xml or archive/zip
// but those sheetCodeAllowed names for reading other formats.
func TestSheetCodeInXlsx(t *testing.T) {
	for _, l := range goList(t, "-f", "{{.ImportPath}} {{join .Imports \" \"}} | {{join .TestImports \" \"}} {{join .XTestImports \" \"}}", "./...") {
		code, tests, _ := strings.Cut(l, " | ")
		fields := strings.Fields(code)
		pkg, _ := rel(fields[0])
		imports := fields[1:]
		if pkg == "report" || strings.HasPrefix(pkg, "report/") {
			imports = append(imports, strings.Fields(tests)...)
		}
		if _, ok := sheetCodeAllowed[pkg]; ok {
			continue
		}
		for _, imp := range imports {
			if slices.Contains(sheetCode, imp) {
				t.Errorf("%s imports %s: worksheet XML is report/internal/xlsx's alone (architecture.md)", fields[0], imp)
			}
		}
	}
}
