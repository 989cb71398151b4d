package schema_test

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"briefing/briefing/schema"
	"briefing/briefing/statement"
	"briefing/internal/testtool"
)

var update = flag.Bool("update", false, "rewrite the expected files from the current output")

// compile compiles a kind's schema with a real JSON Schema validator.
func compile(t *testing.T, k schema.Kind) *jsonschema.Schema {
	t.Helper()
	b, err := schema.JSON(k)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(k.File(), doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(k.File())
	if err != nil {
		t.Fatalf("%s: %v", k, err)
	}
	return s
}

// validate reads a YAML or JSON file and validates it against s; nil when
// it is valid.
func validate(s *jsonschema.Schema, src []byte) error {
	// The YAML parser mishandles a TAB typed inside double quotes, which
	// the loader helps it over (see briefing/input's quoteTabs); to the
	// schema a TAB is white space like a space, of the same length.
	src = bytes.ReplaceAll(src, []byte("\t"), []byte(" "))
	j, err := yaml.YAMLToJSON(src)
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		return err
	}
	return s.Validate(inst)
}

// TestSchemaFiles keeps the schemas in the repository (schema/*.json, for
// editors) the same as briefing schema KIND prints; -update rewrites them.
func TestSchemaFiles(t *testing.T) {
	for _, k := range schema.Kinds {
		b, err := schema.JSON(k)
		if err != nil {
			t.Fatal(err)
		}
		b = append(b, '\n')
		p := filepath.Join("..", "..", "schema", k.File())
		if *update {
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("%s is out of date (%v); run go test ./briefing/schema -run TestSchemaFiles -update", p, err)
		}
	}
}

// TestSchemaDefaults: the built-in statement, its translation, brand and
// layout, and the starter init writes, validate.
func TestSchemaDefaults(t *testing.T) {
	for _, c := range []struct {
		kind schema.Kind
		file string
	}{
		{schema.Statement, "../../data/cartagena40.yaml"},
		{schema.Translation, "../../data/cartagena40.es.yaml"},
		{schema.Brand, "../../layouts/brand.yaml"},
		{schema.Layout, "../../layouts/layout.yaml"},
		{schema.Statement, "../../internal/cli/starter/statement.yaml"},
	} {
		src, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		if err := validate(compile(t, c.kind), src); err != nil {
			t.Errorf("%s: %v", c.file, err)
		}
	}
}

// beyondSchema lists the invalid cases a schema cannot see, each with the
// reason: they pass the schema and the loader refuses them.
var beyondSchema = map[string]string{
	"invalid/bad-references.yaml":         "references between lists",
	"invalid/duplicates.yaml":             "ids and numbers repeated across list entries",
	"invalid/impossible-date.yaml":        "days of the calendar",
	"invalid/impossible-month.yaml":       "months of the calendar",
	"invalid/no-translation.yaml":         "translation files beside the data",
	"invalid/translation-badname.ES.yaml": "the file's name, not its content",
	"invalid/translation-broken.yaml":     "a reference to a quote that is not there",
	"invalid/translation-contact.es.yaml": "a contact the base file lacks",
	"invalid/right-to-left.yaml":          "right-to-left text, which the loader refuses in any field",
	"invalid/right-to-left.ar.yaml":       "right-to-left text, which the loader refuses in any field",
}

// parseLevel matches loader errors about a file that a YAML parser (and so
// any schema check) refuses before validation.
var parseLevel = regexp.MustCompile(`syntax error|anchors and aliases|not a text file|more than one YAML document|nest more than|file is empty|want a mapping of fields|duplicate key|YAML tags|merge keys`)

// TestSchemaAgrees: the schemas and the strict loader agree on every case
// in testdata: a file the loader accepts validates, a file the schema
// refuses the loader refuses too, and a file the loader refuses the schema
// refuses, but for the cases in beyondSchema.
func TestSchemaAgrees(t *testing.T) {
	schemas := map[schema.Kind]*jsonschema.Schema{}
	for _, k := range schema.Kinds {
		schemas[k] = compile(t, k)
	}
	for _, dir := range []string{"valid", "invalid"} {
		for _, name := range testtool.CaseFiles(t, "../statement/testdata", dir) {
			if path.Ext(name) == ".bin" {
				continue
			}
			_, errs := statement.LoadAll(os.DirFS("../statement/testdata"), dir+"/"+name)
			stem := strings.TrimSuffix(name, path.Ext(name))
			files, _ := fs.Glob(os.DirFS("../statement/testdata"), dir+"/"+stem+".*")
			sort.Strings(files)
			for _, f := range files {
				if path.Ext(f) == ".err" {
					continue
				}
				kind := schema.Statement
				if f != dir+"/"+name {
					kind = schema.Translation
				}
				var loader []string
				for _, e := range errs {
					if e.File == f {
						loader = append(loader, e.Msg)
					}
				}
				src, _ := os.ReadFile(path.Join("../statement/testdata", f))
				var schemaErr error
				if parseLevel.MatchString(strings.Join(loader, "\n")) {
					schemaErr = errParse
				} else {
					schemaErr = validate(schemas[kind], src)
				}
				t.Run(f, func(t *testing.T) {
					agree(t, f, loader, schemaErr)
				})
			}
		}
	}
	for _, f := range []string{"style/brand-good.yaml", "style/layered/brand.yaml", "style/layered/brand-bad.yaml"} {
		src, _ := os.ReadFile(path.Join("../style/testdata", f))
		want, _ := testtool.Expectations(t, "../style/testdata", path.Dir(f), path.Base(f))
		t.Run(f, func(t *testing.T) { agree(t, f, want, validate(schemas[schema.Brand], src)) })
	}
}

var errParse = &parseError{}

type parseError struct{}

func (*parseError) Error() string { return "does not parse" }

func agree(t *testing.T, f string, loader []string, schemaErr error) {
	t.Helper()
	switch {
	case len(loader) == 0 && schemaErr != nil:
		t.Errorf("the loader accepts %s, the schema refuses it: %v", f, schemaErr)
	case len(loader) > 0 && schemaErr == nil:
		if _, ok := beyondSchema[f]; !ok {
			t.Errorf("the loader refuses %s, the schema accepts it; loader:\n%s", f, strings.Join(loader, "\n"))
		}
	case beyondSchema[f] != "":
		t.Errorf("%s is listed as beyond the schema (%s), but the schema refuses it: %v", f, beyondSchema[f], schemaErr)
	}
}
