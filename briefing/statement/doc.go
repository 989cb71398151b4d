// Package statement is what a data file says: the Statement with its
// context, key figures, quotes, recommendations and audiences; Load reads
// a data file and its translations (statement.es.yaml beside it) into a
// Dataset with positions, Check reports every problem at once, and
// Dataset.In lays a translation over the base statement.
package statement
