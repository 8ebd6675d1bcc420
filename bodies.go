package main

import (
	"fmt"
	"os"

	"github.com/speechledger/speechledger/extract"
)

// loadBodies reads a user's list of local body names (--bodies).
func loadBodies(path string) ([]extract.BodyName, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", path, describe(err))
	}
	text, _, err := extract.Decode(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	list, err := extract.ParseBodyList(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return list, nil
}
