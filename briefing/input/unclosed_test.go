package input

import "testing"

// TestUnclosed: a [ or { never closed is reported where it opens, not
// where the parser gives up; other syntax errors stay where they are.
func TestUnclosed(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"list", "id: x\ntitle: [a, b\nsubtitle: c\n", "f.yaml:2:8: syntax error: this [ is never closed; close it with ], or put text that starts with [ in quotes"},
		{"mapping", "id: x\ntranslation: {official: false\ntitle: c\n", "f.yaml:2:14: syntax error: this { is never closed; close it with }, or put text that starts with { in quotes"},
		{"outer", "id: x\ntitle: [a, [b, c]\nsubtitle: d\n", "f.yaml:2:8: syntax error: this [ is never closed; close it with ], or put text that starts with [ in quotes"},
		{"after a quoted bracket", "title: \"[not a list\"\nlist: [a\nnext: b\n", "f.yaml:2:7: syntax error: this [ is never closed; close it with ], or put text that starts with [ in quotes"},
		{"after a bracket in text", "title: see [1\nlist: [a\nnext: b\n", "f.yaml:2:7: syntax error: this [ is never closed; close it with ], or put text that starts with [ in quotes"},
		{"at the end", "id: x\ntitle: [unclosed\n", "f.yaml:2:8: syntax error: this [ is never closed; close it with ], or put text that starts with [ in quotes"},
		{"json", "{\"id\": \"x\",\n \"lang\": [\"en\",\n \"title\": \"t\"\n}\n", "f.yaml:2:10: syntax error: this [ is never closed; close it with ], or put text that starts with [ in quotes"},
		{"a comma, not a bracket", "{\"id\": \"x\"\n \"lang\": \"en\"}\n", "f.yaml:2:2: syntax error: ',' or '}' must be specified"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var v struct {
				ID string `yaml:"id"`
			}
			_, errs := Decode("f.yaml", []byte(c.src), &v, Options{})
			if len(errs) != 1 || errs[0].Error() != c.want {
				t.Errorf("got %v\nwant %s", errs, c.want)
			}
		})
	}
}
