// Package extract turns the text of Chinese speeches into speeches and the
// tasks they assign: each task with its time nodes, responsible bodies and
// numeric targets, following the annotation guide (../shared/spec).
//
// The package never reads the clock, the file system or the environment:
// everything it needs comes in as text and Options.
//
// # Speed
//
// Extraction is most of a first run's time, and these choices keep it
// down (benchmarks and figures: README, "Performance"):
//
//   - Patterns derive the literals every match must contain, and a
//     sentence's character set, computed once, turns away a pattern that
//     cannot match before the backtracking matcher runs; patterns that are
//     only a list of words answer from that search. Hot regular expressions
//     (quotations, neutral words, reports of past work, imperative
//     openings) are hand-written scanners, each tested and fuzzed against
//     its expression.
//   - A sentence's blanked text, directive markers and subjects are worked
//     out once; sentence splitting walks bytes; folding decodes 3-byte
//     characters inline; the time parser calls its readers directly and
//     skips start positions that cannot begin a time.
//   - Within one file, each line's fold and sentences and each sentence's
//     results are remembered (bounded to 8 MB of text): a compilation that
//     repeats a speech pays for it once.
//   - Duplicate detection compares winnowed fingerprints (one 8-character
//     n-gram in about seven, by a rolling hash), worked out on each
//     input's worker; speeches then drop their text and keep only their
//     tasks (Release).
//   - The patterns compile on first use, so a run whose inputs all come
//     from the cache does not compile them.
package extract
