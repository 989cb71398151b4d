package cli_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/testtool"
)

// parseEML is what Python's email package reads in an .eml file: its
// headers, its text and each attachment's name and sha256 (and, for a zip,
// each member's).
const parseEML = `
import email, email.policy, hashlib, io, json, sys, zipfile
msg = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
out = {'headers': {k: str(v) for k, v in msg.items()}, 'defects': [str(d) for d in msg.defects],
       'text': msg.get_body(('plain',)).get_content(), 'attachments': []}
for part in msg.iter_attachments():
    data = part.get_payload(decode=True)
    a = {'name': part.get_filename(), 'type': part.get_content_type(), 'sha256': hashlib.sha256(data).hexdigest(), 'members': {}}
    if a['type'] == 'application/zip':
        z = zipfile.ZipFile(io.BytesIO(data))
        for n in z.namelist():
            a['members'][n] = hashlib.sha256(z.read(n)).hexdigest()
    out['attachments'].append(a)
json.dump(out, sys.stdout)
`

type parsedEML struct {
	Headers     map[string]string
	Defects     []string
	Text        string
	Attachments []struct {
		Name, Type, SHA256 string
		Members            map[string]string
	}
}

func readEML(t *testing.T, file string) parsedEML {
	t.Helper()
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		testtool.Missing(t, "/usr/bin/python3 (Debian python3) not found")
	}
	out, err := exec.Command(py, "-c", parseEML, file).Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("python email parser on %s: %v\n%s", file, err, stderr)
	}
	var p parsedEML
	if err := json.Unmarshal(out, &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Defects) > 0 {
		t.Errorf("%s: python's parser found defects: %v", file, p.Defects)
	}
	return p
}

