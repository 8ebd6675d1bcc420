package report

import (
	"reflect"

	"github.com/xuri/excelize/v2"
)

// printTitles is the name Excel gives a sheet's rows repeated on every
// printed page.
const printTitles = "_xlnm.Print_Titles"

// setPrintTitles does what f.SetDefinedName does for a sheet's print
// titles, at a cost that does not grow with the workbook. SetDefinedName
// looks up the whole sheet list once for every defined name already set
// to check for a duplicate; with one print-titles name per speech sheet,
// a ledger of thousands of sheets spent minutes there (the cost grows
// with the cube of the sheet count). The duplicate check here compares
// sheet indexes instead of names, which is the same test.
func setPrintTitles(f *excelize.File, sheet, refersTo string) error {
	wb := f.WorkBook
	if wb == nil || wb.DefinedNames == nil || len(wb.DefinedNames.DefinedName) == 0 {
		// The first name loads the workbook part and creates the list.
		return f.SetDefinedName(&excelize.DefinedName{Name: printTitles, RefersTo: refersTo, Scope: sheet})
	}
	idx, err := f.GetSheetIndex(sheet)
	if err != nil {
		return err
	}
	names := &wb.DefinedNames.DefinedName
	for _, dn := range *names {
		if dn.Name == printTitles && dn.LocalSheetID != nil && idx >= 0 && *dn.LocalSheetID == idx {
			return excelize.ErrDefinedNameDuplicate
		}
	}
	// The element type is excelize's own and unexported: copy one and
	// clear it.
	d := (*names)[0]
	reflect.ValueOf(&d).Elem().SetZero()
	d.Name, d.Data = printTitles, refersTo
	if idx >= 0 {
		d.LocalSheetID = &idx
	}
	*names = append(*names, d)
	return nil
}
