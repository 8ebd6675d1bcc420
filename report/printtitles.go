package report

import (
	"reflect"

	"github.com/xuri/excelize/v2"
)

// Names Excel gives to a sheet's rows repeated on every printed page and
// to the range of its filter.
const (
	printTitles    = "_xlnm.Print_Titles"
	filterDatabase = "_xlnm._FilterDatabase"
)

// setLocalName sets a name local to sheet, whose index is idx (print
// titles, filter range), replacing the sheet's name of that name if it
// has one. It does what
// f.SetDefinedName does, at a cost that does not grow with the
// workbook. SetDefinedName looks up the whole sheet list once for every
// defined name already set to check for a duplicate; with names for each
// speech sheet, a ledger of thousands of sheets spent minutes there (the
// cost grows with the cube of the sheet count). The duplicate check here
// compares sheet indexes instead of names, which is the same test, and the
// caller looks the index up.
func setLocalName(f *excelize.File, sheet string, idx int, name, refersTo string, hidden bool) error {
	wb := f.WorkBook
	if wb == nil || wb.DefinedNames == nil || len(wb.DefinedNames.DefinedName) == 0 {
		// The first name loads the workbook part and creates the list.
		if err := f.SetDefinedName(&excelize.DefinedName{Name: name, RefersTo: refersTo, Scope: sheet}); err != nil {
			return err
		}
		names := f.WorkBook.DefinedNames.DefinedName
		names[len(names)-1].Hidden = hidden
		return nil
	}
	names := &wb.DefinedNames.DefinedName
	for i, dn := range *names {
		if dn.Name == name && dn.LocalSheetID != nil && *dn.LocalSheetID == idx {
			(*names)[i].Data, (*names)[i].Hidden = refersTo, hidden
			return nil
		}
	}
	// The element type is excelize's own and unexported: copy one and
	// clear it.
	d := (*names)[0]
	reflect.ValueOf(&d).Elem().SetZero()
	d.Name, d.Data, d.Hidden = name, refersTo, hidden
	d.LocalSheetID = &idx
	*names = append(*names, d)
	return nil
}