func sha(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// TestEmailDrafts: build --format pdf,eml --audience delegates makes a
// draft per language, read back by Python's email parser: X-Unsent, the
// subject and note in that language, and the pack's and briefs' PDFs
// attached byte for byte; over --email-limit, one zip of them instead.
func TestEmailDrafts(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	data := filepath.Join(dir, "st.yaml")
	s := cartagena(t)
	// The delegates get their own subject, note and addressees; the
	// Spanish translation keeps them out, so Spanish uses its defaults.
	s = strings.Replace(s, "  - id: delegates\n", "  - id: delegates\n    email:\n      subject: Our briefing for the consultations\n      note: |\n        Dear delegates,\n\n        Here is our briefing for Chile.\n      to: [\"Ana Pérez <ana@example.org>\", desk@example.org]\n      cc: [advocacy@example.org]\n", 1)
	if !strings.Contains(s, "email:") {
		t.Fatal("could not add email: to the delegates")
	}
	if err := os.WriteFile(data, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	// The Spanish translation translates the delegates' subject and note.
	es, err := os.ReadFile(filepath.Join("..", "..", "data", "cartagena40.es.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	es = []byte(strings.Replace(string(es), "    pack_label: Dosier para delegaciones\n", "    pack_label: Dosier para delegaciones\n    email:\n      subject: Nuestro dosier para las consultas\n      note: |\n        Estimadas delegaciones:\n\n        Adjuntamos nuestro dosier para Chile.\n", 1))
	if err := os.WriteFile(filepath.Join(dir, "st.es.yaml"), es, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"build", "-q", "--data", data, "--format", "pdf,eml", "--audience", "delegates,donors"}
	if code, _, stderr := runBinIn(t, dir, "", args...); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	listed := testtool.ManifestTrue(t, out)
	for _, lang := range []string{"en", "es"} {
		rel := "delegates/" + lang + "/cartagena40-delegates-" + lang + "-email.eml"
		found := false
		for _, p := range listed {
			found = found || p == rel
		}
		if !found {
			t.Fatalf("the manifest does not list %s: %v", rel, listed)
		}
		m := readEML(t, filepath.Join(out, rel))
		if m.Headers["X-Unsent"] != "1" || m.Headers["Date"] != "Fri, 21 Jun 2024 00:00:00 +0000" || m.Headers["Content-Language"] != lang {
			t.Errorf("%s: headers %v", rel, m.Headers)
		}
		subject, note := "Our briefing for the consultations", "Dear delegates,\n\nHere is our briefing for Chile.\nDanish Refugee Council\n"
		if lang == "es" {
			subject, note = "Nuestro dosier para las consultas", "Estimadas delegaciones:\n\nAdjuntamos nuestro dosier para Chile.\nConsejo Danés para Refugiados\n"
		}
		if m.Headers["Subject"] != subject || m.Text != note ||
			m.Headers["To"] != "Ana Pérez <ana@example.org>, desk@example.org" || m.Headers["Cc"] != "advocacy@example.org" {
			t.Errorf("%s: subject %q to %q cc %q text %q", rel, m.Headers["Subject"], m.Headers["To"], m.Headers["Cc"], m.Text)
		}
		if !strings.Contains(m.Text, "Danish Refugee Council") && !strings.Contains(m.Text, "Consejo Danés para Refugiados") {
			t.Errorf("%s: the note is not signed: %q", rel, m.Text)
		}
		// Every PDF of the folder attached, the pack's first, byte for byte.
		var pdfs []string
		for _, p := range listed {
			if path.Dir(p) == path.Dir(rel) && strings.HasSuffix(p, ".pdf") {
				pdfs = append(pdfs, p)
			}
		}
		if len(m.Attachments) != len(pdfs) || len(pdfs) != 5 || m.Attachments[0].Name != "cartagena40-pack.pdf" {
			t.Fatalf("%s: %d attachments (first %q), want the folder's %d PDFs, the pack's first", rel, len(m.Attachments), m.Attachments[0].Name, len(pdfs))
		}
		for _, a := range m.Attachments {
			if a.Type != "application/pdf" || a.SHA256 != sha(t, filepath.Join(out, path.Dir(rel), a.Name)) {
				t.Errorf("%s: attachment %s (%s) is not the file on disk", rel, a.Name, a.Type)
			}
		}
	}

	// An audience without email: the language's subject and note, no
	// addressees.
	m := readEML(t, filepath.Join(out, "donors/es/cartagena40-donors-es-email.eml"))
	if !strings.HasSuffix(m.Headers["Subject"], ": Honrar las promesas de la Declaración de Cartagena") || m.Headers["To"] != "" ||
		!strings.Contains(m.Text, "Adjuntamos nuestros documentos informativos sobre «Honrar las promesas de la Declaración de Cartagena»") {
		t.Errorf("donors, es: subject %q, to %q, text %q; want the Spanish defaults", m.Headers["Subject"], m.Headers["To"], m.Text)
	}

	// Over the limit: one zip holding the same PDFs.
	out2 := filepath.Join(dir, "small")
	if code, _, stderr := runBinIn(t, dir, "", append(args, "--out", out2, "--email-limit", "50KB")...); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	m = readEML(t, filepath.Join(out2, "delegates/en/cartagena40-delegates-en-email.eml"))
	if len(m.Attachments) != 1 || m.Attachments[0].Type != "application/zip" || m.Attachments[0].Name != "cartagena40-delegates-en.zip" || len(m.Attachments[0].Members) != 5 {
		t.Fatalf("over the limit: attachments %+v, want one zip of 5 PDFs", m.Attachments)
	}
	for name, sum := range m.Attachments[0].Members {
		if sum != sha(t, filepath.Join(out2, "delegates/en", path.Base(name))) {
			t.Errorf("the zip's %s is not the file on disk", name)
		}
	}
	// Deterministic: the same bytes in another folder; up to date in the
	// same one.
	out3 := filepath.Join(dir, "again")
	if code, _, stderr := runBinIn(t, dir, "", append(args, "--out", out3)...); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	rel := filepath.FromSlash("delegates/es/cartagena40-delegates-es-email.eml")
	if sha(t, filepath.Join(out, rel)) != sha(t, filepath.Join(out3, rel)) {
		t.Error("two builds of the same input wrote different drafts")
	}
	if code, stdout, stderr := runBinIn(t, dir, "", append(args, "--quiet=false")...); code != 0 || !strings.Contains(stdout, "20 documents up to date") {
		t.Errorf("rebuild: exit %d, %s%s; want everything up to date", code, stdout, stderr)
	}
	if code, _, stderr := runBinIn(t, dir, "", append(args, "--email-limit", "lots")...); code != 2 || !strings.Contains(stderr, "--email-limit") {
		t.Errorf("--email-limit lots: exit %d, %s", code, stderr)
	}
}
