// Package statement is what a data file says: the Statement with its
// context, key figures, quotes, recommendations and audiences; Load reads
// a data file and its translations (statement.es.yaml beside it) into a
// Dataset whose every item knows where it is (At), Check reports every
// problem at once, and Dataset.In lays a translation over the base
// statement, places included.
package statement
