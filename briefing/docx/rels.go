package docx

import (
	"encoding/xml"
	"fmt"
	"strconv"

	"github.com/gomutex/godocx/common/constants"
	"github.com/gomutex/godocx/docx"
)

// Relationship types of the parts and addresses the document refers to.
const (
	relNS        = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	relImage     = constants.SourceRelationshipImage
	relHyperlink = constants.SourceRelationshipHyperLink
)

// relationships is word/_rels/document.xml.rels, which this package owns
// whole: add gives each relationship its id as it is added, and the
// document refers to it by the id add returned.
type relationships struct {
	list []*docx.Relationship
}

// add adds a relationship of type typ to target (an address outside the
// package when external) and returns its id.
func (r *relationships) add(typ, target string, external bool) string {
	rel := &docx.Relationship{ID: "rId" + strconv.Itoa(len(r.list)+1), Type: typ, Target: target}
	if external {
		rel.TargetMode = "External"
	}
	r.list = append(r.list, rel)
	return rel.ID
}

// marshal returns the relationships part.
func (r *relationships) marshal() ([]byte, error) {
	x, err := xml.Marshal(docx.Relationships{Xmlns: "http://schemas.openxmlformats.org/package/2006/relationships", Relationships: r.list})
	if err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	return append([]byte(xmlHeader), x...), nil
}
