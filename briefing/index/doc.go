// Package index writes index.html, the page that shows a build's output at
// a glance: per audience and language, each document with its kind,
// format, paper, pages, size and a link to it (and a thumbnail where a
// page preview exists). The page is plain static HTML and CSS made with
// html/template: no scripts, no external resources, the same bytes for
// the same Page.
package index
